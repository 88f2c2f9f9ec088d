/** Readiness checks of the topology's processes: a port that accepts, an HTTP answer, a line in a log. */
import { createReadStream } from 'node:fs';
import { connect } from 'node:net';

export function acceptsConnections(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function answersOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  return response.ok;
}

/** Whether the log file holds `text` after byte `from`. */
export function logHas(file: string, text: string, from: number): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = '';
    const stream = createReadStream(file, { start: from, encoding: 'utf8' });
    stream.on('data', (chunk) => {
      seen += String(chunk);
      if (seen.includes(text)) {
        stream.destroy();
        resolve(true);
      }
    });
    stream.on('error', () => resolve(false));
    stream.on('close', () => resolve(seen.includes(text)));
  });
}
