/**
 * A dd/mm/yyyy form field (the way staff type dates): the calendar date, or a Vietnamese issue that names the
 * field and shows what was typed. Empty is refused unless the field is optional (then it is absent).
 */
import { z } from 'zod';
import { parseDateVN, type CalendarDate } from '../../../domain/calendar.js';
import { text } from './form.js';

function parsed(label: string, s: string, ctx: z.RefinementCtx): CalendarDate {
  try {
    return parseDateVN(s);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message:
        s === ''
          ? `${label}: chưa nhập ngày (dd/mm/yyyy).`
          : `${label}: “${s}” không phải ngày hợp lệ (nhập theo dạng dd/mm/yyyy, ví dụ 15/01/2027).`,
    });
    return z.NEVER;
  }
}

export const vnDateField = (label: string) => text.transform((s, ctx): CalendarDate => parsed(label, s, ctx));

export const optionalVnDateField = (label: string) =>
  text.transform((s, ctx): CalendarDate | undefined => (s === '' ? undefined : parsed(label, s, ctx)));
