/**
 * Activities of the year's plan and its cases: the organisation facts a plan needs, the mails, reading the
 * members' registrations for a compact, and acting on a nomination for a complaint (the book row is revoked by
 * revokeBookEntry, which index.ts points at the cases' revokeAward).
 * Built from injected dependencies and the mailer (createPlanActivities), like every activity factory.
 */
import { ApplicationFailure, WorkflowIdReusePolicy, defaultPayloadConverter } from '@temporalio/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { Actor } from '../domain/org.js';
import type { NoticeDraft } from '../domain/plan-year/common.js';
import type { MovementContext } from '../domain/plan-year/movement.js';
import type { Plan } from '../domain/plan.js';
import type { PlanYearContext } from '../domain/plan-year/plan-run.js';
import { registrationDigest, registrationId, type RegistrationDigest } from '../domain/plan-year/registration.js';
import { actionUpdates, nominationStateQuery, type NominationOutcome } from '../workflows/nomination/messages.js';
import { registrationStateQuery } from '../workflows/registration/messages.js';
import type { CaseActivityDeps } from './cases.js';
import type { SendMail } from './mail.js';
import { mailMessageId, mailThreadId } from './mail-body.js';
import { renderYearNotice } from './plan-templates.js';
import { resolveEmails } from './recipients.js';
import { clusterHeadsForYear, getCluster, getCouncil, getUnit, listClusters, listUnits } from '../store/index.js';
import { issuedYearPlan } from '../store/plans.js';

function notFound(message: string): never {
  throw ApplicationFailure.nonRetryable(message, 'NotFound');
}

export type PlanActivityDeps = CaseActivityDeps;

export function createPlanActivities(deps: PlanActivityDeps, sendMail: SendMail) {
  const { db } = deps;
  const client = () => deps.temporal.client;

  return {
    /**
     * The council, the clusters (with their head unit for the year) and the units a plan concerns: the clusters'
     * members, and the issuing unit itself when the plan covers the whole organisation.
     */
    async loadPlanYear(input: {
      orgUnitId: string;
      year: number;
      councilUnitId: string;
      clusterIds: string[] | null;
    }): Promise<PlanYearContext> {
      const org =
        (await getUnit(db, input.orgUnitId)) ?? notFound(`Không tìm thấy đơn vị ban hành kế hoạch ${input.orgUnitId}`);
      const council =
        (await getCouncil(db, input.councilUnitId)) ??
        notFound(`Chưa có Hội đồng TĐKT của đơn vị ${input.councilUnitId}`);
      const clusters = input.clusterIds
        ? await Promise.all(
            input.clusterIds.map(
              async (id) => (await getCluster(db, id)) ?? notFound(`Không tìm thấy cụm, khối thi đua ${id}`),
            ),
          )
        : await listClusters(db);
      const out: PlanYearContext = {
        council: { unitId: council.unitId, secretariatUnitId: council.secretariatUnitId },
        orgName: org.name,
        units: [],
        clusters: [],
      };
      for (const cluster of clusters) {
        const heads = await clusterHeadsForYear(db, cluster.id, input.year);
        if (!heads) notFound(`Chưa xác định đơn vị cụm trưởng, khối trưởng năm ${input.year} của ${cluster.name}`);
        out.clusters.push({
          id: cluster.id,
          name: cluster.name,
          headUnitId: heads.headUnitId,
          memberUnitIds: cluster.memberUnitIds,
        });
        for (const unitId of cluster.memberUnitIds) {
          const unit = (await getUnit(db, unitId)) ?? notFound(`Không tìm thấy đơn vị ${unitId}`);
          if (!out.units.some((u) => u.id === unitId))
            out.units.push({ id: unitId, name: unit.name, clusterId: cluster.id });
        }
      }
      // The whole organisation (no cluster list): the issuing unit registers too — seed 003, III.5 asks units of
      // both levels ("Đơn vị hai cấp"), and the provincial procuracy has its own collective and leaders.
      if (!input.clusterIds && !out.units.some((u) => u.id === org.id))
        out.units.push({ id: org.id, name: org.name, clusterId: null });
      return out;
    },

    /**
     * The plan data of an organisation for a year (what a yearly Schedule starts): the issued version of that
     * year's plan in the database, checked against the schema; null while it has none (a draft is not started).
     */
    async planDataFor(input: { orgUnitId: string; year: number }): Promise<Plan | null> {
      return issuedYearPlan(db, input.orgUnitId, input.year);
    },

    /** A unit and the level above it in the directory (where its results are sent on; null at the top). */
    async higherLevelOf(input: {
      unitId: string;
    }): Promise<{ unit: { unitId: string; name: string }; higher: { unitId: string; name: string } | null }> {
      const unit = (await getUnit(db, input.unitId)) ?? notFound(`Không tìm thấy đơn vị ${input.unitId}`);
      const parent = unit.parentId ? await getUnit(db, unit.parentId) : null;
      return {
        unit: { unitId: unit.id, name: unit.name },
        higher: parent ? { unitId: parent.id, name: parent.name } : null,
      };
    },

    /** The council and the units of an organisation (itself and the units directly under it), for a movement. */
    async loadMovementContext(input: { orgUnitId: string }): Promise<MovementContext> {
      const org =
        (await getUnit(db, input.orgUnitId)) ??
        notFound(`Không tìm thấy đơn vị thực hiện phong trào ${input.orgUnitId}`);
      const council =
        (await getCouncil(db, input.orgUnitId)) ?? notFound(`Chưa có Hội đồng TĐKT của đơn vị ${input.orgUnitId}`);
      const units = await listUnits(db, { parentId: org.id });
      return {
        council: { unitId: council.unitId, secretariatUnitId: council.secretariatUnitId },
        orgName: org.name,
        units: [org, ...units].map((u) => ({ id: u.id, name: u.name })),
      };
    },

    /**
     * Starts the plan's cases (registrations, compacts, advanced models) if they are not running yet. They are
     * independent workflows, not children: they outlive the plan's continue-as-new and report to it by signal.
     * A case that already exists (running or closed) is left alone, so a retry or a restarted plan is harmless.
     */
    async startYearCases(input: {
      cases: {
        workflowType: 'registration' | 'compact' | 'advancedModels' | 'plan';
        workflowId: string;
        input: unknown;
      }[];
    }): Promise<{ started: string[]; existing: string[] }> {
      const started: string[] = [];
      const existing: string[] = [];
      for (const c of input.cases) {
        try {
          await client().workflow.start(c.workflowType, {
            workflowId: c.workflowId,
            taskQueue: deps.temporal.taskQueue,
            args: [c.input],
            // A year's plan that was terminated or failed may be started again (by its Schedule); a case never.
            workflowIdReusePolicy:
              c.workflowType === 'plan'
                ? WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY
                : WorkflowIdReusePolicy.REJECT_DUPLICATE,
          });
          started.push(c.workflowId);
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          existing.push(c.workflowId);
        }
      }
      return { started, existing };
    },

    /** Mails a notice; the Message-ID is derived from the workflow id and the notice key (retries are the same mail). */
    async sendYearNotice(input: {
      workflowId: string;
      notice: NoticeDraft;
      sentAt: string;
    }): Promise<{ messageId: string; recipients: string[] }> {
      const unitAddresses: string[] = [];
      for (const unitId of input.notice.toUnits ?? []) {
        const email = (await getUnit(db, unitId))?.email;
        if (email) unitAddresses.push(email);
      }
      const recipients = [...new Set([...(await resolveEmails(db, input.notice.to)), ...unitAddresses])].sort();
      const messageId = mailMessageId(input.workflowId, input.notice.key);
      if (recipients.length === 0) return { messageId, recipients };
      const rendered = renderYearNotice(input.notice, {
        workflowId: input.workflowId,
        sentAt: input.sentAt,
        publicUrl: deps.publicUrl,
      });
      await sendMail({ to: recipients, ...rendered, messageId, threadId: mailThreadId(input.workflowId) });
      return { messageId, recipients };
    },

    /**
     * The members' registrations, read from their workflows: the `state` query while one runs, its result once
     * it has closed, "missing" when the unit has none. The compact records the answer in its history.
     */
    async compileRegistrations(input: { year: number; unitIds: string[] }): Promise<RegistrationDigest[]> {
      const out: RegistrationDigest[] = [];
      for (const unitId of input.unitIds) {
        const handle = client().workflow.getHandle(registrationId(unitId, input.year));
        try {
          const description = await handle.describe();
          if (description.status.name === 'RUNNING')
            out.push(registrationDigest(await handle.query(registrationStateQuery)));
          else if (description.status.name === 'COMPLETED') out.push(await completedResult<RegistrationDigest>(handle));
          else out.push(missing(unitId));
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) out.push(missing(unitId));
          else throw error;
        }
      }
      return out;
    },

    /** Where a nomination is: running or closed, its stage and its book row. */
    async describeNomination(input: {
      caseId: string;
    }): Promise<{ found: boolean; running: boolean; stage: string | null; bookEntryKey: string | null }> {
      const handle = client().workflow.getHandle(input.caseId);
      try {
        const description = await handle.describe();
        if (description.status.name === 'RUNNING') {
          const state = await handle.query(nominationStateQuery);
          return { found: true, running: true, stage: state.stage, bookEntryKey: state.bookEntryKey };
        }
        if (description.status.name === 'COMPLETED') {
          const outcome = await completedResult<NominationOutcome>(handle);
          return { found: true, running: false, stage: outcome.stage, bookEntryKey: outcome.bookEntryKey };
        }
        return { found: true, running: false, stage: null, bookEntryKey: null };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError)
          return { found: false, running: false, stage: null, bookEntryKey: null };
        throw error;
      }
    },

    /**
     * Sends a nomination its hold / resume / revoke Update with the complaint handler as actor. A refusal by the
     * nomination (wrong stage, wrong role…) comes back as a value with its Vietnamese message.
     */
    async nominationAction(input: {
      caseId: string;
      action: 'hold' | 'resume' | 'revoke';
      actor: Actor;
      reason: string;
      complaintId?: string;
    }): Promise<{ ok: true; stage: string } | { ok: false; reason: string }> {
      const handle = client().workflow.getHandle(input.caseId);
      try {
        const base = { actor: input.actor, reason: input.reason };
        const result =
          input.action === 'hold'
            ? await handle.executeUpdate(actionUpdates.hold, { args: [{ ...base, complaintId: input.complaintId }] })
            : input.action === 'resume'
              ? await handle.executeUpdate(actionUpdates.resume, { args: [base] })
              : await handle.executeUpdate(actionUpdates.revoke, { args: [base] });
        return { ok: true, stage: result.stage };
      } catch (error) {
        const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
        if (cause instanceof ApplicationFailure) return { ok: false, reason: cause.message };
        if (error instanceof WorkflowNotFoundError)
          return { ok: false, reason: `Không tìm thấy hồ sơ ${input.caseId} đang xử lý.` };
        throw error;
      }
    },
  };
}

/**
 * The result of a completed workflow, read from its history. (`handle.result()` would also do, but on the
 * time-skipping test server it unlocks time skipping, which lets this activity's own timeout fire.)
 */
async function completedResult<T>(handle: WorkflowHandle): Promise<T> {
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const payload = events[events.length - 1]?.workflowExecutionCompletedEventAttributes?.result?.payloads?.[0];
  if (!payload) throw ApplicationFailure.nonRetryable(`No result in the history of ${handle.workflowId}`, 'NoResult');
  return defaultPayloadConverter.fromPayload<T>(payload);
}

function missing(unitId: string): RegistrationDigest {
  return { unitId, status: 'missing', registeredAt: null, collectiveTitles: [], individuals: 0, individualTitles: {} };
}
