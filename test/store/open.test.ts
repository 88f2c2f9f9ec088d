/** Choosing the engine from a URL, and the embedded engine keeping its data in a directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findByCaseKey, recordAward } from '../../store/book.js';
import { importDirectory } from '../../store/directory.js';
import { openMigratedDatabase, parseDatabaseUrl } from '../../store/open.js';
import { FX_DIRECTORY } from './fixtures.js';

describe('parseDatabaseUrl', () => {
  it('reads the embedded and PostgreSQL forms', () => {
    expect(parseDatabaseUrl('pglite:')).toEqual({ engine: 'pglite', dataDir: null });
    expect(parseDatabaseUrl('pglite:memory')).toEqual({ engine: 'pglite', dataDir: null });
    expect(parseDatabaseUrl('pglite:./data/db')).toEqual({ engine: 'pglite', dataDir: './data/db' });
    expect(parseDatabaseUrl(' postgres://u:p@db:5432/tdkt ')).toEqual({
      engine: 'postgres',
      connectionString: 'postgres://u:p@db:5432/tdkt',
    });
    expect(parseDatabaseUrl('postgresql://db/tdkt')).toEqual({
      engine: 'postgres',
      connectionString: 'postgresql://db/tdkt',
    });
  });

  it('refuses anything else without echoing the password', () => {
    expect(() => parseDatabaseUrl('mysql://root:secret@db/tdkt')).toThrow(
      /Unsupported database URL "mysql:\/\/root:\*\*\*@db\/tdkt"/,
    );
    expect(() => parseDatabaseUrl('')).toThrow(/Unsupported/);
  });
});

describe('embedded database in a directory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the book across close and reopen', async () => {
    const url = `pglite:${path.join(dir, 'db')}`;
    const first = await openMigratedDatabase(url);
    await importDirectory(first, FX_DIRECTORY);
    const { entry } = await recordAward(first, {
      caseKey: 'persist/1',
      awardCode: 'giay-khen',
      subject: 'collective',
      unitId: 'fx-kv1',
      year: 2024,
      decisionNumber: '5/QĐ-VKS',
      decisionDate: '2024-12-30',
      decidedByLevel: 'provincial',
      campaignId: 'annual-2024',
    });
    await first.close();

    const second = await openMigratedDatabase(url);
    try {
      expect(await findByCaseKey(second, 'persist/1')).toEqual(entry);
    } finally {
      await second.close();
    }
  });
});
