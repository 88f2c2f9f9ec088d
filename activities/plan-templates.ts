/**
 * The Vietnamese mails of the year's plan and its cases (reminders, escalations, compilations, drives,
 * complaints): the workflow gives a headline and facts; this adds the send time, a link and the HTML form.
 */
import { formatDateTimeVN } from '../domain/calendar.js';
import type { NoticeDraft } from '../domain/plan-year/common.js';
import { renderMailBody, type RenderedMail } from './mail-body.js';

export function yearCaseUrl(publicUrl: string, workflowId: string): string {
  const base = publicUrl.replace(/\/$/, '');
  // A complaint has its own page by its number (client/web/complaint-view.ts, COMPLAINTS_PATH).
  const complaint = /^complaint\/(.+)$/.exec(workflowId);
  if (complaint) return `${base}/khieu-nai/${encodeURIComponent(complaint[1]!)}`;
  return `${base}/ke-hoach/${encodeURIComponent(workflowId)}`;
}

/** `sentAt` is the workflow's instant of sending, shown in Vietnam time ("Gửi lúc: 09:00 08/01/2025"). */
export function renderYearNotice(
  notice: NoticeDraft,
  options: { workflowId: string; sentAt: string; publicUrl: string },
): RenderedMail {
  const lines: [string, string][] = [...notice.facts, ['Gửi lúc', formatDateTimeVN(options.sentAt)]];
  const link = yearCaseUrl(options.publicUrl, options.workflowId);
  return {
    subject: `[TĐKT] ${notice.headline}`,
    ...renderMailBody({ headline: notice.headline, facts: lines, link, linkLabel: 'Xem chi tiết' }),
  };
}
