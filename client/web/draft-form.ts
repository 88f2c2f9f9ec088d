/**
 * The nomination draft form (new and edit) read into a NominationDraft: the fields an award and nominee need
 * (dossier references, declared criteria, the facts its eligibility standard reads), the nominee checked against
 * the unit, the result checked by the domain's DraftSchema; and, after a refusal, the values typed, for the form
 * to show again.
 */
import { z } from 'zod';
import {
  DECLARED_CRITERIA,
  declaredCriteriaFor,
  findAward,
  requiredDossierItems,
  type AwardEntry,
} from '../../domain/catalogue.js';
import { DraftSchema } from '../../domain/nomination/actions.js';
import { COLLECTIVE_FACT_LABELS } from '../../domain/nomination/facts.js';
import type { NominationDraft, NomineeSubject } from '../../domain/nomination/types.js';
import { getPerson, getUnit } from '../../store/directory.js';
import { badRequest, forbidden } from './errors.js';
import type { WebDeps } from './http/deps.js';
import { checkbox, issuePaths, issuesVN, list, parseForm, text, wholeNumber } from './http/form.js';

/** The facts fields the draft form shows for an award and nominee (what its eligibility standard reads). */
export function draftFactFields(award: AwardEntry, subject: NomineeSubject) {
  return {
    criteria: declaredCriteriaFor(award, subject).map((code) => ({ code, label: DECLARED_CRITERIA[code] })),
    /** The collective's headcount fields (name, label), or null when the standard does not read them. */
    collective:
      subject === 'collective' &&
      (award.standard === 'advanced_collective' || award.standard === 'excellent_collective')
        ? Object.entries(COLLECTIVE_FACT_LABELS).map(([name, label]) => ({ name, label }))
        : null,
    service: subject === 'individual' && award.standard === 'commemorative_medal',
    advancedWorker: subject === 'individual' && award.standard === 'advanced_worker',
  };
}

/** The new/edit form's fixed fields (`campaignId` and `track` only on the new form). */
export const draftBaseForm = parseForm(
  z.object({ awardCode: text, subject: text, personId: text, achievements: text, campaignId: text, track: text }),
  'draft form',
);

/**
 * The fields the form shows for this award and nominee: a reference per required dossier item, the declared
 * criteria, and the facts its eligibility standard reads (whole numbers and ticks).
 */
function draftDetailsForm(award: AwardEntry, subject: NomineeSubject) {
  const fields = draftFactFields(award, subject);
  const numbers = (names: string[]) => Object.fromEntries(names.map((name) => [name, wholeNumber]));
  return parseForm(
    z.object({
      criteria: list,
      ...Object.fromEntries(requiredDossierItems(award, subject).map((item) => [`doc_${item.code}`, text])),
      ...numbers(fields.collective?.map(({ name }) => name) ?? []),
      collectiveUnderReview: checkbox,
      ...numbers(['continuousServiceYears', 'monthsSinceRecruitment', 'leaveMonthsInYear']),
      disciplinedInYear: checkbox,
    }),
    'draft details',
  );
}

/** The declared criteria and the facts the form carries; a block left wholly empty is absent. */
function factsFromForm(
  typed: Record<string, unknown>,
  award: AwardEntry,
  subject: NomineeSubject,
): Partial<NominationDraft> {
  const fields = draftFactFields(award, subject);
  const chosen = typed.criteria as string[];
  const facts: Partial<NominationDraft> = {};
  if (fields.criteria.length > 0 || chosen.length > 0) facts.declaredCriteria = chosen;
  if (fields.collective) {
    const c = Object.fromEntries(fields.collective.map(({ name }) => [name, typed[name]]));
    if (Object.values(c).some((v) => v !== undefined))
      facts.collectiveFacts = { ...c, underReview: typed.collectiveUnderReview } as never;
  }
  if (fields.service || fields.advancedWorker) {
    const p = {
      continuousServiceYears: fields.service ? typed.continuousServiceYears : undefined,
      monthsSinceRecruitment: fields.advancedWorker ? typed.monthsSinceRecruitment : undefined,
      leaveMonthsInYear: fields.advancedWorker ? typed.leaveMonthsInYear : undefined,
      disciplinedInYear: fields.advancedWorker ? typed.disciplinedInYear : undefined,
    };
    const given = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== false));
    if (Object.keys(given).length > 0) facts.personFacts = given;
  }
  return facts;
}

/** Builds a draft from the new/edit form, checking the nominee belongs to the unit. */
export async function draftFromForm(deps: WebDeps, unitId: string, body: unknown): Promise<NominationDraft> {
  const { awardCode, subject: subjectField, personId, achievements } = draftBaseForm(body);
  const award = findAward(awardCode);
  if (!award || !award.nominable) throw badRequest('Chưa chọn hình thức khen thưởng hợp lệ.', 'unknown award');
  const subject: NomineeSubject = subjectField === 'collective' ? 'collective' : 'individual';
  let nominee: NominationDraft['nominee'];
  if (subject === 'individual') {
    const person = await getPerson(deps.db, personId);
    if (!person) throw badRequest('Cần chọn cá nhân được đề nghị.', 'no person');
    if (person.unitId !== unitId) throw forbidden('Chỉ được đề nghị người của đơn vị mình.', 'person of another unit');
    nominee = { subject, personId: person.id, unitId, displayName: person.fullName };
  } else {
    const unit = await getUnit(deps.db, unitId);
    nominee = { subject, personId: null, unitId, displayName: unit ? `Tập thể ${unit.name}` : `Tập thể ${unitId}` };
  }
  const typed = draftDetailsForm(award, subject)(body) as Record<string, unknown>;
  const dossier = requiredDossierItems(award, subject)
    .map((item) => ({ code: item.code, title: item.label, reference: typed[`doc_${item.code}`] as string }))
    .filter((d) => d.reference !== '');
  const parsed = DraftSchema.safeParse({
    awardCode,
    nominee,
    dossier,
    achievements,
    ...factsFromForm(typed, award, subject),
  });
  // issuesVN: a limit without a message of its own reads in Vietnamese too, never zod's English default.
  if (!parsed.success) throw badRequest(issuesVN(parsed.error), `invalid draft: ${issuePaths(parsed.error)}`);
  return parsed.data;
}

/** Every field of a refused draft form as typed (text, the ticked criteria), to show the form again with it. */
const typedDraftForm = parseForm(z.object({ criteria: list }).catchall(text), 'typed draft');

/** What the form shows from a refused POST: the values typed, in the shape the template reads from a draft. */
export function typedDraftView(body: unknown, award: AwardEntry, subject: NomineeSubject) {
  const typed = typedDraftForm(body) as Record<string, string> & { criteria: string[] };
  const fields = draftFactFields(award, subject);
  const given = (names: string[]) => Object.fromEntries(names.map((name) => [name, typed[name] ?? '']));
  return {
    draft: {
      declaredCriteria: typed.criteria,
      collectiveFacts: {
        ...given(fields.collective?.map(({ name }) => name) ?? []),
        underReview: typed.collectiveUnderReview === 'on',
      },
      personFacts: {
        ...given(['continuousServiceYears', 'monthsSinceRecruitment', 'leaveMonthsInYear']),
        disciplinedInYear: typed.disciplinedInYear === 'on',
      },
    },
    references: Object.fromEntries(
      requiredDossierItems(award, subject).map((item) => [item.code, typed[`doc_${item.code}`] ?? '']),
    ),
    personId: typed.personId ?? null,
    achievements: typed.achievements ?? '',
    track: typed.track === 'ad_hoc' ? 'ad_hoc' : 'regular',
  };
}
