/**
 * One local SMTP server that takes every message, for the three places that catch the product's mail: the demo's
 * outbox (catcher.ts), the tests' mailbox (test/support/mail-sink.ts) and the fault suite's relay that goes down
 * and comes back (scripts/chaos/mail-sink.ts). Loopback, no auth, no TLS. Each caller decides what to keep.
 */
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/** A message as a mailbox reads it (postal-mime), with its raw bytes for clients that parse it themselves. */
export interface ReceivedMessage {
  raw: Buffer;
  /** Without the angle brackets. */
  messageId: string;
  from: string | undefined;
  to: string[];
  subject: string;
  date: string | undefined;
  text: string;
  html: string;
}

export async function parseMessage(raw: Buffer): Promise<ReceivedMessage> {
  const email = await PostalMime.parse(raw);
  return {
    raw,
    messageId: (email.messageId ?? '').replace(/^<|>$/g, ''),
    from: email.from?.address,
    to: (email.to ?? []).map((a) => a.address ?? '').filter(Boolean),
    subject: email.subject ?? '',
    date: email.date,
    text: email.text ?? '',
    html: email.html ?? '',
  };
}

export interface ReceiverOptions {
  /** Called with each whole message; the client is answered once it resolves (a rejection refuses the message). */
  onMessage(raw: Buffer): Promise<void> | void;
  /** Milliseconds to wait for open connections on close (the fault suite drops them at once). */
  closeTimeout?: number;
  /**
   * A client that breaks its connection mid-session (a killed worker) is the sender's problem: its activity retries.
   * Without a listener such an error would crash the catching process, so it is handed here (default: ignored).
   */
  onConnectionError?: (error: Error) => void;
}

export function createSmtpReceiver(options: ReceiverOptions): SMTPServer {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    ...(options.closeTimeout !== undefined ? { closeTimeout: options.closeTimeout } : {}),
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        Promise.resolve()
          .then(() => options.onMessage(Buffer.concat(chunks)))
          .then(() => callback(), callback);
      });
    },
  });
  server.on('error', options.onConnectionError ?? (() => undefined));
  return server;
}

/** Listens on loopback (port 0: any free one) and answers the port it got. */
export async function listenSmtp(server: SMTPServer, port: number, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address();
  return typeof address === 'object' && address ? address.port : port;
}

export function closeSmtp(server: SMTPServer): Promise<void> {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}
