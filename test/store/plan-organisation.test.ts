/** Which organisation's plans a deployment runs: configured, else the directory's one council (never a constant). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openEmbeddedDatabase, seedDemoData, type SqlDatabase } from '../../store/index.js';
import { planOrganisation } from '../../store/plan-organisation.js';
import { parseConfig } from '../../domain/config.js';

let db: SqlDatabase;
beforeAll(async () => {
  db = await openEmbeddedDatabase();
  await migrate(db);
});
afterAll(async () => {
  await db?.close();
});

describe('the organisation of the plans', () => {
  it('is unknown, and says how to set it, while the directory is empty', async () => {
    expect(await planOrganisation(db, undefined)).toEqual({
      orgUnitId: null,
      reason: 'the directory has no council yet (load the directory, or set PLAN_ORG_UNIT_ID)',
    });
  });

  it('is the directory’s one council, or the configured PLAN_ORG_UNIT_ID', async () => {
    await seedDemoData(db);
    expect(await planOrganisation(db, undefined)).toEqual({ orgUnitId: 'hd', from: 'directory' });
    const config = parseConfig({ PLAN_ORG_UNIT_ID: 'bn' });
    expect(await planOrganisation(db, config.PLAN_ORG_UNIT_ID)).toEqual({ orgUnitId: 'bn', from: 'configuration' });
    expect(() => parseConfig({ PLAN_ORG_UNIT_ID: 'Bắc Ninh' })).toThrow(/PLAN_ORG_UNIT_ID/);
  });
});
