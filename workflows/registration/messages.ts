/** The messages of a unit's registration of titles (`registration/<unit>/<year>`). */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { z } from 'zod';
import type {
  RegistrationActionSchemas,
  RegistrationState,
  RegistrationStatus,
} from '../../domain/plan-year/registration.js';

export { registrationId } from '../../domain/plan-year/registration.js';

export interface RegistrationResult {
  workflowId: string;
  status: RegistrationStatus;
  dueAt: string;
  amendments: number;
}

export const registrationUpdates = {
  save_draft: defineUpdate<RegistrationResult, [z.input<typeof RegistrationActionSchemas.save_draft>]>('save_draft'),
  register: defineUpdate<RegistrationResult, [z.input<typeof RegistrationActionSchemas.register>]>('register'),
};
export const registrationStateQuery = defineQuery<RegistrationState>('state');
