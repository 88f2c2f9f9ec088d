/**
 * Sending mail through nodemailer. The workflow decides what to send and derives the Message-ID from
 * its workflow id and step, so a retried activity sends a mail that receivers recognise as the same one.
 * Not an activity itself: the notice activities (cases.ts, plan.ts) render a notice and send it with the
 * one mailer createActivities builds.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';

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

export function createMailer(deps: MailDeps): SendMail {
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
