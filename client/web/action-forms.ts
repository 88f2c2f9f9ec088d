/**
 * Each case action's form, read by a zod schema into the action's input (the actor is added by the caller), and
 * the input checked by the domain's own schema (the one the workflow's validator repeats) with Vietnamese messages.
 */
import { z } from 'zod';
import { dateKey, deadlineInstant, parseDateKey, parseDateVN } from '../../domain/calendar.js';
import { ActionSchemas, type ActionName, type ActionRequest } from '../../domain/nomination/actions.js';
import { badRequest } from './errors.js';
import { issuePaths, issuesVN, optionalText, parseForm, text } from './http/form.js';

/** "15/01/2025" → "2025-01-15", with the calendar's Vietnamese message when it is not a date. */
export function vnDate(label: string) {
  return text.transform((typed, ctx) => {
    if (typed === '') {
      ctx.addIssue({ code: 'custom', message: `${label} là bắt buộc (dd/mm/yyyy).` });
      return z.NEVER;
    }
    try {
      return dateKey(parseDateVN(typed));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : `${label} không hợp lệ.` });
      return z.NEVER;
    }
  });
}

/** A date that may be left empty; when typed, it must be a date. */
function optionalVnDate(label: string) {
  const date = vnDate(label);
  return text.transform((typed, ctx) => {
    if (typed === '') return undefined;
    const parsed = date.safeParse(typed);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });
}

const reasonOnly = z.object({ reason: text });

/** The form of each action the case page offers. `edit` and `reassign` have pages of their own. */
const ACTION_FORMS = {
  submit: z.object({ note: optionalText }),
  endorse: z.object({
    rank: text.transform((s) => (/^\d+$/.test(s) ? Number(s) : s === '' ? undefined : Number.NaN)),
  }),
  verify: z.object({
    complete: text.transform((s) => (s === 'yes' ? true : s === 'no' ? false : undefined)),
    missingItems: text.transform((s) =>
      s
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
    note: optionalText,
  }),
  vote: z.object({ choice: optionalText }),
  cluster_vote: z.object({ choice: optionalText }),
  close_vote: z.object({ minutesNote: optionalText }),
  close_cluster_vote: z.object({ minutesNote: optionalText }),
  approve: z.object({ decisionNumber: text, decisionDate: vnDate('Ngày quyết định') }),
  return: z.object({ reason: text, toStep: optionalText }),
  reject: reasonOnly,
  withdraw: reasonOnly,
  resume: reasonOnly,
  revoke: reasonOnly,
  hold: z.object({ reason: text, complaintId: optionalText }),
  extend: z.object({ newDue: vnDate('Hạn mới'), reason: text }).transform(({ newDue, reason }) => {
    const day = parseDateKey(newDue);
    return { newDueAt: deadlineInstant({ day: day.day, month: day.month }, day.year), reason };
  }),
  comment: z.object({ text }),
  record_external_decision: z.object({
    outcome: text,
    decisionNumber: optionalText,
    decisionDate: optionalVnDate('Ngày quyết định'),
    reason: optionalText,
  }),
} satisfies Record<Exclude<ActionName, 'edit' | 'reassign'>, z.ZodType>;

const PARSERS = Object.fromEntries(
  Object.entries(ACTION_FORMS).map(([action, schema]) => [action, parseForm(schema, `${action} form`)]),
) as unknown as Record<keyof typeof ACTION_FORMS, (body: unknown) => Record<string, unknown>>;

/** The action's fields from its form; the actor is added by the caller. */
export function parseActionForm(action: ActionName, body: unknown): Record<string, unknown> {
  if (action === 'edit') throw badRequest('Sửa hồ sơ ở trang riêng.', 'edit has its own form');
  // The admin case page checks the target against the directory before the workflow sees it; here it would not.
  if (action === 'reassign')
    throw badRequest('Giao lại bước hiện tại ở trang quản trị hồ sơ.', 'reassign has its own form');
  return PARSERS[action](body);
}

/** Validates an action's input with the domain's zod schema; Vietnamese messages on failure. */
export function validateAction<A extends ActionName>(action: A, input: Record<string, unknown>): ActionRequest<A> {
  const parsed = ActionSchemas[action].safeParse(input);
  if (!parsed.success) throw badRequest(issuesVN(parsed.error), `invalid ${action} input: ${issuePaths(parsed.error)}`);
  return input as ActionRequest<A>;
}
