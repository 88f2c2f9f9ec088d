/**
 * What the production topology takes from docker-compose.yml and what it changes: the compose services of the
 * Temporal server, and the only variables it sets differently from compose (where PostgreSQL is, the database
 * names, loopback addresses, free ports). test/repo/compose.test.ts holds the compose file to the same lists.
 */
/** The Temporal server's services, by their compose service. */
export const TEMPORAL_SERVICES = {
  frontend: 'temporal-frontend',
  history: 'temporal-history',
  matching: 'temporal-matching',
  worker: 'temporal-worker',
} as const;
export type TemporalService = keyof typeof TEMPORAL_SERVICES;

/** The only variables of the compose Temporal services this run sets differently: the site, not the setup. */
export const SITE_VARIABLES = [
  'TEMPORAL_DB_HOST',
  'TEMPORAL_DB_PORT',
  'TEMPORAL_DB_USER',
  'TEMPORAL_DB_PASSWORD',
  'TEMPORAL_DB_NAME',
  'TEMPORAL_VISIBILITY_DB_NAME',
  'TEMPORAL_BIND_IP',
  'TEMPORAL_BROADCAST_ADDRESS',
  'TEMPORAL_FRONTEND_GRPC_PORT',
  'TEMPORAL_FRONTEND_HTTP_PORT',
  'TEMPORAL_FRONTEND_MEMBERSHIP_PORT',
  'TEMPORAL_HISTORY_GRPC_PORT',
  'TEMPORAL_HISTORY_MEMBERSHIP_PORT',
  'TEMPORAL_MATCHING_GRPC_PORT',
  'TEMPORAL_MATCHING_MEMBERSHIP_PORT',
  'TEMPORAL_WORKER_GRPC_PORT',
  'TEMPORAL_WORKER_MEMBERSHIP_PORT',
  'TEMPORAL_CLUSTER_RPC_ADDRESS',
  // The namespace step's frontend address.
  'TEMPORAL_ADDRESS',
] as const;
