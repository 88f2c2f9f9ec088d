/**
 * "Sửa đổi, bổ sung kế hoạch" (issue 11): the standing body (and the leadership) amend the year's issued plan —
 * move a deadline to a new date, or add a drive — with the reason and, when it has them, the amending document's
 * number, date and signer; administrators read. The page shows every amendment with who, when, why and what
 * changed, the versions it replaced marked superseded, and whether the running plan has the version in force.
 *
 * The amendment goes through client/lib/plan-amend.ts: the database and the running `plan/<org>/<year>`
 * workflow change together or not at all, and a form sent twice (its `_request` key) makes one amendment. A
 * refused form is shown again with what was typed, and nothing changed.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dateKey, formatCalendarDateVN, formatDateVN, vnDateParts } from '../../../domain/calendar.js';
import { amendmentChanges, type PlanChange } from '../../../domain/plan-authoring/index.js';
import { DEADLINE_KIND_LABELS } from '../../../domain/i18n.js';
import type { Plan } from '../../../domain/plan.js';
import { listUsers } from '../../../store/directory.js';
import { AmendReasonSchema, getPlanOfYear, planVersions, PlanStoreError } from '../../../store/plans.js';
import type { Account } from '../../../store/credentials.js';
import { ActionRefusedError } from '../../lib/cases.js';
import { amendYearPlan, bringRunningPlanInStep, runningPlanStep, type RunningPlanStep } from '../../lib/plan-amend.js';
import { actorWithRole } from '../case-view.js';
import { WebError } from '../errors.js';
import { renderPage } from '../render.js';
import { accountOf, has } from '../http/account.js';
import { planAuthority, planOrganisation } from '../http/plan-authority.js';
import { optionalVnDateField, vnDateField } from '../http/date-field.js';
import type { RouteOptions } from '../http/deps.js';
import { optionalText, parseForm, requestIdOf, text, type FormBody } from '../http/form.js';
import { parsedYear, yearInPreparation } from '../http/year.js';

const BASE = '/ke-hoach/sua-doi';

const STATUS_OF: Record<PlanStoreError['code'], number> = {
  invalid: 400,
  unconfirmed: 422,
  conflict: 409,
  stale: 409,
  not_found: 404,
};

/** What the page says after an amendment, by where the running plan stands (`run` of the redirect). */
const DONE: Record<string, string> = {
  in_step:
    'Đã ghi bản sửa đổi, bổ sung; kế hoạch đang chạy trên hệ thống đã nhận thay đổi (các việc liên quan được đặt lại lịch nhắc).',
  not_started:
    'Đã ghi bản sửa đổi, bổ sung. Kế hoạch năm này chưa khởi động trên hệ thống: khi khởi động, kế hoạch chạy theo bản đã sửa đổi.',
  closed:
    'Đã ghi bản sửa đổi, bổ sung để lưu hồ sơ. Kế hoạch năm này đã kết thúc trên hệ thống nên không có việc nào thay đổi.',
  lagging:
    'Đã ghi bản sửa đổi, bổ sung, nhưng kế hoạch đang chạy chưa xác nhận đã nhận thay đổi (máy chủ quy trình chưa trả lời). Xem mục “Kế hoạch đang chạy” bên dưới và bấm “Gửi lại” khi cần; gửi lại không sửa đổi hai lần.',
  resent: 'Kế hoạch đang chạy đã nhận đủ các thay đổi của bản đang có hiệu lực.',
};

const { writes, requireReader, requireWriter } = planAuthority({
  reader: 'Chỉ Thường trực Hội đồng thi đua, khen thưởng và lãnh đạo đơn vị được sửa đổi, bổ sung kế hoạch năm.',
  writer: 'Quản trị hệ thống chỉ xem được các lần sửa đổi, bổ sung kế hoạch, không sửa đổi.',
  topic: 'plan amendments',
});

/** The account as the plan workflow's actor: the standing body's role first, else the leadership's. */
const actorOf = (account: Account) =>
  actorWithRole(account, has(account, 'council_secretary') ? 'council_secretary' : 'leadership');

/** "dd/mm/yyyy HH:mm", Vietnam time. */
function vnDateTime(iso: string): string {
  const p = vnDateParts(iso);
  return `${formatDateVN(iso)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

// -------------------------------------------------------------------------------------------------------- forms

const reason = text.pipe(
  z
    .string()
    .min(1, { error: 'Chưa nhập lý do sửa đổi, bổ sung: hãy ghi rõ vì sao sửa đổi kế hoạch.' })
    .pipe(AmendReasonSchema),
);

/** The amending document and the reason: common to both forms. */
const documentFields = {
  nam: optionalText,
  ly_do: reason,
  so_hieu: optionalText,
  ngay_van_ban: optionalVnDateField('Ngày của văn bản sửa đổi'),
  nguoi_ky: optionalText,
};

const moveForm = parseForm(
  z.object({
    ...documentFields,
    moc: text.pipe(z.string().min(1, { error: 'Chưa chọn mốc thời hạn cần dời.' })),
    ngay_moi: vnDateField('Ngày hạn mới'),
  }),
  'amend: move deadline',
);

const addForm = parseForm(
  z.object({
    ...documentFields,
    ma_dot: text,
    ten_dot: text,
    tu: vnDateField('Ngày bắt đầu đợt thi đua'),
    den: vnDateField('Ngày kết thúc đợt thi đua'),
    ngay_de_nghi: text.transform((s, ctx) => {
      if (s === '') return undefined;
      if (!/^\d{1,2}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: 'Số ngày gửi đề nghị khen thưởng sau đợt phải là số ngày (1–90).' });
        return z.NEVER;
      }
      return Number(s);
    }),
    can_cu: optionalText,
  }),
  'amend: add drive',
);

const pageQuery = parseForm(z.object({ nam: optionalText, ok: optionalText, run: optionalText }), 'amend query');

type Parsed = ReturnType<typeof moveForm> | ReturnType<typeof addForm>;

function documentOf(form: Parsed) {
  return {
    ...(form.so_hieu ? { number: form.so_hieu } : {}),
    ...(form.ngay_van_ban ? { date: dateKey(form.ngay_van_ban) } : {}),
    ...(form.nguoi_ky ? { signer: form.nguoi_ky } : {}),
  };
}

// ------------------------------------------------------------------------------------------------------- views

interface Typed {
  body: FormBody;
  form: 'move' | 'add';
}

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** The running plan's standing, as the page says it. */
function runningView(step: RunningPlanStep | null, plan: Plan | null) {
  const deadlineTitle = (id: string) => plan?.deadlines.find((d) => d.id === id)?.title ?? 'đã chọn';
  if (!step) return null;
  switch (step.run) {
    case 'in_step':
      return {
        tone: 'ok',
        text: 'Kế hoạch đang chạy trên hệ thống theo đúng bản đang có hiệu lực.',
        missing: [],
        notCarried: step.notCarried,
      };
    case 'not_started':
      return {
        tone: 'info',
        text: 'Kế hoạch năm này chưa khởi động trên hệ thống: khi khởi động, kế hoạch chạy theo bản đang có hiệu lực (đã gồm các lần sửa đổi).',
        missing: [],
        notCarried: [],
      };
    case 'closed':
      return {
        tone: 'info',
        text: 'Kế hoạch năm này đã kết thúc trên hệ thống: sửa đổi, bổ sung chỉ để lưu hồ sơ.',
        missing: [],
        notCarried: [],
      };
    case 'lagging':
      return {
        tone: 'warn',
        text:
          step.missing.length > 0
            ? 'Kế hoạch đang chạy chưa có một số thay đổi của bản đang có hiệu lực:'
            : 'Chưa đọc được kế hoạch đang chạy (máy chủ quy trình chưa trả lời): chưa rõ kế hoạch đang chạy đã có đủ các thay đổi hay chưa.',
        missing: step.missing.map((u) =>
          u.moveDeadline
            ? `Dời hạn mốc “${deadlineTitle(u.moveDeadline.deadlineId)}” đến ${formatCalendarDateVN(u.moveDeadline.date)}`
            : `Thêm đợt thi đua “${u.addDrive!.title}”`,
        ),
        notCarried: step.notCarried,
      };
  }
}

export const planAmendmentRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  const organisation = () => planOrganisation(deps);
  const yearOfRequest = (raw: string | undefined) => parsedYear(raw) ?? yearInPreparation();
  const pageUrl = (year: number, run: string) => `${BASE}?nam=${year}&ok=1&run=${run}#thong-bao`;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extras: { error?: string; status?: number; typed?: Typed } = {},
  ) => {
    const account = accountOf(request);
    requireReader(account);
    const orgUnitId = await organisation();
    const record = await getPlanOfYear(deps.db, orgUnitId, year);
    const issued = record?.issued ?? null;
    const plan = issued ? (issued.content as Plan) : null;
    const names = new Map((await listUsers(deps.db)).map((u) => [u.id, u.displayName]));
    const nameOf = (id: string | undefined) => (id ? (names.get(id) ?? '(tài khoản không còn trong danh bạ)') : '');
    const versions = record ? (await planVersions(deps.db, record.id)).filter((v) => v.status !== 'draft') : [];
    const history = versions
      .map((v, i) => {
        const before = versions[i - 1];
        return {
          version: v.version,
          inForce: v.status === 'issued',
          document: v.issue,
          amendment: v.amendment
            ? {
                by: nameOf(v.amendment.by),
                at: vnDateTime(v.amendment.at),
                reason: v.amendment.reason,
                changes: before ? amendmentChanges(before.content as Plan, v.content as Plan) : [],
              }
            : null,
          issuedBy: nameOf(v.issue?.issuedBy),
          issuedAt: v.issue ? vnDateTime(v.issue.issuedAt) : '',
        };
      })
      .reverse();
    const step = plan
      ? await runningPlanStep(deps.yearCases, { orgUnitId, year, inForce: plan, actor: actorOf(account), reason: '' })
      : null;
    const query = pageQuery(request.query);
    const typed = extras.typed ?? null;
    const value = (form: Typed['form'], name: string, fallback = '') =>
      typed?.form === form ? first(typed.body[name]) : fallback;
    const common = (form: Typed['form']) => ({
      reason: value(form, 'ly_do'),
      number: value(form, 'so_hieu'),
      date: value(form, 'ngay_van_ban'),
      signer: value(form, 'nguoi_ky'),
    });
    return renderPage(
      request,
      reply,
      'plan-amendment',
      {
        title: `Sửa đổi, bổ sung kế hoạch năm ${year}`,
        year,
        canWrite: writes(account),
        record,
        issued,
        plan,
        deadlines: (plan?.deadlines ?? []).map((d) => ({
          id: d.id,
          label: `${d.title} — hạn ${formatCalendarDateVN(d.date)} (${DEADLINE_KIND_LABELS[d.kind]})`,
        })),
        drives: (plan?.drives ?? []).map((d) => ({
          title: d.title,
          window: `${formatCalendarDateVN(d.window.from)} – ${formatCalendarDateVN(d.window.to)}`,
        })),
        running: runningView(step, plan),
        canResend: step?.run === 'lagging',
        history,
        move: {
          ...common('move'),
          deadline: value('move', 'moc'),
          date: value('move', 'ngay_moi'),
          docDate: value('move', 'ngay_van_ban'),
        },
        add: {
          ...common('add'),
          id: value('add', 'ma_dot'),
          name: value('add', 'ten_dot'),
          from: value('add', 'tu'),
          to: value('add', 'den'),
          days: value('add', 'ngay_de_nghi'),
          source: value('add', 'can_cu'),
          docDate: value('add', 'ngay_van_ban'),
        },
        error: extras.error ?? null,
        errorForm: typed?.form ?? null,
        ok: extras.error || !query.ok ? null : (DONE[query.run ?? ''] ?? null),
      },
      extras.status ?? 200,
    );
  };

  /** A refusal (the form, the store or the running plan) shown on the page with what was typed; nothing changed. */
  const refused = async (request: FastifyRequest, reply: FastifyReply, year: number, error: unknown, typed?: Typed) => {
    let status: number;
    let message: string;
    if (error instanceof PlanStoreError) {
      status = STATUS_OF[error.code];
      message = `${error.message}.`.replace(/\.\.$/, '.');
    } else if (error instanceof ActionRefusedError) {
      status = 409;
      message = error.vi;
    } else if (error instanceof WebError && error.status === 400) {
      status = 400;
      message = error.vi;
    } else throw error;
    request.log.warn({ year, status, message }, 'plan amendment refused');
    return page(request, reply, year, { error: message, status, ...(typed ? { typed } : {}) });
  };

  const amend = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: Typed['form'],
    changeOf: (body: FormBody) => { parsed: Parsed; change: PlanChange },
  ) => {
    const account = accountOf(request);
    requireWriter(account);
    const body = (request.body ?? {}) as FormBody;
    const year = yearOfRequest(first(body.nam) || undefined);
    const typed: Typed = { body, form };
    try {
      const { parsed, change } = changeOf(body);
      const requestId = requestIdOf(body);
      const outcome = await amendYearPlan(deps.yearCases, deps.db, {
        orgUnitId: await organisation(),
        year,
        change,
        reason: parsed.ly_do,
        actor: actorOf(account),
        document: documentOf(parsed),
        ...(requestId ? { requestId } : {}),
      });
      if (outcome.running.run === 'lagging')
        request.log.error({ year, detail: outcome.running.detail }, 'plan amended, running plan did not answer');
      return reply.redirect(pageUrl(year, outcome.running.run), 303);
    } catch (error) {
      return refused(request, reply, year, error, typed);
    }
  };

  app.get(BASE, async (request, reply) => page(request, reply, yearOfRequest(pageQuery(request.query).nam)));

  app.post(`${BASE}/doi-han`, async (request, reply) =>
    amend(request, reply, 'move', (body) => {
      const parsed = moveForm(body);
      return { parsed, change: { kind: 'move_deadline', deadlineId: parsed.moc, date: parsed.ngay_moi } };
    }),
  );

  app.post(`${BASE}/them-dot`, async (request, reply) =>
    amend(request, reply, 'add', (body) => {
      const parsed = addForm(body);
      return {
        parsed,
        change: {
          kind: 'add_drive',
          drive: {
            id: parsed.ma_dot,
            title: parsed.ten_dot,
            window: { from: parsed.tu, to: parsed.den },
            source: parsed.can_cu ?? `Sửa đổi, bổ sung kế hoạch: ${parsed.ly_do}`,
            ...(parsed.ngay_de_nghi === undefined ? {} : { nominationDays: parsed.ngay_de_nghi }),
          },
        },
      };
    }),
  );

  /** Sends the running plan what it lacks of the version in force (after an unanswered amendment). */
  app.post(`${BASE}/gui-lai`, async (request, reply) => {
    const account = accountOf(request);
    requireWriter(account);
    const body = (request.body ?? {}) as FormBody;
    const year = yearOfRequest(first(body.nam) || undefined);
    const orgUnitId = await organisation();
    const record = await getPlanOfYear(deps.db, orgUnitId, year);
    if (!record?.issued)
      return refused(request, reply, year, new PlanStoreError('not_found', `Kế hoạch năm ${year} chưa được ban hành`));
    try {
      const step = await bringRunningPlanInStep(deps.yearCases, {
        orgUnitId,
        year,
        version: record.issued,
        actor: actorOf(account),
        reason: record.issued.amendment?.reason ?? 'Gửi lại bản sửa đổi, bổ sung',
      });
      return reply.redirect(pageUrl(year, step.run === 'in_step' ? 'resent' : step.run), 303);
    } catch (error) {
      return refused(request, reply, year, error);
    }
  });
};
