/**
 * A local SMTP server that accepts every message and keeps it as an .eml file, so `npm start` can
 * show what the product sent ("Hộp thư đi") without a real mail relay. Loopback only, no auth.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeSmtp, createSmtpReceiver, listenSmtp, parseMessage } from './smtp-receiver.js';

export interface MailCatcher {
  port: number;
  close(): Promise<void>;
}

export async function startMailCatcher(options: { host?: string; port: number; dir: string }): Promise<MailCatcher> {
  mkdirSync(options.dir, { recursive: true });
  let sequence = 0;
  const server = createSmtpReceiver({
    onMessage(raw) {
      // Time first so a plain sort of the folder is the order of arrival.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++sequence}.eml`;
      writeFileSync(path.join(options.dir, name), raw);
    },
  });
  const port = await listenSmtp(server, options.port, options.host);
  return { port, close: () => closeSmtp(server) };
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
      const { messageId, from, to, subject, date, text, html } = await parseMessage(readFileSync(path.join(dir, file)));
      return { file, messageId: messageId || undefined, from, to, subject, date, text, html };
    }),
  );
}
