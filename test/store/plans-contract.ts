/**
 * The plans part of the store contract (issue 11), run on both engines by contract.ts: importing the shipped
 * plans, a plan's life (draft → issued → amended) with its refusals in Vietnamese, and what the yearly Schedule
 * reads (the issued version of a year's plan).
 */
import { describe, expect, it } from 'vitest';
import { clusterHeadsForYear } from '../../store/directory.js';
import { createNextYearDraft } from '../../store/plan-drafting.js';
import { importShippedPlans } from '../../store/plan-import.js';
import {
  PlanStoreError,
  amendPlan,
  amendmentOfRequest,
  confirmPlanDraftItem,
  createPlanDraft,
  getPlanById,
  getPlanOfYear,
  issuePlan,
  issuedYearPlan,
  listPlans,
  planVersions,
  updatePlanDraft,
} from '../../store/plans.js';
import { migrate } from '../../store/migrations/migrate.js';
import { seedDemoData } from '../../store/demo-data.js';
import type { SqlDatabase } from '../../store/sql.js';
import { draftNextYear, type ClusterLineup } from '../../domain/plan-authoring/index.js';
import { DIEN_HINH_TIEN_TIEN_2017, HAI_DUONG_2025 } from '../../domain/plans/index.js';
import type { Plan } from '../../domain/plan.js';

type WithDb = (fn: (db: SqlDatabase) => Promise<void>) => Promise<void>;

const CLUSTERS: ClusterLineup[] = [
  {
    clusterId: 'hd-cum1',
    name: 'Cụm thi đua số 1',
    kind: 'cluster',
    headUnitId: 'hd-kv2',
    deputyUnitId: null,
    memberUnitIds: ['hd-kv1', 'hd-kv2'],
  },
];
const AUTHOR = 'u-thuongtruc';
const ISSUE = { number: '05/KH-VKS', date: '2026-12-10', signer: 'Viện trưởng Nguyễn Văn A', by: 'u-vientruong' };

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanStoreError);
  return { code: (error as PlanStoreError).code, message: (error as PlanStoreError).message };
}

/** A 2027 draft made from the 2025 plan, saved, with every item confirmed by the author. */
async function confirmedDraft(db: SqlDatabase, year = 2027) {
  const draft = draftNextYear(HAI_DUONG_2025, { toYear: year });
  let saved = await createPlanDraft(db, { kind: 'year', content: draft.plan, ...draft, by: AUTHOR });
  for (const item of draft.review)
    saved = await confirmPlanDraftItem(db, {
      planId: draft.plan.id,
      key: item.key,
      expectedRevision: saved.revision,
      by: AUTHOR,
    });
  return { draft, saved };
}

export function describePlanStoreContract(withDb: WithDb): void {
  describe('plans', () => {
    it('imports the shipped plans once, as the seeds are: the 2025 plan a draft, the movement and programme issued', async () => {
      await withDb(async (db) => {
        await migrate(db);
        expect(await importShippedPlans(db)).toEqual({
          imported: ['hd-2025', 'dien-hinh-tien-tien-2017', 'van-hoa-cong-so-2019-2025'],
          existing: [],
        });
        expect((await importShippedPlans(db)).imported).toEqual([]);

        const hd = await getPlanOfYear(db, 'hd', 2025);
        expect(hd).toMatchObject({ id: 'hd-2025', kind: 'year', life: 'draft', issued: null });
        expect(hd?.draft?.content).toEqual(HAI_DUONG_2025);
        expect(await issuedYearPlan(db, 'hd', 2025)).toBeNull();

        const movement = await getPlanOfYear(db, 'vksndtc', 2019, 'movement');
        expect(movement?.life).toBe('issued');
        expect(movement?.issued?.issue).toMatchObject({
          number: '123/KH-VKSTC',
          date: '2019-07-16',
          signer: 'KT. Viện trưởng, Phó Viện trưởng Bùi Mạnh Cường',
          issuedBy: 'system-import',
        });
        const programme = await getPlanById(db, 'dien-hinh-tien-tien-2017');
        expect(programme?.issued?.issue?.date).toBeNull();
        expect(programme?.issued?.content).toEqual(DIEN_HINH_TIEN_TIEN_2017);

        expect((await listPlans(db)).map((p) => [p.id, p.kind, p.year, p.life, p.hasDraft])).toEqual([
          ['hd-2025', 'year', 2025, 'draft', true],
          ['van-hoa-cong-so-2019-2025', 'movement', 2019, 'issued', false],
          ['dien-hinh-tien-tien-2017', 'programme', 2017, 'issued', false],
        ]);
        expect((await listPlans(db, { orgUnitId: 'hd' })).map((p) => p.title)).toEqual([HAI_DUONG_2025.title]);
      });
    });

    it('are imported by the demo seeding, on an empty directory and on one seeded before plans were data', async () => {
      await withDb(async (db) => {
        await migrate(db);
        await seedDemoData(db);
        expect((await listPlans(db)).length).toBe(3);
        await db.exec('DELETE FROM plans');
        expect((await seedDemoData(db)).seeded).toBe(false);
        expect((await listPlans(db)).length).toBe(3);
      });
    });

    it('live draft → issued → amended; the Schedule reads the issued version only', async () => {
      await withDb(async (db) => {
        await migrate(db);
        await seedDemoData(db);
        const draft = draftNextYear(HAI_DUONG_2025, { toYear: 2027, clusters: CLUSTERS });
        const created = await createPlanDraft(db, { kind: 'year', content: draft.plan, ...draft, by: AUTHOR });
        expect(created).toMatchObject({ version: 1, status: 'draft', revision: 1, issue: null, createdBy: AUTHOR });
        expect(created.clusters).toEqual(CLUSTERS);
        expect(await issuedYearPlan(db, 'hd', 2027)).toBeNull();

        // Issuing refuses while anything waits for confirmation.
        const unconfirmed = await refusal(issuePlan(db, { planId: 'hd-2027', ...ISSUE }));
        expect(unconfirmed.code).toBe('unconfirmed');
        expect(unconfirmed.message).toMatch(/^Chưa thể ban hành: còn 12 mục cần xác nhận \(“Tên kế hoạch”/);

        // The author fixes the first drive (it ended on a Sunday) and confirms everything.
        const fixed: Plan = structuredClone(draft.plan);
        fixed.drives[0]!.window.to = { day: 26, month: 2, year: 2027 };
        const edited = await updatePlanDraft(db, {
          planId: 'hd-2027',
          expectedRevision: 1,
          content: fixed,
          by: AUTHOR,
        });
        expect(edited.revision).toBe(2);
        const firstDrive = edited.review.find((i) => i.key === 'drive:mung-dang-mung-xuan-2027');
        expect(firstDrive?.label).toContain('(01/12/2026 – 26/02/2027)');
        expect(firstDrive?.flags.some((f) => f.code === 'weekend')).toBe(false);
        const stale = await refusal(
          updatePlanDraft(db, { planId: 'hd-2027', expectedRevision: 1, content: fixed, by: 'u-khac' }),
        );
        expect(stale).toEqual({
          code: 'stale',
          message: 'Dự thảo kế hoạch hd-2027 đã được sửa sau khi bạn mở (bản sửa thứ 2): hãy tải lại rồi sửa tiếp',
        });
        let revision = edited.revision;
        for (const item of draft.review)
          revision = (
            await confirmPlanDraftItem(db, { planId: 'hd-2027', key: item.key, expectedRevision: revision, by: AUTHOR })
          ).revision;

        const issued = await issuePlan(db, { planId: 'hd-2027', ...ISSUE });
        expect(issued).toMatchObject({ version: 1, status: 'issued' });
        expect(issued.issue).toMatchObject({
          number: '05/KH-VKS',
          date: '2026-12-10',
          signer: 'Viện trưởng Nguyễn Văn A',
          issuedBy: 'u-vientruong',
        });
        const running = await issuedYearPlan(db, 'hd', 2027);
        expect(running).toMatchObject({ id: 'hd-2027', status: 'issued', documentNumber: '05/KH-VKS', year: 2027 });
        expect(running?.drives[0]?.window.to).toEqual({ day: 26, month: 2, year: 2027 });
        expect((await getPlanOfYear(db, 'hd', 2027))?.life).toBe('issued');
        // The year's head of the cluster is where the year's compact looks it up.
        expect(await clusterHeadsForYear(db, 'hd-cum1', 2027)).toMatchObject({ headUnitId: 'hd-kv2' });

        // A second issue, or a second plan for the same year, is refused.
        expect(await refusal(issuePlan(db, { planId: 'hd-2027', ...ISSUE }))).toEqual({
          code: 'conflict',
          message: 'Kế hoạch hd-2027 đã được ban hành: thay đổi sau khi ban hành là sửa đổi, bổ sung (ghi rõ lý do)',
        });
        const again = draftNextYear(HAI_DUONG_2025, { toYear: 2027 });
        expect(
          (
            await refusal(
              createPlanDraft(db, { kind: 'year', content: { ...again.plan, id: 'hd-2027-b' }, by: AUTHOR }),
            )
          ).message,
        ).toBe('Đơn vị hd đã có kế hoạch năm 2027 (mã hd-2027): hãy sửa bản đó');

        // An amendment moves the compact deadline, keeping who, when and why; the version it replaced stays.
        const moved: Plan = structuredClone(running!);
        moved.deadlines.find((d) => d.id === 'compact')!.date = { day: 26, month: 2, year: 2027 };
        expect(
          (await refusal(amendPlan(db, { planId: 'hd-2027', content: moved, reason: 'x', by: AUTHOR }))).message,
        ).toBe('Lý do sửa đổi, bổ sung phải có ít nhất 5 ký tự');
        const amended = await amendPlan(db, {
          planId: 'hd-2027',
          content: moved,
          reason: 'Tết Đinh Mùi: lùi hạn ký giao ước thi đua',
          by: AUTHOR,
        });
        expect(amended).toMatchObject({
          version: 2,
          status: 'issued',
          issue: { number: '05/KH-VKS', date: '2026-12-10' },
        });
        const record = await getPlanOfYear(db, 'hd', 2027);
        expect(record?.life).toBe('amended');
        expect(record?.amendments.map(({ at, ...rest }) => ({ ...rest, at: Number.isNaN(Date.parse(at)) }))).toEqual([
          { version: 2, amendsVersion: 1, reason: 'Tết Đinh Mùi: lùi hạn ký giao ước thi đua', by: AUTHOR, at: false },
        ]);
        expect((await issuedYearPlan(db, 'hd', 2027))?.deadlines.find((d) => d.id === 'compact')?.date.day).toBe(26);
        const versions = await db.query<{ version: number; status: string }>(
          `SELECT version, status FROM plan_versions WHERE plan_id = 'hd-2027' ORDER BY version`,
        );
        expect(versions).toEqual([
          { version: 1, status: 'superseded' },
          { version: 2, status: 'issued' },
        ]);
        expect((await listPlans(db, { year: 2027 }))[0]).toMatchObject({
          life: 'amended',
          issuedVersion: 2,
          hasDraft: false,
        });
      });
    });

    it('refuses, in Vietnamese, a deadline outside the year, a unit in two clusters, and an amendment before issue', async () => {
      await withDb(async (db) => {
        await migrate(db);
        const draft = draftNextYear(HAI_DUONG_2025, { toYear: 2027 });
        const outside: Plan = structuredClone(draft.plan);
        outside.deadlines[0]!.date = { day: 15, month: 1, year: 2026 };
        expect(await refusal(createPlanDraft(db, { kind: 'year', content: outside, by: AUTHOR }))).toEqual({
          code: 'invalid',
          message:
            'Mốc “Đơn vị gửi kế hoạch, chương trình thực hiện công tác thi đua năm 2027”: ngày 15/01/2026 nằm ngoài năm kế hoạch 2027',
        });
        // A unit in two clusters may sit in a draft (copied, fixed in steps) but is refused at issue time.
        const twice = [CLUSTERS[0]!, { ...CLUSTERS[0]!, clusterId: 'hd-cum2', name: 'Cụm thi đua số 2' }];
        let saved = await createPlanDraft(db, {
          kind: 'year',
          content: draft.plan,
          clusters: twice,
          review: draft.review,
          by: AUTHOR,
        });
        for (const item of draft.review)
          saved = await confirmPlanDraftItem(db, {
            planId: 'hd-2027',
            key: item.key,
            expectedRevision: saved.revision,
            by: AUTHOR,
          });
        expect(await refusal(issuePlan(db, { planId: 'hd-2027', ...ISSUE }))).toEqual({
          code: 'invalid',
          message:
            'Đơn vị hd-kv1 thuộc cả cụm “Cụm thi đua số 1” và cụm “Cụm thi đua số 2”; Đơn vị hd-kv2 thuộc cả cụm “Cụm thi đua số 1” và cụm “Cụm thi đua số 2”',
        });
        expect(
          (
            await refusal(
              amendPlan(db, { planId: 'hd-2027', content: draft.plan, reason: 'Sửa lỗi chính tả', by: AUTHOR }),
            )
          ).message,
        ).toBe('Kế hoạch hd-2027 chưa được ban hành: hãy sửa bản dự thảo rồi ban hành');
        expect((await refusal(issuePlan(db, { planId: 'hd-2027', ...ISSUE, date: '10/12/2026' }))).message).toBe(
          'Ngày ban hành không hợp lệ (định dạng yyyy-mm-dd, ví dụ 2025-01-15)',
        );
        expect((await refusal(issuePlan(db, { planId: 'hd-2099', ...ISSUE }))).message).toBe(
          'Không tìm thấy kế hoạch hd-2099',
        );
      });
    });

    it('makes the coming year’s draft from the current plan and the directory, heads copied and flagged', async () => {
      await withDb(async (db) => {
        await migrate(db);
        await seedDemoData(db);
        const made = await createNextYearDraft(db, { orgUnitId: 'hd', toYear: 2026, by: AUTHOR });
        expect(made.content).toMatchObject({ id: 'hd-2026', year: 2026, status: 'draft' });
        expect(made.clusters?.map((c) => [c.clusterId, c.headUnitId, c.deputyUnitId])).toEqual([
          ['hd-cum1', 'hd-kv1', 'hd-kv2'],
          ['hd-cum2', 'hd-kv5', 'hd-kv6'],
          ['hd-cum3', 'hd-kv9', 'hd-kv10'],
          ['hd-khoi-nv', 'hd-p1', 'hd-vp'],
        ]);
        expect(made.review.find((i) => i.key === 'clusters')?.flags[0]?.message).toBe(
          'Cụm thi đua số 1: chưa xác định đơn vị cụm trưởng năm 2026, đang để đơn vị của năm 2025 (Viện kiểm sát nhân dân khu vực 1); cụm trưởng luân phiên hằng năm, hãy kiểm tra',
        );
        // Not a second time, and not without a plan to start from.
        expect((await refusal(createNextYearDraft(db, { orgUnitId: 'hd', toYear: 2026, by: AUTHOR }))).code).toBe(
          'conflict',
        );
        expect((await refusal(createNextYearDraft(db, { orgUnitId: 'bn', toYear: 2026, by: AUTHOR }))).message).toBe(
          'Chưa có kế hoạch năm nào trước năm 2026 của đơn vị bn để lập kế hoạch năm 2026',
        );
        // A head the directory does not have as a member is refused at issue.
        const lineup = made.clusters!.map((c) =>
          c.clusterId === 'hd-cum1'
            ? { ...c, memberUnitIds: [...c.memberUnitIds, 'hd-kv5'], headUnitId: 'hd-kv5' }
            : c.clusterId === 'hd-cum2'
              ? {
                  ...c,
                  memberUnitIds: c.memberUnitIds.filter((u) => u !== 'hd-kv5'),
                  headUnitId: 'hd-kv6',
                  deputyUnitId: null,
                }
              : c,
        );
        let saved = await updatePlanDraft(db, {
          planId: 'hd-2026',
          expectedRevision: made.revision,
          clusters: lineup,
          by: AUTHOR,
        });
        for (const item of made.review)
          saved = await confirmPlanDraftItem(db, {
            planId: 'hd-2026',
            key: item.key,
            expectedRevision: saved.revision,
            by: AUTHOR,
          });
        expect((await refusal(issuePlan(db, { planId: 'hd-2026', ...ISSUE, date: '2025-12-10' }))).message).toBe(
          'Cụm thi đua số 1: đơn vị hd-kv5 chưa là thành viên trong danh bạ: hãy cập nhật danh bạ trước khi ban hành',
        );
        // Nothing was written: the draft is still a draft and the directory has no 2026 heads.
        expect((await getPlanOfYear(db, 'hd', 2026))?.life).toBe('draft');
        expect(await clusterHeadsForYear(db, 'hd-cum1', 2026)).toBeNull();
      });
    });

    it('refuses to issue or amend a plan whose drive id another year’s issued plan already used (its campaign id)', async () => {
      await withDb(async (db) => {
        await migrate(db);
        await confirmedDraft(db, 2027);
        const issued2027 = await issuePlan(db, { planId: 'hd-2027', ...ISSUE });
        const plan2027 = issued2027.content as Plan;
        // Next year's draft is made with fresh drive ids; one of them set back to last year's is refused.
        const next = draftNextYear(plan2027, { toYear: 2028 });
        expect(next.plan.drives.map((d) => d.id)).toEqual(plan2027.drives.map((d) => d.id.replace('2027', '2028')));
        const reused: Plan = structuredClone(next.plan);
        const oldId = plan2027.drives[1]!.id;
        const newId = reused.drives[1]!.id;
        reused.drives[1]!.id = oldId;
        const review = next.review.map((i) => (i.key === `drive:${newId}` ? { ...i, key: `drive:${oldId}` } : i));
        let saved = await createPlanDraft(db, { kind: 'year', content: reused, review, by: AUTHOR });
        for (const item of review)
          saved = await confirmPlanDraftItem(db, {
            planId: 'hd-2028',
            key: item.key,
            expectedRevision: saved.revision,
            by: AUTHOR,
          });
        const refused = await refusal(issuePlan(db, { planId: 'hd-2028', ...ISSUE, date: '2027-12-10' }));
        expect(refused).toEqual({
          code: 'invalid',
          message: `Đợt thi đua “${reused.drives[1]!.title}” dùng mã ${oldId}, mã này đã dùng cho một đợt của kế hoạch “${plan2027.title}”: mỗi đợt thi đua cần một mã riêng, hãy đổi mã của đợt này`,
        });
        expect((await getPlanOfYear(db, 'hd', 2028))?.life).toBe('draft');

        // With its own ids it issues; an amendment bringing last year's id back is refused the same way.
        saved = await updatePlanDraft(db, {
          planId: 'hd-2028',
          expectedRevision: saved.revision,
          content: next.plan,
          by: AUTHOR,
        });
        for (const item of saved.review.filter((i) => !i.confirmed))
          saved = await confirmPlanDraftItem(db, {
            planId: 'hd-2028',
            key: item.key,
            expectedRevision: saved.revision,
            by: AUTHOR,
          });
        await issuePlan(db, { planId: 'hd-2028', ...ISSUE, date: '2027-12-10' });
        const amendRefused = await refusal(
          amendPlan(db, { planId: 'hd-2028', content: reused, reason: 'Đổi mã đợt thi đua', by: AUTHOR }),
        );
        expect(amendRefused.message).toMatch(new RegExp(`dùng mã ${oldId}, mã này đã dùng`));
        // Amending a plan with its own drive ids (already issued by itself) is not a reuse.
        const own = await amendPlan(db, {
          planId: 'hd-2027',
          content: { ...plan2027, theme: 'Chủ đề sửa đổi' },
          reason: 'Sửa chủ đề thi đua',
          by: AUTHOR,
        });
        expect(own.version).toBe(2);
      });
    });

    it('issues a draft once when two people issue it at the same moment', async () => {
      await withDb(async (db) => {
        await migrate(db);
        await confirmedDraft(db);
        const results = await Promise.allSettled([
          issuePlan(db, { planId: 'hd-2027', ...ISSUE }),
          issuePlan(db, { planId: 'hd-2027', ...ISSUE, signer: 'Phó Viện trưởng' }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const [row] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM plan_versions WHERE plan_id = 'hd-2027' AND status = 'issued'`,
        );
        expect(row?.n).toBe(1);
      });
    });

    it('makes one amendment of a form sent twice or at once (its request key), and a new one for another form', async () => {
      await withDb(async (db) => {
        await migrate(db);
        await confirmedDraft(db);
        const issued = await issuePlan(db, { planId: 'hd-2027', ...ISSUE });
        const moved: Plan = structuredClone(issued.content as Plan);
        moved.deadlines.find((d) => d.id === 'compact')!.date = { day: 26, month: 2, year: 2027 };
        const form = { planId: 'hd-2027', content: moved, reason: 'Lùi hạn ký giao ước', by: AUTHOR };
        const [a, b] = await Promise.all([
          amendPlan(db, { ...form, requestId: 'form-0001' }),
          amendPlan(db, { ...form, requestId: 'form-0001' }),
        ]);
        expect([a.version, b.version]).toEqual([2, 2]);
        const again = await amendPlan(db, { ...form, requestId: 'form-0001' });
        expect(again.version).toBe(2);
        expect((await amendmentOfRequest(db, 'hd-2027', 'form-0001'))?.version).toBe(2);
        expect(await amendmentOfRequest(db, 'hd-2027', 'form-0002')).toBeNull();
        const other = await amendPlan(db, { ...form, reason: 'Sửa lần hai', requestId: 'form-0002' });
        expect(other.version).toBe(3);
        expect((await planVersions(db, 'hd-2027')).map((v) => [v.version, v.status])).toEqual([
          [1, 'superseded'],
          [2, 'superseded'],
          [3, 'issued'],
        ]);
      });
    });
  });
}
