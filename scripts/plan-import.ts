/**
 * Imports plan documents into the app's database (issue 11):
 *
 *   node --import tsx scripts/plan-import.ts <plans.json|plans.yaml> [--as <user id>]
 *
 * For the embedded default, stop `npm start` first (the embedded database has one owner at a time). Plans that
 * are already there are left as they are; issued documents are recorded as issued, the others as drafts for
 * the standing body to confirm and issue. DATABASE_URL selects the database, as for the app.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openMigratedDatabase } from '../store/open.js';
import { parsePlanImportFile } from '../store/plan-import-file.js';
import { PLAN_IMPORT_ACTOR, importPlans } from '../store/plan-import.js';
import { parseConfig } from '../domain/config.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { as: { type: 'string' } } });
const file = positionals[0];
if (!file) {
  console.error('usage: node --import tsx scripts/plan-import.ts <plans.json|plans.yaml> [--as <user id>]');
  process.exit(2);
}
try {
  const documents = parsePlanImportFile(readFileSync(file, 'utf8'), file);
  const db = await openMigratedDatabase(parseConfig(process.env).DATABASE_URL);
  try {
    const report = await importPlans(db, documents, values.as ?? PLAN_IMPORT_ACTOR);
    console.log(
      `plans: imported ${report.imported.join(', ') || 'none'}; already there: ${report.existing.join(', ') || 'none'}`,
    );
  } finally {
    await db.close();
  }
} catch (error) {
  // The refusals are Vietnamese and name what to fix: say them plainly, without a stack.
  console.error(`plans: nothing imported: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
