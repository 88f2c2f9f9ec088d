/**
 * Staff pages: "Việc cần làm" (inbox), a new nomination, the case page with its actions, the cluster head's
 * bulk endorsement, the leadership's bulk approval and the printable decision.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { nominationIndexRow } from '../../../domain/case-index.js';
import { nextStep } from '../../../domain/next-step.js';
import { awardByCode, AWARD_CODES, findAward, requiredDossierItems } from '../../../domain/catalogue.js';
import { ActionSchemas, type ActionName } from '../../../domain/nomination/actions.js';
import { eligibilityReasons, countsAgainstQuota } from '../../../domain/nomination/machine.js';
import { Refusal } from '../../../domain/nomination/refusal.js';
import type { NominationDraft, NominationState, NomineeSubject } from '../../../domain/nomination/types.js';
import { quotaLimit, zeroQuotaReason } from '../../../domain/quota.js';
import { ruleSetById, ruleSetFor } from '../../../domain/rules/index.js';
import { getUnit, listUnits, listUsers, peopleOfUnit } from '../../../store/directory.js';
import { needsClusterVote } from '../../../domain/nomination/cluster-vote.js';
import { ActionPendingError, ActionRefusedError } from '../../lib/cases.js';
import { badRequest, forbidden, notFound, WebError } from '../errors.js';
import { attentionFilter, inboxFilter, listIndexPage } from '../inbox.js';
import { indexedCasesByIds } from '../../../store/case-index.js';
import type { BulkResult } from '../../lib/cases.js';
import { helpers, renderPage } from '../render.js';
import {
  ACTION_TITLES,
  actorFor,
  actorWithRole,
  availableActions,
  canView,
  PAGE_ACTIONS,
  stageProgress,
  timeline,
  voteView,
  clusterVoteView,
} from '../case-view.js';
import { parseActionForm, validateAction, vnDate } from '../action-forms.js';
import { canSeeComplaints, complaintsOfCase } from '../complaint-view.js';
import { draftBaseForm, draftFactFields, draftFromForm, typedDraftView } from '../draft-form.js';
import { sessionReturn, sessionPath } from '../council-session.js';
import { accountOf, requireRole } from '../http/account.js';
import type { RouteOptions, WebDeps } from '../http/deps.js';
import { checkbox, optionalText, parseForm, rawText, requestIdOf, text } from '../http/form.js';
import { loadCase } from '../http/load-case.js';
import { comingYearNoticeFor } from '../http/year-plan.js';
import { refusalStatus } from '../http/refusal.js';
import { formatDateVN } from '../../../domain/calendar.js';
import {
  allCampaigns,
  campaignsForAward,
  chosenCampaign,
  openCampaignOptions,
  type CampaignOption,
} from '../campaign-options.js';

const PAGE_SIZE = 20;

const NOMINABLE = AWARD_CODES.map((c) => awardByCode(c)).filter((a) => a.nominable);

const OK_MESSAGES: Partial<Record<ActionName | 'create', string>> = {
  create: 'Đã lập hồ sơ đề nghị (bản nháp). Kiểm tra điều kiện, chỉ tiêu rồi trình.',
  edit: 'Đã lưu hồ sơ.',
  submit: 'Đã ký, trình hồ sơ.',
  endorse: 'Đã đề nghị hồ sơ lên Thường trực Hội đồng.',
  verify: 'Đã ghi kết quả thẩm định.',
  vote: 'Đã ghi nhận phiếu biểu quyết.',
  close_vote: 'Đã kết thúc biểu quyết.',
  cluster_vote: 'Đã ghi nhận phiếu của đơn vị.',
  close_cluster_vote: 'Đã kết thúc bỏ phiếu của cụm, khối.',
  approve: 'Đã phê duyệt, ký quyết định khen thưởng.',
  return: 'Đã trả lại hồ sơ.',
  reject: 'Đã ghi nhận không đề nghị.',
  withdraw: 'Đã rút đề nghị.',
  hold: 'Đã tạm dừng xét hồ sơ.',
  resume: 'Đã cho tiếp tục xét hồ sơ.',
  revoke: 'Đã hủy bỏ quyết định khen thưởng.',
  extend: 'Đã gia hạn.',
  comment: 'Đã thêm ghi chú.',
  record_external_decision: 'Đã ghi nhận quyết định của cấp trên.',
};

async function quotaMeter(deps: WebDeps, state: NominationState) {
  const subject = state.draft.nominee.subject;
  const ruleSet = ruleSetById(state.ruleSetId);
  const limit = quotaLimit(state.context.unit, subject, ruleSet);
  let used = 0;
  try {
    const reservations = await deps.cases.quotaReservations(state.campaignId, state.unitId);
    // No ledger yet: nothing reserved in this campaign.
    used = (reservations ?? []).filter((r) => r.subject === subject).length;
  } catch {
    used = 0; // the meter is a hint on the page: a ledger that does not answer must not fail it
  }
  const counts = countsAgainstQuota(state);
  const none = counts ? zeroQuotaReason(state.context.unit, subject, ruleSet) : null;
  return { subject, used, limit, counts, reserved: state.quotaReserved, none };
}

interface CasePageExtras {
  error?: string | null;
  status?: number;
  /** The refused action and its form's body: that form comes back with what was typed. */
  typed?: { action: ActionName; body: unknown };
  /** The key the forms keep: an action still being processed must be sent again under its first key. */
  requestId?: string;
}

/** Every field of a refused action form, as typed. */
const typedActionForm = parseForm(z.object({}).catchall(rawText), 'typed action form');

async function renderCase(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state: NominationState,
  extras: CasePageExtras = {},
): Promise<FastifyReply> {
  const account = accountOf(request);
  const actions = availableActions(state, account);
  const ruleSet = ruleSetById(state.ruleSetId);
  const editable = state.stage === 'draft' || state.stage === 'returned';
  const users = await listUsers(deps.db);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const unitNames = new Map((await listUnits(deps.db)).map((u) => [u.id, u.name]));
  const { ok } = okQuery(request.query);
  const typed = extras.typed ? { action: extras.typed.action, values: typedActionForm(extras.typed.body) } : null;
  return renderPage(
    request,
    reply,
    'case',
    {
      title: `Hồ sơ: ${state.draft.nominee.displayName}`,
      state,
      award: findAward(state.draft.awardCode),
      // The campaign's title, as the new-nomination form offered it; null for one no plan names any more.
      campaignTitle: allCampaigns(await deps.campaignSources()).find((c) => c.id === state.campaignId)?.title ?? null,
      actions: PAGE_ACTIONS.filter((a) => actions.includes(a)),
      canEdit: actions.includes('edit'),
      titles: ACTION_TITLES,
      timeline: timeline(state, { ...helpers, unitName: (id) => unitNames.get(id) ?? id }),
      progress: stageProgress(state),
      // Who must act next and what they do, worded from the case's own index row (as every list reads it).
      nextStep: nextStep(nominationIndexRow(state)),
      // A human reference to the case (staff never read its id): who opened it; the page shows when.
      createdBy: state.audit.find((e) => e.action === 'create')?.actor?.displayName ?? null,
      eligibility: editable ? eligibilityReasons(state, ruleSet) : null,
      quota: editable ? await quotaMeter(deps, state) : null,
      required: requiredDossierItems(awardByCode(state.draft.awardCode), state.draft.nominee.subject),
      vote: state.stage === 'council_vote' || state.tally ? voteView(state, names, ruleSet) : null,
      clusterVote:
        needsClusterVote(state) && (state.stage === 'cluster_review' || state.clusterTally)
          ? clusterVoteView(state, unitNames, ruleSet)
          : null,
      ruleSet,
      error: extras.error ?? null,
      /** A form field's value: as typed when this is the refused action's form, else the form's default. */
      typed: (action: string, name: string, fallback = ''): string =>
        typed?.action === action ? (typed.values[name] ?? fallback) : fallback,
      ok: !extras.error && ok && Object.hasOwn(OK_MESSAGES, ok) ? OK_MESSAGES[ok as ActionName] : null,
      isAdmin: account.user.roles.includes('admin'),
      // The complaints it was held on, linked for those who may open them.
      complaints: canSeeComplaints(account) ? complaintsOfCase(state) : [],
      today: formatDateVN(new Date().toISOString()),
      ...(extras.requestId ? { requestId: extras.requestId } : {}),
    },
    extras.status ?? 200,
  );
}

async function renderDraftForm(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: {
    state?: NominationState;
    awardCode?: string;
    subject?: string;
    campaignId?: string;
    /** The body of a refused POST: the form comes back with what was typed. */
    typed?: unknown;
    error?: string | null;
    status?: number;
  },
) {
  const account = accountOf(request);
  const unitId = opts.state?.unitId ?? account.user.unitId;
  const awardCode = opts.awardCode ?? opts.state?.draft.awardCode ?? '';
  const award = findAward(awardCode);
  const subject: NomineeSubject =
    (opts.subject ?? opts.state?.draft.nominee.subject) === 'collective' ? 'collective' : 'individual';
  const people = await peopleOfUnit(deps.db, unitId);
  const unit = await getUnit(deps.db, unitId);
  const ruleSet = ruleSetFor(new Date().toISOString());
  const nominable = award && award.nominable ? award : null;
  const typed = nominable && opts.typed !== undefined ? typedDraftView(opts.typed, nominable, subject) : null;
  return renderPage(
    request,
    reply,
    'draft-form',
    {
      title: opts.state ? 'Sửa hồ sơ đề nghị' : 'Lập hồ sơ đề nghị khen thưởng',
      state: opts.state ?? null,
      // A case under a campaign that takes only some award forms (a movement review) is edited within them.
      awards: opts.state?.campaignAwardCodes
        ? NOMINABLE.filter((a) => opts.state!.campaignAwardCodes!.includes(a.code))
        : NOMINABLE,
      award: award && award.nominable ? award : null,
      subject,
      people,
      unit,
      // Only the campaigns that take the chosen award: a movement review accepts its own award forms alone.
      campaigns:
        opts.state || !nominable
          ? []
          : campaignsForAward(
              await openCampaignOptions(deps.yearCases, await deps.campaignSources(), unitId),
              nominable.code,
            ),
      campaignId: opts.campaignId ?? null,
      items: award && award.nominable ? requiredDossierItems(award, subject) : [],
      facts: award && award.nominable ? draftFactFields(award, subject) : null,
      draft: typed?.draft ?? opts.state?.draft ?? null,
      references:
        typed?.references ?? Object.fromEntries((opts.state?.draft.dossier ?? []).map((d) => [d.code, d.reference])),
      personId: typed?.personId ?? opts.state?.draft.nominee.personId ?? null,
      achievements: typed?.achievements ?? opts.state?.draft.achievements ?? '',
      track: typed?.track ?? 'regular',
      quotaLimit: unit ? quotaLimit(unit, subject, ruleSet) : null,
      // Why the unit can nominate none for an award that counts against its quota (the 1/4 rounds down to 0).
      quotaNone: unit && nominable?.countsAgainstUnitQuota ? zeroQuotaReason(unit, subject, ruleSet) : null,
      error: opts.error ?? null,
    },
    opts.status ?? 200,
  );
}

const pageQuery = parseForm(z.object({ trang: optionalText }), 'page query');
const okQuery = parseForm(z.object({ ok: optionalText }), 'ok query');
const newDraftQuery = parseForm(z.object({ award: optionalText, subject: optionalText }), 'new draft query');
const caseParams = parseForm(z.object({ id: z.string() }), 'case address');
const actionParams = parseForm(z.object({ id: z.string(), action: z.string() }), 'action address');
const returnField = parseForm(z.object({ tro_ve: text }), 'return field');

/** Bulk pages number their rows: `id_<i>`, `chon_<i>` (ticked), `rank_<i>`; the first missing id ends the list. */
const MAX_BULK_ROWS = 200;
const bulkRows = parseForm(
  z.record(z.string(), z.unknown()).transform((body) => {
    const rows: { caseId: string; chosen: boolean; rank: string }[] = [];
    for (let i = 0; i < MAX_BULK_ROWS; i++) {
      const caseId = text.parse(body[`id_${i}`]);
      if (!caseId) break;
      rows.push({ caseId, chosen: checkbox.parse(body[`chon_${i}`]), rank: text.parse(body[`rank_${i}`]) });
    }
    return rows;
  }),
  'bulk rows',
);
const approvalForm = parseForm(
  z.object({ decisionNumber: text, decisionDate: vnDate('Ngày quyết định') }),
  'bulk approval',
);

/** A new case's number (the last part of its id) from the form's key; random when the form carried none. */
function caseNumberOf(requestId: string | undefined): string | undefined {
  return requestId ? requestId.replace(/-/g, '').slice(0, 12) : undefined;
}

export const caseRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  // --------------------------------------------------------------------------------------------- inbox
  app.get('/', async (request, reply) => {
    const account = accountOf(request);
    const filter = inboxFilter(account);
    // An account nothing waits on (an administrator) sees what is held or overdue anywhere.
    const page = await listIndexPage(deps, filter ?? attentionFilter(new Date().toISOString()), {
      pageSize: PAGE_SIZE,
      after: pageQuery(request.query).trang ?? null,
    });
    return renderPage(request, reply, 'inbox', {
      title: 'Việc cần làm',
      page,
      adminView: filter === null,
      canCreate: account.user.roles.some((r) => r === 'unit_clerk' || r === 'unit_head'),
      // From 01/11, the standing body is told when the coming year has no issued plan.
      notice: await comingYearNoticeFor(deps, account),
      canDraft: true,
    });
  });

  // ---------------------------------------------------------------------------------- new nomination
  app.get('/de-nghi/moi', async (request, reply) => {
    requireRole(request, ['unit_clerk', 'unit_head']);
    const { award, subject } = newDraftQuery(request.query);
    return renderDraftForm(deps, request, reply, { awardCode: award, subject });
  });

  app.post('/de-nghi', async (request, reply) => {
    const account = requireRole(request, ['unit_clerk', 'unit_head']);
    let draft: NominationDraft;
    let campaign: CampaignOption;
    const typed = draftBaseForm(request.body);
    try {
      campaign = await chosenCampaign(deps, account.user.unitId, typed.campaignId, typed.awardCode);
      draft = await draftFromForm(deps, account.user.unitId, request.body);
    } catch (error) {
      if (error instanceof WebError && error.status === 400)
        return renderDraftForm(deps, request, reply, {
          awardCode: typed.awardCode,
          subject: typed.subject,
          campaignId: typed.campaignId,
          typed: request.body,
          error: error.vi,
          status: 400,
        });
      throw error;
    }
    const role = account.user.roles.includes('unit_clerk') ? 'unit_clerk' : 'unit_head';
    const caseId = await deps.cases.startNomination(
      {
        campaignId: campaign.id,
        campaignClosesAt: campaign.closesAt,
        ...(campaign.awardCodes ? { campaignAwardCodes: campaign.awardCodes } : {}),
        year: campaign.year,
        track: typed.track === 'ad_hoc' ? 'ad_hoc' : 'regular',
        unitId: account.user.unitId,
        draft,
        createdBy: actorWithRole(account, role),
      },
      // The form's key names the case: the same form sent twice opens the one case it made.
      caseNumberOf(requestIdOf(request.body)),
    );
    return reply.redirect(`${helpers.caseUrl(caseId)}?ok=create`, 303);
  });

  // ---------------------------------------------------------------------------------------- case page
  /** The case, when the signed-in account has a part in it. */
  const visibleCase = async (request: FastifyRequest) => {
    const account = accountOf(request);
    const state = await loadCase(deps.cases, caseParams(request.params).id);
    if (!canView(state, account)) throw forbidden('Bạn không có quyền xem hồ sơ này.', 'not involved');
    return { account, state };
  };

  app.get('/ho-so/:id', async (request, reply) => {
    const { state } = await visibleCase(request);
    return renderCase(deps, request, reply, state);
  });

  app.get('/ho-so/:id/sua', async (request, reply) => {
    const { account, state } = await visibleCase(request);
    const actor = actorFor(state, account, 'edit');
    if (actor instanceof Refusal) throw forbidden(actor.vi, actor.en);
    return renderDraftForm(deps, request, reply, { state });
  });

  app.get('/ho-so/:id/quyet-dinh', async (request, reply) => {
    const { state } = await visibleCase(request);
    if (!state.decision) throw notFound('Quyết định');
    return renderPage(request, reply, 'decision', {
      title: `Quyết định ${state.decision.number}`,
      decision: {
        number: state.decision.number,
        date: state.decision.date,
        signer: state.decision.signedBy.displayName,
      },
      award: awardByCode(state.draft.awardCode),
      entries: [{ name: state.draft.nominee.displayName, unit: state.context.unit.name }],
      year: state.year,
    });
  });

  app.post('/ho-so/:id/:action', async (request, reply) => {
    const account = accountOf(request);
    const params = actionParams(request.params);
    const action = params.action as ActionName;
    // Own keys only: `toString` or `__proto__` in the address is no action (it reached the tables as one: a 500).
    if (!Object.hasOwn(ActionSchemas, action)) throw notFound('Thao tác');
    const state = await loadCase(deps.cases, params.id);
    if (!canView(state, account)) {
      request.log.warn({ caseId: state.caseId, action, user: account.user.id }, 'action on a case of another unit');
      throw forbidden('Bạn không thuộc đơn vị có thẩm quyền với hồ sơ này.', 'not involved');
    }
    const requestId = requestIdOf(request.body);
    const done = () => {
      // A vote cast from the council's session page returns there (to the same campaign's session); any other
      // value of `tro_ve` is ignored, so it can never send the browser elsewhere.
      const back = sessionReturn(returnField(request.body).tro_ve);
      if (back !== undefined) return reply.redirect(sessionPath(back, { ok: action }), 303);
      return reply.redirect(`${helpers.caseUrl(state.caseId)}?ok=${action}`, 303);
    };
    const unanswered = async (error: unknown) => {
      if (error instanceof ActionPendingError) {
        request.log.warn({ caseId: state.caseId, action, code: error.code, en: error.en }, 'action not answered yet');
        return renderCase(deps, request, reply, await loadCase(deps.cases, state.caseId), {
          error: error.vi,
          status: 202,
          typed: { action, body: request.body },
          requestId,
        });
      }
      if (error instanceof ActionRefusedError) {
        request.log.warn({ caseId: state.caseId, action, code: error.code, en: error.en }, 'action refused (workflow)');
        const fresh = await loadCase(deps.cases, state.caseId);
        return renderCase(deps, request, reply, fresh, {
          error: error.vi,
          status: refusalStatus(error.code),
          typed: { action, body: request.body },
        });
      }
      throw error;
    };
    // The same form sent again after it went through (a retry, the back button): show its result, although the
    // case has moved on and the action would now be refused.
    if (requestId) {
      try {
        if (await deps.cases.previousAnswer(state.caseId, action, requestId)) return done();
      } catch (error) {
        return unanswered(error);
      }
    }
    const actor = actorFor(state, account, action);
    if (actor instanceof Refusal) {
      request.log.warn({ caseId: state.caseId, action, code: actor.code, en: actor.en }, 'action refused (web)');
      return renderCase(deps, request, reply, state, { error: actor.vi, status: 403 });
    }
    let input: Record<string, unknown>;
    try {
      input =
        action === 'edit'
          ? { actor, draft: await draftFromForm(deps, state.unitId, request.body) }
          : validateAction(action, { actor, ...parseActionForm(action, request.body) });
    } catch (error) {
      if (error instanceof WebError && error.status === 400) {
        if (action === 'edit')
          return renderDraftForm(deps, request, reply, { state, typed: request.body, error: error.vi, status: 400 });
        return renderCase(deps, request, reply, state, {
          error: error.vi,
          status: 400,
          typed: { action, body: request.body },
        });
      }
      throw error;
    }
    try {
      await deps.cases.act(state.caseId, action, input as never, { requestId });
    } catch (error) {
      return unanswered(error);
    }
    return done();
  });

  // ------------------------------------------------------------------------------ cluster head (bulk)
  const queue = (role: string, unitId: string) => ({
    kinds: ['nomination' as const],
    waiting: [{ role, units: [unitId] }],
  });
  const clusterHeadQueue = (unitId: string) => queue('cluster_head', unitId);
  /** A bulk action's answers, each naming its case's nominee (from the index) rather than its id. */
  const namedResults = async (results: BulkResult[]) => {
    const rows = await indexedCasesByIds(
      deps.db,
      results.map((r) => r.caseId),
    );
    const names = new Map(rows.map((r) => [r.caseId, r.nomineeName ?? 'Hồ sơ']));
    return results.map((r) => ({ ...r, name: names.get(r.caseId) ?? 'Hồ sơ' }));
  };

  app.get('/cum', async (request, reply) => {
    const account = requireRole(request, ['cluster_head']);
    const page = await listIndexPage(deps, clusterHeadQueue(account.user.unitId), {
      pageSize: 50,
      after: pageQuery(request.query).trang ?? null,
    });
    return renderPage(request, reply, 'bulk', {
      title: 'Hồ sơ các đơn vị trong cụm chờ đề nghị',
      page,
      mode: 'endorse',
      results: null,
    });
  });

  app.post('/cum/de-nghi', async (request, reply) => {
    const account = requireRole(request, ['cluster_head']);
    const chosen: { caseId: string; rank: number }[] = [];
    for (const row of bulkRows(request.body)) {
      if (!row.chosen) continue;
      const rank = Number(row.rank);
      if (!Number.isInteger(rank) || rank < 1) throw badRequest('Thứ tự xếp hạng phải là số nguyên từ 1.', 'bad rank');
      chosen.push({ caseId: row.caseId, rank });
    }
    if (chosen.length === 0) throw badRequest('Chưa chọn hồ sơ nào.', 'nothing chosen');
    const actor = actorWithRole(account, 'cluster_head');
    const ranks = new Map(chosen.map((c) => [c.caseId, c.rank]));
    const results = await deps.cases.bulk(
      [...ranks.keys()],
      'endorse',
      (caseId) => ({ actor, rank: ranks.get(caseId)! }),
      { requestId: requestIdOf(request.body) },
    );
    const page = await listIndexPage(deps, clusterHeadQueue(account.user.unitId), { pageSize: 50 });
    return renderPage(request, reply, 'bulk', {
      title: 'Kết quả đề nghị',
      page,
      mode: 'endorse',
      results: await namedResults(results),
    });
  });

  // -------------------------------------------------------------------------------- leadership (bulk)
  const leadershipQueue = (unitId: string) => queue('leadership', unitId);

  app.get('/phe-duyet', async (request, reply) => {
    const account = requireRole(request, ['leadership']);
    const page = await listIndexPage(deps, leadershipQueue(account.user.unitId), {
      pageSize: 50,
      after: pageQuery(request.query).trang ?? null,
    });
    return renderPage(request, reply, 'bulk', { title: 'Hồ sơ chờ phê duyệt', page, mode: 'approve', results: null });
  });

  app.post('/phe-duyet', async (request, reply) => {
    const account = requireRole(request, ['leadership']);
    const caseIds = bulkRows(request.body)
      .filter((row) => row.chosen)
      .map((row) => row.caseId);
    if (caseIds.length === 0) throw badRequest('Chưa chọn hồ sơ nào.', 'nothing chosen');
    const actor = actorWithRole(account, 'leadership');
    const { decisionNumber, decisionDate } = approvalForm(request.body);
    validateAction('approve', { actor, decisionNumber, decisionDate });
    const results = await deps.cases.bulk(caseIds, 'approve', () => ({ actor, decisionNumber, decisionDate }), {
      requestId: requestIdOf(request.body),
    });
    const page = await listIndexPage(deps, leadershipQueue(account.user.unitId), { pageSize: 50 });
    return renderPage(request, reply, 'bulk', {
      title: 'Kết quả phê duyệt',
      page,
      mode: 'approve',
      results: await namedResults(results),
    });
  });
};
