#!/bin/sh
# Registers tdkt-flow's typed search attributes (the list of domain/search-attributes.ts) in a namespace.
# Idempotent: attributes that exist already are left alone. Used by docker-compose's one-shot
# `temporal-search-attributes` service; test/harness/compose-search-attributes.test.ts runs it for real.
set -eu
address="${TEMPORAL_ADDRESS:-temporal:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"
existing="$(temporal operator search-attribute list --address "$address" --namespace "$namespace")"

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
