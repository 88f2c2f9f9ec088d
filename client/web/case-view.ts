/**
 * What the case page needs from a nomination's state: who may see it, which actions the signed-in user may
 * take (decided by the domain's `authorize`, the same check the workflow repeats), a readable Vietnamese
 * timeline of the audit trail, and the council's vote (voters, threshold, quorum, tally, minutes). Each action's
 * form is read in action-forms.ts.
 */
import { ACTION_LABELS, STAGE_LABELS, VOTE_LABELS } from '../../domain/i18n.js';
import type { ActionName } from '../../domain/nomination/actions.js';
import { authorize } from '../../domain/nomination/authorize.js';
import { Refusal } from '../../domain/nomination/refusal.js';
import type { AuditEntry, NominationState, VoteChoice, VoteTally } from '../../domain/nomination/types.js';
import { eligibleVoters, isRecused, tallyVotes } from '../../domain/nomination/voting.js';
import {
  checkClusterBallot,
  checkClusterVoteOpen,
  clusterBallots,
  clusterMembers,
  clusterVoteRule,
  clusterVoters,
  needsClusterVote,
  tallyClusterVote,
} from '../../domain/nomination/cluster-vote.js';
import { awardByCode, findAward } from '../../domain/catalogue.js';
import { formatFraction, formatVoteRule, ruleValue } from '../../domain/rules/index.js';
import type { RuleSet } from '../../domain/rules/types.js';
import type { Actor, Role } from '../../domain/org.js';
import { ROLE_LABELS } from '../../domain/i18n.js';
import type { NominationStage } from '../../domain/stages.js';
import { NOMINATION_STAGES } from '../../domain/stages.js';
import type { Account } from '../../store/credentials.js';

/** The actions the case page offers, in the order the forms appear. `edit` has its own page. */
export const PAGE_ACTIONS = [
  'submit',
  'cluster_vote',
  'close_cluster_vote',
  'endorse',
  'verify',
  'vote',
  'close_vote',
  'approve',
  'record_external_decision',
  'return',
  'reject',
  'withdraw',
  'extend',
  'hold',
  'resume',
  'revoke',
  'comment',
] as const satisfies readonly ActionName[];

/** The case page's form titles are the domain's one set of action labels (domain/i18n.ts). */
export const ACTION_TITLES: Record<ActionName, string> = ACTION_LABELS;

const TIMELINE_VERBS: Record<AuditEntry['action'], string> = {
  create: 'lập hồ sơ đề nghị',
  edit: 'sửa hồ sơ',
  submit: 'ký, trình hồ sơ',
  endorse: 'đề nghị (cụm, khối thi đua)',
  verify: 'thẩm định hồ sơ',
  vote: 'biểu quyết',
  close_vote: 'kết thúc biểu quyết',
  cluster_vote: 'bỏ phiếu (đơn vị thành viên cụm, khối)',
  close_cluster_vote: 'kết thúc bỏ phiếu của cụm, khối',
  approve: 'phê duyệt, ký quyết định',
  return: 'trả lại hồ sơ',
  reject: 'không đề nghị',
  withdraw: 'rút đề nghị',
  hold: 'tạm dừng xét',
  resume: 'cho tiếp tục xét',
  revoke: 'hủy bỏ quyết định khen thưởng',
  extend: 'gia hạn',
  reassign: 'giao lại bước hiện tại cho đơn vị khác',
  comment: 'ghi chú',
  record_external_decision: 'ghi nhận quyết định của cấp trên',
  reminder: 'Hệ thống gửi thư nhắc hạn',
  escalation: 'Hệ thống báo cáo quá hạn lên cấp trên',
  'forward-outcome': 'Cấp trên đã có kết quả',
  'vote-closed': 'Kết quả biểu quyết',
  'cluster-vote-closed': 'Kết quả bỏ phiếu của cụm, khối thi đua',
  book: 'Ghi vào Sổ khen thưởng',
};

const DETAIL_LABELS: Record<string, string> = {
  rank: 'Xếp hạng',
  decisionNumber: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  choice: 'Phiếu',
  yes: 'Đồng ý',
  no: 'Không đồng ý',
  abstain: 'Không biểu quyết',
  recused: 'Không tham gia (liên quan)',
  passed: 'Đạt',
  dueAt: 'Hạn mới',
  previousDueAt: 'Hạn cũ',
  toStep: 'Trả về',
  complete: 'Hồ sơ đủ',
  outcome: 'Kết quả',
  awardCode: 'Hình thức',
  dossierItems: 'Số tài liệu',
  fromUnitId: 'Đơn vị trước đây',
  toUnitId: 'Đơn vị được giao',
  assignment: 'Việc được giao',
};

const ASSIGNMENT_NAMES: Record<string, string> = {
  cluster_head: 'xem xét của cụm trưởng, khối trưởng',
  standing_body: 'việc của Thường trực Hội đồng',
};

const STEP_NAMES: Record<string, string> = {
  unit: 'đơn vị',
  cluster: 'cụm, khối thi đua',
  standing_body: 'Thường trực Hội đồng',
};

export interface TimelineRow {
  at: string;
  who: string;
  what: string;
  stageChange: string | null;
  reason: string | null;
  details: string[];
}

/** What the timeline needs to write its details: dates, and (where a detail names a unit) the unit's name. */
export interface TimelineHelpers {
  date: (iso: string) => string;
  /** The unit's name from the directory; the code when the directory no longer has it. */
  unitName?: (unitId: string) => string;
}

function detailText(key: string, value: string | number | boolean | null, h: TimelineHelpers): string | null {
  if (value === null || value === '') return null;
  const label = DETAIL_LABELS[key];
  if (!label) return null;
  if (typeof value === 'boolean') return `${label}: ${value ? 'có' : 'không'}`;
  if (key === 'choice') return `${label}: ${VOTE_LABELS[value as keyof typeof VOTE_LABELS] ?? String(value)}`;
  if (key === 'toStep') return `${label}: ${STEP_NAMES[String(value)] ?? String(value)}`;
  if ((key === 'fromUnitId' || key === 'toUnitId') && typeof value === 'string')
    return `${label}: ${h.unitName?.(value) ?? value}`;
  if (key === 'assignment') return `${label}: ${ASSIGNMENT_NAMES[String(value)] ?? String(value)}`;
  // Staff read the award's name, not its code (the code stays for an award the catalogue no longer has).
  if (key === 'awardCode') return `${label}: ${findAward(String(value))?.name ?? String(value)}`;
  if ((key === 'dueAt' || key === 'previousDueAt') && typeof value === 'string') return `${label}: ${h.date(value)}`;
  if (key === 'decisionDate' && typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return `${label}: ${m ? `${m[3]}/${m[2]}/${m[1]}` : value}`;
  }
  return `${label}: ${String(value)}`;
}

export function timeline(state: NominationState, h: TimelineHelpers): TimelineRow[] {
  return state.audit.map((entry) => {
    const actor = entry.actor;
    const who = actor
      ? `${actor.displayName} — ${ROLE_LABELS[actor.role]}${actor.actingFor ? ` (${actor.actingFor.mode === 'ky_thay' ? 'ký thay' : 'thừa lệnh'})` : ''}`
      : 'Hệ thống';
    return {
      at: entry.at,
      who,
      what: TIMELINE_VERBS[entry.action] ?? entry.action,
      stageChange:
        entry.fromStage !== entry.toStage ? `${STAGE_LABELS[entry.fromStage]} → ${STAGE_LABELS[entry.toStage]}` : null,
      reason: entry.reason,
      details: Object.entries(entry.details)
        .map(([k, v]) => detailText(k, v, h))
        .filter((x): x is string => x !== null)
        .map((text) =>
          entry.action === 'extend' || entry.action === 'resume' ? text : text.replace(/^Hạn mới:/, 'Hạn:'),
        ),
    };
  });
}

/**
 * Everyone with a part in the case may read it: its unit, the cluster head, the council and its office, admins; a
 * draft its unit has never submitted, only the unit and admins (issue #14).
 */
export function canView(state: NominationState, account: Account): boolean {
  const { user } = account;
  if (user.roles.includes('admin')) return true;
  // Until its unit first submits it, a case is the unit's draft: no cluster, council or other unit reads it.
  if (neverSubmitted(state)) return user.unitId === state.unitId;
  const ctx = state.context;
  return (
    user.unitId === state.unitId ||
    user.unitId === ctx.clusterHeadUnitId ||
    user.unitId === ctx.council.unitId ||
    user.unitId === ctx.council.secretariatUnitId ||
    ctx.council.members.some((m) => m.userId === user.id) ||
    // The higher level a case is forwarded to decides it (e.g. Vụ 16 of VKSND tối cao), so it reads the dossier.
    user.unitId === state.forwarding?.toUnitId ||
    // The cluster's member units vote on an award with a cluster vote, so they read its dossier.
    (needsClusterVote(state) && clusterMembers(state).includes(user.unitId))
  );
}

/** Whether the unit has never submitted the case (a case returned to it for changes was submitted before). */
export function neverSubmitted(state: NominationState): boolean {
  return !state.audit.some((entry) => entry.action === 'submit');
}

export function actorWithRole(account: Account, role: Role): Actor {
  const { user } = account;
  return { userId: user.id, displayName: user.displayName, role, unitId: user.unitId, actingFor: null };
}

/**
 * The actor (with the first of the user's roles that may take the action now), or the refusal of the last role
 * tried. Votes also need a seat that is not recused and has not voted yet.
 */
export function actorFor(state: NominationState, account: Account, action: ActionName): Actor | Refusal {
  let refusal: Refusal = new Refusal('no-role', 'Bạn không có vai trò nào.', 'user has no role');
  for (const role of account.user.roles) {
    const actor = actorWithRole(account, role);
    try {
      authorize(state, action, actor);
    } catch (error) {
      if (error instanceof Refusal) {
        refusal = error;
        continue;
      }
      throw error;
    }
    if (action === 'cluster_vote' || action === 'close_cluster_vote') {
      try {
        if (action === 'cluster_vote') checkClusterBallot(state, actor.unitId);
        else checkClusterVoteOpen(state);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        refusal = error;
        continue;
      }
    }
    if (action === 'vote') {
      const member = state.context.council.members.find((m) => m.userId === actor.userId);
      if (!member) {
        refusal = new Refusal('not-a-member', 'Bạn không phải thành viên Hội đồng xét hồ sơ này.', 'not a member');
        continue;
      }
      if (isRecused(state, member)) {
        refusal = new Refusal('recused', 'Bạn không biểu quyết hồ sơ này vì có liên quan.', 'recused');
        continue;
      }
      if (state.votes.some((v) => v.userId === actor.userId)) {
        refusal = new Refusal('already-voted', 'Bạn đã biểu quyết hồ sơ này.', 'already voted');
        continue;
      }
    }
    return actor;
  }
  return refusal;
}

export function availableActions(state: NominationState, account: Account): ActionName[] {
  const all: ActionName[] = ['edit', ...PAGE_ACTIONS];
  return all.filter((action) => !(actorFor(state, account, action) instanceof Refusal));
}

/** Stage progress for the case page: the journey's main line, with where the case is. */
export function stageProgress(
  state: NominationState,
): { stage: NominationStage; label: string; status: 'done' | 'current' | 'todo' }[] {
  const line: NominationStage[] = [
    'draft',
    'cluster_review',
    'standing_body_check',
    'council_vote',
    'leadership_approval',
    'awarded',
  ];
  const order = (s: NominationStage) => line.indexOf(s);
  const current =
    state.stage === 'returned'
      ? 'draft'
      : state.stage === 'on_hold'
        ? (state.heldFrom ?? 'draft')
        : state.stage === 'forwarded'
          ? 'leadership_approval'
          : state.stage;
  const at = order(current);
  return line
    .filter((s) => s !== 'cluster_review' || state.context.clusterHeadUnitId !== null || state.track !== 'ad_hoc')
    .map((s) => ({
      stage: s,
      label: STAGE_LABELS[s],
      status:
        at < 0
          ? 'todo'
          : order(s) < at || (s === 'awarded' && current === 'awarded')
            ? 'done'
            : order(s) === at
              ? 'current'
              : 'todo',
    }));
}

export const ALL_STAGES = NOMINATION_STAGES;

// ------------------------------------------------------------------------------------------- council vote

/** The council's vote on a case as the case page and the session page show it (one computation for both). */
export interface VoteView {
  voters: { name: string; choice: VoteChoice | null }[];
  recused: string[];
  /** "trên 1/2", "từ 90%": the award's threshold in the case's rule set. */
  rule: string;
  quorum: string;
  denominator: string;
  /** The closed vote's tally, or (while the vote is open) the tally if it closed now. */
  tally: VoteTally;
  closed: boolean;
}

export function voteView(state: NominationState, names: ReadonlyMap<string, string>, ruleSet: RuleSet): VoteView {
  const nameOf = (userId: string) => names.get(userId) ?? userId;
  const members = state.context.council.members;
  return {
    voters: eligibleVoters(state).map((m) => ({
      name: nameOf(m.userId),
      choice: state.votes.find((v) => v.userId === m.userId)?.choice ?? null,
    })),
    recused: members.filter((m) => isRecused(state, m)).map((m) => nameOf(m.userId)),
    rule: formatVoteRule(ruleValue(ruleSet, awardByCode(state.draft.awardCode).councilVote)),
    quorum: formatFraction(ruleValue(ruleSet, 'council.quorum')),
    denominator:
      ruleValue(ruleSet, 'vote.denominator') === 'members_present' ? 'số thành viên có mặt' : 'tổng số thành viên',
    tally: state.tally ?? tallyVotes(state, ruleSet, new Date().toISOString()),
    closed: state.tally !== null,
  };
}

/**
 * The cluster's vote (Cờ thi đua ngành) in the same shape, for the same partial: one voter per member unit entitled
 * to vote (named by `unitNames`), the nominating unit recused, the award's cluster threshold.
 */
export function clusterVoteView(
  state: NominationState,
  unitNames: ReadonlyMap<string, string>,
  ruleSet: RuleSet,
): VoteView {
  const nameOf = (unitId: string) => unitNames.get(unitId) ?? unitId;
  const entitled = new Set(clusterVoters(state));
  return {
    voters: clusterVoters(state).map((unitId) => ({
      name: nameOf(unitId),
      choice: clusterBallots(state).find((b) => b.unitId === unitId)?.choice ?? null,
    })),
    recused: clusterMembers(state)
      .filter((u) => !entitled.has(u))
      .map(nameOf),
    rule: formatVoteRule(clusterVoteRule(state, ruleSet)),
    quorum: formatFraction(ruleValue(ruleSet, 'council.quorum')),
    denominator:
      ruleValue(ruleSet, 'vote.denominator') === 'members_present'
        ? 'số đơn vị đã bỏ phiếu'
        : 'số đơn vị có quyền bỏ phiếu',
    tally: state.clusterTally ?? tallyClusterVote(state, ruleSet, new Date().toISOString()),
    closed: Boolean(state.clusterTally),
  };
}
