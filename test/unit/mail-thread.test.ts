/** A case's mails thread: each one replies to the case's thread id (In-Reply-To, References), its own id kept. */
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../../activities/mail.js';
import { mailMessageId, mailThreadId } from '../../activities/mail-body.js';

describe('mail threads', () => {
  it('names the case thread in In-Reply-To and References of every mail of the case', async () => {
    const sent: string[] = [];
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const send = createMailer({ transport, from: 'Hội đồng Thi đua - Khen thưởng <tdkt@example.test>' });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (options: Parameters<typeof original>[0]) => {
      const info = (await original(options)) as unknown as { message: Buffer };
      sent.push(info.message.toString());
      return info;
    }) as typeof transport.sendMail;
    const caseId = 'nomination/dot-1/hd-kv2/abc';
    for (const key of ['submitted.1', 'endorsed.2'])
      await send({
        to: ['a@example.test'],
        subject: 'Thử',
        text: 't',
        html: '<p>t</p>',
        messageId: mailMessageId(caseId, key),
        threadId: mailThreadId(caseId),
      });
    const thread = `<${mailThreadId(caseId)}>`;
    for (const [i, message] of sent.entries()) {
      expect(message).toContain(`In-Reply-To: ${thread}`);
      expect(message).toContain(`References: ${thread}`);
      expect(message).toContain(`Message-ID: <${mailMessageId(caseId, i === 0 ? 'submitted.1' : 'endorsed.2')}>`);
    }
    expect(mailThreadId(caseId)).not.toBe(mailMessageId(caseId, 'submitted.1'));
  });
});
