/**
 * The rehearsal process: `node --import tsx rehearsal/main.ts` reads a RehearsalInput (JSON) on stdin, runs it
 * (run.ts) and writes one JSON line on file descriptor 3: `{ "ok": true, "result": … }` or `{ "ok": false, "vi": …, "en": … }`.
 * The web process starts it for each rehearsal (client/lib/rehearsal.ts), so the Java servers, the worker and
 * its workflow threads live and die with it, and the web process never needs Java. Logs go to stderr.
 */
import { writeSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { findTestServer } from '../scripts/tools/index.js';
import type { RehearsalInput } from '../domain/rehearsal/types.js';
import { RehearsalUnavailableError, runRehearsal } from './run.js';

// The SDK's core writes its own log lines to stdout; they are forwarded to stderr, with everything else.
Runtime.install({
  logger: new DefaultLogger('WARN', (entry) => process.stderr.write(`${entry.level} ${entry.message}\n`)),
  telemetryOptions: { logging: { filter: 'WARN', forward: {} } },
});

// A parent that went away (its pipes closed) must not crash the rehearsal half-way, which would leave its Java
// servers behind: the logs are dropped, the run finishes and tears its servers down.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

/** The answer goes to file descriptor 3, which only the parent reads: no stray log line can corrupt it. */
function reply(body: unknown): void {
  try {
    writeSync(3, `${JSON.stringify(body)}\n`);
  } catch {
    // No one is listening any more.
  }
}

try {
  const input = JSON.parse(await text(process.stdin)) as RehearsalInput;
  let testServerPath: string | null = null;
  try {
    testServerPath = findTestServer()?.path ?? null;
  } catch (error) {
    console.error(`rehearsal: ${String(error)}`);
  }
  const result = await runRehearsal(input, { testServerPath });
  reply({ ok: true, result });
} catch (error) {
  if (error instanceof RehearsalUnavailableError) reply({ ok: false, vi: error.vi, en: error.message });
  else {
    console.error(error);
    reply({
      ok: false,
      vi: 'Diễn tập không chạy được đến cuối (lỗi hệ thống): hãy thử lại hoặc báo quản trị hệ thống.',
      en: String(error),
    });
  }
  process.exitCode = 1;
}
// The servers are down by now; the SDK's runtime would otherwise keep the process waiting for signals.
process.exit();
