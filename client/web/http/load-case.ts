/** A nomination by the id in a URL, or the "no such case" page: shared by the case pages and the admin's. */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { NominationState } from '../../../domain/nomination/types.js';
import type { CasesClient } from '../../lib/cases.js';
import { notFound } from '../errors.js';

export async function loadCase(cases: CasesClient, caseId: string): Promise<NominationState> {
  // Only nominations have case pages: any other workflow id (a ledger, a plan) is not a case here.
  if (!caseId.startsWith('nomination/')) throw notFound('Hồ sơ');
  try {
    return await cases.getCase(caseId);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError || (error as { name?: string }).name === 'WorkflowNotFoundError')
      throw notFound('Hồ sơ');
    throw error;
  }
}
