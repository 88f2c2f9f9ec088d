/**
 * Forms and query strings, parsed by zod: `parseForm(schema)` and the field types a browser sends. A browser
 * sends every field as text (absent, one string, or several for repeated names and checkboxes); the field types
 * here turn that into the values the domain's schemas then check, and a failure is one Vietnamese 400 that a
 * route may catch to show the form again with what was typed.
 */
import { z } from 'zod';
import { badRequest } from '../errors.js';

/** A form body or query string as @fastify/formbody and Fastify's query parser give it. */
export type FormBody = Record<string, string | string[] | undefined>;

const firstOf = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
const asText = (value: unknown): string => {
  const first = firstOf(value);
  return typeof first === 'string' ? first : '';
};

/** One field as typed, untrimmed ('' when absent): a compact's text keeps its own spacing. */
export const rawText = z.preprocess(asText, z.string());
/** One field, trimmed; '' when absent, so the domain's schema says in Vietnamese what is missing. */
export const text = z.preprocess((value) => asText(value).trim(), z.string());
/** One field, trimmed; absent when empty. */
export const optionalText = text.transform((s) => (s === '' ? undefined : s));
/** A checkbox: ticked is "on". */
export const checkbox = text.transform((s) => s === 'on');
/** Every value of a repeated field (ticked checkboxes, a multiple select), trimmed, empty ones dropped. */
export const list = z.preprocess(
  (value): unknown[] => (Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value]),
  z
    .array(z.unknown())
    .transform((values) => values.map((v) => (typeof v === 'string' ? v.trim() : '')).filter((v) => v !== '')),
);
/**
 * A whole number: empty is absent; anything else that is not digits is NaN, so the domain schema (which owns the
 * field's Vietnamese message) refuses it rather than this layer inventing another message.
 */
export const wholeNumber = text.transform((s) => (s === '' ? undefined : /^\d+$/.test(s) ? Number(s) : Number.NaN));

/** Zod's own English messages for fields without a Vietnamese one. */
export function translateIssue(message: string): string {
  if (/^Too small|expected string to have >=/i.test(message)) return 'Vui lòng điền đủ các trường bắt buộc.';
  if (/^Too big/i.test(message)) return 'Nội dung quá dài.';
  if (/^Invalid/i.test(message)) return 'Giá trị nhập không hợp lệ.';
  return message;
}

/** A zod error as one Vietnamese sentence (each message once). */
export function issuesVN(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => translateIssue(i.message)))].join(' ');
}

/** A zod error's paths, for the English log line. */
export function issuePaths(error: z.ZodError): string {
  return error.issues.map((i) => i.path.join('.')).join(', ');
}

/**
 * A parser of one form or query string: the parsed value, or a Vietnamese 400 (WebError) listing what is wrong.
 * Routes catch that 400 where the page shows the form again with the values typed.
 */
export function parseForm<S extends z.ZodType>(schema: S, what = 'form'): (input: unknown) => z.output<S> {
  return (input) => {
    const parsed = schema.safeParse(input ?? {});
    if (!parsed.success) throw badRequest(issuesVN(parsed.error), `invalid ${what}: ${issuePaths(parsed.error)}`);
    return parsed.data;
  };
}

/**
 * The idempotency key a rendered form carries (`_request`, render.ts): the Update id of the action it sends. A
 * missing or malformed key (an old page, a hand-made request) only means the action is not deduplicated.
 */
export function requestIdOf(body: unknown): string | undefined {
  const value = firstOf((body as FormBody | undefined)?._request);
  return typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value) ? value : undefined;
}
