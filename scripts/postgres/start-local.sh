#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the store tests, and prints the line that points the tests at it:
#
#   eval "$(scripts/postgres/start-local.sh)"      # exports TDKT_TEST_POSTGRES_URL in this shell
#   npx vitest run --project unit test/store
#   scripts/postgres/stop-local.sh                 # add --purge to delete the data too
#
# Idempotent: a second run finds the server already running and prints the same URL. Non-interactive
# (works under CI=true with no stdin). As root on Debian it installs PostgreSQL with apt-get when it is
# missing; as another user PostgreSQL must already be installed.
#
# Settings (environment):
#   TDKT_PG_DIR   where the cluster lives (default /tmp/tdkt-postgres; or pass it as the first argument)
#   TDKT_PG_PORT  preferred port (default 54329; the next free one is used if it is taken)
#   TDKT_PG_DB    database to create (default tdkt_test)
# Only the export line goes to stdout; progress goes to stderr. The URL is also written to $TDKT_PG_DIR/env
# and, on GitHub Actions, appended to $GITHUB_ENV.
set -euo pipefail
exec </dev/null

DIR="${1:-${TDKT_PG_DIR:-/tmp/tdkt-postgres}}"
PREFERRED_PORT="${TDKT_PG_PORT:-54329}"
DB_NAME="${TDKT_PG_DB:-tdkt_test}"
DB_USER=postgres
# A throwaway server bound to 127.0.0.1: the password only exercises the client's password authentication.
DB_PASSWORD=tdkt

log() { echo "start-local: $*" >&2; }
die() { log "error: $*"; exit 1; }

find_bin_dir() {
  # The newest installed major version, e.g. /usr/lib/postgresql/15/bin.
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && echo "$dir"
}

BIN=$(find_bin_dir || true)
if [[ -z "$BIN" ]]; then
  [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)."
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and this is not a Debian-like system (no apt-get)."
  log "installing PostgreSQL from Debian (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends postgresql >&2
  BIN=$(find_bin_dir || true)
  [[ -n "$BIN" ]] || die "apt-get installed postgresql but no initdb was found under /usr/lib/postgresql/*/bin."
fi

# Run the server's tools as the postgres user when we are root (PostgreSQL refuses to run as root).
if [[ $EUID -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "no 'postgres' system user to run the server as."
  as_pg() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_pg() { "$@"; }
  OWNER=$(id -un)
fi

DATA="$DIR/data"
SOCKETS="$DIR/sockets"
mkdir -p "$DIR" "$SOCKETS"
# Marks the directory as ours, so stop-local.sh --purge never deletes anything else.
touch "$DIR/.tdkt-start-local"
chown "$OWNER" "$DIR" "$SOCKETS"
chmod 700 "$SOCKETS"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

url_for() { echo "postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$1/$DB_NAME"; }

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  log "initialising a cluster in $DATA…"
  pwfile=$(mktemp)
  echo "$DB_PASSWORD" >"$pwfile"
  chown "$OWNER" "$pwfile"
  as_pg "$BIN/initdb" -D "$DATA" -U "$DB_USER" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 || { rm -f "$pwfile"; cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"
fi

if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  PORT=$(cat "$DIR/port" 2>/dev/null || true)
  [[ -n "$PORT" ]] || die "a server runs in $DATA but $DIR/port is missing; stop it with scripts/postgres/stop-local.sh"
  log "already running on 127.0.0.1:$PORT"
else
  PORT=$PREFERRED_PORT
  while port_in_use "$PORT"; do
    log "port $PORT is taken, trying $((PORT + 1))"
    PORT=$((PORT + 1))
    [[ $PORT -lt $((PREFERRED_PORT + 100)) ]] || die "no free port from $PREFERRED_PORT to $PORT"
  done
  log "starting on 127.0.0.1:$PORT…"
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -k $SOCKETS -c fsync=off" start >&2 ||
    { tail -n 30 "$DIR/server.log" >&2 || true; die "the server did not start"; }
  echo "$PORT" >"$DIR/port"
fi

psql_admin() { as_pg "$BIN/psql" -h "$SOCKETS" -p "$PORT" -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]]; then
  log "creating database $DB_NAME"
  psql_admin -c "CREATE DATABASE $DB_NAME" >&2
fi

URL=$(url_for "$PORT")
echo "TDKT_TEST_POSTGRES_URL=$URL" >"$DIR/env"
if [[ -n "${GITHUB_ENV:-}" ]]; then echo "TDKT_TEST_POSTGRES_URL=$URL" >>"$GITHUB_ENV"; fi
log "ready: $URL"
echo "export TDKT_TEST_POSTGRES_URL=$URL"
