/**
 * Everything a workflow test of nomination cases needs, all real: a Temporal server (time-skipping or the
 * dev server), the tdkt worker with the real activities, an embedded PostgreSQL (PGlite) loaded with the
 * demo organisation, and an SMTP server that receives the mails.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { createActivities, type Activities } from '../../activities/index.js';
import {
  getUserByUsername,
  migrate,
  openEmbeddedDatabase,
  peopleOfUnit,
  seedDemoData,
  type SqlDatabase,
} from '../../store/index.js';
import { importPlans } from '../../store/plan-import.js';
import { awardByCode, requiredDossierItems } from '../../domain/catalogue.js';
import { allHolidays } from '../../domain/holidays.js';
import type { Plan } from '../../domain/plan.js';
import type { NominationDraft, NominationStartInput } from '../../domain/nomination/types.js';
import type { Actor, ActingFor } from '../../domain/org.js';
import { nomination } from '../../workflows/index.js';
import { nominationId } from '../../workflows/nomination/messages.js';
import { bundleWorkflows, uniqueId } from '../harness/temporal.js';
import { startMailSink, type MailSink } from './mail-sink.js';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';
import { waitUntilReady } from '../../client/lib/cases.js';

export const PUBLIC_URL = 'http://tdkt.test';

export interface CaseWorld {
  env: TestWorkflowEnvironment;
  db: SqlDatabase;
  mail: MailSink;
  taskQueue: string;
  /** The activities the world's worker runs (wrapped, when the options wrap them). */
  activities: Activities;
  actor(username: string, actingFor?: ActingFor | null): Promise<Actor>;
  draftFor(input: {
    awardCode: string;
    unitId: string;
    subject?: 'individual' | 'collective';
    personIndex?: number;
  }): Promise<NominationDraft>;
  startNomination(
    input: Partial<NominationStartInput> & { draft: NominationDraft; unitId: string },
  ): ReturnType<typeof startCase>;
  close(): Promise<void>;
}

/** Issues year plans in the database as an imported, already issued document (no authoring checks to pass). */
export async function issueTestPlans(db: SqlDatabase, plans: readonly Plan[]): Promise<void> {
  await importPlans(
    db,
    plans.map((content) => ({
      kind: 'year' as const,
      content,
      issue: { number: `${content.year}/KH-TEST`, date: null, signer: 'Viện trưởng (thử nghiệm)' },
    })),
    'test-world',
  );
}

let sharedBundle: Awaited<ReturnType<typeof bundleWorkflows>> | undefined;

async function startCase(env: TestWorkflowEnvironment, taskQueue: string, input: NominationStartInput) {
  const handle = await env.client.workflow.start(nomination, {
    taskQueue,
    workflowId: nominationId(input.campaignId, input.unitId, uniqueId('n')),
    args: [input],
  });
  await waitUntilReady(handle);
  return handle;
}

export interface CaseWorldOptions {
  /** Year plans issued in the world's database (what a yearly Schedule may start); default: the shipped plans only. */
  plans?: readonly Plan[];
  /** How many workflows the worker keeps between tasks; 0 replays every task from the history (forced replay). */
  maxCachedWorkflows?: number;
  /** Wraps the real activities, e.g. to slow one down so that actions race it. */
  wrapActivities?: (activities: Activities) => Activities;
  /**
   * false: the world's worker runs the activities only, and the test runs (and kills) workflow workers of its own
   * with startWorkflowWorker(), as a crashed worker process would leave the cases.
   */
  workflowWorker?: boolean;
}

/**
 * A worker that runs the product's workflows, on the world's task queue (see CaseWorldOptions.workflowWorker), and
 * of the activities only the case index's write: it is a local activity, which Temporal runs on the worker that runs
 * the workflow, so a workflow worker without it fails every task that writes a row.
 */
export async function startWorkflowWorker(world: CaseWorld, options: { maxCachedWorkflows?: number } = {}) {
  sharedBundle ??= await bundleWorkflows(WORKFLOWS_PATH);
  const worker = await Worker.create({
    connection: world.env.nativeConnection,
    taskQueue: world.taskQueue,
    workflowBundle: sharedBundle,
    activities: {
      writeCaseIndex: (row: Parameters<Activities['writeCaseIndex']>[0]) => world.activities.writeCaseIndex(row),
    },
    // Local activities only: the world's own worker polls the activity tasks (and one process may not poll both).
    enableNonLocalActivities: false,
    ...options,
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}

export async function createCaseWorld(
  env: TestWorkflowEnvironment,
  options: CaseWorldOptions = {},
): Promise<CaseWorld> {
  const db = await openEmbeddedDatabase();
  await migrate(db);
  await seedDemoData(db);
  // The plans a Schedule may start are the issued ones in the database, as in production.
  if (options.plans) await issueTestPlans(db, options.plans);
  const mail = await startMailSink();
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: mail.port, secure: false });
  const taskQueue = uniqueId('cases');
  sharedBundle ??= await bundleWorkflows(WORKFLOWS_PATH);
  const activities = (options.wrapActivities ?? ((a: Activities) => a))(
    createActivities({
      db,
      mail: { transport, from: 'Hội đồng TĐKT <tdkt@vks-haiduong.test>' },
      temporal: { client: env.client, taskQueue },
      publicUrl: PUBLIC_URL,
      holidays: allHolidays(),
    }),
  );
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...(options.workflowWorker === false ? {} : { workflowBundle: sharedBundle }),
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    activities,
  });
  const running = worker.run();

  const actor = async (username: string, actingFor: ActingFor | null = null): Promise<Actor> => {
    const user = await getUserByUsername(db, username);
    if (!user) throw new Error(`no demo user ${username}`);
    return { userId: user.id, displayName: user.displayName, role: user.roles[0]!, unitId: user.unitId, actingFor };
  };

  return {
    env,
    db,
    mail,
    taskQueue,
    activities,
    actor,
    async draftFor({ awardCode, unitId, subject = 'individual', personIndex = 0 }) {
      const people = await peopleOfUnit(db, unitId);
      const person = people[personIndex];
      if (!person) throw new Error(`no person ${personIndex} in ${unitId}`);
      const award = awardByCode(awardCode);
      return {
        awardCode,
        nominee:
          subject === 'individual'
            ? { subject, personId: person.id, unitId, displayName: person.fullName }
            : { subject, personId: null, unitId, displayName: `Tập thể ${unitId}` },
        dossier: requiredDossierItems(award, subject).map((item) => ({
          code: item.code,
          title: item.label,
          reference: `HS-${item.code}`,
        })),
        achievements: 'Hoàn thành xuất sắc nhiệm vụ được giao.',
      };
    },
    startNomination: async (input) =>
      startCase(env, taskQueue, {
        campaignId: input.campaignId ?? uniqueId('camp'),
        ...(input.campaignClosesAt ? { campaignClosesAt: input.campaignClosesAt } : {}),
        year: input.year ?? 2025,
        track: input.track ?? 'regular',
        unitId: input.unitId,
        draft: input.draft,
        createdBy: input.createdBy ?? (await actor('vanthu.kv2')),
      }),
    async close() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      transport.close();
      await mail.close();
      await db.close();
    },
  };
}
