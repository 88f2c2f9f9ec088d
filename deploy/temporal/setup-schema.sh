#!/bin/sh
# Creates the Temporal server's two PostgreSQL databases and brings their schemas to the version the server
# embeds, with temporal-sql-tool (the same release as the server). Run before the services start, and again
# after upgrading the server: every step is idempotent (an existing database is kept, setup-schema does nothing
# on a versioned database, update-schema applies only the versions that are missing).
# docker-compose runs it in the one-shot `temporal-schema` service (temporalio/admin-tools); the
# production-topology test (`npm run test:topology`) runs the same command from docker-compose.yml.
# Settings: the TEMPORAL_DB_* variables of deploy/temporal/config/production.yaml, with the same defaults.
set -eu
host="${TEMPORAL_DB_HOST:-postgresql}"
port="${TEMPORAL_DB_PORT:-5432}"
user="${TEMPORAL_DB_USER:-tdkt}"
# The tool reads the password from SQL_PASSWORD: it stays off the command line (and out of `ps`).
SQL_PASSWORD="${TEMPORAL_DB_PASSWORD:-tdkt}"
export SQL_PASSWORD

sql_tool() {
  temporal-sql-tool --plugin postgres12 --endpoint "$host" --port "$port" --user "$user" "$@"
}

setup() {
  database="$1"
  embedded="$2"
  sql_tool --database "$database" create-database
  sql_tool --database "$database" setup-schema --version 0.0
  sql_tool --database "$database" update-schema --schema-name "$embedded"
  echo "temporal schema: $database is at the version of $embedded"
}

setup "${TEMPORAL_DB_NAME:-temporal}" postgresql/v12/temporal
setup "${TEMPORAL_VISIBILITY_DB_NAME:-temporal_visibility}" postgresql/v12/visibility
