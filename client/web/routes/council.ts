/**
 * The council's session page (phiên họp Hội đồng): the agenda is the cases waiting for the council's vote
 * (from the case index, soonest due first, a page of 20 whose states are then loaded), and for each the votes cast, the tally against the rule set's threshold and quorum
 * (case-view.ts voteView, the same the case page shows) and the vote and close-vote forms the signed-in user
 * may use. The forms post to the case's own action route, which checks role and unit and returns here. Below, the
 * votes of the year (`?nam=`) these councils closed last: one more query, by the units they decide, the latest 10.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { listCouncilUnitIds, listUnits, listUsers } from '../../../store/directory.js';
import { unitsDecidedBy } from '../../../domain/org.js';
import type { NominationState } from '../../../domain/nomination/types.js';
import { ruleSetById } from '../../../domain/rules/index.js';
import { findAward } from '../../../domain/catalogue.js';
import { latestChangedCases } from '../../../store/case-index.js';
import { allCampaigns } from '../campaign-options.js';
import { availableActions, voteView } from '../case-view.js';
import { forbidden } from '../errors.js';
import { listIndexPage } from '../inbox.js';
import { renderPage } from '../render.js';
import { sessionCampaign, sessionPath, SESSION_PATH } from '../council-session.js';
import { accountOf } from '../http/account.js';
import type { RouteOptions } from '../http/deps.js';
import { optionalText, parseForm } from '../http/form.js';
import { yearField } from '../http/year.js';

const SESSION_ACTIONS = ['vote', 'close_vote'] as const;
const DECIDED_STAGES = ['leadership_approval', 'rejected'];

const OK: Record<string, string> = {
  vote: 'Đã ghi nhận phiếu biểu quyết.',
  close_vote: 'Đã kết thúc biểu quyết; biên bản đã được lập.',
};

const sessionQuery = parseForm(
  z.object({
    trang: optionalText,
    ok: optionalText,
    nam: yearField,
    dot: z.preprocess(sessionCampaign, z.string().nullable()),
  }),
  'session query',
);

export const councilRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  app.get(SESSION_PATH, async (request, reply) => {
    const account = accountOf(request);
    const query = sessionQuery(request.query);
    const isAdmin = account.user.roles.includes('admin');
    const councils = [...new Set([...account.councilMemberOf, ...account.secretariatOf, ...account.councilUnits])];
    const councilStaff = account.user.roles.some((r) => r === 'council_secretary' || r === 'leadership');
    if (!isAdmin && account.councilMemberOf.length === 0 && !(councilStaff && councils.length > 0)) {
      throw forbidden(
        'Chỉ thành viên Hội đồng và Thường trực Hội đồng xem được phiên họp.',
        `user ${account.user.id} has no council seat`,
      );
    }
    const inCouncil = (s: NominationState) => isAdmin || councils.includes(s.context.council.unitId);
    const campaign = query.dot;
    const agenda = await listIndexPage(
      deps,
      {
        kinds: ['nomination'],
        statuses: ['open'],
        stages: ['council_vote'],
        ...(campaign ? { campaignId: campaign } : {}),
        ...(isAdmin ? {} : { waiting: [{ role: 'council_member', units: councils }] }),
      },
      { pageSize: 20, after: query.trang ?? null },
    );
    // Votes already closed (passed: waiting for the leadership; failed: rejected) keep their tally and minutes here:
    // the latest ten of the year, of the units these councils decide (the index keeps no case's council).
    const year = query.nam;
    const decidedUnits = isAdmin
      ? null
      : unitsDecidedBy(await listUnits(deps.db), new Set(await listCouncilUnitIds(deps.db)), councils);
    const decided = {
      items:
        decidedUnits?.length === 0
          ? []
          : await latestChangedCases(
              deps.db,
              {
                kinds: ['nomination'],
                year,
                stages: DECIDED_STAGES,
                ...(campaign ? { campaignId: campaign } : {}),
                ...(decidedUnits ? { unitIds: decidedUnits } : {}),
              },
              10,
            ),
    };
    const users = await listUsers(deps.db);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const view = (state: NominationState) => ({
      state,
      award: findAward(state.draft.awardCode)?.name ?? state.draft.awardCode,
      vote: voteView(state, names, ruleSetById(state.ruleSetId)),
      actions: SESSION_ACTIONS.filter((a) => availableActions(state, account).includes(a)),
    });
    const [agendaReads, decidedReads] = await Promise.all([
      deps.cases.readCases(agenda.items.map((c) => c.caseId)),
      deps.cases.readCases(decided.items.map((c) => c.caseId)),
    ]);
    const unreadable = [...agendaReads, ...decidedReads].filter((r) => r.state === null).map((r) => r.caseId);
    if (unreadable.length > 0) request.log.warn({ unreadable }, 'council session: cases did not answer in time');
    // The case's own state decides: a vote closed a moment ago leaves the agenda even if its row is still on its way.
    const agendaStates = agendaReads.flatMap((r) =>
      r.state && inCouncil(r.state) && r.state.stage === 'council_vote' ? [r.state] : [],
    );
    const decidedStates = decidedReads.flatMap((r) =>
      r.state && inCouncil(r.state) && r.state.tally !== null ? [r.state] : [],
    );
    const { ok } = query;
    return renderPage(request, reply, 'council-session', {
      title: 'Phiên họp Hội đồng Thi đua - Khen thưởng',
      agenda: agendaStates.map(view),
      decided: decidedStates.map(view),
      year,
      next: agenda.next ? sessionPath(campaign, { trang: agenda.next }) : null,
      ok: ok && Object.hasOwn(OK, ok) ? OK[ok] : null,
      campaign,
      campaigns: allCampaigns(await deps.campaignSources()),
      back: sessionPath(campaign),
      unreadable,
    });
  });
};
