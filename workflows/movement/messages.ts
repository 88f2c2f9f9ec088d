/** The messages of a movement (`movement/<org>/<movement>`): its state and the campaigns its reviews opened. */
import { defineQuery } from '@temporalio/workflow';
import type { MovementCampaign, MovementState } from '../../domain/plan-year/movement.js';

export { movementWorkflowId } from '../../domain/plan-year/movement.js';

export const movementStateQuery = defineQuery<MovementState>('state');
/** Every campaign opened so far by the movement's reviews, soonest first. */
export const movementCampaignsQuery = defineQuery<MovementCampaign[]>('campaigns');
