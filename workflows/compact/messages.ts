/** The messages of a cluster's compact (`compact/<cluster>/<year>`). */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { z } from 'zod';
import type { CompactActionSchemas, CompactStage, CompactState } from '../../domain/plan-year/compact.js';

export { compactId } from '../../domain/plan-year/compact.js';

export interface CompactResult {
  workflowId: string;
  stage: CompactStage;
  signed: number;
  members: number;
}

export const compactUpdates = {
  draft: defineUpdate<CompactResult, [z.input<typeof CompactActionSchemas.draft>]>('draft'),
  sign: defineUpdate<CompactResult, [z.input<typeof CompactActionSchemas.sign>]>('sign'),
};
export const compactStateQuery = defineQuery<CompactState>('state');
