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
  /** Tham mưu: the standing body's findings and proposed conclusion. */
  propose: defineUpdate<ComplaintResult, [z.input<typeof ComplaintActionSchemas.propose>]>('propose'),
  /** The conclusion: the leadership's (complaints filed before `propose`: the standing body's too). */
  resolve: defineUpdate<ComplaintResult, [z.input<typeof ComplaintActionSchemas.resolve>]>('resolve'),
};
export const complaintStateQuery = defineQuery<ComplaintState>('state');
