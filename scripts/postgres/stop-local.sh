#!/usr/bin/env bash
# Stops the throwaway PostgreSQL started by start-local.sh. Idempotent: nothing running is not an error.
#   scripts/postgres/stop-local.sh [--purge] [dir]     --purge also deletes the data directory
set -euo pipefail
exec </dev/null

PURGE=0
if [[ "${1:-}" == "--purge" ]]; then PURGE=1; shift; fi
DIR="${1:-${TDKT_PG_DIR:-/tmp/tdkt-postgres}}"
DATA="$DIR/data"

log() { echo "stop-local: $*" >&2; }

BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ $EUID -eq 0 ]]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi

if [[ -n "$BIN" && -f "$DATA/PG_VERSION" ]] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "stopping the server in $DATA"
  as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
else
  log "no server running in $DATA"
fi

if [[ $PURGE -eq 1 && -d "$DIR" ]]; then
  # Only delete a directory start-local.sh created, so a wrong argument cannot wipe anything else.
  if [[ -f "$DIR/.tdkt-start-local" ]]; then
    rm -rf "$DIR"
    log "removed $DIR"
  else
    log "not removing $DIR: it does not look like a start-local.sh directory"
  fi
fi
