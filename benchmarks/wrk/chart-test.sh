#!/usr/bin/env bash
# Checks benchmarks/wrk/Chart.java on the fixed benchmarks/wrk/testdata/results.tsv: the SVG is
# well-formed XML, has one bar per (server, test) with req/s data and the legend names (escaped),
# the same input gives the same bytes, a changed input changes them, and a file without req/s data
# writes nothing (exit 3). Run by ./keel test; takes a few seconds.
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAVA_HOME=$("$ROOT/keel" java) || { echo "chart-test: no JDK 25+ (./keel java)" >&2; exit 1; }
JAVA="$JAVA_HOME/bin/java"
TSV="$HERE/testdata/results.tsv"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "chart-test: FAIL: $*" >&2; failures=$((failures + 1)); }

DATE="2026-11-21 22:17:20 UTC"
COMMAND='benchmarks/wrk/bench.sh --reps 3 --only-entries "a<b" & co'

# As bench.sh runs it: the source launcher.
"$JAVA" "$HERE/Chart.java" "$TSV" "$TMP/chart.svg" "$DATE" "$COMMAND" || fail "Chart.java exited $?"
[[ -s "$TMP/chart.svg" ]] || { fail "no SVG written"; exit 1; }

python3 -c 'import xml.dom.minidom, sys; xml.dom.minidom.parse(sys.argv[1])' "$TMP/chart.svg" ||
  fail "the SVG is not well-formed XML"

# One bar per distinct (server, rps_ metric) with a numeric value.
want=$(awk -F'\t' 'NF == 4 && $2 ~ /^rps_/ && $4 ~ /^[0-9.]+$/ { seen[$1 "|" $2] = 1 } END { print length(seen) }' "$TSV")
bars=$(grep -c '<rect class="bar"' "$TMP/chart.svg")
[[ "$bars" == "$want" ]] || fail "$bars bars, want $want (one per server and test with data)"

for name in keel netty vertx spring 'my&lt;&amp;&gt;peer'; do
  grep -qF ">$name</text>" "$TMP/chart.svg" || fail "legend or bar label '$name' missing"
done
grep -qF '>helidon</text>' "$TMP/chart.svg" && fail "helidon has no req/s data but is drawn"
grep -qF '&quot;a&lt;b&quot; &amp; co' "$TMP/chart.svg" || fail "the command line is missing or not escaped"
grep -qF "Run of $DATE" "$TMP/chart.svg" || fail "the date is missing"
grep -qF 'fortunes, 64 connections (no Keel data: relative to vertx)' "$TMP/chart.svg" ||
  fail "a test without Keel data is not drawn relative to its first server"
grep -qF '129,318 req/s (1.00×)' "$TMP/chart.svg" || fail "Keel's plaintext median label is missing"
grep -qF '130,727 req/s' "$TMP/chart.svg" || fail "the median of an even count (vertx json) is wrong"

# The rest with a compiled class: quicker than the source launcher each time.
"$JAVA_HOME/bin/javac" -d "$TMP/classes" "$HERE/Chart.java" || { fail "javac failed"; exit 1; }
chart() { "$JAVA" -cp "$TMP/classes" Chart "$@"; }

chart "$TSV" "$TMP/again.svg" "$DATE" "$COMMAND" && cmp -s "$TMP/chart.svg" "$TMP/again.svg" ||
  fail "the same input gave different output"

sed 's/^keel\trps_json256\t1\t120184$/keel\trps_json256\t1\t99000/' "$TSV" >"$TMP/changed.tsv"
cmp -s "$TSV" "$TMP/changed.tsv" && fail "the fixture changed nothing (test bug)"
chart "$TMP/changed.tsv" "$TMP/changed.svg" "$DATE" "$COMMAND"
cmp -s "$TMP/chart.svg" "$TMP/changed.svg" && fail "a changed input gave the same output"

grep -v 'rps_' "$TSV" >"$TMP/none.tsv"
chart "$TMP/none.tsv" "$TMP/none.svg" 2>/dev/null
status=$?
[[ $status == 3 ]] || fail "no req/s data: exit $status, want 3"
[[ -e "$TMP/none.svg" ]] && fail "no req/s data, yet an SVG was written"

if ((failures > 0)); then
  echo "chart-test: $failures failure(s)" >&2
  exit 1
fi
echo "chart-test: Chart.java OK ($bars bars)"
