/**
 * The From header of every mail, with the sender's display name encoded so that no reader splits it inside a
 * word. nodemailer encodes a non-ASCII name as encoded words of at most 52 characters, cut wherever the limit
 * falls ("…Thi_=C4=91?= =?UTF-8?Q?ua…"); RFC 2047 readers join adjacent encoded words, but Python's email
 * package (policy.default) and the clients built the same way put a space between them: "Thi đ ua". Here each run
 * of words that needs encoding becomes one encoded word (base64, up to RFC 2047's 75 characters) between plain
 * ASCII words, so a run is only ever cut between words, and readers of both kinds read the name as written.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** RFC 2047: an encoded word is at most 75 characters; `=?UTF-8?B?` and `?=` take 12 of them. */
const MAX_ENCODED_TEXT = 75 - 12;
/** Whole base64 quanta: 45 bytes make 60 characters. */
const MAX_WORD_BYTES = Math.floor(MAX_ENCODED_TEXT / 4) * 3;
/** A word that may stand in a phrase as it is (RFC 5322 atext). */
const PLAIN_WORD = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;

const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

/** Cuts a run of text into pieces of at most MAX_WORD_BYTES, between words where it can, never inside a character. */
function pieces(run: string): string[] {
  const out: string[] = [];
  let current = '';
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  for (const word of run.split(/(?<= )/)) {
    if (bytes(current + word) <= MAX_WORD_BYTES) {
      current += word;
      continue;
    }
    if (current) out.push(current);
    current = '';
    // A single word longer than one encoded word: cut between characters (nothing better exists).
    for (const ch of word) {
      if (bytes(current + ch) > MAX_WORD_BYTES) {
        out.push(current);
        current = '';
      }
      current += ch;
    }
  }
  if (current) out.push(current);
  return out;
}

/** The display name as header tokens: plain ASCII words as they are, each run of other words one encoded word. */
export function encodeDisplayName(name: string): string[] {
  const tokens: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) tokens.push(...pieces(run.join(' ')).map(encodedWord));
    run = [];
  };
  for (const word of name.trim().split(/\s+/)) {
    if (PLAIN_WORD.test(word)) {
      flush();
      tokens.push(word);
    } else run.push(word);
  }
  flush();
  return tokens;
}

/** `Name <address>` (or a bare address) → the folded From field, lines joined by `newline`; null if unparsable. */
export function fromHeaderField(from: string, newline = '\r\n'): string | null {
  const m = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  const name = m ? m[1]!.replace(/^"(.*)"$/, '$1') : '';
  const address = m ? m[2]! : /^[^<>\s]+@[^<>\s]+$/.test(from.trim()) ? from.trim() : null;
  if (!address) return null;
  const tokens = [...(name ? encodeDisplayName(name) : []), `<${address}>`];
  const lines: string[] = [];
  let line = 'From:';
  for (const token of tokens) {
    if (line.length + 1 + token.length > 76 && line !== 'From:') {
      lines.push(line);
      line = '';
    }
    line += ` ${token}`;
  }
  lines.push(line);
  return lines.join(newline);
}

/**
 * A stream step for nodemailer (`transport.use('stream', …)` inserts it with `mail.message.transform`): replaces
 * the From field of the message's header block with `field`, and passes everything after the header through.
 */
export class FromHeaderRewrite extends Transform {
  private head: Buffer | null = Buffer.alloc(0);

  constructor(private readonly field: (newline: string) => string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.head === null) {
      done(null, chunk);
      return;
    }
    this.head = Buffer.concat([this.head, chunk]);
    const text = this.head.toString('latin1');
    const end = /\r?\n\r?\n/.exec(text);
    if (!end) {
      done();
      return;
    }
    const headerEnd = end.index + end[0].length;
    const newline = end[0].startsWith('\r') ? '\r\n' : '\n';
    const header = text
      .slice(0, headerEnd)
      .replace(/^From:.*(?:\r?\n[ \t].*)*/im, () => Buffer.from(this.field(newline), 'utf8').toString('latin1'));
    const rest = this.head.subarray(headerEnd);
    this.head = null;
    this.push(Buffer.from(header, 'latin1'));
    done(null, rest);
  }

  override _flush(done: TransformCallback): void {
    if (this.head !== null && this.head.length > 0) this.push(this.head);
    done();
  }
}
