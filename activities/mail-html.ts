/**
 * The HTML body of every notice mail (a case's and the year's): a headline, a table of facts and a link, from an
 * Eta template, so mails escape with the same function as the web pages (Eta's auto-escaping) and not a copy.
 */
import { Eta } from 'eta';

const eta = new Eta({ autoEscape: true });

/** The last line of every mail, in its text and its HTML. */
export const FOOTER = 'Thư gửi tự động từ hệ thống thi đua, khen thưởng.';

const NOTICE_HTML =
  '<!doctype html><html lang="vi"><body><p><strong><%= it.headline %></strong></p><table>' +
  '<% for (const [label, value] of it.lines) { %><tr><th align="left"><%= label %></th><td><%= value %></td></tr><% } %>' +
  '</table><p><a href="<%= it.link %>"><%= it.linkText %></a></p>' +
  '<p><small><%= it.footer %></small></p></body></html>';

export function noticeHtml(notice: {
  headline: string;
  lines: readonly (readonly [string, string])[];
  link: string;
  linkText: string;
}): string {
  return eta.renderString(NOTICE_HTML, { ...notice, footer: FOOTER });
}
