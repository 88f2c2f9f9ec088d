#!/bin/sh
# Registers tdkt-flow's typed search attributes (the list of domain/search-attributes.ts) in a namespace.
# Idempotent: attributes that exist already are left alone. create-namespace.sh ends with it (docker-compose's
# one-shot `temporal-namespace` service, and the production-topology test); test/harness/compose-search-attributes
# .test.ts also runs it for real against the dev server.
set -eu
address="${TEMPORAL_ADDRESS:-temporal-frontend:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"
# A namespace just registered reaches the frontend's namespace cache some seconds later (about 10 s on a real
# cluster): until then the list fails with "Namespace … is not found". Try for a minute before giving up.
tries=0
until existing="$(temporal operator search-attribute list --address "$address" --namespace "$namespace" 2>&1)"; do
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then
    echo "search attributes: cannot list those of $namespace at $address: $existing" >&2
    exit 1
  fi
  sleep 2
done

create() {
  type="$1"
  shift
  for name in "$@"; do
    if printf '%s\n' "$existing" | grep -qw "$name"; then
      echo "search attribute $name exists"
    else
      temporal operator search-attribute create --address "$address" --namespace "$namespace" --type "$type" --name "$name"
      echo "search attribute $name created ($type)"
    fi
  done
}

create Keyword TdktKind TdktUnit TdktCluster TdktCampaign TdktStage TdktStatus TdktAwardForm TdktWaitingRole TdktWaitingUnit
create Int TdktYear
create Datetime TdktDueAt
