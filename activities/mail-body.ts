/**
 * The one layout of every mail tdkt-flow sends (a nomination's notices, the year's plan and its cases): a
 * headline, a table of facts, a link and the footer, as plain text and as HTML. The notice templates choose the
 * words; this keeps the two kinds of mail from drifting apart.
 */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const FOOTER = 'Thư gửi tự động từ hệ thống thi đua, khen thưởng.';

/** HTML-escapes text placed in the mail's markup (values come from staff input: names, reasons). */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function renderMailBody(input: {
  headline: string;
  facts: readonly (readonly [string, string])[];
  link: string;
  /** The link's words, e.g. "Xem hồ sơ". */
  linkLabel: string;
}): { text: string; html: string } {
  const { headline, facts, link, linkLabel } = input;
  const text = [headline, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', `${linkLabel}: ${link}`, '', FOOTER].join(
    '\n',
  );
  const rows = facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`);
  const html =
    `<!doctype html><html lang="vi"><body><p><strong>${escapeHtml(headline)}</strong></p><table>${rows.join('')}` +
    `</table><p><a href="${escapeHtml(link)}">${linkLabel}</a></p><p><small>${FOOTER}</small></p></body></html>`;
  return { text, html };
}

/**
 * Message-ID of a mail: the workflow and the step that sends it, so a retried send is recognisably the same mail
 * (receivers drop the copy).
 */
export function mailMessageId(workflowId: string, key: string): string {
  return `${workflowId.replace(/[^A-Za-z0-9.-]+/g, '.')}.${key.replace(/[^A-Za-z0-9.-]+/g, '.')}@tdkt-flow`;
}
