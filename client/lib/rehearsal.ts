/**
 * Runs a rehearsal (diễn tập) of a drafted plan in its own process (`rehearsal/main.ts`): the Java
 * time-skipping servers, the worker and its workflow threads start and end with it, so the web process needs
 * neither Java nor the test libraries, and a rehearsal that goes wrong cannot take the web UI with it. A
 * machine without them gets the process's Vietnamese reason, not a stack trace.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RehearsalInput, RehearsalResult } from '../../domain/rehearsal/types.js';

const MAIN = fileURLToPath(new URL('../../rehearsal/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A rehearsal that did not give a result: `vi` is for the page, the message for the log. */
export class RehearsalFailedError extends Error {
  constructor(
    readonly vi: string,
    en: string,
  ) {
    super(en);
    this.name = 'RehearsalFailedError';
  }
}

export interface RehearseOptions {
  /** Past this the process (and its servers) is ended; default 4 minutes. */
  timeoutMs?: number;
  /** Where the process's log lines go (English). */
  log?: (line: string) => void;
  /** Variables added to the process's environment (e.g. TEMPORAL_TEST_SERVER_PATH, WORKFLOW_BUNDLE). */
  env?: Record<string, string>;
}

export function rehearseInOwnProcess(input: RehearsalInput, options: RehearseOptions = {}): Promise<RehearsalResult> {
  const timeoutMs = options.timeoutMs ?? 4 * 60_000;
  return new Promise((resolve, reject) => {
    // Its own process group: ending it on a timeout ends the JVMs the SDK started under it too.
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let answer = '';
    let logTail = '';
    const keepLog = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      logTail = (logTail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) options.log?.(line);
    };
    child.stdout.on('data', keepLog);
    child.stderr.on('data', keepLog);
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new RehearsalFailedError('Không khởi động được tiến trình diễn tập.', String(error)));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL')
        return reject(
          new RehearsalFailedError(
            `Diễn tập chạy quá ${Math.round(timeoutMs / 60_000)} phút nên đã dừng: hãy thử lại sau.`,
            `rehearsal killed after ${timeoutMs} ms`,
          ),
        );
      try {
        const body = JSON.parse(answer.trim()) as
          { ok: true; result: RehearsalResult } | { ok: false; vi: string; en: string };
        if (body.ok) resolve(body.result);
        else reject(new RehearsalFailedError(body.vi, body.en));
      } catch {
        reject(
          new RehearsalFailedError(
            'Diễn tập không chạy được đến cuối (lỗi hệ thống): hãy thử lại hoặc báo quản trị hệ thống.',
            `rehearsal process ended with ${String(code)} and no answer: ${logTail}`,
          ),
        );
      }
    });
    child.stdin.end(JSON.stringify(input));
  });
}
