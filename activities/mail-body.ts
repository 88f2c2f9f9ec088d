/**
 * The one layout of every mail tdkt-flow sends (a nomination's notices, the year's plan and its cases): a
 * headline, a table of facts, a link and the footer, as plain text and as HTML. The notice templates choose the
 * words; this keeps the two kinds of mail from drifting apart. The HTML comes from one Eta template (mail-html.ts),
 * escaped like the web pages.
 */
import { FOOTER, noticeHtml } from './mail-html.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
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
  const html = noticeHtml({ headline, lines: facts, link, linkText: linkLabel });
  return { text, html };
}

/**
 * The thread of a case's mails: every mail of one workflow names it in In-Reply-To and References, so a mail
 * client shows a case's notices as one conversation (the id itself is never sent as a mail of its own).
 */
export function mailThreadId(workflowId: string): string {
  return `${workflowId.replace(/[^A-Za-z0-9.-]+/g, '.')}.thread@tdkt-flow`;
}

/**
 * Message-ID of a mail: the workflow and the step that sends it, so a retried send is recognisably the same mail
 * (receivers drop the copy).
 */
export function mailMessageId(workflowId: string, key: string): string {
  return `${workflowId.replace(/[^A-Za-z0-9.-]+/g, '.')}.${key.replace(/[^A-Za-z0-9.-]+/g, '.')}@tdkt-flow`;
}
