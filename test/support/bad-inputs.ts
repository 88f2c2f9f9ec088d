/**
 * Generated bad inputs (fast-check) for the staff forms and the CLI, built so that every one is bad by
 * construction, never by asking the product: either the person may not take the action on that case at all
 * (wrong role, foreign unit, wrong stage, by the rules written out here independently of the domain's table), or
 * at least one field breaks a documented rule (a reason under 3 characters, a rank outside 1–999, 31/02, an id with
 * a capital letter…). Everything else is noise added on top: control characters, repeated fields, extra fields.
 */
import fc from 'fast-check';
import type { ActionName } from '../../domain/nomination/actions.js';
import type { NominationStage } from '../../domain/stages.js';

/** Letters only Vietnamese uses: a message without one of them is not Vietnamese. */
const VIETNAMESE_LETTERS = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
/** Words of English errors (zod's defaults, Node's, Temporal's) that must never reach a person. */
const ENGLISH_ERROR =
  /\b(invalid|expected|received|too (small|big)|required|unrecognized|must be|characters?|undefined|NaN|error|not found|failed|cannot|unknown|ENOENT|EISDIR|TypeError|argument|option)\b/i;

/**
 * Why a message a person reads is not a clean Vietnamese refusal, or null when it is one. `echoed` are the
 * person's own words, which a message may quote back (an unknown user name): they are removed before checking.
 */
export function notVietnamese(message: string, echoed: readonly string[] = []): string | null {
  let rest = message;
  // The CLI's usage text is bilingual on purpose ("Cách dùng (usage)"): it is the help, not the refusal.
  rest = rest.replace(/Cách dùng \(usage\):[\s\S]*$/, '');
  // Quoted first (“…”, as the product quotes what was typed), so an echo such as ")" cannot eat a gloss's bracket.
  for (const e of [...echoed].filter((x) => x.length > 0).sort((a, b) => b.length - a.length))
    rest = rest.split(`“${e}”`).join(' ');
  const glosses = /\([^()]*\)/g; // "(who acts)" glosses are allowed
  rest = rest.replace(glosses, ' ');
  for (const e of [...echoed].filter((x) => x.length > 0).sort((a, b) => b.length - a.length))
    rest = rest.split(e).join(' ');
  if (!VIETNAMESE_LETTERS.test(rest)) return `no Vietnamese in ${JSON.stringify(message.slice(0, 300))}`;
  const english = ENGLISH_ERROR.exec(rest);
  if (english) return `English "${english[0]}" in ${JSON.stringify(message.slice(0, 300))}`;
  return null;
}

/** The refusal message of a rendered page (the alert every page and form shows), HTML entities decoded. */
export function alertOf(html: string): string | null {
  const m = /role="alert"[^>]*>\s*<p>([\s\S]*?)<\/p>/.exec(html);
  return m ? decodeHtml(m[1]!) : null;
}

export function decodeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** How Eta writes a typed value into the page (autoEscape). */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// ------------------------------------------------------------------------------------------------ who may act

export const STAGES = [
  'draft',
  'cluster_review',
  'standing_body_check',
  'council_vote',
  'leadership_approval',
  'awarded',
  'on_hold',
] as const satisfies readonly NominationStage[];
export type FuzzStage = (typeof STAGES)[number];

/** The users the suite signs in: the case's own unit, a foreign unit, both cluster heads, the council, admin. */
export const FUZZ_USERS = [
  'vanthu.kv2',
  'truong.kv2',
  'truong.kv1',
  'vanthu.kv5',
  'truong.kv5',
  'cumtruong.c1',
  'cumtruong.c2',
  'thuongtruc',
  'uyvien2',
  'vientruong',
  'phovientruong',
  'vu16.vkstc',
  'admin',
] as const;
export type FuzzUser = (typeof FUZZ_USERS)[number];

const OPEN: FuzzStage[] = ['draft', 'cluster_review', 'standing_body_check', 'council_vote', 'leadership_approval'];
const LEADERS: FuzzUser[] = ['vientruong', 'phovientruong'];

/**
 * Who MAY be able to take an action on a giấy khen case of hd-kv2 (cụm 1, cluster head cumtruong.c1), by stage:
 * a generous superset of the rules (docs/nomination.md), so that a person outside it is surely refused. Inside it,
 * only inputs with a bad field are sent. `reassign` has its own page: the case page refuses it to everyone.
 */
const MAY: Record<ActionName, Partial<Record<FuzzStage, readonly FuzzUser[]>>> = {
  edit: { draft: ['vanthu.kv2', 'truong.kv2'] },
  submit: { draft: ['truong.kv2'] },
  withdraw: Object.fromEntries(OPEN.map((s) => [s, ['truong.kv2']])),
  hold: Object.fromEntries(OPEN.map((s) => [s, ['thuongtruc']])),
  extend: Object.fromEntries(OPEN.map((s) => [s, ['thuongtruc', 'admin']])),
  endorse: { cluster_review: ['cumtruong.c1'] },
  close_cluster_vote: { cluster_review: ['cumtruong.c1'] },
  cluster_vote: { cluster_review: ['truong.kv1', 'truong.kv2'] },
  return: {
    cluster_review: ['cumtruong.c1'],
    standing_body_check: ['thuongtruc'],
    council_vote: ['thuongtruc'],
    leadership_approval: LEADERS,
  },
  reject: {
    cluster_review: ['cumtruong.c1'],
    standing_body_check: ['thuongtruc'],
    council_vote: ['thuongtruc'],
    leadership_approval: LEADERS,
  },
  verify: { standing_body_check: ['thuongtruc'] },
  vote: { council_vote: ['thuongtruc', 'uyvien2', ...LEADERS] },
  close_vote: { council_vote: ['thuongtruc'] },
  approve: { leadership_approval: LEADERS },
  revoke: { awarded: LEADERS },
  resume: { on_hold: ['thuongtruc'] },
  reassign: {},
  // Anyone involved may comment, in any stage: treated as everyone, everywhere.
  comment: Object.fromEntries(STAGES.map((s) => [s, FUZZ_USERS])),
  record_external_decision: {},
};

export function mayAct(stage: FuzzStage, action: ActionName, user: string): boolean {
  return (MAY[action][stage] as readonly string[] | undefined)?.includes(user) ?? false;
}

// ------------------------------------------------------------------------------------------------ values

const CONTROL = fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\u001b', '\u007f', '\u200b', '\ufeff', '\u202e');
const NASTY = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE awards; --",
  '${7*7}',
  '<%= it %>',
  '../../etc/passwd',
  '%00',
  '\r\n\r\n',
  'Đ̸̢ạ̴t̷',
  '🏅🇻🇳',
);
/** Any text a person (or a script) might put in a field, control characters included. */
export const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  NASTY,
  fc.tuple(fc.string({ maxLength: 8 }), CONTROL, fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b),
);
/** A text of at least `min` characters once trimmed (over-long inputs), with Vietnamese, markup or controls. */
export const longText = (min: number) =>
  fc
    .tuple(fc.constantFrom('a', 'ạ', 'Đ', '<', '&', '\u0001', '😀'), fc.integer({ min, max: min + 300 }), anyText)
    .map(([c, n, tail]) => `x${c.repeat(n)}${tail}x`);
const pad = (s: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', ' ', '  \t', '\n'), s, fc.constantFrom('', ' ', '\r\n')).map(([a, b, c]) => a + b + c);

/** A reason the rules refuse: under 3 characters once trimmed, or over 2000. */
export const badReason = fc.oneof(pad(fc.string({ unit: 'grapheme-ascii', maxLength: 2 })), longText(2001));
export const badRank = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1000', '1.5', '1e2', '0x1', 'một', '١', '99999999999999999999999', '+1', '1,0'),
  fc.string().filter((s) => !(/^\d+$/.test(s.trim()) && Number(s.trim()) >= 1 && Number(s.trim()) <= 999)),
);
const notOneOf = (values: readonly string[]) => anyText.filter((s) => !values.includes(s.trim()));
export const badChoice = notOneOf(['yes', 'no', 'abstain']);
export const badComplete = notOneOf(['yes', 'no']);
export const badOutcome = notOneOf(['approved', 'rejected']);
export const badToStep = notOneOf(['unit', 'cluster', 'standing_body', '']);
export const badDateVN = fc.oneof(
  fc.constantFrom(
    '31/02/2025',
    '30/02/2024',
    '29/02/2023',
    '2025-13-01',
    '2025-01-15',
    '32/01/2025',
    '00/01/2025',
    '15/13/2025',
    '15/00/2025',
    'hôm nay',
    '15-01-2025',
    '15/01/25',
    '15/01/99999',
    '-1/01/2025',
    '15 / 01 / 2025',
  ),
  anyText.filter((s) => !/^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/.test(s)),
);
/** Required dates: empty is bad too. */
export const badRequiredDate = fc.oneof(badDateVN, fc.constantFrom('', '   '));
/** Optional dates: only a typed bad one is bad. */
export const badOptionalDate = badDateVN.filter((s) => s.trim() !== '');
export const badDecisionNumber = fc.oneof(
  fc.constantFrom('', '  ', '1 / QĐ', '12/QĐ;DROP', '<b>1</b>', '1\u0000/QĐ'),
  fc.string({ minLength: 1, maxLength: 10 }).map((s) => `${s} ${s}`), // a space is never part of a number
  longText(65),
);
export const badId = fc.oneof(
  fc.constantFrom('KN-01', 'kn 01', '-kn', '_kn', 'kn/01', 'đơn-01', 'kn\u0000'),
  longText(65),
);
/** Optional notes are only bad when too long. */
export const tooLong = (max: number) => longText(max + 1);

// ------------------------------------------------------------------------------------------------ forms

import { GOOD_FORMS, type Form } from './action-forms.js';

export { GOOD_FORMS, type Form };

/** For each action, the ways one field makes its form surely bad. */
const BAD_FIELDS: Record<Exclude<ActionName, 'edit'>, Record<string, fc.Arbitrary<string>>> = {
  submit: { note: tooLong(2000) },
  endorse: { rank: badRank },
  verify: {
    complete: badComplete,
    note: tooLong(2000),
    missingItems: fc.oneof(
      longText(301),
      fc
        .array(
          fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 5 }).filter((s) => s.trim() !== ''),
          {
            minLength: 51,
            maxLength: 70,
          },
        )
        .map((lines) => lines.join('\n')),
    ),
  },
  vote: { choice: badChoice },
  cluster_vote: { choice: badChoice },
  close_vote: { minutesNote: tooLong(5000) },
  close_cluster_vote: { minutesNote: tooLong(5000) },
  approve: { decisionNumber: badDecisionNumber, decisionDate: badRequiredDate },
  return: { reason: badReason, toStep: badToStep },
  reject: { reason: badReason },
  withdraw: { reason: badReason },
  hold: { reason: badReason, complaintId: badId },
  resume: { reason: badReason },
  revoke: { reason: badReason },
  extend: { newDue: badRequiredDate, reason: badReason },
  reassign: { reason: badReason },
  comment: { text: fc.oneof(fc.constantFrom('', ' ', '\n\t'), tooLong(5000)) },
  record_external_decision: {
    outcome: badOutcome,
    decisionNumber: tooLong(64),
    decisionDate: badOptionalDate,
    reason: tooLong(2000),
  },
};

/** Fields no form has, and odd field names. */
const extraFields = fc.dictionary(
  fc.oneof(
    fc.constantFrom('actor', 'actor[role]', 'stage', '__proto__', 'constructor', 'rank[]', 'x'.repeat(300)),
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !k.startsWith('_') && k !== 'tro_ve'),
  ),
  anyText,
  { maxKeys: 3 },
);

/** Noise that leaves a form's verdict as it was: extra fields, and a repeated field whose first value counts. */
function withNoise(form: Form): fc.Arbitrary<Form> {
  return fc.tuple(extraFields, fc.boolean(), fc.array(anyText, { maxLength: 2 })).map(([extra, repeat, more]) => {
    const out: Form = { ...extra, ...form };
    const first = Object.keys(form)[0];
    if (repeat && first !== undefined && more.length > 0) out[first] = [String(form[first]), ...more];
    return out;
  });
}

/** A form of the action with at least one surely bad field (and possibly good or noisy others). */
export function badActionForm(action: Exclude<ActionName, 'edit'>): fc.Arbitrary<{ form: Form; bad: string[] }> {
  const fields = BAD_FIELDS[action];
  const names = Object.keys(fields);
  return fc
    .subarray(names, { minLength: 1 })
    .chain((bad) =>
      fc.tuple(fc.constant(bad), fc.tuple(...bad.map((name) => fields[name]!))).map(([b, values]) => {
        const form: Form = { ...GOOD_FORMS[action] };
        b.forEach((name, i) => (form[name] = values[i]!));
        return { form, bad: b };
      }),
    )
    .chain(({ form, bad }) => withNoise(form).map((noisy) => ({ form: noisy, bad })));
}

/** A form of the action that may well be good (for people who may not take it there at all). */
export function anyActionForm(action: Exclude<ActionName, 'edit'>): fc.Arbitrary<Form> {
  return fc.oneof(
    withNoise(GOOD_FORMS[action]),
    badActionForm(action).map((b) => b.form),
  );
}

/** The text fields of each action's form that the case page shows again as typed after a refusal. */
export const TYPED_FIELDS: Partial<Record<ActionName, string[]>> = {
  submit: ['note'],
  endorse: ['rank'],
  verify: ['missingItems', 'note'],
  close_vote: ['minutesNote'],
  close_cluster_vote: ['minutesNote'],
  approve: ['decisionNumber', 'decisionDate'],
  record_external_decision: ['decisionNumber', 'decisionDate', 'reason'],
  extend: ['newDue', 'reason'],
  comment: ['text'],
  hold: ['complaintId', 'reason'],
  return: ['reason'],
  reject: ['reason'],
  withdraw: ['reason'],
  resume: ['reason'],
  revoke: ['reason'],
};

// ------------------------------------------------------------------------------------------------ JSON values

/** A JSON value of the wrong type for a field that needs `kind`. */
export const wrongType = (kind: 'string' | 'number' | 'boolean') =>
  fc
    .oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    )
    .filter((v) => typeof v !== kind);

/** For each action, JSON fields (CLI `--input`) that are surely bad: wrong types and broken rules. */
export const BAD_JSON_FIELDS: Record<ActionName, Record<string, fc.Arbitrary<unknown>>> = {
  edit: { draft: fc.oneof(wrongType('string'), fc.record({ awardCode: fc.constant('') })) },
  submit: { note: fc.oneof(wrongType('string'), tooLong(2000)) },
  endorse: {
    rank: fc.oneof(
      wrongType('number'),
      fc.integer({ max: 0 }),
      fc.integer({ min: 1000 }),
      fc.double({ noInteger: true }),
      fc.constantFrom(Number.MAX_SAFE_INTEGER, -1e308, '1'),
    ),
  },
  verify: {
    complete: fc.oneof(wrongType('boolean'), fc.constantFrom('yes', 'true', 1)),
    missingItems: fc.oneof(
      fc.string(),
      fc.array(fc.oneof(fc.constant(''), fc.integer(), longText(301)), { minLength: 1, maxLength: 3 }),
    ),
  },
  vote: { choice: fc.oneof(wrongType('string'), badChoice, fc.constantFrom('YES', 'đồng ý')) },
  cluster_vote: { choice: fc.oneof(wrongType('string'), badChoice) },
  close_vote: { minutesNote: fc.oneof(wrongType('string'), tooLong(5000)) },
  close_cluster_vote: { minutesNote: fc.oneof(wrongType('string'), tooLong(5000)) },
  approve: {
    decisionNumber: fc.oneof(wrongType('string'), badDecisionNumber),
    decisionDate: fc.oneof(
      wrongType('string'),
      fc.constantFrom('2025-02-31', '2025-13-01', '2025-00-10', '31/12/2025', '2025-1-1', 'today', '', '20251231'),
    ),
  },
  return: { reason: fc.oneof(wrongType('string'), badReason), toStep: fc.oneof(fc.integer(), badToStep) },
  reject: { reason: fc.oneof(wrongType('string'), badReason) },
  withdraw: { reason: fc.oneof(wrongType('string'), badReason) },
  hold: { reason: fc.oneof(wrongType('string'), badReason), complaintId: fc.oneof(fc.integer(), badId) },
  resume: { reason: fc.oneof(wrongType('string'), badReason) },
  revoke: { reason: fc.oneof(wrongType('string'), badReason) },
  extend: {
    newDueAt: fc.oneof(
      wrongType('string'),
      fc.constantFrom('2030-02-31T00:00:00+07:00', '2030-01-01', '31/12/2030', '2030-13-01T00:00:00Z', 'tomorrow'),
    ),
    reason: fc.oneof(wrongType('string'), badReason),
  },
  reassign: { toUnitId: fc.oneof(wrongType('string'), badId), reason: fc.oneof(wrongType('string'), badReason) },
  comment: { text: fc.oneof(wrongType('string'), fc.constantFrom('', '   '), tooLong(5000)) },
  record_external_decision: {
    outcome: fc.oneof(wrongType('string'), badOutcome),
    decisionDate: fc.constantFrom('2025-02-30', '01/01/2025', 'x'),
  },
};

/** The JSON input of an action with at least one surely bad field, next to otherwise good fields and noise. */
export function badJsonInput(action: ActionName, good: Record<string, unknown>) {
  const fields = BAD_JSON_FIELDS[action];
  const names = Object.keys(fields);
  return fc
    .subarray(names, { minLength: 1 })
    .chain((bad) =>
      fc.tuple(
        fc.constant(bad),
        fc.tuple(...bad.map((n) => fields[n]!)),
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 }),
      ),
    )
    .map(([bad, values, extra]) => {
      const input: Record<string, unknown> = { ...extra, ...good };
      bad.forEach((name, i) => (input[name] = values[i]));
      return input;
    });
}
