/**
 * The sender's name as a mail reader decodes it: a mail sent over SMTP to the local catcher (as the worker sends
 * it, with the configured MAIL_FROM), its raw .eml read by Python's email package (policy.default, the parser
 * that put a space between adjacent encoded words: "Thi đ ua"). The name must come back exactly as configured.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../activities/mail.js';
import { encodeDisplayName } from '../../activities/mail-from.js';
import { startMailCatcher, type MailCatcher } from '../../client/mail-catcher/catcher.js';
import { parseConfig } from '../../domain/config.js';

const PYTHON_FROM = `
import sys, email
from email import policy
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
a = m['From'].addresses[0]
# RFC 2047's own reading (adjacent encoded words joined), as most mail clients decode.
legacy = email.message_from_bytes(open(sys.argv[1], 'rb').read())
rfc = str(email.header.make_header(email.header.decode_header(legacy['From'])))
sys.stdout.write(a.display_name + '\\n' + a.addr_spec + '\\n' + rfc)
`;

let dir: string;
let catcher: MailCatcher;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tdkt-mail-from-'));
  catcher = await startMailCatcher({ port: 0, dir });
});
afterAll(async () => {
  await catcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends one mail from `from` through SMTP to the catcher; Python's reading of the caught file's From. */
async function sentFrom(from: string): Promise<{ name: string; address: string; rfc: string }> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, secure: false });
  try {
    const before = new Set(readdirSync(dir));
    await createMailer({ transport, from })({
      to: ['truong.kv2@example.test'],
      subject: 'Hồ sơ đề nghị khen thưởng',
      text: 'Nội dung',
      html: '<p>Nội dung</p>',
      messageId: `mail-from-${before.size}@tdkt-flow`,
    });
    const file = readdirSync(dir).find((f) => !before.has(f));
    expect(file).toBeDefined();
    const raw = path.join(dir, file!);
    expect(readFileSync(raw, 'latin1')).toMatch(/^From: /m);
    const [name, address, rfc] = execFileSync('python3', ['-c', PYTHON_FROM, raw], { encoding: 'utf8' }).split('\n');
    return { name: name!, address: address!, rfc: rfc! };
  } finally {
    transport.close();
  }
}

describe("the sender's display name", () => {
  it('is read by Python exactly as configured (the default MAIL_FROM), not split inside a word', async () => {
    const configured = parseConfig({}).MAIL_FROM;
    const [, name, address] = /^(.*) <(.*)>$/.exec(configured)!;
    expect(await sentFrom(configured)).toEqual({ name, address, rfc: configured });
  });

  it('cuts a name too long for one encoded word only between words, and leaves a name with no accents as it is', async () => {
    const long = 'Thường trực Hội đồng Thi đua - Khen thưởng Viện kiểm sát nhân dân tỉnh Hải Dương';
    const sent = await sentFrom(`${long} <tdkt@example.test>`);
    // Python puts a space where two encoded words meet: at a word boundary that only doubles a space.
    expect(sent.name.split(/\s+/)).toEqual(long.split(' '));
    expect(sent.rfc).toBe(`${long} <tdkt@example.test>`);
    expect(await sentFrom('Hoi dong TDKT <tdkt@example.test>')).toEqual({
      name: 'Hoi dong TDKT',
      address: 'tdkt@example.test',
      rfc: 'Hoi dong TDKT <tdkt@example.test>',
    });
  });

  it('encodes each run of accented words as one encoded word between plain words', () => {
    expect(encodeDisplayName('Hội đồng Thi đua - Khen thưởng')).toEqual([
      `=?UTF-8?B?${Buffer.from('Hội đồng').toString('base64')}?=`,
      'Thi',
      `=?UTF-8?B?${Buffer.from('đua').toString('base64')}?=`,
      '-',
      'Khen',
      `=?UTF-8?B?${Buffer.from('thưởng').toString('base64')}?=`,
    ]);
  });
});
