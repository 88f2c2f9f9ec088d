/**
 * Imports the organisation's directory from a file, for a first install where nobody can sign in yet
 * (docs/getting-started.md): `npm run directory:import -- <directory.json> [--dry-run]`, or one CSV file per kind,
 * `npm run directory:import -- units.csv --kind units` (the header rows `/quan-tri/danh-ba` shows). Every row is
 * checked first, by the same rules as that page (client/web/directory-import.ts); with one error nothing is
 * written. For the embedded default, stop `npm start` first (one owner at a time). DATABASE_URL selects the
 * database, as for the app.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseConfig } from '../domain/config.js';
import { prepareImport } from '../client/web/directory-import.js';
import { importDirectory } from '../store/directory.js';
import { openMigratedDatabase } from '../store/open.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { kind: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file) {
  console.error(
    'usage: npm run directory:import -- <directory.json | file.csv --kind units|people|users|clusters> [--dry-run]',
  );
  process.exit(2);
}
const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
const db = await openMigratedDatabase(parseConfig(process.env).DATABASE_URL);
try {
  const report = await prepareImport(db, {
    format,
    ...(values.kind ? { kind: values.kind } : {}),
    text: readFileSync(file, 'utf8'),
  });
  // The rows' errors are Vietnamese and name the row: say them plainly, one a line.
  for (const error of report.errors) console.error(error);
  if (report.errors.length > 0) {
    console.error(`directory: nothing imported (${report.errors.length} error(s))`);
    process.exitCode = 1;
  } else if (values['dry-run']) {
    console.log(`directory: dry run, nothing written; would import ${JSON.stringify(report.counts)}`);
  } else {
    const counts = await importDirectory(db, report.data);
    console.log(`directory: imported ${JSON.stringify(counts)}`);
  }
} finally {
  await db.close();
}
