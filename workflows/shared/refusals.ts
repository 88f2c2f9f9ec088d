/**
 * Turning domain refusals and zod errors into Temporal failures. A validator that throws rejects the
 * update before it enters history; the Vietnamese sentence is the failure message (shown on screen),
 * the English one travels in the details (for logs).
 */
import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import { Refusal } from '../../domain/nomination/refusal.js';
import { zodFallbackVN } from '../../domain/zod-vi.js';

export const ACTION_REFUSED = 'ActionRefused';

export function refusalFailure(refusal: Refusal): ApplicationFailure {
  return ApplicationFailure.create({
    type: ACTION_REFUSED,
    message: refusal.vi,
    details: [{ code: refusal.code, en: refusal.en }],
    nonRetryable: true,
  });
}

/** Parses input with a zod schema, or throws an ActionRefused failure listing the problems in Vietnamese. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  // A limit the schema gave no message of its own still reads in Vietnamese (the refusal is shown on screen).
  const result = schema.safeParse(raw, { error: zodFallbackVN });
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw refusalFailure(
    new Refusal(
      'invalid-input',
      `Dữ liệu không hợp lệ — ${problems.join('; ')}`,
      `invalid input: ${problems.join('; ')}`,
    ),
  );
}

/** Runs a domain check, converting a Refusal into the failure a client sees. */
export function asFailure<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof Refusal) throw refusalFailure(error);
    throw error;
  }
}
