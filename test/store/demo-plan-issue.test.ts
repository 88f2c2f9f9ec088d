/**
 * The living demo settles and issues a drafted plan (client/demo/issue-plan.ts) on the embedded store: its edits
 * count the anniversaries and the yearly directives on from the draft as drafted, so a start that dies between
 * the edits and the issue must leave the draft untouched; the next start then edits it once, not twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoIssue } from '../../client/demo/calendar.js';
import { settleAndIssueDemoPlan, type DemoPlanIssue } from '../../client/demo/issue-plan.js';
import type { Plan } from '../../domain/plan.js';
import { getUserByUsername } from '../../store/directory.js';
import { seedDemoData } from '../../store/demo-data.js';
import { openMigratedDatabase } from '../../store/open.js';
import { createNextYearDraft } from '../../store/plan-drafting.js';
import { getPlanOfYear } from '../../store/plans.js';
import type { SqlDatabase, SqlSession } from '../../store/sql.js';

let db: SqlDatabase;
let input: DemoPlanIssue;

beforeEach(async () => {
  db = await openMigratedDatabase('pglite:');
  await seedDemoData(db);
  const by = (await getUserByUsername(db, 'thuongtruc'))!.id;
  await createNextYearDraft(db, { orgUnitId: 'hd', toYear: 2026, by });
  input = {
    orgUnitId: 'hd',
    year: 2026,
    fromYear: 2025,
    issued: { day: 10, month: 1, year: 2026 },
    issue: demoIssue(2026, '2026-01-10', 'Viện trưởng'),
    by,
    at: '2026-01-10T03:00:00.000Z',
  };
}, 120_000);

afterEach(() => db?.close());

/** The database, except that issuing a plan dies (the process killed just before its issue is written). */
function dyingAtIssue(of: SqlDatabase): SqlDatabase {
  const dying = (session: SqlSession): SqlSession => ({
    query: (text, params) =>
      /SET status = 'issued'/.test(text) ? Promise.reject(new Error('killed')) : session.query(text, params),
    exec: (text) => session.exec(text),
  });
  return {
    engine: of.engine,
    ...dying(of),
    transaction: (fn) => of.transaction((tx) => fn(dying(tx))),
    close: () => of.close(),
  };
}

const drive = (plan: Plan) => plan.drives.find((d) => /năm ngày thành lập/u.test(d.title))!.title;

describe('settling and issuing the demo plan', () => {
  it('leaves the draft as drafted when the issue fails, and edits it once on the next start', async () => {
    const drafted = (await getPlanOfYear(db, 'hd', 2026))!.draft!;
    expect(drive(drafted.content as Plan)).toContain('65 năm ngày thành lập');

    await expect(settleAndIssueDemoPlan(dyingAtIssue(db), input)).rejects.toThrow('killed');
    const after = (await getPlanOfYear(db, 'hd', 2026))!;
    expect(after.issued).toBeNull();
    expect(after.draft?.revision).toBe(drafted.revision);
    expect(after.draft?.content).toEqual(drafted.content);

    const issued = await settleAndIssueDemoPlan(db, input);
    expect(issued?.status).toBe('issued');
    const plan = issued!.content as Plan;
    // Counted once from 2025 (65, 80): 66 and 81, not 67 and 82.
    expect(drive(plan)).toContain('66 năm ngày thành lập');
    expect(drive(plan)).toContain('81 năm Cách mạng');
    // Issued on 10/01, the units get two weeks from the issue to register.
    expect(plan.deadlines.find((d) => d.kind === 'registration')?.date).toEqual({ day: 24, month: 1, year: 2026 });
    // A second start finds it issued and does nothing.
    expect(await settleAndIssueDemoPlan(db, input)).toBeNull();
    expect((await getPlanOfYear(db, 'hd', 2026))!.issued?.content).toEqual(plan);
  });
});
