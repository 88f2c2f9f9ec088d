/**
 * Sending mail through nodemailer. The workflow decides what to send and derives the Message-ID from
 * its workflow id and step, so a retried activity sends a mail that receivers recognise as the same one.
 * Not an activity itself: the notice activities (cases.ts, plan.ts) render a notice and send it with the
 * one mailer createActivities builds.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import { FromHeaderRewrite, fromHeaderField } from './mail-from.js';

export interface MailDeps {
  transport: Transporter;
  from: string;
}

export interface OutgoingMail {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets, e.g. `nomination-x.submitted.1@tdkt-flow`. */
  messageId: string;
  /** The case's thread (mailThreadId), without angle brackets: the mail replies to it, so a case's mails thread. */
  threadId?: string;
}

export type SendMail = (mail: OutgoingMail) => Promise<{ messageId: string; accepted: number }>;

/** Transports that already rewrite their mails' From field (one transport may serve several mailers). */
const rewriting = new WeakSet<Transporter>();

/** Every mail of the transport goes out with its sender's display name encoded word by word (mail-from.ts). */
function encodeFromByWords(transport: Transporter): void {
  if (rewriting.has(transport)) return;
  rewriting.add(transport);
  transport.use('stream', (mail, done) => {
    const from = mail.data.from;
    if (typeof from === 'string' && fromHeaderField(from) !== null)
      mail.message.transform(new FromHeaderRewrite((newline) => fromHeaderField(from, newline)!));
    done();
  });
}

export function createMailer(deps: MailDeps): SendMail {
  encodeFromByWords(deps.transport);
  return async (mail) => {
    if (mail.to.length === 0) {
      throw ApplicationFailure.nonRetryable('Mail has no recipient', 'MailWithoutRecipient');
    }
    const info = (await deps.transport.sendMail({
      from: deps.from,
      to: mail.to,
      cc: mail.cc,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.messageId}>`,
      ...(mail.threadId ? { inReplyTo: `<${mail.threadId}>`, references: [`<${mail.threadId}>`] } : {}),
    })) as { accepted?: unknown[] };
    return { messageId: mail.messageId, accepted: info.accepted?.length ?? 0 };
  };
}
