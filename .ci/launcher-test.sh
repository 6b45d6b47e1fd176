#!/usr/bin/env bash
# Checks the keel command's handling of example names, which needs no build of the examples: every command that takes NAME
# (run, routes, openapi, db, package) refuses a name that is not an app of examples/ with exit 2 and
# the list of exactly the folders of examples/ that hold a pom.xml (never pom.xml, target or a path
# such as ../keel-core). Run by ./keel test; takes a second or two.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
failures=0
fail() { echo "launcher-test: FAIL: $*" >&2; failures=$((failures + 1)); }

apps=()
for dir in "$ROOT"/examples/*/; do [ -f "$dir/pom.xml" ] && apps+=("$(basename "$dir")"); done
want="choose one of: ${apps[*]}"
[ ${#apps[@]} -ge 3 ] || fail "found only ${#apps[@]} examples: ${apps[*]}"

for name in nosuchapp pom.xml target ../keel-core . "" "conduit/../hello" "-x"; do
  for cmd in "run" "routes" "openapi" "db migrate" "package"; do
    # shellcheck disable=SC2086 # $cmd is one or two words
    out=$("$ROOT/keel" $cmd "$name" 2>&1 </dev/null); status=$?
    [ "$status" = 2 ] || fail "./keel $cmd '$name' exited $status, want 2 (output: $out)"
    # an option-like word is an unknown option to commands that take no app arguments
    [ "$out" = "keel: no example '$name'; $want" ] ||
      { [[ "$name" == -* ]] && [[ "$out" == "keel: Unknown option: '$name'"* ]]; } ||
      fail "./keel $cmd '$name' printed '$out', want \"keel: no example '$name'; $want\""
  done
done
for cmd in "run" "routes" "openapi" "package"; do
  # shellcheck disable=SC2086
  out=$("$ROOT/keel" $cmd 2>&1 </dev/null); status=$?
  [ "$status" = 2 ] && [[ "$out" == "keel: usage:"*"NAME is one of: ${apps[*]}"* ]] ||
    fail "./keel $cmd without NAME: exit $status, '$out'"
done

if [ "$failures" -gt 0 ]; then echo "launcher-test: $failures failure(s)" >&2; exit 1; fi
echo "launcher-test: OK (${#apps[@]} examples: ${apps[*]})"
