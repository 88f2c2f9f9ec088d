/**
 * Small zod (v4) builders whose every message is Vietnamese and names the field, so a refused input reads
 * "Lý do là bắt buộc" rather than "Invalid input: expected string, received undefined". No global `z.config`:
 * importing the domain must not change how other code's schemas report errors.
 *
 * Module-level schemas are wrapped in `z.lazy(() => …)` across the domain, so that they are built on first use,
 * not when the module loads. Workflow code imports the domain, and Temporal's sandbox evaluates every module of
 * the bundle once per workflow: built at load, the domain's ~1,300 schema objects were the largest part of what
 * each cached case kept in memory (bench/README.md, "Worker memory"), though a case uses only a few of them.
 */
import { z } from 'zod';
import { isValidCalendarDate, parseDateKey } from './calendar.js';

/** Ids of units, clusters, people, users, campaigns, plans: lower-case ASCII, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

type Issue = { input?: unknown; code?: string };

function requiredOr(label: string, otherwise: string): (iss: Issue) => string {
  return (iss) => (iss.input === undefined || iss.input === null ? `${label} là bắt buộc` : otherwise);
}

export function text(label: string, opts: { max: number; min?: number }) {
  const min = opts.min ?? 1;
  return z
    .string({ error: requiredOr(label, `${label} phải là chuỗi ký tự`) })
    .trim()
    .min(min, { error: min <= 1 ? `${label} là bắt buộc` : `${label} phải có ít nhất ${min} ký tự` })
    .max(opts.max, { error: `${label} không được dài quá ${opts.max} ký tự` });
}

/** Optional free text: absent, or a string up to `max` characters (an empty string is allowed). */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} phải là chuỗi ký tự` })
    .trim()
    .max(max, { error: `${label} không được dài quá ${max} ký tự` })
    .optional();
}

export function idString(label: string) {
  return z
    .string({ error: requiredOr(label, `${label} phải là chuỗi ký tự`) })
    .trim()
    .regex(ID_PATTERN, {
      error: `${label} không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, tối đa 64 ký tự`,
    });
}

/** A sign-in name: like an id, with dots and underscores too ("truong.kv2", "nguyen_van_an"), as accounts have. */
const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;

export function usernameString(label: string) {
  return z
    .string({ error: requiredOr(label, `${label} phải là chuỗi ký tự`) })
    .trim()
    .regex(USERNAME_PATTERN, {
      error: `${label} không hợp lệ: chỉ gồm chữ thường không dấu, chữ số, dấu chấm, dấu gạch dưới và dấu gạch ngang, tối đa 64 ký tự`,
    });
}

export function intIn(label: string, min: number, max: number) {
  return z
    .number({ error: requiredOr(label, `${label} phải là số`) })
    .int({ error: `${label} phải là số nguyên` })
    .min(min, { error: `${label} phải từ ${min} trở lên` })
    .max(max, { error: `${label} không được lớn hơn ${max}` });
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: requiredOr(label, `${label} không hợp lệ (chấp nhận: ${values.join(', ')})`) });
}

export function bool(label: string) {
  return z.boolean({ error: requiredOr(label, `${label} phải là đúng/sai`) });
}

export function email(label: string) {
  return z
    .string({ error: requiredOr(label, `${label} phải là chuỗi ký tự`) })
    .trim()
    .max(254, { error: `${label} không được dài quá 254 ký tự` })
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: `${label} không phải địa chỉ email hợp lệ` });
}

/** A Vietnamese calendar date as `yyyy-mm-dd` (the form of HTML date inputs and of holiday lists). */
export function isoDate(label: string) {
  return z
    .string({ error: requiredOr(label, `${label} phải là chuỗi ký tự`) })
    .trim()
    .refine(
      (s) => {
        try {
          parseDateKey(s);
          return true;
        } catch {
          return false;
        }
      },
      { error: `${label} không hợp lệ (định dạng yyyy-mm-dd, ví dụ 2025-01-15)` },
    );
}

/** An ISO-8601 instant with an explicit offset (`Z` or `+07:00`). */
export function isoInstant(label: string) {
  return z
    .string({ error: requiredOr(label, `${label} phải là chuỗi ký tự`) })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
      error: `${label} không hợp lệ (thời điểm ISO-8601 có múi giờ, ví dụ 2025-01-15T09:00:00+07:00)`,
    })
    .refine((s) => !Number.isNaN(Date.parse(s)), { error: `${label} không hợp lệ` });
}

export function list<T extends z.ZodType>(label: string, item: T, opts: { min?: number; max: number }) {
  const min = opts.min ?? 0;
  return z
    .array(item, { error: requiredOr(label, `${label} phải là danh sách`) })
    .min(min, { error: min === 1 ? `${label} phải có ít nhất một mục` : `${label} phải có ít nhất ${min} mục` })
    .max(opts.max, { error: `${label} không được quá ${opts.max} mục` });
}

export function obj<S extends z.ZodRawShape>(label: string, shape: S) {
  return z.object(shape, { error: requiredOr(label, `${label} không hợp lệ`) });
}

export function dayMonthSchema(label: string) {
  return obj(label, { day: intIn('Ngày', 1, 31), month: intIn('Tháng', 1, 12) }).refine(
    (d) => isValidCalendarDate({ ...d, year: 2024 }), // 2024 is a leap year: 29/02 is a valid recurring day
    { error: `${label} không tồn tại` },
  );
}

export function calendarDateSchema(label: string) {
  return obj(label, { day: intIn('Ngày', 1, 31), month: intIn('Tháng', 1, 12), year: intIn('Năm', 1900, 9999) }).refine(
    (d) => isValidCalendarDate(d),
    { error: `${label} không tồn tại` },
  );
}

const TYPE_NAMES_VN: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'đúng/sai',
  array: 'danh sách',
  object: 'đối tượng',
};

type FallbackIssue = {
  code?: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  values?: readonly unknown[];
};

/**
 * The Vietnamese message of a zod issue whose schema gave none (zod's defaults are English: "Too big: expected
 * string to have <=2000 characters"). Pass it per parse, `schema.safeParse(input, { error: zodFallbackVN })`: a
 * message the schema sets still wins, and no global `z.config` changes anyone else's schemas.
 */
export function zodFallbackVN(issue: FallbackIssue): string {
  const size = issue.origin === 'string' ? 'ký tự' : issue.origin === 'array' || issue.origin === 'set' ? 'mục' : '';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Thiếu giá trị bắt buộc';
      return `Sai kiểu dữ liệu: cần ${TYPE_NAMES_VN[issue.expected ?? ''] ?? 'giá trị khác'}`;
    case 'invalid_value':
      return `Giá trị không hợp lệ (chấp nhận: ${(issue.values ?? []).map((v) => String(v)).join(', ')})`;
    case 'too_big':
      return size ? `Không được quá ${String(issue.maximum)} ${size}` : `Không được lớn hơn ${String(issue.maximum)}`;
    case 'too_small':
      if (size === 'ký tự' && Number(issue.minimum) <= 1) return 'Không được để trống';
      return size ? `Phải có ít nhất ${String(issue.minimum)} ${size}` : `Phải từ ${String(issue.minimum)} trở lên`;
    case 'invalid_format':
      return 'Sai định dạng';
    case 'unrecognized_keys':
      return 'Có trường không được chấp nhận';
    default:
      return 'Giá trị không hợp lệ';
  }
}

/**
 * One readable Vietnamese string from a zod error: each issue's message, with the position of list items
 * ("mục 2") where the path crosses a list, duplicates removed, joined by "; ".
 */
export function formatZodErrorVN(error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const positions = issue.path.filter((p): p is number => typeof p === 'number').map((n) => `mục ${n + 1}`);
    return positions.length > 0 ? `${issue.message} (${positions.join(', ')})` : issue.message;
  });
  return [...new Set(lines)].join('; ');
}

/** Parses or throws an Error whose message is the Vietnamese summary. */
export function parseVN<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(formatZodErrorVN(result.error));
  return result.data;
}
