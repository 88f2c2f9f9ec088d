/**
 * What the year's workflows share as durable shells: the activities they call, sending a notice and recording
 * it, telling the parent plan where a child case is, and waiting until an instant or a change.
 */
import {
  condition,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { instantMs, toUtcIso, type ReminderInstant } from '../../domain/calendar.js';
import {
  type NoticeDraft,
  type ReminderRounding,
  type YearAuditEntry,
  type YearNotice,
} from '../../domain/plan-year/common.js';
import { nowIso } from '../shared/clock.js';
import { PATCHES } from '../shared/patches.js';
import { latestPerGroup } from '../../domain/catch-up.js';
import { childProgressSignal, type ChildProgressInput } from './messages.js';

export const yearActivities = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/**
 * Marks a case created now with how its reminders are rounded, once: the patch says whether this run started
 * before the rounding (replaying, unmarked: exact offsets) and the state carries the answer across continue-as-new.
 */
export function withReminderRounding<S extends ReminderRounding>(created: S): S {
  created.wholeSecondReminders = patched(PATCHES.yearRemindersWholeSecond);
  return created;
}

export async function sendNotice(notice: NoticeDraft): Promise<string[]> {
  const { event, key, to, toUnits, headline, facts } = notice;
  const result = await yearActivities.sendYearNotice({
    workflowId: workflowInfo().workflowId,
    notice: { event, key, to, ...(toUnits ? { toUnits } : {}), headline, facts },
    sentAt: nowIso(),
  });
  return result.recipients;
}

/**
 * Sends the latest of the reminders that are due now; earlier ones that were missed (a worker outage, a
 * deadline moved into the past) are recorded as skipped so nobody gets a burst of stale mail.
 */
export async function sendDueReminders<T extends { r: ReminderInstant }>(
  due: T[],
  draft: (item: T) => NoticeDraft & { notice: Omit<YearNotice, 'at'> },
  record: { notices: YearNotice[]; audit: YearAuditEntry[] },
  groupOf: (item: T) => string = () => '',
): Promise<void> {
  const now = nowIso();
  const { send, superseded } = latestPerGroup(due, groupOf);
  for (const item of superseded) record.notices.push({ ...draft(item).notice, at: now, skipped: true });
  for (const item of send) {
    const d = draft(item);
    record.notices.push({ ...d.notice, at: now, skipped: false });
    record.audit.push({
      at: now,
      action: item.r.kind === 'escalation' ? 'escalation' : 'reminder',
      actor: null,
      reason: item.r.label,
      details: { key: d.key, aboutUnitId: d.notice.aboutUnitId },
    });
    await sendNotice(d);
  }
}

/**
 * The step every year workflow's loop shares: of the pending reminders, send those due now (sendDueReminders:
 * the latest per group, older ones recorded as skipped). True when it sent any, so the loop records the change
 * and looks again.
 */
export async function sendRemindersDueNow<T extends { r: ReminderInstant }>(
  pending: T[],
  now: string,
  draft: (item: T) => NoticeDraft & { notice: Omit<YearNotice, 'at'> },
  record: { notices: YearNotice[]; audit: YearAuditEntry[] },
  groupOf?: (item: T) => string,
): Promise<boolean> {
  const due = pending.filter((p) => isDue(p.r, now));
  if (due.length === 0) return false;
  await sendDueReminders(due, draft, record, groupOf);
  return true;
}

/** Sends the notices queued by handlers, in order (the handlers answer at once; the mails go from the loop). */
export async function flushOutbox(outbox: NoticeDraft[]): Promise<void> {
  while (outbox.length > 0) await sendNotice(outbox.shift()!);
}

export function isDue(r: ReminderInstant, now: string): boolean {
  return instantMs(r.at) <= instantMs(now);
}

/** Just after an instant: a deadline at 23:59:59.999 is past once this fires. */
export function justAfter(iso: string): string {
  return toUtcIso(instantMs(iso) + 1);
}

/** Waits until something changes or the earliest instant arrives. */
export async function waitForChangeOr(changed: () => boolean, instants: (string | null | undefined)[]): Promise<void> {
  const now = instantMs(nowIso());
  const times = instants.filter((x): x is string => !!x).map((x) => instantMs(x) - now);
  const timeout = times.length > 0 ? Math.max(1, Math.min(...times)) : undefined;
  await condition(changed, timeout);
}

/**
 * Tells the plan (if any) where this case is, when it changed. The plan is addressed by workflow id only, so
 * the signal reaches its latest run after a continue-as-new; a closed plan is not an error.
 */
export function planReporter(
  planWorkflowId: string | null,
): (progress: Omit<ChildProgressInput, 'workflowId'>) => Promise<void> {
  let lastReport = '';
  return async (progress) => {
    if (!planWorkflowId) return;
    const body: ChildProgressInput = { ...progress, workflowId: workflowInfo().workflowId };
    const fingerprint = JSON.stringify(body);
    if (fingerprint === lastReport) return;
    lastReport = fingerprint;
    try {
      await getExternalWorkflowHandle(planWorkflowId).signal(childProgressSignal, body);
    } catch (error) {
      log.warn('could not report progress to the plan', { error: String(error) });
    }
  };
}
