/** The messages of the year's advanced models (`advanced-model/<org>/<year>`), a child of the plan. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { z } from 'zod';
import type { AdvancedModelActionSchemas, AdvancedModelState } from '../../domain/plan-year/advanced-model.js';

export { advancedModelId } from '../../domain/plan-year/advanced-model.js';

export interface AdvancedModelResult {
  workflowId: string;
  proposals: number;
  selected: number | null;
}

export const advancedModelUpdates = {
  propose: defineUpdate<AdvancedModelResult, [z.input<typeof AdvancedModelActionSchemas.propose>]>('propose'),
  select: defineUpdate<AdvancedModelResult, [z.input<typeof AdvancedModelActionSchemas.select>]>('select'),
  /** The standing body or the leadership sends the recorded result on to the higher level. */
  send_on: defineUpdate<AdvancedModelResult, [z.input<typeof AdvancedModelActionSchemas.send_on>]>('send_on'),
};
export const advancedModelStateQuery = defineQuery<AdvancedModelState>('state');
