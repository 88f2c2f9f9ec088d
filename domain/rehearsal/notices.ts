/**
 * From a mail the year's workflows asked to send (a NoticeDraft, captured by the rehearsal's activities) to the
 * record the rehearsal shows. The notice keys are the year cases' own (domain/plan-year/common.ts noticeKey:
 * `<prefix>.<due yyyy-mm-dd>.<offset>[.<unit>]`), so the deadline and the unit come from the key, and a
 * registration's unit from its workflow id (`registration/<unit>/<year>`).
 */
import type { NoticeDraft } from '../plan-year/common.js';
import type { RehearsalNotice, RehearsalPerson } from './types.js';

const DUE_KEY = /^\d{4}-\d{2}-\d{2}$/;

export function noticeKind(event: string): RehearsalNotice['kind'] {
  if (event.endsWith('_escalation')) return 'escalation';
  if (event.endsWith('_reminder')) return 'reminder';
  return 'other';
}

/** The due date and the unit a reminder's key names; nulls for any other notice. */
export function parseReminderKey(key: string): { dueDate: string | null; unitId: string | null } {
  const [, due, , ...unit] = key.split('.');
  if (!due || !DUE_KEY.test(due)) return { dueDate: null, unitId: null };
  return { dueDate: due, unitId: unit.length > 0 ? unit.join('.') : null };
}

export function rehearsalNotice(
  captured: { workflowId: string; notice: NoticeDraft; sentAt: string },
  people: readonly RehearsalPerson[],
): RehearsalNotice {
  const { notice, workflowId, sentAt } = captured;
  const kind = noticeKind(notice.event);
  // registration_reminder → registration; drive_opened → drive.
  const series = kind === 'other' ? notice.event.split('_')[0]! : notice.event.replace(/_(reminder|escalation)$/, '');
  const parsed = kind === 'other' ? { dueDate: null, unitId: null } : parseReminderKey(notice.key);
  const ownUnit = /^registration\/([^/]+)\/\d+$/.exec(workflowId)?.[1] ?? null;
  const to = notice.to.flatMap((r) => ('role' in r ? [{ role: r.role, unitId: r.unitId }] : []));
  const named = new Set(notice.to.flatMap((r) => ('userId' in r ? [r.userId] : [])));
  const recipients = people
    .filter((p) => named.has(p.userId) || to.some((r) => r.role === p.role && r.unitId === p.unitId))
    .map((p) => ({ userId: p.userId, displayName: p.displayName, unitId: p.unitId }))
    .filter((p, i, all) => all.findIndex((q) => q.userId === p.userId) === i);
  return {
    at: sentAt,
    workflowId,
    event: notice.event,
    kind,
    series,
    headline: notice.headline,
    label: notice.facts.find(([k]) => k === 'Nội dung nhắc')?.[1] ?? null,
    dueDate: parsed.dueDate,
    aboutUnitId: kind === 'other' ? null : (parsed.unitId ?? ownUnit),
    to,
    recipients,
  };
}
