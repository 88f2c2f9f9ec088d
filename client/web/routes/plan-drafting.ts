/**
 * "Lập kế hoạch năm …" (issue 11): the standing body (and the leadership) make the coming year's plan from the
 * current one, go through every copied item flagged "cần xác nhận", edit the theme, the legal basis, the
 * deadlines, the drives (with their content and targets), the reminder schedule, the council and the year's
 * clusters (their fields: ../plan-draft-fields.ts), confirm the items, and issue the plan (number, date, signer),
 * which launches it when its season has come (client/lib/plan-issue.ts) or leaves it to the 01/12 Schedule.
 * Administrators read.
 *
 * Every write goes through store/plans.ts, which validates with zod and refuses in Vietnamese; a refused form is
 * shown again with what was typed, and nothing is saved. The draft's revision travels in each form, so two
 * people editing at once get "hãy tải lại" instead of overwriting each other.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  dateKey,
  formatCalendarDateVN,
  formatDateVN,
  parseDateKey,
  type CalendarDate,
} from '../../../domain/calendar.js';
import {
  comingYearPlanNotice,
  unconfirmedItems,
  type ClusterLineup,
  type ReviewItem,
} from '../../../domain/plan-authoring/index.js';
import { DEADLINE_AUDIENCE_LABELS, DEADLINE_KIND_LABELS } from '../../../domain/i18n.js';
import type { Plan } from '../../../domain/plan.js';
import { SCENARIO_LABELS, scenarioCalendar, type RehearsalResult } from '../../../domain/rehearsal/index.js';
import { rehearsalInput } from '../../../store/plan-rehearsal-input.js';
import { RehearsalFailedError } from '../../lib/rehearsal.js';
import { listClusters, listUnits, listUsers } from '../../../store/directory.js';
import { createNextYearDraft } from '../../../store/plan-drafting.js';
import {
  confirmPlanDraftItem,
  getPlanOfYear,
  listPlans,
  PlanStoreError,
  updatePlanDraft,
  type PlanRecord,
} from '../../../store/plans.js';
import { WebError } from '../errors.js';
import { byName } from '../natural-order.js';
import {
  councilFields,
  councilOf,
  councilShape,
  driveContentShape,
  incompleteRows,
  lineupFields,
  lineupOf,
  lineupShape,
  scheduleFields,
  scheduleOf,
  scheduleShape,
  type UnitChoice,
} from '../plan-draft-fields.js';
import { renderPage } from '../render.js';
import { accountOf } from '../http/account.js';
import { planAuthority, planOrganisation } from '../http/plan-authority.js';
import { vnDateField } from '../http/date-field.js';
import type { RouteOptions } from '../http/deps.js';
import { optionalText, parseForm, rawText, text, type FormBody } from '../http/form.js';
import { parsedYear, yearInPreparation } from '../http/year.js';

const BASE = '/ke-hoach/soan-thao';

const STATUS_OF: Record<PlanStoreError['code'], number> = {
  invalid: 400,
  unconfirmed: 422,
  conflict: 409,
  stale: 409,
  not_found: 404,
};

const OK: Record<string, string> = {
  created: 'Đã lập dự thảo kế hoạch từ kế hoạch năm trước: hãy kiểm tra, sửa và xác nhận từng mục.',
  saved: 'Đã lưu các thay đổi của dự thảo.',
  confirmed: 'Đã xác nhận mục.',
  issued: 'Đã ban hành kế hoạch.',
  rehearsed: 'Đã diễn tập dự thảo: lịch nhắc việc của năm ở bên dưới.',
};

/** How the launch went, in Vietnamese (the `launch` query of the page after issuing). */
const LAUNCH: Record<string, string> = {
  backfilled: 'Kế hoạch đã được khởi động trên hệ thống: các đơn vị nhận việc đăng ký thi đua, giao ước thi đua.',
  already_started: 'Kế hoạch của năm này đã chạy trên hệ thống từ trước.',
  left_to_schedule: 'Kế hoạch sẽ tự khởi động lúc 00:00 ngày 01/12 (giờ Việt Nam) của năm trước năm kế hoạch.',
  past_year: 'Năm của kế hoạch đã qua: kế hoạch được lưu để tra cứu, không khởi động.',
  failed:
    'Kế hoạch đã ban hành nhưng chưa khởi động được (máy chủ quy trình chưa sẵn sàng); hệ thống sẽ khởi động lại khi chạy lại.',
};

const { writes, requireReader, requireWriter } = planAuthority({
  reader: 'Chỉ Thường trực Hội đồng thi đua, khen thưởng và lãnh đạo đơn vị được lập kế hoạch năm.',
  writer: 'Quản trị hệ thống chỉ xem được dự thảo kế hoạch, không sửa, xác nhận hay ban hành.',
  topic: 'plan drafting',
});

// -------------------------------------------------------------------------------------------------------- forms

/** A title in quotes, unless it has its own (“Mừng Đảng…”). */
const quoted = (title: string) => (/[“”"]/.test(title) ? title : `“${title}”`);

const yearQuery = parseForm(z.object({ nam: optionalText, ok: optionalText, launch: optionalText }), 'draft query');
const baseForm = parseForm(
  z.object({ nam: optionalText, revision: text.transform((s) => (/^\d+$/.test(s) ? Number(s) : -1)) }),
  'draft form',
);
const confirmForm = parseForm(z.object({ key: text }), 'confirm form');
const rehearseForm = parseForm(z.object({ ngay_ban_hanh: vnDateField('Ngày ban hành dự kiến') }), 'rehearsal form');

/** The latest rehearsal of a draft, kept by the web process (a rehearsal runs again in seconds; see docs). */
interface KeptRehearsal {
  revision: number;
  ranAt: string;
  ranBy: string;
  result: RehearsalResult;
}

/** What the edit form is built for: the draft's plan and line-up, the directory's units, the fields sent. */
interface EditContext {
  plan: Plan;
  clusters: ClusterLineup[] | null;
  units: ReadonlyMap<string, UnitChoice>;
  /** The form sent (its reminder rows name their own fields); empty when showing the draft. */
  body: FormBody;
}

/**
 * The units the author may put in the year's clusters, by name: the organisation's own units (a new regional
 * procuracy appears once it is in the directory) and any unit of a cluster now; not the organisation itself.
 */
async function unitChoices(
  db: RouteOptions['deps']['db'],
  orgUnitId: string,
  clusters: readonly ClusterLineup[] | null,
): Promise<UnitChoice[]> {
  const inClusters = new Set([
    ...(clusters ?? []).flatMap((c) => c.memberUnitIds),
    ...(await listClusters(db)).flatMap((c) => c.memberUnitIds),
  ]);
  return byName(
    (await listUnits(db))
      .filter((u) => u.id !== orgUnitId && (u.parentId === orgUnitId || inClusters.has(u.id)))
      .map((u) => ({ id: u.id, name: u.name })),
  );
}

/** The draft's edit form, built for the draft's own deadlines and drives (their ids name the fields). */
function editSchema({ plan, clusters, units, body }: EditContext) {
  const deadlines: Record<string, z.ZodType> = Object.fromEntries(
    plan.deadlines.flatMap((d): [string, z.ZodType][] => [
      [`moc.${d.id}.ten`, text],
      [`moc.${d.id}.ngay`, vnDateField(`Ngày hạn của mốc ${quoted(d.title)}`)],
    ]),
  );
  const drives: Record<string, z.ZodType> = Object.fromEntries(
    plan.drives.flatMap((d): [string, z.ZodType][] => [
      [`dot.${d.id}.ten`, text],
      [`dot.${d.id}.tu`, vnDateField(`Ngày bắt đầu đợt ${quoted(d.title)}`)],
      [`dot.${d.id}.den`, vnDateField(`Ngày kết thúc đợt ${quoted(d.title)}`)],
      [
        `dot.${d.id}.ngay_de_nghi`,
        text.transform((s, ctx) => {
          if (s === '') return undefined;
          if (!/^\d{1,2}$/.test(s)) {
            ctx.addIssue({
              code: 'custom',
              message: `Số ngày gửi đề nghị khen thưởng sau đợt ${quoted(d.title)} phải là số ngày (1–90).`,
            });
            return z.NEVER;
          }
          return Number(s);
        }),
      ],
      ...Object.entries(driveContentShape(d.id)),
    ]),
  );
  return z
    .object({
      tieu_de: text,
      chu_de: rawText.transform((s) => (s.trim() === '' ? undefined : s.trim())),
      can_cu: rawText.transform((s) =>
        s
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l !== ''),
      ),
      ...deadlines,
      ...drives,
      ...scheduleShape(body),
      ...councilShape,
      ...lineupShape(clusters, units),
    })
    .superRefine((parsed, ctx) => incompleteRows(parsed, body, ctx));
}

/** The edited draft: what the form changed (ids, kinds, audiences and sources stay), plan and line-up. */
function editedDraft(context: EditContext): { plan: Plan; clusters: ClusterLineup[] | null } {
  const { plan, clusters, body } = context;
  const schema = editSchema(context);
  const parsed = parseForm(schema, 'plan draft')(body) as Record<string, unknown> & {
    tieu_de: string;
    chu_de: string | undefined;
    can_cu: string[];
  };
  const field = <T>(name: string) => parsed[name] as T;
  const edited: Plan = {
    ...plan,
    title: parsed.tieu_de,
    legalBasis: parsed.can_cu,
    deadlines: plan.deadlines.map((d) => ({
      ...d,
      title: field<string>(`moc.${d.id}.ten`),
      date: field<CalendarDate>(`moc.${d.id}.ngay`),
    })),
    drives: plan.drives.map((d) => {
      const days = field<number | undefined>(`dot.${d.id}.ngay_de_nghi`);
      const drive = {
        ...d,
        title: field<string>(`dot.${d.id}.ten`),
        window: { from: field<CalendarDate>(`dot.${d.id}.tu`), to: field<CalendarDate>(`dot.${d.id}.den`) },
      };
      if (days === undefined) delete drive.nominationDays;
      else drive.nominationDays = days;
      // Absent rather than empty, as in plans written before drives had them.
      const content = field<string | undefined>(`dot.${d.id}.noi_dung`);
      if (content === undefined) delete drive.content;
      else drive.content = content;
      const targets = field<string[]>(`dot.${d.id}.chi_tieu`);
      if (targets.length === 0) delete drive.targets;
      else drive.targets = targets;
      return drive;
    }),
    reminders: scheduleOf(parsed, body, plan.reminders),
    council: councilOf(plan.council, parsed),
  };
  if (parsed.chu_de === undefined) delete edited.theme;
  else edited.theme = parsed.chu_de;
  return { plan: edited, clusters: lineupOf(clusters, parsed) };
}

// ------------------------------------------------------------------------------------------------------- views

interface Typed {
  body: FormBody;
  /** Which form the typed values belong to. */
  form: 'edit' | 'issue' | 'rehearse';
}

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** The fields of the edit form a refusal is about (marked aria-invalid), from the form's own schema. */
function invalidFields(context: EditContext, typed: FormBody | null): Set<string> {
  if (!typed) return new Set();
  const parsed = editSchema({ ...context, body: typed }).safeParse(typed);
  return new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
}

/** The fields of the edit form: what was typed after a refusal, else the draft's values. */
function editFields(context: EditContext, unitList: UnitChoice[], review: ReviewItem[], typed: FormBody | null) {
  const { plan } = context;
  const invalid = invalidFields(context, typed);
  const value = (name: string, fallback: string) => (typed ? first(typed[name]) : fallback);
  const item = (key: string) => review.find((i) => i.key === key) ?? null;
  return {
    invalid: [...invalid],
    title: value('tieu_de', plan.title),
    theme: value('chu_de', plan.theme ?? ''),
    legalBasis: value('can_cu', plan.legalBasis.join('\n')),
    deadlines: plan.deadlines.map((d) => ({
      id: d.id,
      heading: d.title,
      title: value(`moc.${d.id}.ten`, d.title),
      date: value(`moc.${d.id}.ngay`, formatCalendarDateVN(d.date)),
      kind: DEADLINE_KIND_LABELS[d.kind],
      audience: DEADLINE_AUDIENCE_LABELS[d.audience],
      review: item(`deadline:${d.id}`),
    })),
    drives: plan.drives.map((d) => ({
      id: d.id,
      heading: d.title,
      title: value(`dot.${d.id}.ten`, d.title),
      from: value(`dot.${d.id}.tu`, formatCalendarDateVN(d.window.from)),
      to: value(`dot.${d.id}.den`, formatCalendarDateVN(d.window.to)),
      nominationDays: value(`dot.${d.id}.ngay_de_nghi`, d.nominationDays === undefined ? '' : String(d.nominationDays)),
      content: value(`dot.${d.id}.noi_dung`, d.content ?? ''),
      targets: value(`dot.${d.id}.chi_tieu`, (d.targets ?? []).join('\n')),
      review: item(`drive:${d.id}`),
    })),
    schedule: { ...scheduleFields(plan.reminders, typed), review: item('reminders') },
    council: { ...councilFields(plan.council, typed), review: item('council') },
    lineup: lineupFields(context.clusters, unitList, review, typed),
    /** A refused form shows the cluster lists open, with what was ticked. */
    typed: typed !== null,
  };
}

export const planDraftingRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  const rehearsals = new Map<string, KeptRehearsal>();
  const organisation = () => planOrganisation(deps);
  const yearOfRequest = (raw: string | undefined) => parsedYear(raw) ?? yearInPreparation();
  const pageUrl = (year: number, ok?: string, extra = '') =>
    `${BASE}?nam=${year}${ok ? `&ok=${ok}` : ''}${extra}#thong-bao`;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extras: { error?: string; status?: number; typed?: Typed } = {},
  ) => {
    const account = accountOf(request);
    requireReader(account);
    const orgUnitId = await organisation();
    const now = new Date().toISOString();
    const record: PlanRecord | null = await getPlanOfYear(deps.db, orgUnitId, year);
    const issuedYears = (await listPlans(deps.db, { orgUnitId, kind: 'year' }))
      .filter((p) => p.issuedVersion !== null)
      .map((p) => p.year);
    const draft = record?.draft ?? null;
    const plan = draft ? (draft.content as Plan) : null;
    const review = draft?.review ?? [];
    // Staff see names, not account ids.
    const names = new Map((await listUsers(deps.db)).map((u) => [u.id, u.displayName]));
    const query = yearQuery(request.query);
    const typed = extras.typed ?? null;
    const issueValue = (name: string) => (typed?.form === 'issue' ? first(typed.body[name]) : '');
    const unitList = draft ? await unitChoices(deps.db, orgUnitId, draft.clusters) : [];
    return renderPage(
      request,
      reply,
      'plan-draft',
      {
        title: `Lập kế hoạch năm ${year}`,
        year,
        canWrite: writes(account),
        // The banner sends the standing body here; on the page of that very year it has nothing to add.
        notice: ((n) => (n && n.year !== year ? n : null))(comingYearPlanNotice(now, issuedYears)),
        record,
        issued: record?.issued ?? null,
        issuedBy: record?.issued ? (names.get(record.issued.issue?.issuedBy ?? '') ?? '') : '',
        draft,
        plan,
        review: review.map((i) => ({ ...i, confirmedByName: i.confirmedBy ? (names.get(i.confirmedBy) ?? '') : '' })),
        open: unconfirmedItems(review).length,
        fields:
          plan && draft
            ? editFields(
                { plan, clusters: draft.clusters, units: new Map(unitList.map((u) => [u.id, u])), body: {} },
                unitList,
                review,
                typed?.form === 'edit' ? typed.body : null,
              )
            : null,
        issueForm: {
          number: issueValue('so_hieu'),
          date: issueValue('ngay_ban_hanh'),
          signer: issueValue('nguoi_ky'),
        },
        previousYears: issuedYears.filter((y) => y < year),
        rehearsal: record ? (rehearsals.get(record.id) ?? null) : null,
        rehearsalDate: typed?.form === 'rehearse' ? first(typed.body.ngay_ban_hanh) : formatDateVN(now),
        error: extras.error ?? null,
        errorForm: typed?.form ?? null,
        ok: extras.error ? null : query.ok && Object.hasOwn(OK, query.ok) ? OK[query.ok]! : null,
        launch: extras.error ? null : query.launch && query.launch in LAUNCH ? LAUNCH[query.launch]! : null,
      },
      extras.status ?? 200,
    );
  };

  /** A refusal of the store shown on the page (typed values kept); anything else goes to the error page. */
  const refused = async (request: FastifyRequest, reply: FastifyReply, year: number, error: unknown, typed?: Typed) => {
    if (error instanceof PlanStoreError || (error instanceof WebError && error.status === 400)) {
      const status = error instanceof PlanStoreError ? STATUS_OF[error.code] : 400;
      const message = error instanceof PlanStoreError ? `${error.message}.`.replace(/\.\.$/, '.') : error.vi;
      request.log.warn({ year, status, message }, 'plan draft refused');
      return page(request, reply, year, { error: message, status, ...(typed ? { typed } : {}) });
    }
    throw error;
  };

  app.get(BASE, async (request, reply) => page(request, reply, yearOfRequest(yearQuery(request.query).nam)));

  app.post(`${BASE}/tao`, async (request, reply) => {
    const account = accountOf(request);
    requireWriter(account);
    const year = yearOfRequest(baseForm(request.body).nam);
    const orgUnitId = await organisation();
    try {
      await createNextYearDraft(deps.db, { orgUnitId, toYear: year, by: account.user.id });
    } catch (error) {
      return refused(request, reply, year, error);
    }
    return reply.redirect(pageUrl(year, 'created'), 303);
  });

  app.post(`${BASE}/luu`, async (request, reply) => {
    const account = accountOf(request);
    requireWriter(account);
    const body = (request.body ?? {}) as FormBody;
    const { nam, revision } = baseForm(body);
    const year = yearOfRequest(nam);
    const record = await getPlanOfYear(deps.db, await organisation(), year);
    if (!record?.draft)
      return refused(request, reply, year, new PlanStoreError('not_found', 'Không có dự thảo để sửa'));
    try {
      const draft = record.draft;
      const units = await unitChoices(deps.db, record.orgUnitId, draft.clusters);
      const edited = editedDraft({
        plan: draft.content as Plan,
        clusters: draft.clusters,
        units: new Map(units.map((u) => [u.id, u])),
        body,
      });
      await updatePlanDraft(deps.db, {
        planId: record.id,
        expectedRevision: revision,
        content: edited.plan,
        // A draft without a line-up (its plan names no clusters) keeps none.
        ...(draft.clusters ? { clusters: edited.clusters } : {}),
        by: account.user.id,
      });
    } catch (error) {
      return refused(request, reply, year, error, { body, form: 'edit' });
    }
    return reply.redirect(pageUrl(year, 'saved'), 303);
  });

  app.post(`${BASE}/xac-nhan`, async (request, reply) => {
    const account = accountOf(request);
    requireWriter(account);
    const { nam, revision } = baseForm(request.body);
    const { key } = confirmForm(request.body);
    const year = yearOfRequest(nam);
    const record = await getPlanOfYear(deps.db, await organisation(), year);
    if (!record?.draft) return refused(request, reply, year, new PlanStoreError('not_found', 'Không có dự thảo'));
    try {
      await confirmPlanDraftItem(deps.db, {
        planId: record.id,
        key,
        expectedRevision: revision,
        by: account.user.id,
      });
    } catch (error) {
      return refused(request, reply, year, error);
    }
    return reply.redirect(`${BASE}?nam=${year}&ok=confirmed#muc-${encodeURIComponent(key)}`, 303);
  });

  app.post(`${BASE}/ban-hanh`, async (request, reply) => {
    const account = accountOf(request);
    requireWriter(account);
    const body = (request.body ?? {}) as FormBody;
    const year = yearOfRequest(baseForm(body).nam);
    const typed: Typed = { body, form: 'issue' };
    const record = await getPlanOfYear(deps.db, await organisation(), year);
    if (!record) return refused(request, reply, year, new PlanStoreError('not_found', 'Không có dự thảo để ban hành'));
    let date: string;
    try {
      const parsed = parseForm(z.object({ ngay_ban_hanh: vnDateField('Ngày ban hành') }), 'issue form')(body);
      const d = parsed.ngay_ban_hanh;
      date = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    } catch (error) {
      return refused(request, reply, year, error, typed);
    }
    let launch: string;
    try {
      const outcome = await deps.issuePlan({
        planId: record.id,
        number: first(body.so_hieu).trim(),
        date,
        signer: first(body.nguoi_ky).trim(),
        by: account.user.id,
      });
      launch = outcome.launch.action === 'none' ? outcome.launch.reason : outcome.launch.action;
      if (outcome.launch.action === 'not_started') launch = outcome.launch.reason;
    } catch (error) {
      if (error instanceof PlanStoreError) return refused(request, reply, year, error, typed);
      // Issued, but the launch did not go through: the plan stays issued; the start-up catch-up starts it.
      if ((await getPlanOfYear(deps.db, record.orgUnitId, year))?.issued) {
        request.log.error({ err: error, year }, 'plan issued, launch failed');
        launch = 'failed';
      } else throw error;
    }
    return reply.redirect(pageUrl(year, 'issued', `&launch=${launch}`), 303);
  });

  // ------------------------------------------------------------------------------------------------- diễn tập

  app.post(`${BASE}/dien-tap`, async (request, reply) => {
    const account = accountOf(request);
    requireWriter(account);
    const body = (request.body ?? {}) as FormBody;
    const year = yearOfRequest(baseForm(body).nam);
    const typed: Typed = { body, form: 'rehearse' };
    const record = await getPlanOfYear(deps.db, await organisation(), year);
    if (!record?.draft)
      return refused(request, reply, year, new PlanStoreError('not_found', 'Không có dự thảo để diễn tập'));
    let issueDate: string;
    try {
      issueDate = dateKey(rehearseForm(body).ngay_ban_hanh);
    } catch (error) {
      return refused(request, reply, year, error, typed);
    }
    const draft = record.draft;
    let result: RehearsalResult;
    try {
      const input = await rehearsalInput(deps.db, {
        plan: draft.content as Plan,
        clusters: draft.clusters,
        issueDate,
        scenarios: ['none_act', 'sample_late'],
      });
      result = await deps.rehearse(input);
    } catch (error) {
      if (error instanceof RehearsalFailedError) {
        request.log.warn({ year, err: error.message }, 'rehearsal failed');
        return page(request, reply, year, { error: error.vi, status: 503, typed });
      }
      return refused(request, reply, year, error, typed);
    }
    rehearsals.set(record.id, {
      revision: draft.revision,
      ranAt: new Date().toISOString(),
      ranBy: account.user.displayName,
      result,
    });
    return reply.redirect(`${BASE}/dien-tap?nam=${year}&ok=rehearsed`, 303);
  });

  app.get(`${BASE}/dien-tap`, async (request, reply) => {
    const account = accountOf(request);
    requireReader(account);
    const query = yearQuery(request.query);
    const year = yearOfRequest(query.nam);
    const record = await getPlanOfYear(deps.db, await organisation(), year);
    const kept = record ? rehearsals.get(record.id) : undefined;
    const plan = (record?.draft?.content ?? record?.issued?.content ?? null) as Plan | null;
    const scenarios =
      kept && plan
        ? kept.result.scenarios.map((s) => ({
            id: s.scenario,
            label: SCENARIO_LABELS[s.scenario],
            actions: s.actions.map((a) => ({
              ...a,
              unitName: kept.result.context.units.find((u) => u.id === a.unitId)?.name ?? a.unitId,
            })),
            ...scenarioCalendar({ plan, context: kept.result.context, issueDate: kept.result.issueDate, scenario: s }),
          }))
        : [];
    return renderPage(request, reply, 'plan-rehearsal', {
      title: `Diễn tập kế hoạch năm ${year}`,
      year,
      kept: kept ?? null,
      stale: !!kept && !!record?.draft && record.draft.revision !== kept.revision,
      issueDateLabel: kept ? formatCalendarDateVN(parseDateKey(kept.result.issueDate)) : '',
      scenarios,
      ok: query.ok && query.ok in OK ? OK[query.ok]! : null,
    });
  });
};
