/**
 * A movement over several movement years (`movement/<org>/<movement>`), started from movement data (e.g. seed
 * 001's VAN_HOA_CONG_SO_2019_2025) for the unit that carries it out. It sleeps until each review point (the end of
 * the review's movement year), opens that review's nomination campaign and tells the standing body and every
 * unit, with the due date and the movement's quotas; it ends after its last review. Years of sleep are a handful
 * of timers, so the history stays short and needs no continue-as-new.
 */
import { allHandlersFinished, condition, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { instantMs } from '../../domain/calendar.js';
import {
  initialMovementState,
  openReview,
  pendingReviews,
  type MovementStartInput,
  type MovementState,
} from '../../domain/plan-year/movement.js';
import { SA } from '../../domain/search-attributes.js';
import { nowIso } from '../shared/clock.js';
import { sendNotice, waitForChangeOr, yearActivities } from '../plan/shell.js';
import { movementCampaignsQuery, movementStateQuery } from './messages.js';

function publish(state: MovementState): void {
  const next = pendingReviews(state)[0];
  upsertSearchAttributes([
    { key: SA.kind, value: 'movement' },
    { key: SA.unit, value: state.orgUnitId },
    { key: SA.campaign, value: state.movement.id },
    { key: SA.status, value: next ? 'open' : 'closed' },
    { key: SA.stage, value: next?.review.id ?? 'done' },
    { key: SA.dueAt, value: next ? new Date(next.campaign.openedAt) : null },
  ]);
}

export async function movement(input: MovementStartInput): Promise<MovementState> {
  const context = await yearActivities.loadMovementContext({ orgUnitId: input.orgUnitId });
  const state = initialMovementState(input, context, nowIso());
  setHandler(movementStateQuery, () => state);
  setHandler(movementCampaignsQuery, () =>
    Object.values(state.campaigns).sort((a, b) => instantMs(a.openedAt) - instantMs(b.openedAt)),
  );
  publish(state);
  for (;;) {
    const next = pendingReviews(state)[0];
    if (!next) break;
    const now = nowIso();
    if (instantMs(now) < instantMs(next.campaign.openedAt)) {
      await waitForChangeOr(() => false, [next.campaign.openedAt]);
      continue;
    }
    const notice = openReview(state, next.review, next.campaign, now);
    publish(state);
    await sendNotice(notice);
  }
  await condition(allHandlersFinished);
  return state;
}
