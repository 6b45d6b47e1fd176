#!/usr/bin/env bash
# Creates (or repairs) TechEmpower's `hello_world` database on the local PostgreSQL, idempotently:
#
#   benchmarks/db/setup-hello-world.sh [--reset]
#
# - role `benchmarkdbuser` (password `benchmarkdbpass`, LOGIN), owner of the database and tables
# - database `hello_world` (UTF-8)
# - table `world` (id integer primary key, randomnumber integer), ids 1..10000, random 1..10000
# - table `fortune` (id integer primary key, message varchar(2048)), TechEmpower's 12 rows
#
# Same table and column names as TechEmpower's toolset/databases/postgres/create-postgres.sql
# (`randomNumber` is created unquoted there, so the column is `randomnumber`).
# Running it again changes nothing that is already right: missing rows are added, extra rows
# removed, the fortunes rewritten to the canonical text; existing world rows keep their random
# numbers (the /updates test changes them anyway). --reset drops and recreates both tables.
#
# Connection (as a superuser): PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres);
# the server here uses trust auth, otherwise set PGPASSWORD too.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

RESET=0
case "${1:-}" in
  --reset) RESET=1 ;;
  "") ;;
  -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "setup-hello-world: unknown argument '$1' (only --reset)" >&2; exit 2 ;;
esac

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
command -v psql >/dev/null || { echo "setup-hello-world: psql not found (apt-get install postgresql-client)" >&2; exit 1; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

if ! psql_admin -c 'select 1' >/dev/null 2>&1; then
  echo "setup-hello-world: cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER;" \
    "start the server or set PGHOST/PGPORT/PGUSER/PGPASSWORD" >&2
  exit 1
fi

# Role and database. CREATE DATABASE cannot run in a DO block or a transaction: \gexec it.
psql_admin <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'benchmarkdbuser') THEN
    CREATE ROLE benchmarkdbuser LOGIN PASSWORD 'benchmarkdbpass';
  ELSE
    ALTER ROLE benchmarkdbuser LOGIN PASSWORD 'benchmarkdbpass';
  END IF;
END
$$;
SELECT 'CREATE DATABASE hello_world OWNER benchmarkdbuser ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'hello_world')
\gexec
ALTER DATABASE hello_world OWNER TO benchmarkdbuser;
SQL

# Tables and rows, in one transaction (a concurrent run waits on the table locks).
{
  echo 'SET client_encoding = UTF8; SET client_min_messages = warning;'
  echo 'BEGIN;'
  if ((RESET)); then echo 'DROP TABLE IF EXISTS world, fortune;'; fi
  cat <<'SQL'
CREATE TABLE IF NOT EXISTS world (
  id integer NOT NULL,
  randomNumber integer NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS fortune (
  id integer NOT NULL,
  message varchar(2048) NOT NULL,
  PRIMARY KEY (id)
);
LOCK TABLE world, fortune IN EXCLUSIVE MODE;
ALTER TABLE world OWNER TO benchmarkdbuser;
ALTER TABLE fortune OWNER TO benchmarkdbuser;

DELETE FROM world WHERE id NOT BETWEEN 1 AND 10000;
INSERT INTO world (id, randomnumber)
SELECT n, least(floor(random() * 10000 + 1), 10000) FROM generate_series(1, 10000) AS n
ON CONFLICT (id) DO NOTHING;
UPDATE world SET randomnumber = least(floor(random() * 10000 + 1), 10000)
WHERE randomnumber NOT BETWEEN 1 AND 10000;

CREATE TEMP TABLE canonical_fortune (id integer PRIMARY KEY, message varchar(2048) NOT NULL) ON COMMIT DROP;
INSERT INTO canonical_fortune (id, message) VALUES
SQL
  grep -v '^--' "$HERE/fortune-rows.sql"
  echo ';'
  cat <<'SQL'
DELETE FROM fortune WHERE id NOT IN (SELECT id FROM canonical_fortune);
INSERT INTO fortune (id, message) SELECT id, message FROM canonical_fortune
ON CONFLICT (id) DO UPDATE SET message = EXCLUDED.message
WHERE fortune.message IS DISTINCT FROM EXCLUDED.message;
COMMIT;
ANALYZE world;
ANALYZE fortune;
SQL
} | psql -X -q -v ON_ERROR_STOP=1 -d hello_world >/dev/null

# Check what the benchmark user sees (also proves it can log in).
read -r worlds in_range fortunes < <(PGUSER=benchmarkdbuser PGPASSWORD=benchmarkdbpass psql -X -At -F ' ' -d hello_world -c \
  "SELECT (SELECT count(*) FROM world), (SELECT count(*) FROM world WHERE randomnumber BETWEEN 1 AND 10000), (SELECT count(*) FROM fortune)")
if [[ "$worlds" != 10000 || "$in_range" != 10000 || "$fortunes" != 12 ]]; then
  echo "setup-hello-world: unexpected contents: world=$worlds rows ($in_range in 1..10000), fortune=$fortunes rows" >&2
  exit 1
fi
echo "hello_world ready on $PGHOST:$PGPORT: world 10000 rows, fortune 12 rows, user benchmarkdbuser"
