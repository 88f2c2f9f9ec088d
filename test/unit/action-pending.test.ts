/** What a person reads when an action gets no answer: a slow Update, or a case whose workflow task is retrying. */
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { ActionPendingError, toActionPending, updateIdOf } from '../../client/lib/cases.js';

describe('toActionPending', () => {
  it('says "đang xử lý" for an Update whose answer did not come in time', () => {
    const pending = toActionPending(new WorkflowUpdateRPCTimeoutOrCancelledError('deadline exceeded'));
    expect(pending).toBeInstanceOf(ActionPendingError);
    expect(pending).toMatchObject({ code: 'pending' });
    expect(pending!.vi).toContain('đang được xử lý');
  });

  it("translates the server's refusal while a workflow task is being retried; nothing was applied", () => {
    const grpc = Object.assign(
      new Error(
        '9 FAILED_PRECONDITION: Unable to perform workflow execution update due to Workflow Task in failed state.',
      ),
      { code: 9 },
    );
    const pending = toActionPending(new ServiceError('Workflow Update failed', { cause: grpc }));
    expect(pending).toMatchObject({ code: 'case-retrying' });
    expect(pending!.vi).toContain('chưa được ghi nhận');
    expect(pending!.en).toContain('failed state');
  });

  it('leaves every other error alone', () => {
    expect(
      toActionPending(new ServiceError('Workflow Update failed', { cause: new Error('14 UNAVAILABLE') })),
    ).toBeNull();
    expect(toActionPending(new Error('boom'))).toBeNull();
  });
});

describe('updateIdOf', () => {
  it("ties a form's key to its action, so one key never answers for another action", () => {
    expect(updateIdOf('submit', 'abcdef12-3456')).toBe('submit:abcdef12-3456');
    expect(updateIdOf('submit', 'abcdef12')).not.toBe(updateIdOf('withdraw', 'abcdef12'));
  });

  it('refuses a key a form could not have made', () => {
    for (const bad of ['', 'short', 'has space 123', 'x'.repeat(65), '../../etc'])
      expect(() => updateIdOf('submit', bad), bad).toThrow(/invalid request id/);
  });
});
