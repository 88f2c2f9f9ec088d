/**
 * The Vietnamese mails of the year's plan and its cases (reminders, escalations, compilations, drives,
 * complaints): the workflow gives a headline and facts; this adds the send time, a link and the HTML form.
 */
import { formatDateTimeVN } from '../domain/calendar.js';
import type { NoticeDraft } from '../domain/plan-year/common.js';
import { noticeHtml } from './mail-html.js';

export interface RenderedYearNotice {
  subject: string;
  text: string;
  html: string;
}

export function yearCaseUrl(publicUrl: string, workflowId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/ke-hoach/${encodeURIComponent(workflowId)}`;
}

/** `sentAt` is the workflow's instant of sending, shown in Vietnam time ("Gửi lúc: 09:00 08/01/2025"). */
export function renderYearNotice(
  notice: NoticeDraft,
  options: { workflowId: string; sentAt: string; publicUrl: string },
): RenderedYearNotice {
  const lines: [string, string][] = [...notice.facts, ['Gửi lúc', formatDateTimeVN(options.sentAt)]];
  const link = yearCaseUrl(options.publicUrl, options.workflowId);
  const subject = `[TĐKT] ${notice.headline}`;
  const text = [
    notice.headline,
    '',
    ...lines.map(([k, v]) => `${k}: ${v}`),
    '',
    `Xem chi tiết: ${link}`,
    '',
    'Thư gửi tự động từ hệ thống thi đua, khen thưởng.',
  ].join('\n');
  const html = noticeHtml({ headline: notice.headline, lines, link, linkText: 'Xem chi tiết' });
  return { subject, text, html };
}

/** Message-ID: the workflow and the step, so a retried send is recognisably the same mail. */
export function yearNoticeMessageId(workflowId: string, key: string): string {
  return `${workflowId.replace(/[^A-Za-z0-9.-]+/g, '.')}.${key.replace(/[^A-Za-z0-9.-]+/g, '.')}@tdkt-flow`;
}
