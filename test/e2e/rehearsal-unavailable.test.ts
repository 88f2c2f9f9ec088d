/**
 * A web server whose machine cannot rehearse (no Java time-skipping server): pressing "Diễn tập" shows the
 * rehearsal process's Vietnamese reason on the drafting page (503), keeps the typed date, and changes nothing. The
 * process is the real one (client/lib/rehearsal.ts starting rehearsal/main.ts), told of a test server path that
 * does not exist, as on a production machine without `npm run tools`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RehearsalFailedError, rehearseInOwnProcess } from '../../client/lib/rehearsal.js';
import { getPlanOfYear } from '../../store/plans.js';
import { Agent, startWebWorld, type WebWorld } from './web-support.js';

const NO_JAVA = { TEMPORAL_TEST_SERVER_PATH: '/nonexistent/temporal-test-server' };
const YEAR = 2090 + Math.floor(Math.random() * 9);
let w: WebWorld;

beforeAll(async () => {
  w = await startWebWorld({ rehearse: (input) => rehearseInOwnProcess(input, { env: NO_JAVA }) });
});
afterAll(async () => {
  await w?.close();
});

describe('a rehearsal where the test server is missing', () => {
  it(
    'says why in Vietnamese on the drafting page, keeps the typed date and saves nothing',
    { timeout: 120_000 },
    async () => {
      const standing = await Agent.as(w.app, 'thuongtruc');
      await standing.get(`/ke-hoach/soan-thao?nam=${YEAR}`);
      expect((await standing.post('/ke-hoach/soan-thao/tao', { nam: String(YEAR) })).statusCode).toBe(303);
      const before = (await getPlanOfYear(w.world.db, 'hd', YEAR))!.draft!;
      await standing.get(`/ke-hoach/soan-thao?nam=${YEAR}`);
      const res = await standing.post('/ke-hoach/soan-thao/dien-tap', {
        nam: String(YEAR),
        ngay_ban_hanh: `20/11/${YEAR - 1}`,
      });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('Máy chủ chưa cài công cụ diễn tập');
      expect(res.body).toContain(`value="20/11/${YEAR - 1}"`);
      expect((await getPlanOfYear(w.world.db, 'hd', YEAR))!.draft!.revision).toBe(before.revision);
      // No result was kept: the calendar page has nothing to show.
      expect((await standing.get(`/ke-hoach/soan-thao/dien-tap?nam=${YEAR}`)).body).toContain(
        'Chưa diễn tập dự thảo này',
      );
    },
  );

  it('answers the caller with the reason, in Vietnamese and in English', { timeout: 120_000 }, async () => {
    const error = await rehearseInOwnProcess(
      { plan: null, context: null, people: [], issueDate: '2090-01-01', scenarios: [] } as never,
      { env: NO_JAVA },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RehearsalFailedError);
    expect((error as RehearsalFailedError).vi).toContain('Máy chủ chưa cài công cụ diễn tập');
    expect((error as RehearsalFailedError).message).toContain('no Java time-skipping test server');
  });
});
