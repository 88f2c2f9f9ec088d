/**
 * A real SMTP server inside the test process: nodemailer delivers to it over TCP, and each message is
 * parsed (postal-mime) so tests assert on recipients, subject, text and Message-ID as a mailbox would see them.
 */
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

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
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        PostalMime.parse(Buffer.concat(chunks))
          .then((email) => {
            messages.push({
              messageId: (email.messageId ?? '').replace(/^<|>$/g, ''),
              to: (email.to ?? []).map((a) => a.address ?? '').filter(Boolean),
              subject: email.subject ?? '',
              text: email.text ?? '',
              html: email.html ?? '',
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
