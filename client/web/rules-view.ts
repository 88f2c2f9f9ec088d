/**
 * What the rules page (/quan-tri/quy-tac) shows: the rules a unit meets first — the proposal quota and its "at
 * least one" exception, with the sentence a unit of 3 collectives is told — and the awards whose criteria are not
 * confirmed, then every rule-set version with each parameter, its source and its "Cần xác nhận" flag. The values
 * are read from the rule sets and the catalogue, never restated here.
 */
import { AWARDS } from '../../domain/catalogue.js';
import { zeroQuotaReason } from '../../domain/quota.js';
import { parametersNeedingConfirmation, RULE_SETS, ruleSetFor } from '../../domain/rules/index.js';
import type { RuleParameterKey, RuleSet } from '../../domain/rules/types.js';

function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if ('numerator' in v && 'denominator' in v) return `${String(v.numerator)}/${String(v.denominator)}`;
    return JSON.stringify(value);
  }
  return String(value);
}

function parameterRow(rs: RuleSet, key: RuleParameterKey) {
  const p = rs.parameters[key];
  return {
    key,
    value: describeValue(p.value),
    description: p.description,
    source: p.source,
    needsConfirmation: p.needsConfirmation,
  };
}

/** The quota's parameters, in the order a unit meets them. */
const QUOTA_KEYS = [
  'quota.collectiveShare',
  'quota.individualShare',
  'quota.rounding',
  'quota.minimumOne',
] as const satisfies readonly RuleParameterKey[];

export function rulesPageModel(now: string) {
  const current = ruleSetFor(now);
  return {
    current: {
      id: current.id,
      title: current.title,
      quota: QUOTA_KEYS.map((key) => parameterRow(current, key)),
      // What a regional unit of three collectives is told on its draft form, under the rules in force.
      quotaExample: zeroQuotaReason({ id: 'vi-du', staffCount: 30, collectiveCount: 3 }, 'collective', current),
    },
    awardsToConfirm: AWARDS.filter((a) => a.unconfirmedCriteria).map((a) => ({
      code: a.code,
      name: a.name,
      decidedBy: a.decidedBy,
      note: a.unconfirmedCriteria!,
      legalBasis: a.legalBasis,
    })),
    sets: RULE_SETS.map((rs) => ({
      id: rs.id,
      version: rs.version,
      title: rs.title,
      effectiveFrom: rs.effectiveFrom,
      legalBasis: rs.legalBasis,
      changes: rs.changes,
      flaggedCount: parametersNeedingConfirmation(rs).length,
      parameters: (Object.keys(rs.parameters) as RuleParameterKey[]).map((key) => parameterRow(rs, key)),
    })),
  };
}
