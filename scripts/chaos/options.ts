/** The fault run's flags, validated once (zod, like the app's configuration). */
import { parseArgs } from 'node:util';
import { z } from 'zod';

const Options = z.object({
  journeys: z.coerce.number().int().min(1).max(216),
  /** Stop starting journeys after this long; the run still settles, checks and reports. */
  seconds: z.coerce.number().int().min(30),
  concurrency: z.coerce.number().int().min(1).max(64),
  workers: z.coerce.number().int().min(1).max(4),
  /** Loops reading random started cases as pages do (readers.ts); 0 by default, so runs compare with earlier ones. */
  readers: z.coerce.number().int().min(0).max(32),
  killAfterMs: z.coerce.number().int().min(500),
  smtpOutageSeconds: z.coerce.number().int().min(0),
  temporalOutageSeconds: z.coerce.number().int().min(0),
  temporalRestarts: z.coerce.number().int().min(0).max(5),
  postgresRestart: z.boolean(),
  /** How long the run may take to settle (every case awarded, nothing pending) once the journeys are done. */
  settleSeconds: z.coerce.number().int().min(10),
  keep: z.boolean(),
});
export type ChaosOptions = z.infer<typeof Options>;

export function parseChaosOptions(argv: string[]): ChaosOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      journeys: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '1200' },
      concurrency: { type: 'string', default: '16' },
      workers: { type: 'string', default: '2' },
      readers: { type: 'string', default: '0' },
      'kill-after-ms': { type: 'string', default: '5000' },
      'smtp-outage-seconds': { type: 'string', default: '60' },
      'temporal-outage-seconds': { type: 'string', default: '10' },
      'temporal-restarts': { type: 'string', default: '1' },
      'no-postgres-restart': { type: 'boolean', default: false },
      'settle-seconds': { type: 'string', default: '600' },
      keep: { type: 'boolean', default: false },
    },
  });
  return Options.parse({
    journeys: values.journeys,
    seconds: values.seconds,
    concurrency: values.concurrency,
    workers: values.workers,
    readers: values.readers,
    killAfterMs: values['kill-after-ms'],
    smtpOutageSeconds: values['smtp-outage-seconds'],
    temporalOutageSeconds: values['temporal-outage-seconds'],
    temporalRestarts: values['temporal-restarts'],
    postgresRestart: !values['no-postgres-restart'],
    settleSeconds: values['settle-seconds'],
    keep: values.keep,
  });
}
