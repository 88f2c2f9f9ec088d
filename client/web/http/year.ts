/** The plan year a page shows: `?nam=2026` (or a form's hidden `nam`), else the shipped plan's year. */
import { z } from 'zod';
import { HAI_DUONG_2025 } from '../../../domain/plans/index.js';

export function yearOf(raw: unknown): number {
  const text: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  if (typeof text === 'string' && /^\d{4}$/.test(text)) {
    const year = Number(text);
    if (year >= 2000 && year <= 2100) return year;
  }
  return HAI_DUONG_2025.year;
}

/** `nam` as a form or query field: never refused, a value out of range shows the shipped plan's year. */
// A preprocess, not `z.unknown().transform`: zod reads an absent key of an unknown() schema as a missing value.
export const yearField = z.preprocess(yearOf, z.number());
