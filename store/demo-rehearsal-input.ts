/**
 * A rehearsal of the demo province's year: the 2025 plan moved to `year`, the demo directory's 20 units and 4
 * clusters, issued on 20/11 of the year before, both scenarios. What the rehearsal's test and its bench run, on a
 * private in-memory database so neither touches anyone's data.
 */
import { planForYear } from '../domain/plan-year/plan-run.js';
import { HAI_DUONG_2025 } from '../domain/plans/index.js';
import type { RehearsalInput } from '../domain/rehearsal/types.js';
import { migrate, openEmbeddedDatabase, seedDemoData } from './index.js';
import { lineupFromDirectory } from './plan-lineup.js';
import { rehearsalInput } from './plan-rehearsal-input.js';

export async function demoRehearsalInput(year: number): Promise<RehearsalInput> {
  const db = await openEmbeddedDatabase();
  try {
    await migrate(db);
    await seedDemoData(db);
    const { lineup } = await lineupFromDirectory(db, 2025, year);
    return await rehearsalInput(db, {
      plan: planForYear(HAI_DUONG_2025, year),
      clusters: lineup,
      issueDate: `${year - 1}-11-20`,
      scenarios: ['none_act', 'sample_late'],
    });
  } finally {
    await db.close();
  }
}
