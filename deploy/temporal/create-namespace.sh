#!/bin/sh
# Registers the namespace tdkt-flow runs in, then its typed search attributes (register-search-attributes.sh,
# next to this file), through the frontend once it answers. Idempotent: an existing namespace is kept.
# docker-compose runs it in the one-shot `temporal-namespace` service (temporalio/admin-tools); the
# production-topology test (`npm run test:topology`) runs the same command from docker-compose.yml.
set -eu
address="${TEMPORAL_ADDRESS:-temporal-frontend:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"
# How long closed cases stay in Temporal after they finish; the commendation book keeps the awards for good.
retention="${TEMPORAL_NAMESPACE_RETENTION:-30d}"

# The frontend answers before it has found the history and matching services: wait for a healthy cluster.
tries=0
until temporal operator cluster health --address "$address" 2>/dev/null | grep -q SERVING; do
  tries=$((tries + 1))
  if [ "$tries" -ge 90 ]; then
    echo "temporal namespace: the cluster at $address is not healthy after 3 minutes" >&2
    exit 1
  fi
  sleep 2
done

if temporal operator namespace describe --address "$address" --namespace "$namespace" >/dev/null 2>&1; then
  echo "namespace $namespace exists"
else
  temporal operator namespace create --address "$address" --namespace "$namespace" --retention "$retention"
  echo "namespace $namespace created (retention $retention)"
fi
# The frontend reports SERVING before it reaches a history host (services started together can take 40 s to form
# the ring): the apps start after this step, so it waits until a read that only history answers comes back, here
# "not found" for a workflow that does not exist, which also needs the namespace in the frontend's cache.
tries=0
until temporal workflow describe --address "$address" --namespace "$namespace" --workflow-id tdkt-setup-probe 2>&1 |
  grep -Eqi 'workflow (execution )?not found'; do
  tries=$((tries + 1))
  if [ "$tries" -ge 90 ]; then
    echo "temporal namespace: no history host answers through $address after 3 minutes" >&2
    exit 1
  fi
  sleep 2
done
echo "history answers through $address"
exec sh "$(dirname "$0")/register-search-attributes.sh"
