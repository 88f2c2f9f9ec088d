/**
 * Rebuilds the case index from Temporal (issue 13): `npm run index:rebuild [-- --empty-first]`.
 *
 * Lists every case by visibility, reads each one's state and writes its row (client/lib/case-index-rebuild.ts).
 * Safe while the app runs against PostgreSQL (newer rows written by the cases win). For the embedded default, stop
 * `npm start` first: the embedded database has one owner at a time. DATABASE_URL, TEMPORAL_ADDRESS and
 * TEMPORAL_NAMESPACE select the database and the server, as for the app; a worker must be running to answer the
 * cases' queries.
 */
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { parseConfig } from '../domain/config.js';
import { rebuildCaseIndex } from '../client/lib/case-index-rebuild.js';
import { clearCaseIndex } from '../store/case-index.js';
import { openMigratedDatabase } from '../store/open.js';

const { values } = parseArgs({ options: { 'empty-first': { type: 'boolean', default: false } } });
const config = parseConfig(process.env);
const db = await openMigratedDatabase(config.DATABASE_URL);
const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
try {
  if (values['empty-first']) await clearCaseIndex(db);
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const report = await rebuildCaseIndex({ client, db }, { log: (line) => console.log(line) });
  for (const { caseId, error } of report.unreadable) console.error(`unreadable: ${caseId}: ${error}`);
  if (report.unreadable.length > 0) process.exitCode = 1;
} finally {
  await connection.close();
  await db.close();
}
