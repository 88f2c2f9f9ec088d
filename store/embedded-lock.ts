/**
 * One process at a time on an embedded database directory. PGlite runs PostgreSQL inside the process and takes
 * no lock of its own: a second process opening the same directory (the `tdkt` CLI while `npm start` runs) does
 * not fail — it reads a stale copy of the data and may write it back when it closes. So the opener leaves
 * `<directory>.lock` holding its PID, and a second opener is refused with a sentence saying what to do. A lock
 * whose process is gone (a crash, a kill -9) is taken over — including one naming this very process: after a
 * container restart the app is PID 1 again, as its crashed predecessor was. Only a lock this process took itself
 * (kept in memory) counts as its own.
 *
 * Two processes may find the same stale lock at once. Neither may delete a lock the other has just written, so the
 * lock is created with its PID in one step (a hard link of a file already holding it: never empty, never
 * half-written), and a stale lock is removed only under a short-lived takeover file, after reading it again.
 */
import { closeSync, linkSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

export class EmbeddedDatabaseBusyError extends Error {
  /** The English sentence, for logs. */
  readonly en: string;

  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `Cơ sở dữ liệu nhúng ${dataDir} đang được một tiến trình khác sử dụng (PID ${pid}, thường là ứng dụng ` +
        '“npm start”); PGlite chỉ cho phép một tiến trình mở. Hãy dùng giao diện web, hoặc dừng ứng dụng rồi chạy ' +
        `lại lệnh, hoặc dùng PostgreSQL (DATABASE_URL=postgres://…). Nếu chắc chắn không còn tiến trình nào, xóa tệp ${lockFile}.`,
    );
    this.name = 'EmbeddedDatabaseBusyError';
    this.en = `embedded database ${dataDir} is held by process ${pid} (lock ${lockFile})`;
  }
}

/** Lock files this process took (and has not released): a lock naming our PID but absent here is stale. */
const heldByThisProcess = new Set<string>();

/** A takeover file older than this was left by a crash inside the takeover (held for microseconds otherwise). */
const TAKEOVER_STALE_MS = 10_000;
const ATTEMPTS = 50;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the directory.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the PID in a lock file belongs to a process still holding the directory. */
function holds(lockFile: string, pid: number): boolean {
  if (pid === process.pid) return heldByThisProcess.has(lockFile);
  return isAlive(pid);
}

function holderOf(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null; // vanished, or not a PID (the lock is never written partially): nobody holds it
  }
}

/** Creates the lock holding our PID in one step; false when a lock already exists. */
function createLock(lockFile: string): boolean {
  const draft = `${lockFile}.${process.pid}.tmp`;
  writeFileSync(draft, `${process.pid}\n`);
  try {
    linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Removes the lock if it still names `stalePid` (or nobody), one process at a time: whoever holds the takeover file
 * reads the lock again before deleting it, so a lock written meanwhile by another process survives.
 */
function removeStaleLock(lockFile: string, stalePid: number | null): void {
  const takeover = `${lockFile}.takeover`;
  try {
    closeSync(openSync(takeover, 'wx'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) rmSync(takeover, { force: true });
    } catch {
      // gone already: the other process finished its takeover
    }
    return; // another process is taking over; look at the lock again
  }
  try {
    if (holderOf(lockFile) === stalePid) rmSync(lockFile, { force: true });
  } finally {
    rmSync(takeover, { force: true });
  }
}

/** Waits a few milliseconds without giving up the thread (the lock is taken synchronously, before the store opens). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the directory for this process; returns the release function. Throws EmbeddedDatabaseBusyError. */
export function lockEmbeddedDatabase(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createLock(lockFile)) {
      heldByThisProcess.add(lockFile);
      return () => {
        heldByThisProcess.delete(lockFile);
        if (holderOf(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
    }
    const pid = holderOf(lockFile);
    if (pid !== null && holds(lockFile, pid)) throw new EmbeddedDatabaseBusyError(dataDir, lockFile, pid);
    removeStaleLock(lockFile, pid);
    if (attempt > 0) pause(2);
  }
  throw new Error(`could not take the lock ${lockFile}`);
}
