/**
 * A complaint's page (`/khieu-nai/<number>`), for the council's standing body, the leadership and admins: what it is
 * against (the held nomination or the book row, linked), its due date, the standing body's findings and proposal,
 * the leadership's conclusion and the audit. Seed 003 (III.6): the standing body examines and advises ("tham mưu"),
 * the Viện trưởng or a Phó Viện trưởng concludes, so the forms are the standing body's hold and proposal and the
 * leadership's conclusion. Each form runs the domain's own check (the workflow's validator repeats it), then the
 * complaint's Update.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findAward } from '../../../domain/catalogue.js';
import {
  ComplaintActionSchemas,
  checkComplaintAction,
  type ComplaintAction,
  type ComplaintActionName,
  type ComplaintState,
} from '../../../domain/plan-year/complaint.js';
import { isCouncilLeadership, isStandingBodyActor } from '../../../domain/plan-year/common.js';
import { findByCaseKey } from '../../../store/book.js';
import { getPerson, getUnit } from '../../../store/directory.js';
import { ActionRefusedError } from '../../lib/cases.js';
import { checkFirst } from '../../lib/year-cases.js';
import { actorWithRole } from '../case-view.js';
import {
  COMPLAINTS_PATH,
  complaintUrl,
  COMPLAINT_ACTION_SLUGS,
  COMPLAINT_STAGE_LABELS,
  OUTCOME_LABELS,
  complaintActionOf,
  complaintActorRole,
  complaintActions,
  complaintAuditLabel,
} from '../complaint-view.js';
import { forbidden, notFound, WebError } from '../errors.js';
import { helpers, renderPage } from '../render.js';
import { accountOf, has } from '../http/account.js';
import type { Account } from '../../../store/credentials.js';
import type { RouteOptions, WebDeps } from '../http/deps.js';
import { checkbox, issuesVN, optionalText, parseForm, rawText, text } from '../http/form.js';
import { refusalStatus } from '../http/refusal.js';

const numberParams = parseForm(
  z.object({ so: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/), action: z.string().optional() }),
  'complaint address',
);
const pageQuery = parseForm(z.object({ ok: optionalText }), 'complaint query');
/** Every field as typed (kept when the form comes back refused). */
const typedForm = parseForm(z.object({}).catchall(rawText), 'typed complaint form');
const actionForm = parseForm(
  z.object({ reason: text, findings: text, outcome: text, revokeAward: checkbox }),
  'complaint form',
);

const OK: Record<ComplaintActionName, string> = {
  hold_case: 'Đã tạm dừng xét hồ sơ bị khiếu nại.',
  propose: 'Đã báo cáo kết quả xác minh và đề xuất; đơn chờ Lãnh đạo Viện kết luận.',
  resolve: 'Đã kết luận giải quyết đơn khiếu nại.',
};

function requireViewer(account: Account): void {
  if (!has(account, 'council_secretary', 'leadership', 'admin'))
    throw forbidden(
      'Chỉ Thường trực Hội đồng, Lãnh đạo Viện và quản trị xem được đơn khiếu nại.',
      `roles ${account.user.roles.join(',')} may not see complaints`,
    );
}

/**
 * A complaint names its complainant and what they allege, which must stay within the council that handles it: its
 * standing body and its leadership (and admins), not the same roles in another unit (a higher level's emulation
 * department, another province's standing body).
 */
function requireComplaintCouncil(account: Account, state: ComplaintState): void {
  if (has(account, 'admin')) return;
  const ofCouncil = account.user.roles.some((role) => {
    const actor = actorWithRole(account, role);
    return isStandingBodyActor(actor, state.council) || isCouncilLeadership(actor, state.council);
  });
  if (!ofCouncil)
    throw forbidden(
      'Đơn khiếu nại này do Hội đồng của đơn vị khác giải quyết: bạn không xem được.',
      `user ${account.user.id} (unit ${account.user.unitId}) is not of complaint's council ${state.council.unitId}`,
    );
}

/** What the complaint is against, named and linked: the nomination's nominee and award, or the book's row. */
async function targetOf(deps: WebDeps, state: ComplaintState) {
  if (state.target.kind === 'nomination') {
    const caseId = state.target.caseId;
    try {
      const n = await deps.cases.getCase(caseId);
      const award = findAward(n.draft.awardCode)?.name ?? n.draft.awardCode;
      return {
        label: 'Hồ sơ đề nghị khen thưởng',
        text: `${award}: ${n.draft.nominee.displayName} (${n.context.unit.name}, năm ${n.year})`,
        href: helpers.caseUrl(caseId),
        step: helpers.stage(n.stage),
      };
    } catch (error) {
      const gone =
        error instanceof WorkflowNotFoundError || (error as { name?: string }).name === 'WorkflowNotFoundError';
      if (!gone) throw error;
      return { label: 'Hồ sơ đề nghị khen thưởng', text: 'Hồ sơ không còn trong hệ thống', href: null, step: null };
    }
  }
  const entry = await findByCaseKey(deps.db, state.target.caseKey);
  if (!entry) return { label: 'Sổ khen thưởng', text: 'Dòng sổ không còn', href: null, step: null };
  const award = findAward(entry.awardCode)?.name ?? entry.awardCode;
  const unit = (await getUnit(deps.db, entry.unitId))?.name ?? 'Đơn vị';
  const person = entry.personId ? await getPerson(deps.db, entry.personId) : null;
  const who = person ? `${person.fullName} (${unit})` : unit;
  return {
    label: 'Sổ khen thưởng',
    text: `${award} năm ${entry.year}: ${who}, quyết định số ${entry.decisionNumber} ngày ${helpers.ymd(entry.decisionDate)}`,
    href: person
      ? `/so-khen-thuong/ca-nhan/${encodeURIComponent(person.id)}`
      : `/so-khen-thuong${helpers.query({ unit: entry.unitId, year: entry.year, award: entry.awardCode })}`,
    step: entry.revoked ? 'Đã hủy khen thưởng' : null,
  };
}

interface PageExtras {
  error?: string | null;
  status?: number;
  typed?: { action: ComplaintActionName; body: unknown };
}

export const complaintRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  const load = async (number: string): Promise<ComplaintState> => {
    const state = await deps.yearCases.complaint(number);
    if (!state) throw notFound('Đơn khiếu nại');
    return state;
  };

  const page = async (request: FastifyRequest, reply: FastifyReply, state: ComplaintState, extras: PageExtras = {}) => {
    const account = accountOf(request);
    const { ok } = pageQuery(request.query);
    const typed = extras.typed ? { action: extras.typed.action, values: typedForm(extras.typed.body) } : null;
    const actions = complaintActions(state, account);
    return renderPage(
      request,
      reply,
      'complaint',
      {
        title: `Đơn khiếu nại số ${state.complaintId}`,
        state,
        target: await targetOf(deps, state),
        stageLabel: COMPLAINT_STAGE_LABELS[state.stage],
        outcomes: OUTCOME_LABELS,
        audit: state.audit.map((a) => ({ ...a, label: complaintAuditLabel(a.action) })),
        actions,
        actionUrl: (name: ComplaintActionName) => `${complaintUrl(state.complaintId)}/${COMPLAINT_ACTION_SLUGS[name]}`,
        // Only the leadership may revoke (the domain refuses the standing body's revocation in old complaints too).
        canRevoke: has(account, 'leadership'),
        held: !!state.hold && !state.hold.released,
        // Complaints filed before the leadership concluded them release the hold whatever the outcome.
        upheldKeepsHold: state.procedure !== 'standing-body-resolves',
        typed: (action: string, name: string, fallback = ''): string =>
          typed?.action === action ? (typed.values[name] ?? fallback) : fallback,
        error: extras.error ?? null,
        ok: !extras.error && ok && Object.hasOwn(OK, ok) ? OK[ok as ComplaintActionName] : null,
        now: new Date(),
      },
      extras.status ?? 200,
    );
  };

  app.get(`${COMPLAINTS_PATH}/:so`, async (request, reply) => {
    const account = accountOf(request);
    requireViewer(account);
    const state = await load(numberParams(request.params).so);
    requireComplaintCouncil(account, state);
    return page(request, reply, state);
  });

  app.post(`${COMPLAINTS_PATH}/:so/:action`, async (request, reply) => {
    const account = accountOf(request);
    requireViewer(account);
    const { so, action: slug = '' } = numberParams(request.params);
    const name = complaintActionOf(slug);
    if (!name) throw new WebError(404, 'Thao tác không tồn tại.', `unknown complaint action ${slug}`);
    const state = await load(so);
    requireComplaintCouncil(account, state);
    const again = (error: string, status: number) =>
      page(request, reply, state, { error, status, typed: { action: name, body: request.body } });
    const role = complaintActorRole(state, account, name);
    // No role may take it now: the domain says why, in Vietnamese, for the account's first role.
    const actor = actorWithRole(account, role ?? account.user.roles[0]!);
    const form = actionForm(request.body);
    const raw =
      name === 'hold_case'
        ? { actor, reason: form.reason }
        : name === 'propose'
          ? {
              actor,
              findings: form.findings,
              outcome: form.outcome,
              revokeAward: form.revokeAward,
              reason: form.reason,
            }
          : { actor, outcome: form.outcome, revokeAward: form.revokeAward, reason: form.reason };
    const parsed = ComplaintActionSchemas[name].safeParse(raw);
    if (!parsed.success) return again(issuesVN(parsed.error), 400);
    const complaintAction = { name, input: parsed.data } as ComplaintAction;
    try {
      checkFirst(() => checkComplaintAction(state, complaintAction));
      await deps.yearCases.actOnComplaint(state, name, parsed.data);
    } catch (error) {
      if (error instanceof ActionRefusedError) {
        request.log.warn({ complaint: so, action: name, code: error.code, en: error.en }, 'complaint action refused');
        return again(error.vi, refusalStatus(error.code));
      }
      throw error;
    }
    return reply.redirect(`${complaintUrl(state.complaintId)}?ok=${name}`, 303);
  });
};
