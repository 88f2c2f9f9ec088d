/** Refused staff actions as tests see them. */
import { WorkflowUpdateFailedError } from '@temporalio/client';

/** The Vietnamese message of an Update the workflow refused; fails the test if the action went through. */
export async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) return error.cause?.message ?? '';
    throw error;
  }
  throw new Error('expected the action to be refused');
}
