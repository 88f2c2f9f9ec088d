/**
 * Opens the real dependencies of the activities from configuration (the database, migrated and seeded
 * with the demo organisation when empty; the SMTP transport; a Temporal client), with one close().
 */
import { Client, Connection } from '@temporalio/client';
import nodemailer from 'nodemailer';
import type { ActivityDeps } from '../activities/index.js';
import { connectPatiently } from '../client/lib/connect-patiently.js';
import { openMigratedDatabase, seedDemoData, type SqlDatabase } from '../store/index.js';
import type { AppConfig } from '../domain/config.js';
import { allHolidays } from '../domain/holidays.js';

export interface OpenedDeps {
  deps: ActivityDeps;
  db: SqlDatabase;
  client: Client;
  close(): Promise<void>;
}

export async function openActivityDeps(config: AppConfig): Promise<OpenedDeps> {
  const db = await openMigratedDatabase(config.DATABASE_URL);
  if (config.SEED_DEMO_DATA) {
    const seeded = await seedDemoData(db);
    if (seeded.seeded) console.log(`database: loaded the demo organisation (${seeded.directory.people} people)`);
  }
  const transport = nodemailer.createTransport({ host: config.SMTP_HOST, port: config.SMTP_PORT, secure: false });
  const connection = await connectPatiently(`Temporal at ${config.TEMPORAL_ADDRESS}`, () =>
    Connection.connect({ address: config.TEMPORAL_ADDRESS }),
  );
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  return {
    db,
    client,
    deps: {
      db,
      mail: { transport, from: config.MAIL_FROM },
      temporal: { client, taskQueue: config.TEMPORAL_TASK_QUEUE },
      publicUrl: config.PUBLIC_URL,
      holidays: allHolidays(),
    },
    close: async () => {
      transport.close();
      await connection.close();
      await db.close();
    },
  };
}
