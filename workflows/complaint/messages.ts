/** The messages of a complaint (`complaint/<id>`). */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { z } from 'zod';
import type { ComplaintActionSchemas, ComplaintState } from '../../domain/plan-year/complaint.js';

export { complaintId } from '../../domain/plan-year/complaint.js';

export interface ComplaintResult {
  workflowId: string;
  stage: ComplaintState['stage'];
  held: boolean;
}

export const complaintUpdates = {
  hold_case: defineUpdate<ComplaintResult, [z.input<typeof ComplaintActionSchemas.hold_case>]>('hold_case'),
  resolve: defineUpdate<ComplaintResult, [z.input<typeof ComplaintActionSchemas.resolve>]>('resolve'),
};
export const complaintStateQuery = defineQuery<ComplaintState>('state');
