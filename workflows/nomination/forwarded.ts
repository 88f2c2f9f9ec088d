/**
 * The linked case at the higher level (e.g. the Supreme Procuracy) for an award the provincial level
 * cannot decide. It waits for that level's decision and returns it to the original case.
 */
import { condition, defineQuery, defineUpdate, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { z } from 'zod';
import { ActorSchema } from '../../domain/nomination/actions.js';
import { refuse } from '../../domain/nomination/refusal.js';
import { SA } from '../../domain/search-attributes.js';
import type { Actor } from '../../domain/org.js';
import { nowIso } from '../shared/clock.js';
import { asFailure, parseOrRefuse } from '../shared/refusals.js';

export interface ForwardedCaseInput {
  originalCaseId: string;
  fromUnitId: string;
  toUnitId: string;
  awardCode: string;
  year: number;
  campaignId: string;
  decisionNumber: string;
}

export interface ForwardedOutcome {
  outcome: 'approved' | 'rejected';
  detail: string;
  /** The decision, when approved (absent in results of linked cases that ended before it was returned). */
  decision?: { number: string; date: string } | null;
  decidedBy: Actor;
  at: string;
}

export const DecideSchema = z.lazy(() =>
  z.object({
    actor: ActorSchema,
    outcome: z.enum(['approved', 'rejected']),
    decisionNumber: z.string().trim().max(64).optional(),
    decisionDate: z.iso.date().optional(),
    reason: z.string().trim().max(2000).optional(),
  }),
);

export const decideForwardedUpdate = defineUpdate<ForwardedOutcome, [z.input<typeof DecideSchema>]>('decide');
export const forwardedStateQuery = defineQuery<{ input: ForwardedCaseInput; outcome: ForwardedOutcome | null }>(
  'state',
);

export async function forwardedCase(input: ForwardedCaseInput): Promise<ForwardedOutcome> {
  let outcome: ForwardedOutcome | null = null;
  upsertSearchAttributes([
    { key: SA.kind, value: 'forwarded' },
    { key: SA.unit, value: input.fromUnitId },
    { key: SA.campaign, value: input.campaignId },
    { key: SA.year, value: input.year },
    { key: SA.awardForm, value: input.awardCode },
    { key: SA.stage, value: 'awaiting_decision' },
    { key: SA.status, value: 'open' },
    { key: SA.waitingRole, value: 'council_secretary' },
    { key: SA.waitingUnit, value: input.toUnitId },
  ]);

  const check = (raw: unknown) => {
    const decision = parseOrRefuse(DecideSchema, raw);
    asFailure(() => {
      if (outcome) refuse('decided', 'Cấp trên đã có quyết định cho hồ sơ này.', 'forwarded case already decided');
      if (
        !['leadership', 'council_secretary'].includes(decision.actor.role) ||
        decision.actor.unitId !== input.toUnitId
      ) {
        refuse(
          'wrong-unit',
          'Chỉ cấp có thẩm quyền quyết định mới được nhập kết quả.',
          `only ${input.toUnitId} may decide`,
        );
      }
      if (decision.outcome === 'approved' && (!decision.decisionNumber || !decision.decisionDate)) {
        refuse('decision-required', 'Cần nhập số và ngày quyết định.', 'approval needs decision number and date');
      }
      if (decision.outcome === 'rejected' && !decision.reason)
        refuse('reason-required', 'Cần nhập lý do.', 'rejection needs a reason');
    });
    return decision;
  };
  setHandler(
    decideForwardedUpdate,
    (raw) => {
      const d = check(raw);
      outcome = {
        outcome: d.outcome,
        detail: d.outcome === 'approved' ? `${d.decisionNumber} (${d.decisionDate})` : d.reason!,
        decision: d.outcome === 'approved' ? { number: d.decisionNumber!, date: d.decisionDate! } : null,
        decidedBy: d.actor,
        at: nowIso(),
      };
      return outcome;
    },
    { validator: (raw) => void check(raw) },
  );
  setHandler(forwardedStateQuery, () => ({ input, outcome }));

  await condition(() => outcome !== null);
  upsertSearchAttributes([
    { key: SA.stage, value: 'decided' },
    { key: SA.status, value: 'closed' },
    { key: SA.waitingRole, value: null },
    { key: SA.waitingUnit, value: null },
  ]);
  return outcome!;
}
