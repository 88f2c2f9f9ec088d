/**
 * The nomination journey on the time-skipping server with the real worker, activities, database and SMTP.
 */
import { describe, expect, it } from 'vitest';
import { findByCaseKey } from '../../store/index.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import type { CaseWorld } from '../support/case-world.js';
import { withTimeSkippingWorld } from '../support/time-skipping-world.js';
import { journey } from '../support/journey.js';

let world: CaseWorld;

withTimeSkippingWorld((started) => ({ world } = started));

describe('nomination journey (time skipping)', () => {
  it('takes a Giấy khen for an individual from the unit to the commendation book', async () => {
    const draft = await world.draftFor({ awardCode: 'giay-khen', unitId: 'hd-kv2' });
    const handle = await world.startNomination({ unitId: 'hd-kv2', draft });

    const j = journey(world, handle);
    expect((await j.submit()).stage).toBe('cluster_review');
    await j.endorse();
    await j.verify();
    await j.voteAll('yes');
    const state = await handle.query(nominationStateQuery);
    expect(state.stage).toBe('leadership_approval');
    expect(state.tally?.passed).toBe(true);
    const approved = await j.approve();
    expect(approved.stage).toBe('awarded');

    const outcome = await handle.result();
    expect(outcome.stage).toBe('awarded');
    const row = await findByCaseKey(world.db, `${handle.workflowId}#award`);
    expect(row?.awardCode).toBe('giay-khen');
    expect(row?.personId).toBe(draft.nominee.personId);
    await world.mail.waitFor((m) => m.some((x) => x.subject.includes('Đã có quyết định khen thưởng')));
  });
});
