/**
 * A local SMTP server that accepts every message and keeps it as an .eml file, so `npm start` can
 * show what the product sent ("Hộp thư đi") without a real mail relay. Loopback only, no auth.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  port: number;
  close(): Promise<void>;
}

export async function startMailCatcher(options: { host?: string; port: number; dir: string }): Promise<MailCatcher> {
  mkdirSync(options.dir, { recursive: true });
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        // Time first so a plain sort of the folder is the order of arrival.
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++sequence}.eml`;
        writeFileSync(path.join(options.dir, name), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface CaughtMail {
  file: string;
  messageId: string | undefined;
  from: string | undefined;
  to: string[];
  subject: string | undefined;
  date: string | undefined;
  text: string | undefined;
  html: string | undefined;
}

/** Reads and parses the caught mails, newest first. */
export async function readCaughtMails(dir: string, limit = 100): Promise<CaughtMail[]> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  const newest = files.sort().reverse().slice(0, limit);
  return Promise.all(
    newest.map(async (file) => {
      const email = await PostalMime.parse(readFileSync(path.join(dir, file)));
      return {
        file,
        messageId: email.messageId,
        from: email.from?.address,
        to: (email.to ?? []).map((a) => a.address ?? '').filter(Boolean),
        subject: email.subject,
        date: email.date,
        text: email.text,
        html: email.html,
      };
    }),
  );
}
