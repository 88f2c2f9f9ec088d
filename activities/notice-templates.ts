/**
 * The Vietnamese mails of a nomination case: subject, plain text and HTML, each with a link to the case.
 * Dates are shown dd/mm/yyyy in Vietnam time.
 */
import { formatDateVN } from '../domain/calendar.js';
import { findAward } from '../domain/catalogue.js';
import { STAGE_LABELS as STAGE_LABELS_VI } from '../domain/i18n.js';
import type { NoticeEvent } from '../domain/nomination/machine.js';
import type { CaseSummary } from '../domain/nomination/summary.js';
import { noticeHtml } from './mail-html.js';

/** Every mail a case sends: the machine's notices, plus the reminders and escalations of its timers. */
export type NoticeEventName = NoticeEvent | 'reminder' | 'escalation';

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

const HEADLINES: Record<NoticeEventName, (s: CaseSummary) => string> = {
  stage_entered: (s) => `Hồ sơ chờ xử lý: ${STAGE_LABELS_VI[s.stage]}`,
  returned: () => 'Hồ sơ được trả lại để bổ sung, chỉnh sửa',
  rejected: () => 'Hồ sơ không được chấp thuận',
  withdrawn: () => 'Đơn vị đã rút hồ sơ',
  held: () => 'Hồ sơ tạm dừng do khiếu nại/xem xét',
  resumed: () => 'Hồ sơ được tiếp tục xử lý',
  awarded: () => 'Đã có quyết định khen thưởng',
  forwarded: () => 'Hồ sơ đã được trình cấp trên',
  revoked: () => 'Quyết định khen thưởng đã bị hủy',
  extended: () => 'Thời hạn xử lý hồ sơ được gia hạn',
  reassigned: () => 'Hồ sơ được giao cho đơn vị của bạn xử lý',
  reminder: () => 'Nhắc việc: hồ sơ sắp đến hạn xử lý',
  escalation: () => 'Báo cáo: hồ sơ quá hạn xử lý',
};

export function caseUrl(publicUrl: string, caseId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/ho-so/${encodeURIComponent(caseId)}`;
}

export function renderNotice(
  event: NoticeEventName,
  s: CaseSummary,
  options: { publicUrl: string; label?: string },
): RenderedNotice {
  const headline = HEADLINES[event](s);
  const award = findAward(s.awardCode)?.name ?? s.awardCode;
  const lines: [string, string][] = [
    ['Hồ sơ', s.caseId],
    ['Đơn vị đề nghị', s.unitName],
    ['Đối tượng', `${s.nominee.displayName} (${s.nominee.subject === 'individual' ? 'cá nhân' : 'tập thể'})`],
    ['Hình thức', award],
    ['Bước hiện tại', STAGE_LABELS_VI[s.stage]],
  ];
  if (s.dueAt) lines.push(['Hạn xử lý', formatDateVN(s.dueAt)]);
  if (options.label) lines.push(['Nội dung nhắc', options.label]);
  if (s.missingItems.length > 0) lines.push(['Hồ sơ còn thiếu', s.missingItems.join(', ')]);
  if (s.decision)
    lines.push([
      'Quyết định',
      `số ${s.decision.number} ngày ${formatDateVN(`${s.decision.date}T12:00:00+07:00`)}${s.decision.actingFor === 'ky_thay' ? ' (KT. Viện trưởng)' : ''}`,
    ]);
  if (s.lastReason && ['returned', 'rejected', 'withdrawn', 'held', 'resumed', 'revoked', 'extended'].includes(event))
    lines.push(['Lý do', s.lastReason]);
  const link = caseUrl(options.publicUrl, s.caseId);

  const subject = `[TĐKT] ${headline} — ${s.nominee.displayName}`;
  const text = [
    headline,
    '',
    ...lines.map(([k, v]) => `${k}: ${v}`),
    '',
    `Xem hồ sơ: ${link}`,
    '',
    'Thư gửi tự động từ hệ thống thi đua, khen thưởng.',
  ].join('\n');
  const html = noticeHtml({ headline, lines, link, linkText: 'Xem hồ sơ' });
  return { subject, text, html };
}

/** Message-ID local part: the case and the step, so a retried send is recognisably the same mail. */
export function noticeMessageId(caseId: string, key: string): string {
  return `${caseId.replace(/[^A-Za-z0-9.-]+/g, '.')}.${key.replace(/[^A-Za-z0-9.-]+/g, '.')}@tdkt-flow`;
}
