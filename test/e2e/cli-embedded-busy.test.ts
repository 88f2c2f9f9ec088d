/**
 * The real `tdkt` binary against an embedded database that another process holds (as `npm start` does): one
 * clear Vietnamese sentence and exit 1, instead of reading a stale copy; once the holder closes, it works.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openMigratedDatabase } from '../../store/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'tdkt-cli-busy-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const BIN = new URL('../../client/cli/bin.mjs', import.meta.url).pathname;

function tdkt(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('tdkt with the embedded database held by the app', () => {
  it('says so in Vietnamese and exits 1; works once the app lets go', async () => {
    const dataDir = path.join(root, 'pglite');
    const env = { TEMPORAL_ADDRESS: inject('temporalAddress'), DATABASE_URL: `pglite:${dataDir}` };
    const app = await openMigratedDatabase(`pglite:${dataDir}`);
    const args = ['act', 'nomination/x/hd-kv2/1', 'comment', '--as', 'khong-co', '--input', '{"text":"Ghi chú"}'];
    let busy;
    try {
      busy = await tdkt(args, env);
    } finally {
      await app.close();
    }
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(
      `Lỗi: Cơ sở dữ liệu nhúng ${dataDir} đang được một tiến trình khác sử dụng (PID ${process.pid}, thường là ứng dụng “npm start”)`,
    );
    const free = await tdkt(args, env);
    expect(free.stderr).toContain('Không có người dùng “khong-co”');
    expect(free.code).toBe(2);
  });
});
