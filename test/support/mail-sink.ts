/**
 * A real SMTP server inside the test process: nodemailer delivers to it over TCP, and each message is
 * parsed (postal-mime) so tests assert on recipients, subject, text and Message-ID as a mailbox would see them.
 */
import {
  closeSmtp,
  createSmtpReceiver,
  listenSmtp,
  parseMessage,
  type ReceivedMessage,
} from '../../client/mail-catcher/smtp-receiver.js';

export type ReceivedMail = ReceivedMessage;

export interface MailSink {
  port: number;
  messages: ReceivedMail[];
  /** Messages whose recipients include `address`. */
  to(address: string): ReceivedMail[];
  /** Waits until `predicate` holds for the received messages (or fails after the timeout). */
  waitFor(predicate: (messages: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<void>;
  clear(): void;
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  const messages: ReceivedMail[] = [];
  const server = createSmtpReceiver({ onMessage: async (raw) => void messages.push(await parseMessage(raw)) });
  const port = await listenSmtp(server, 0);
  return {
    port,
    messages,
    to: (address) => messages.filter((m) => m.to.includes(address)),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline)
          throw new Error(
            `mail sink: condition not met; received:\n${messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('\n')}`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    clear: () => void messages.splice(0),
    close: () => closeSmtp(server),
  };
}
