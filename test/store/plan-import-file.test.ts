/** A file of plan documents (JSON or YAML) read and imported, with Vietnamese refusals (issue 11). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { migrate, openEmbeddedDatabase, type SqlDatabase } from '../../store/index.js';
import { parsePlanImportFile } from '../../store/plan-import-file.js';
import { importPlans } from '../../store/plan-import.js';
import { PlanStoreError, getPlanOfYear } from '../../store/plans.js';
import { planForYear } from '../../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';

let db: SqlDatabase;
beforeAll(async () => {
  db = await openEmbeddedDatabase();
  await migrate(db);
});
afterAll(async () => {
  await db?.close();
});

describe('a plan import file', () => {
  it('imports a YAML year plan that is already issued, as issued', async () => {
    const plan = { ...planForYear(HAI_DUONG_2025, 2026), status: 'issued' };
    const yaml = stringify({
      kind: 'year',
      content: plan,
      issue: { number: '01/KH-VKS', date: '2025-12-20', signer: 'Viện trưởng' },
    });
    const documents = parsePlanImportFile(yaml, 'ke-hoach-2026.yaml');
    expect(await importPlans(db, documents, 'admin')).toEqual({ imported: ['hd-2026'], existing: [] });
    const record = await getPlanOfYear(db, 'hd', 2026);
    expect(record?.life).toBe('issued');
    expect(record?.issued?.issue).toMatchObject({ number: '01/KH-VKS', date: '2025-12-20', issuedBy: 'admin' });
  });

  it('refuses, in Vietnamese, a file that is not documents and a plan whose dates do not fit its year', async () => {
    expect(() => parsePlanImportFile('{ "kind": "nam" }', 'x.json')).toThrow(/^Tệp x\.json không hợp lệ: /);
    expect(() => parsePlanImportFile('{', 'x.json')).toThrow(/^Không đọc được tệp x\.json/);
    const plan = planForYear(HAI_DUONG_2025, 2028);
    plan.deadlines[0]!.date = { day: 15, month: 1, year: 2029 };
    const documents = parsePlanImportFile(JSON.stringify({ kind: 'year', content: plan }), 'x.json');
    const error = await importPlans(db, documents).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlanStoreError);
    expect((error as Error).message).toBe(
      'Mốc “Đơn vị gửi kế hoạch, chương trình thực hiện công tác thi đua năm 2025”: ngày 15/01/2029 nằm ngoài năm kế hoạch 2028',
    );
    expect(await getPlanOfYear(db, 'hd', 2028)).toBeNull();
  });
});
