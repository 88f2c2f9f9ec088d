/** The store contract on the embedded engine, in memory: always runs, no setup needed. */
import { openDatabase } from '../../store/open.js';
import { describeStoreContract } from './contract.js';

describeStoreContract('store on PGlite (embedded, in memory)', async () => {
  const db = await openDatabase('pglite:');
  return { db, dispose: () => db.close() };
});
