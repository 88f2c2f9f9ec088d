/**
 * Runtime configuration, validated once at start-up. A pure function of the environment it is given
 * (callers pass process.env), so it is testable and never reads the process itself.
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

export const AppConfigSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('tdkt'),
  /** Where people open the Temporal Web UI; used for "open in Temporal" links. */
  TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
  WEB_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: port.default(3000),
  /** Base URL used in mail links to a case; unset: the address the web UI listens on (webAddress). */
  PUBLIC_URL: z.url().optional(),
  /** `pglite:` (memory), `pglite:<dir>` (embedded, persistent) or `postgres://…`. */
  DATABASE_URL: z.string().min(1).default('pglite:data/pglite'),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: port.default(2525),
  MAIL_FROM: z.string().min(3).default('Hội đồng Thi đua - Khen thưởng <tdkt@vks-haiduong.test>'),
  /** Folder where the local SMTP catcher keeps received mails (embedded default only). */
  OUTBOX_DIR: z.string().min(1).default('data/outbox'),
  /** Workflows a worker keeps in memory between tasks; unset: worker/create-worker.ts DEFAULT_MAX_CACHED_WORKFLOWS. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
  /** A workflow bundle built by `npm run build:workflows`; without it the worker bundles workflows/ at start. */
  WORKFLOW_BUNDLE: z.string().min(1).optional(),
  /**
   * The organisation whose plans this deployment runs (its directory unit id, e.g. `hd`); unset: the one unit
   * of the directory that has a council.
   */
  PLAN_ORG_UNIT_ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .optional(),
  /** Load the demo organisation and plan when the directory is empty. */
  SEED_DEMO_DATA: z.stringbool().default(true),
});

/** The configuration as parsed: PUBLIC_URL is always set (its default follows WEB_HOST and WEB_PORT). */
export type AppConfig = Omit<z.infer<typeof AppConfigSchema>, 'PUBLIC_URL'> & { PUBLIC_URL: string };

/**
 * The address a browser on this machine opens the web UI at, for the listen address of WEB_HOST and WEB_PORT:
 * a wildcard listen address (0.0.0.0, ::) is reached on loopback, and an IPv6 literal goes in brackets. Every
 * process that writes links (the web, the worker's mails, the start-up banner) derives them here, so a moved
 * WEB_PORT never leaves mail links on a port nobody listens on.
 */
export function webAddress(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' || host === '[::]' ? '::1' : host;
  const literal = reachable.includes(':') && !reachable.startsWith('[') ? `[${reachable}]` : reachable;
  return `http://${literal}:${port}`;
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = AppConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const config = result.data;
  return { ...config, PUBLIC_URL: config.PUBLIC_URL ?? webAddress(config.WEB_HOST, config.WEB_PORT) };
}
