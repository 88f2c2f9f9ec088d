/** Messages of the quota ledger (one per unit and campaign). Shared by the workflow and its callers. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { formatDateVN } from '../../domain/calendar.js';
import { Refusal } from '../../domain/nomination/refusal.js';
import type { NomineeSubject } from '../../domain/nomination/types.js';

export interface QuotaLedgerInput {
  unitId: string;
  campaignId: string;
  limits: Record<NomineeSubject, number>;
  /**
   * The instant the campaign stops taking nominations (ISO). After it the ledger refuses new places and ends once no
   * case holds an unsettled one. Null or absent: not known (ledgers started before it was kept), the ledger stays.
   */
  closesAt?: string | null;
}

export interface Reservation {
  caseId: string;
  subject: NomineeSubject;
  at: string;
  /** When the place became final (the case was awarded): still counted, no longer held. Absent while held. */
  settledAt?: string;
}

export interface QuotaLedgerState extends QuotaLedgerInput {
  reservations: Reservation[];
  /** When the ledger closed (its campaign's closing instant passed); null or absent while open. */
  closedAt?: string | null;
}

export interface ReserveResult {
  used: number;
  limit: number;
}

export interface ReserveRequest {
  caseId: string;
  subject: NomineeSubject;
  /** The campaign's closing instant as the case knows it: a ledger started before it was kept learns it here. */
  closesAt?: string | null;
}

export const reserveQuotaUpdate = defineUpdate<ReserveResult, [ReserveRequest]>('reserve');
export const releaseQuotaUpdate = defineUpdate<void, [{ caseId: string }]>('release');
/** The case's place is final (awarded): it stays counted, but no longer keeps the ledger open. */
export const settleQuotaUpdate = defineUpdate<void, [{ caseId: string }]>('settle');
export const quotaStateQuery = defineQuery<QuotaLedgerState>('state');

export function quotaLedgerId(campaignId: string, unitId: string): string {
  return `quota/${campaignId}/${unitId}`;
}

/**
 * Why a place is refused once the campaign has closed: said by the ledger while it runs, and by the reserving
 * activity when the ledger has already ended (one sentence for both).
 */
export function ledgerClosedRefusal(closesAt: string | null | undefined): Refusal {
  const when = closesAt ? ` ngày ${formatDateVN(closesAt)}` : '';
  return new Refusal(
    'quota-closed',
    `Đợt đề nghị khen thưởng đã kết thúc${when}: sổ chỉ tiêu của đợt đã đóng, không nhận thêm hồ sơ trình.`,
    `the campaign's quota ledger is closed${closesAt ? ` (closed at ${closesAt})` : ''}`,
  );
}

/**
 * Why a place is refused when the ledger ended without closing (an operator terminated it, or it failed): not the
 * campaign's end, and not for the staff to fix.
 */
export function ledgerUnavailableRefusal(status: string): Refusal {
  return new Refusal(
    'quota-ledger-ended',
    'Sổ chỉ tiêu của đợt không sẵn sàng, đề nghị liên hệ quản trị hệ thống.',
    `the campaign's quota ledger ended without closing (${status})`,
  );
}
