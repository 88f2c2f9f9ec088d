/**
 * runRehearsal (rehearsal/run.ts) in process on the demo organisation (20 units, 4 clusters) and the 2025 plan
 * moved to next year, both scenarios on their own time-skipping servers: scenario A's registration reminders and
 * escalations, checked unit by unit against instants the test computes itself from the plan's offsets (data);
 * scenario B's sample acted through the real Updates, all taken, and nothing is escalated about it. Instants are
 * compared to the minute: a notice records when its workflow sent it, a few milliseconds after its timer.
 */
import { inject, describe, expect, it } from 'vitest';
import { sampleUnitIds } from '../../domain/rehearsal/index.js';
import { runRehearsal } from '../../rehearsal/run.js';
import { demoRehearsalInput } from '../../store/demo-rehearsal-input.js';
import { bundleWorkflows } from '../harness/temporal.js';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';

const HOUR = 3_600_000;

describe('a rehearsed provincial year', () => {
  it(
    'sends scenario A every reminder and escalation, and spares scenario B’s late sample the escalations',
    { timeout: 300_000 },
    async () => {
      const year = new Date(Date.now() + 7 * HOUR).getUTCFullYear() + 2;
      const input = await demoRehearsalInput(year);
      expect(input.context.units).toHaveLength(20);
      expect(input.context.clusters).toHaveLength(4);
      const result = await runRehearsal(input, {
        testServerPath: inject('testServerPath'),
        workflowBundle: await bundleWorkflows(WORKFLOWS_PATH),
      });
      const [a, b] = result.scenarios;
      expect([a!.scenario, b!.scenario]).toEqual(['none_act', 'sample_late']);

      // The oracle: the end of the due day in Vietnam plus each offset.
      const due = input.plan.deadlines.find((d) => d.kind === 'registration')!;
      const offsets = due.reminders ?? input.plan.reminders;
      const endOfDue = Date.UTC(due.date.year, due.date.month - 1, due.date.day + 1) - 7 * HOUR;
      const at = (o: { days: number; hours?: number }) =>
        new Date(endOfDue + (o.days * 24 + (o.hours ?? 0)) * HOUR).toISOString().slice(0, 16);
      const registration = (s: typeof a, unitId: string, kind: 'reminder' | 'escalation') =>
        s!.notices
          .filter((n) => n.series === 'registration' && n.kind === kind && n.aboutUnitId === unitId)
          .map((n) => n.at.slice(0, 16));
      for (const u of input.context.units) {
        expect(registration(a, u.id, 'reminder'), u.id).toEqual(offsets.reminders.map(at));
        expect(registration(a, u.id, 'escalation'), u.id).toEqual(offsets.escalations.map(at));
      }
      const escalation = a!.notices.find((n) => n.kind === 'escalation' && n.series === 'registration')!;
      expect(
        escalation.recipients
          .map((r) => r.unitId)
          .every((id) => [input.context.council.unitId, input.context.council.secretariatUnitId].includes(id)),
      ).toBe(true);
      expect(escalation.recipients.length).toBeGreaterThan(0);

      // Scenario B: the sample acted at noon on the due day (after every reminder), each Update taken.
      expect(b!.actions.length).toBeGreaterThan(0);
      expect(b!.actions.filter((x) => !x.ok)).toEqual([]);
      const sample = sampleUnitIds(input.context);
      for (const u of input.context.units) {
        expect(registration(b, u.id, 'reminder'), u.id).toEqual(offsets.reminders.map(at));
        expect(registration(b, u.id, 'escalation'), u.id).toEqual(
          sample.includes(u.id) ? [] : offsets.escalations.map(at),
        );
      }
    },
  );
});
