/**
 * The registration form of a unit (đăng ký thi đua): the titles it may register for its collective and its people,
 * and the form's fields read as a Registration, refused in Vietnamese when they name someone of another unit.
 */
import { awardAcceptsSubject, awardByCode, AWARD_CODES, type AwardEntry } from '../../domain/catalogue.js';
import type { Person } from '../../domain/org.js';
import { RegistrationSchema, type Registration } from '../../domain/schemas.js';
import { badRequest } from './errors.js';
import { list, type FormBody } from './http/form.js';

const titles = (subject: 'collective' | 'individual'): AwardEntry[] =>
  AWARD_CODES.map((c) => awardByCode(c)).filter(
    (a) => a.kind === 'title' && a.nominable && awardAcceptsSubject(a, subject),
  );

/** The titles a unit may register for its collective and for its people (the catalogue's nominable titles). */
export const COLLECTIVE_TITLES = titles('collective');
export const INDIVIDUAL_TITLES = titles('individual');

/** Every value of a repeated field, trimmed, empty ones dropped. */
const values = (body: FormBody, name: string): string[] => list.parse(body[name]);

/** The form field of a person's titles: `ca_nhan.<person id>` (ids are directory ids: letters, digits, dashes). */
export function personField(personId: string): string {
  return `ca_nhan.${personId}`;
}

/**
 * The registration typed in the form: the collective's titles (`tap_the`), each person's titles and a note.
 * Only the unit's own people may be registered; anything else is a Vietnamese 400 and nothing is sent.
 */
export function registrationFromForm(
  body: FormBody,
  unit: { id: string; year: number },
  people: readonly Person[],
): Registration {
  const own = new Set(people.map((p) => p.id));
  const individuals: { personId: string; titles: string[] }[] = [];
  for (const key of Object.keys(body)) {
    if (!key.startsWith('ca_nhan.')) continue;
    const personId = key.slice('ca_nhan.'.length);
    if (!own.has(personId)) {
      throw badRequest('Chỉ được đăng ký thi đua cho cán bộ của đơn vị mình.', `person ${personId} not in ${unit.id}`);
    }
    const chosen = values(body, key);
    if (chosen.length > 0) individuals.push({ personId, titles: chosen });
  }
  const note = values(body, 'note')[0];
  const parsed = RegistrationSchema.safeParse({
    unitId: unit.id,
    year: unit.year,
    collectiveTitles: values(body, 'tap_the'),
    individuals,
    ...(note ? { note } : {}),
  });
  if (!parsed.success) {
    throw badRequest(
      [...new Set(parsed.error.issues.map((i) => i.message))].join(' '),
      `invalid registration: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return parsed.data;
}
