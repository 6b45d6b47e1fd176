#!/usr/bin/env bash
# Runs the RealWorld ("Conduit") acceptance suite, the upstream Postman collection, against a
# running server with newman, as a fresh user.
#
#   examples/conduit/realworld/run.sh http://127.0.0.1:8080/api
#
# Installs newman (pinned in package.json and package-lock.json) into this folder with npm ci on
# first use. Prints newman's report, then every failure (request, assertion, message), and as its
# last line "N passed, M failed". Exits with 0 only when nothing failed and something passed.
# M counts failed assertions plus errors that stop a request or its test script (connection
# refused, a test script throwing on a body that is not JSON): those skip assertions silently.
#
# Needs Node.js 16 or later with npm. Optional environment variables:
#   COLLECTION       the collection (default: ../shared/realworld/ beside the repository)
#   DELAY_REQUEST    ms between requests (default 10)
#   TIMEOUT_REQUEST  ms a request may take (default 30000)
#   RESULTS_DIR      where newman's JSON report goes (default: a new temporary folder)
#   RW_USERNAME, RW_EMAIL, RW_PASSWORD   the user to register (default: a new one per run)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

die() {
  echo "run.sh: $1" >&2
  exit "${2:-2}"
}

[ $# -eq 1 ] || die "usage: $0 URL (the API root, e.g. http://127.0.0.1:8080/api)"
URL="${1%/}"
case "$URL" in
  http://* | https://*) ;;
  *) die "'$URL' is not an http(s) URL; pass the API root, e.g. http://127.0.0.1:8080/api" ;;
esac

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
  die "node and npm are needed (Node.js 16 or later, e.g. from https://nodejs.org or your package manager)"
node -e 'process.exit(parseInt(process.versions.node) >= 16 ? 0 : 1)' ||
  die "Node.js 16 or later is needed; this is $(node --version)"

# examples/conduit/realworld -> repository root -> the shared folder beside it.
COLLECTION="${COLLECTION:-$HERE/../../../../shared/realworld/Conduit.postman_collection.json}"
[ -f "$COLLECTION" ] || die "no collection at $COLLECTION; set COLLECTION to Conduit.postman_collection.json"

# Is anything answering HTTP at URL? Any status will do; a refused or timed-out connection won't.
node - "$URL" <<'JS' || die "no server answers at $URL; start one first (e.g. ./keel run conduit)" 3
const url = new URL(process.argv[2] + "/tags");
const lib = require(url.protocol === "https:" ? "https" : "http");
const req = lib.get(url, { timeout: 5000, rejectUnauthorized: false }, (res) => {
  res.resume();
  process.exit(0);
});
req.on("timeout", () => req.destroy(new Error("timed out after 5 s")));
req.on("error", (e) => {
  console.error(`run.sh: GET ${url}: ${e.message}`);
  process.exit(1);
});
JS

# Installs newman when it is missing or not the pinned version. A lock folder keeps two runs
# started at once from installing over each other; one left by a killed run is taken over.
installed_ok() {
  node -e '
    const want = require(process.argv[1] + "/package.json").devDependencies.newman;
    let have = null;
    try { have = require(process.argv[1] + "/node_modules/newman/package.json").version; } catch (e) {}
    process.exit(have === want ? 0 : 1);' "$HERE" &&
    [ -x "$HERE/node_modules/.bin/newman" ] && [ -f "$HERE/node_modules/.package-lock.json" ]
}
if ! installed_ok; then
  LOCK="$HERE/node_modules.lock"
  for _ in $(seq 1 600); do
    if mkdir "$LOCK" 2>/dev/null; then
      echo $$ >"$LOCK/pid"
      break
    fi
    holder=$(cat "$LOCK/pid" 2>/dev/null || true)
    if [ -n "$holder" ] && ! kill -0 "$holder" 2>/dev/null; then rm -rf "$LOCK"; fi
    sleep 1
  done
  [ -f "$LOCK/pid" ] && [ "$(cat "$LOCK/pid")" = $$ ] || die "could not take $LOCK for 10 minutes"
  trap 'rm -rf "$LOCK"' EXIT
  if ! installed_ok; then
    echo "run.sh: installing newman into $HERE/node_modules (npm ci)"
    (cd "$HERE" && npm ci --no-audit --no-fund) || die "npm ci failed in $HERE"
  fi
  rm -rf "$LOCK"
  trap - EXIT
fi

STAMP="$(date +%Y%m%d%H%M%S)$$$RANDOM"
USERNAME="${RW_USERNAME:-rw$STAMP}"
EMAIL="${RW_EMAIL:-$USERNAME@example.com}"
PASSWORD="${RW_PASSWORD:-password1234}"
RESULTS_DIR="${RESULTS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/conduit-realworld.XXXXXX")}"
mkdir -p "$RESULTS_DIR"
REPORT="$RESULTS_DIR/newman-$USERNAME.json"

echo "run.sh: $URL as $USERNAME, report in $REPORT"
status=0
"$HERE/node_modules/.bin/newman" run "$COLLECTION" \
  --global-var "APIURL=$URL" \
  --global-var "USERNAME=$USERNAME" \
  --global-var "EMAIL=$EMAIL" \
  --global-var "PASSWORD=$PASSWORD" \
  --delay-request "${DELAY_REQUEST:-10}" \
  --timeout-request "${TIMEOUT_REQUEST:-30000}" \
  --reporters cli,json \
  --reporter-json-export "$REPORT" || status=$?

[ -f "$REPORT" ] || die "newman (exit $status) wrote no report to $REPORT" 4

# Counts assertions from every execution; lists run.failures, which holds failed assertions and
# the errors that stopped a request or script. The last line printed is "N passed, M failed".
node - "$REPORT" <<'JS'
const run = require(require("path").resolve(process.argv[2])).run;
let passed = 0;
for (const execution of run.executions || []) {
  for (const a of execution.assertions || []) {
    if (!a.error && !a.skipped) passed++;
  }
}
const failures = run.failures || [];
if (run.error) failures.push({ error: run.error, source: { name: "(newman run)" } });
if (failures.length > 0) {
  console.log(`\nFailures (${failures.length}):`);
  failures.forEach((f, i) => {
    const e = f.error || {};
    const request = (f.source && f.source.name) || "?";
    const what = e.test ? `"${e.test}"` : `${e.name || "Error"} at ${f.at || "?"}`;
    const message = (e.message || "").replace(/\s+/g, " ").trim();
    console.log(`${i + 1}. ${request} | ${what} | ${message}`);
  });
  console.log("");
}
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 && passed > 0 ? 0 : 1);
JS
