/**
 * Frees the places that closed quota ledgers still hold for cases already awarded or ended (issue #14):
 * `npm run quota:reconcile [-- --campaign <id>]`. Needed once for ledgers that closed on code older than their daily
 * check; harmless to run again. TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE select the server, as for the app; a worker
 * must be running to answer the ledgers' and cases' queries.
 */
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { parseConfig } from '../domain/config.js';
import { reconcileClosedLedgers } from '../client/lib/quota-reconcile.js';

const { values } = parseArgs({ options: { campaign: { type: 'string' } } });
const config = parseConfig(process.env);
const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
try {
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const report = await reconcileClosedLedgers(client, {
    ...(values.campaign ? { campaignId: values.campaign } : {}),
    log: (line) => console.log(line),
  });
  console.log(`${report.length} closed ledger(s) with held places checked`);
} finally {
  await connection.close();
}
