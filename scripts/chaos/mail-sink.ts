/**
 * The SMTP server the workers mail to, in the suite's process, that can be taken down and brought back on the same
 * port (an outage as a mail relay has one). Every message received across outages is kept with its Message-ID, so
 * the checks can tell a lost mail from a resend (same Message-ID) from a duplicate (a new one).
 */
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

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

function smtpServer(messages: CaughtMail[]): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // An outage must not wait for a lingering client: drop open connections at once.
    closeTimeout: 100,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        PostalMime.parse(Buffer.concat(chunks))
          .then((email) => {
            messages.push({
              messageId: (email.messageId ?? '').replace(/^<|>$/g, ''),
              to: (email.to ?? []).map((a) => a.address ?? '').filter(Boolean),
              subject: email.subject ?? '',
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
}

export async function startOutageMailSink(port = 0): Promise<OutageMailSink> {
  const messages: CaughtMail[] = [];
  let droppedConnections = 0;
  let server: SMTPServer | null = null;
  let boundPort = port;
  const up = async () => {
    if (server) return;
    const next = smtpServer(messages);
    // A worker SIGKILLed mid-delivery resets its connection: a mail relay shrugs that off, and so must the sink.
    next.on('error', () => void (droppedConnections += 1));
    await new Promise<void>((resolve, reject) => {
      next.server.once('error', reject);
      next.listen(boundPort, '127.0.0.1', () => resolve());
    });
    const address = next.server.address();
    boundPort = typeof address === 'object' && address ? address.port : boundPort;
    server = next;
  };
  const down = async () => {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
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
