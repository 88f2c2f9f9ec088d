/**
 * The council's session page (phiên họp Hội đồng): the agenda is the cases waiting for the council's vote
 * (one visibility query, a page of 20 whose states are then loaded), and for each the votes cast, the tally against the rule set's threshold and quorum
 * (case-view.ts voteView, the same the case page shows) and the vote and close-vote forms the signed-in user
 * may use. The forms post to the case's own action route, which checks role and unit and returns here. Below, the
 * votes of the year (`?nam=`) already closed by these councils: one more query, by the units they decide, at most 10.
 */
import type { FastifyInstance } from 'fastify';
import { listCouncilUnitIds, listUnits, listUsers } from '../../../store/directory.js';
import { unitsDecidedBy } from '../../../domain/org.js';
import type { NominationState } from '../../../domain/nomination/types.js';
import { ruleSetById } from '../../../domain/rules/index.js';
import { findAward } from '../../../domain/catalogue.js';
import { SA } from '../../../domain/search-attributes.js';
import { buildCaseQuery, quote } from '../../lib/visibility-query.js';
import { allCampaigns } from '../campaign-options.js';
import { availableActions, voteView } from '../case-view.js';
import { forbidden } from '../errors.js';
import { listCases } from '../inbox.js';
import { renderPage } from '../render.js';
import { accountOf, type WebDeps } from '../server.js';
import { yearOf } from './plan.js';

/** Where the case action route may send the user back to after a vote from this page. */
export const SESSION_PATH = '/hoi-dong';

/**
 * The session page of one campaign (đợt xét): a council meets on one review's nominations, and on a busy server
 * the whole agenda spans pages. Only a bounded, quoted campaign id makes it into a query or a link.
 */
export function sessionCampaign(raw: unknown): string | null {
  const value = typeof raw === 'string' ? raw.trim() : '';
  return value.length > 0 && value.length <= 120 ? value : null;
}

/**
 * Reads a form's `tro_ve`: undefined unless it is the session page itself, optionally with only its campaign;
 * null for the plain page.
 */
export function sessionReturn(raw: string | undefined): string | null | undefined {
  if (raw === SESSION_PATH) return null;
  if (!raw?.startsWith(`${SESSION_PATH}?`)) return undefined;
  const params = new URLSearchParams(raw.slice(SESSION_PATH.length + 1));
  const keys = [...params.keys()];
  const campaign = sessionCampaign(params.get('dot'));
  return keys.length === 1 && keys[0] === 'dot' && campaign ? campaign : undefined;
}

/** The session page (of a campaign, if any), where a vote cast from it returns. */
export function sessionPath(campaign: string | null, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(campaign ? { dot: campaign } : {}), ...extra }).toString();
  return query ? `${SESSION_PATH}?${query}` : SESSION_PATH;
}

const SESSION_ACTIONS = ['vote', 'close_vote'] as const;
const DECIDED_STAGES = ['leadership_approval', 'rejected'];

const OK: Record<string, string> = {
  vote: 'Đã ghi nhận phiếu biểu quyết.',
  close_vote: 'Đã kết thúc biểu quyết; biên bản đã được lập.',
};

export async function registerCouncilRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get<{ Querystring: { trang?: string; ok?: string; nam?: string; dot?: string } }>(
    SESSION_PATH,
    async (request, reply) => {
      const account = accountOf(request);
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
      const campaign = sessionCampaign(request.query.dot);
      const agenda = await listCases(
        deps,
        {
          kind: 'nomination',
          status: 'open',
          stage: 'council_vote',
          ...(campaign ? { campaign } : {}),
          ...(isAdmin ? {} : { waitingUnit: councils }),
        },
        { pageSize: 20, next: request.query.trang ?? null },
      );
      // Votes already closed (passed: waiting for the leadership; failed: rejected) keep their tally and minutes here:
      // those of the year, of the units these councils decide (the case's council is no search attribute).
      // Visibility cannot sort by closing time, so this is one page of them, not a guaranteed "latest ten".
      const year = yearOf(request.query.nam);
      const decidedUnits = isAdmin
        ? null
        : unitsDecidedBy(await listUnits(deps.db), new Set(await listCouncilUnitIds(deps.db)), councils);
      const decided =
        decidedUnits?.length === 0
          ? { items: [] }
          : await listCases(
              deps,
              [
                buildCaseQuery({ kind: 'nomination', year, ...(campaign ? { campaign } : {}) }),
                `${SA.stage.name} IN (${DECIDED_STAGES.map(quote).join(', ')})`,
                ...(decidedUnits ? [`${SA.unit.name} IN (${decidedUnits.map(quote).join(', ')})`] : []),
              ].join(' AND '),
              { pageSize: 10 },
            );
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
      const agendaStates = agendaReads.flatMap((r) => (r.state && inCouncil(r.state) ? [r.state] : []));
      const decidedStates = decidedReads.flatMap((r) =>
        r.state && inCouncil(r.state) && r.state.tally !== null ? [r.state] : [],
      );
      const ok = request.query.ok;
      return renderPage(request, reply, 'council-session', {
        title: 'Phiên họp Hội đồng Thi đua - Khen thưởng',
        agenda: agendaStates.map(view),
        decided: decidedStates.map(view),
        year,
        next: agenda.next ? sessionPath(campaign, { trang: agenda.next }) : null,
        ok: ok && ok in OK ? OK[ok] : null,
        campaign,
        campaigns: allCampaigns(deps.campaignSources),
        back: sessionPath(campaign),
        unreadable,
      });
    },
  );
}
