/** Messages of the quota ledger (one per unit and campaign). Shared by the workflow and its callers. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { NomineeSubject } from '../../domain/nomination/types.js';

export interface QuotaLedgerInput {
  unitId: string;
  campaignId: string;
  limits: Record<NomineeSubject, number>;
}

export interface Reservation {
  caseId: string;
  subject: NomineeSubject;
  at: string;
}

export interface QuotaLedgerState extends QuotaLedgerInput {
  reservations: Reservation[];
}

export interface ReserveResult {
  used: number;
  limit: number;
}

export interface ReserveRequest {
  caseId: string;
  subject: NomineeSubject;
}

export const reserveQuotaUpdate = defineUpdate<ReserveResult, [ReserveRequest]>('reserve');
export const releaseQuotaUpdate = defineUpdate<void, [{ caseId: string }]>('release');
export const quotaStateQuery = defineQuery<QuotaLedgerState>('state');

export function quotaLedgerId(campaignId: string, unitId: string): string {
  return `quota/${campaignId}/${unitId}`;
}
