/**
 * The SMTP server the workers mail to, in the suite's process, that can be taken down and brought back on the same
 * port (an outage as a mail relay has one). Every message received across outages is kept with its Message-ID, so
 * the checks can tell a lost mail from a resend (same Message-ID) from a duplicate (a new one).
 */
import type { SMTPServer } from 'smtp-server';
import { closeSmtp, createSmtpReceiver, listenSmtp, parseMessage } from '../../client/mail-catcher/smtp-receiver.js';

export interface CaughtMail {
  messageId: string;
  to: string[];
  subject: string;
}

export interface OutageMailSink {
  port: number;
  messages: CaughtMail[];
  /** Connections that broke mid-session (a killed worker); the mail is retried by its activity. */
  droppedConnections(): number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startOutageMailSink(port = 0): Promise<OutageMailSink> {
  const messages: CaughtMail[] = [];
  let droppedConnections = 0;
  let server: SMTPServer | null = null;
  let boundPort = port;
  const up = async () => {
    if (server) return;
    const next = createSmtpReceiver({
      async onMessage(raw) {
        const { messageId, to, subject } = await parseMessage(raw);
        messages.push({ messageId, to, subject });
      },
      // An outage must not wait for a lingering client: drop open connections at once.
      closeTimeout: 100,
      // A worker SIGKILLed mid-delivery resets its connection: a mail relay shrugs that off, and so must the sink.
      onConnectionError: () => void (droppedConnections += 1),
    });
    boundPort = await listenSmtp(next, boundPort);
    server = next;
  };
  const down = async () => {
    const current = server;
    server = null;
    if (current) await closeSmtp(current);
  };
  await up();
  return {
    get port() {
      return boundPort;
    },
    messages,
    droppedConnections: () => droppedConnections,
    up,
    down,
    close: down,
  };
}
