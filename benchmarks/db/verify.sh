#!/usr/bin/env bash
# Checks a running app's TechEmpower database endpoints against TechEmpower's rules:
#
#   benchmarks/db/verify.sh [--tests db,queries,updates,cached-queries,fortunes] http://127.0.0.1:8080
#
# For every response: status 200, a Server and a Date header, Content-Length or chunked, the right
# content type. Then per test:
#   db              a JSON object {"id": 1..10000, "randomNumber": 1..10000}, application/json
#   queries         ?queries=N → an array of N such objects; N clamped to 1..500 and missing, empty,
#                   0, non-numeric → 1 (checked with no parameter, "", foo, 0, 1, 20, 500, 501)
#   updates         the same shapes and clamping; and the new random numbers are persisted: every
#                   returned row reads back from the database with the returned randomNumber, and
#                   (nearly) all of them changed (needs psql and the database, see below)
#   cached-queries  ?count=N, same shapes and clamping
#   fortunes        text/html; charset=UTF-8; TechEmpower's 12 rows plus {0, "Additional fortune
#                   added at request time."}, sorted by message, HTML-escaped (the <script> row
#                   must arrive escaped), the Japanese row intact (UTF-8), the table header row
#
# The persistence check of /updates reads the `world` table with psql: PGHOST (127.0.0.1), PGPORT
# (5432), PGDATABASE (hello_world), PGUSER (benchmarkdbuser), PGPASSWORD (benchmarkdbpass). Without a
# working psql that one check is reported as skipped (not failed).
# Exit status: 0 when every check passed, 1 otherwise. Needs curl and jq.
set -uo pipefail

ALL_TESTS="db,queries,updates,cached-queries,fortunes"
TESTS="$ALL_TESTS"
BASE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tests) TESTS="${2:?--tests needs a value}"; shift 2 ;;
    --tests=*) TESTS="${1#*=}"; shift ;;
    -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "verify: unknown option $1" >&2; exit 2 ;;
    *) BASE="${1%/}"; shift ;;
  esac
done
[[ -n "$BASE" ]] || { echo "usage: verify.sh [--tests $ALL_TESTS] URL" >&2; exit 2; }
for t in ${TESTS//,/ }; do
  [[ ",$ALL_TESTS," == *",$t,"* ]] || { echo "verify: unknown test '$t' (known: $ALL_TESTS)" >&2; exit 2; }
done
command -v curl >/dev/null || { echo "verify: curl is required" >&2; exit 2; }
command -v jq >/dev/null || { echo "verify: jq is required (apt-get install jq)" >&2; exit 2; }

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGDATABASE="${PGDATABASE:-hello_world}"
export PGUSER="${PGUSER:-benchmarkdbuser}" PGPASSWORD="${PGPASSWORD:-benchmarkdbpass}"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
PASSES=0
fail() { echo "FAIL $*"; FAILS=$((FAILS + 1)); }
pass() { echo "ok   $*"; PASSES=$((PASSES + 1)); }

# fetch PATH ACCEPT -> sets CODE, and $TMP/h (headers, CR stripped) and $TMP/b (body)
fetch() {
  CODE=$(curl -sS --max-time 10 -H "Accept: $2" -D "$TMP/h.raw" -o "$TMP/b" -w '%{http_code}' "$BASE$1" 2>"$TMP/err")
  [[ -n "$CODE" && "$CODE" != 000 ]] || CODE="no response ($(head -c 200 "$TMP/err"))"
  tr -d '\r' <"$TMP/h.raw" >"$TMP/h" 2>/dev/null
}
header() { grep -i "^$1:" "$TMP/h" | head -1 | sed 's/^[^:]*: *//; s/ *$//'; }

# common PATH CONTENT-TYPE-REGEX -> checks status, Server, Date, length framing, content type
common() {
  local path=$1 type_re=$2 ok=0 ct
  [[ "$CODE" == 200 ]] || { fail "$path: status $CODE (want 200)"; return 1; }
  [[ -n "$(header server)" ]] || { fail "$path: no Server header"; ok=1; }
  [[ -n "$(header date)" ]] || { fail "$path: no Date header"; ok=1; }
  if [[ -z "$(header content-length)" ]] && ! header transfer-encoding | grep -qi chunked; then
    fail "$path: neither Content-Length nor Transfer-Encoding: chunked"; ok=1
  fi
  ct=$(header content-type)
  echo "$ct" | grep -qiE "$type_re" || { fail "$path: Content-Type '$ct' (want $3)"; ok=1; }
  return $ok
}

WORLD_OK='type == "object" and (keys | sort) == ["id", "randomNumber"]
  and (.id | type) == "number" and (.randomNumber | type) == "number"
  and .id == (.id | floor) and .randomNumber == (.randomNumber | floor)
  and .id >= 1 and .id <= 10000 and .randomNumber >= 1 and .randomNumber <= 10000'
JSON_TYPE='^application/json *(; *charset=utf-8)?$'
ACCEPT_JSON='application/json,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7'
ACCEPT_HTML='text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

check_db() {
  fetch /db "$ACCEPT_JSON"
  common /db "$JSON_TYPE" application/json || return
  if jq -e "$WORLD_OK" "$TMP/b" >/dev/null 2>&1; then pass "/db: $(head -c 80 "$TMP/b")"
  else fail "/db: body is not {\"id\":1..10000,\"randomNumber\":1..10000}: $(head -c 200 "$TMP/b")"; fi
}

# array_checks PATH PARAM: the clamping matrix for /queries, /updates, /cached-queries
array_checks() {
  local path=$1 param=$2 q want n url
  for q in "<none>:1" ":1" "foo:1" "0:1" "-5:1" "1:1" "20:20" "500:500" "501:500"; do
    want=${q##*:}; q=${q%:*}
    if [[ "$q" == "<none>" ]]; then url=$path; else url="$path?$param=$q"; fi
    fetch "$url" "$ACCEPT_JSON"
    common "$url" "$JSON_TYPE" application/json || continue
    n=$(jq -e "if type == \"array\" and all(.[]; $WORLD_OK) then length else -1 end" "$TMP/b" 2>/dev/null)
    if [[ "$n" == "$want" ]]; then pass "$url: $n rows"
    elif [[ "$n" == -1 || -z "$n" ]]; then fail "$url: not an array of {\"id\",\"randomNumber\"} objects: $(head -c 200 "$TMP/b")"
    else fail "$url: $n rows (want $want)"; fi
  done
}

check_updates() {
  array_checks /updates queries
  # persistence: snapshot, update 20 rows, read them back
  local before="$TMP/before" after="$TMP/after"
  if ! command -v psql >/dev/null ||
    ! psql -X -At -F ' ' -c 'SELECT id, randomnumber FROM world ORDER BY id' >"$before" 2>"$TMP/psql.err"; then
    echo "skip /updates persistence: cannot read the world table with psql ($(head -c 200 "$TMP/psql.err" 2>/dev/null))"
    return
  fi
  fetch "/updates?queries=20" "$ACCEPT_JSON"
  common "/updates?queries=20" "$JSON_TYPE" application/json || return
  psql -X -At -F ' ' -c 'SELECT id, randomnumber FROM world ORDER BY id' >"$after"
  # returned rows whose id occurs once (a repeated id may legitimately end with either value)
  jq -r 'group_by(.id)[] | select(length == 1) | .[0] | "\(.id) \(.randomNumber)"' "$TMP/b" >"$TMP/returned"
  local total stored changed
  total=$(wc -l <"$TMP/returned")
  stored=$(awk 'NR == FNR { db[$1] = $2; next } db[$1] == $2' "$after" "$TMP/returned" | wc -l)
  changed=$(awk 'NR == FNR { old[$1] = $2; next } old[$1] != $2' "$before" "$TMP/returned" | wc -l)
  if ((total == 0)); then fail "/updates?queries=20: no rows to check"
  elif ((stored != total)); then fail "/updates?queries=20: only $stored of $total returned rows are stored in the database with the returned randomNumber"
  elif ((changed < total - 1)); then fail "/updates?queries=20: only $changed of $total rows got a new randomNumber"
  else pass "/updates?queries=20: all $total rows persisted, $changed changed"; fi
}

check_fortunes() {
  fetch /fortunes "$ACCEPT_HTML"
  common /fortunes '^text/html *; *charset=utf-8$' 'text/html; charset=UTF-8' || return
  local flat="$TMP/flat" rows="$TMP/rows" expected="$TMP/expected"
  # whitespace between tags does not matter; then one line per table row
  # (also inside a cell: a template may put the value on its own indented line)
  tr '\n' ' ' <"$TMP/b" | sed -E 's/>[[:space:]]+</></g; s/<(td|th)>[[:space:]]+/<\1>/g; s/[[:space:]]+<\/(td|th)>/<\/\1>/g; s/^[[:space:]]+//' >"$flat"
  grep -qiE '^<!DOCTYPE html>' "$flat" || fail "/fortunes: does not start with <!DOCTYPE html>"
  grep -qi '<title>Fortunes</title>' "$flat" || fail "/fortunes: no <title>Fortunes</title>"
  grep -qiE '<tr><th>id</th><th>message</th></tr>' "$flat" || fail "/fortunes: no header row <tr><th>id</th><th>message</th></tr>"
  if grep -q '<script>' "$flat"; then fail "/fortunes: an unescaped <script> tag (messages must be HTML-escaped)"; fi
  grep -q '&lt;script&gt;' "$flat" || fail "/fortunes: the <script> fortune is not there HTML-escaped (&lt;script&gt;)"
  grep -o -E '<tr><td>[^<]*</td><td>[^<]*</td></tr>' "$flat" |
    sed -E 's:^<tr><td>([^<]*)</td><td>([^<]*)</td></tr>$:\1|\2:' |
    sed -E 's/&lt;/</g; s/&gt;/>/g; s/&quot;|&#34;|&#x22;|&#034;/"/g; s/&#39;|&#x27;|&#039;|&apos;/'"'"'/g; s/&#x3D;|&#61;/=/g; s/&#x60;|&#96;/`/g; s/&amp;/\&/g' >"$rows"
  cat >"$expected" <<'EOF'
11|<script>alert("This should not be displayed in a browser alert box.");</script>
4|A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1
5|A computer program does what you tell it to do, not what you want it to do.
2|A computer scientist is someone who fixes things that aren't broken.
8|A list is only as strong as its weakest link. — Donald Knuth
0|Additional fortune added at request time.
3|After enough decimal places, nobody gives a damn.
7|Any program that runs right is obsolete.
10|Computers make very fast, very accurate mistakes.
6|Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen
9|Feature: A bug with seniority.
1|fortune: No such file or directory
12|フレームワークのベンチマーク
EOF
  if diff -q "$expected" "$rows" >/dev/null; then
    pass "/fortunes: 13 rows, sorted, escaped, UTF-8 ($(wc -c <"$TMP/b") bytes)"
  else
    fail "/fortunes: rows differ from TechEmpower's (expected < > got):"
    diff "$expected" "$rows" | sed 's/^/       /' | head -30
  fi
}

echo "verifying $BASE ($TESTS)"
for t in ${TESTS//,/ }; do
  case "$t" in
    db) check_db ;;
    queries) array_checks /queries queries ;;
    updates) check_updates ;;
    cached-queries) array_checks /cached-queries count ;;
    fortunes) check_fortunes ;;
  esac
done
echo "$PASSES passed, $FAILS failed"
((FAILS == 0))
