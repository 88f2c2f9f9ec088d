/**
 * One process at a time on an embedded database directory. PGlite runs PostgreSQL inside the process and takes
 * no lock of its own: a second process opening the same directory (the `tdkt` CLI while `npm start` runs) does
 * not fail — it reads a stale copy of the data and may write it back when it closes. So the opener leaves
 * `<directory>.lock` holding its PID, and a second opener is refused with a sentence saying what to do. A lock
 * whose process is gone (a crash, a kill -9) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the directory.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null; // vanished between the two calls, or unreadable: treat as free
  }
}

/** Takes the directory for this process; returns the release function. Throws EmbeddedDatabaseBusyError. */
export function lockEmbeddedDatabase(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        if (holderOf(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = holderOf(lockFile);
      if (pid !== null && isAlive(pid)) throw new EmbeddedDatabaseBusyError(dataDir, lockFile, pid);
      rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not take the lock ${lockFile}`);
}
