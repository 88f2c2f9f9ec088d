/**
 * The typed client of tdkt-flow, used by the `tdkt` CLI and the web UI: start a case, act on it (one or
 * many at once), read it, and list cases through visibility (never one query per case).
 */
import { randomUUID } from 'node:crypto';
import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WithStartWorkflowOperation,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure, defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { ActionName, ActionRequest } from '../../domain/nomination/actions.js';
import type { NominationStartInput, NominationState } from '../../domain/nomination/types.js';
import { SA } from '../../domain/search-attributes.js';
import {
  actionUpdates,
  caseOpenedUpdate,
  nominationId,
  nominationStateQuery,
  type ActionResult,
} from '../../workflows/nomination/messages.js';
import {
  quotaLedgerId,
  quotaStateQuery,
  releaseQuotaUpdate,
  type Reservation,
} from '../../workflows/quota/messages.js';
import { ACTION_REFUSED } from '../../workflows/shared/refusals.js';
import { buildCaseQuery, type CaseFilter } from './visibility-query.js';

/** A refusal as the user should read it (Vietnamese) and as the logs should (English). */
export class ActionRefusedError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly code: string,
  ) {
    super(vi);
    this.name = 'ActionRefusedError';
  }
}

/**
 * An action whose answer did not come in time, or that the case could not take just now. It is not a refusal: the
 * action may still be applied (it waits in Temporal under its request id), so the screen says "đang xử lý" and the
 * person repeats the same form, whose request id attaches to the first attempt instead of acting twice.
 */
export class ActionPendingError extends ActionRefusedError {
  constructor(vi: string, en: string, code: 'pending' | 'case-retrying') {
    super(vi, en, code);
    this.name = 'ActionPendingError';
  }
}

/** How long act() waits before it sends again an Update the case asked for again (code 'case-busy'). */
const CASE_BUSY_PAUSE_MS = 250;

/** How long a person waits for an action's answer before the screen says it is still being processed. */
export const ACTION_ANSWER_TIMEOUT_MS = 15_000;

/** Turns a Temporal error that is not the workflow's answer into what the person should read, or null. */
function notAnsweredYet(): ActionPendingError {
  return new ActionPendingError(
    'Thao tác đang được xử lý. Vui lòng tải lại trang sau giây lát để xem kết quả; gửi lại biểu mẫu không làm thao tác hai lần.',
    'no answer in time; the update may still complete',
    'pending',
  );
}

export function toActionPending(error: unknown): ActionPendingError | null {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return notAnsweredYet();
  // While a case's workflow task is being retried (a worker crashed mid-task, or a bug), the server refuses every
  // Update with "workflow task in failed state"; nothing was applied.
  const detail =
    error instanceof ServiceError ? `${error.message} ${String((error.cause as Error)?.message ?? '')}` : '';
  if (/Workflow Task in failed state/i.test(detail)) {
    return new ActionPendingError(
      'Hồ sơ đang được hệ thống xử lý lại sau một sự cố, nên thao tác chưa được ghi nhận. Vui lòng thử lại sau ít phút.',
      `the case cannot take updates now: ${detail.trim()}`,
      'case-retrying',
    );
  }
  return null;
}

/** Recognises the workflow's refusals (validator or handler) and turns them into ActionRefusedError. */
export function toActionRefused(error: unknown): ActionRefusedError | null {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.type === ACTION_REFUSED) {
    const detail = (cause.details?.[0] ?? {}) as { code?: string; en?: string };
    return new ActionRefusedError(cause.message, detail.en ?? cause.message, detail.code ?? 'refused');
  }
  return null;
}

/**
 * Waits until a freshly started case answers its state query (it first loads its context through an
 * activity). Gives up with the query's own error after `timeoutMs`.
 */
export async function waitUntilReady(handle: WorkflowHandle, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await handle.query(nominationStateQuery);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * The Update id of a request: the action's name keeps one form's key from ever answering for another action, and
 * the key is limited to what a form or a CLI flag can carry.
 */
export function updateIdOf(action: string, requestId: string): string {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(requestId)) throw new Error(`invalid request id: ${JSON.stringify(requestId)}`);
  return `${action}:${requestId}`;
}

export interface CaseListItem {
  caseId: string;
  kind: string | undefined;
  unit: string | undefined;
  cluster: string | undefined;
  campaign: string | undefined;
  /** The plan year of a registration, compact or advanced-model case (their pages take it). */
  year: number | undefined;
  stage: string | undefined;
  status: string | undefined;
  awardForm: string | undefined;
  dueAt: string | null;
  waitingRole: string | undefined;
  waitingUnit: string | undefined;
  startedAt: string | null;
}

export interface CasePage {
  items: CaseListItem[];
  /** Opaque token for the next page (base64), null on the last page. */
  next: string | null;
}

export interface BulkResult {
  caseId: string;
  ok: boolean;
  result?: ActionResult;
  error?: string;
}

/** What a person reads for one case of a bulk action that failed: the refusal, or a Vietnamese sentence, never an SDK error. */
function bulkFailureVN(error: unknown): string {
  if (error instanceof ActionRefusedError) return error.vi;
  if (error instanceof WorkflowNotFoundError) return 'Không có hồ sơ này.';
  return 'Lỗi hệ thống, thao tác chưa được thực hiện trên hồ sơ này.';
}

/** How long a page waits for one case's state (CasesClient.readCases). */
export const CASE_READ_TIMEOUT_MS = 5_000;

export type CaseRead = { caseId: string; state: NominationState } | { caseId: string; state: null; error: string };

export class CasesClient {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  /**
   * Starts a nomination (its workflow id is the business key `nomination/<campaign>/<unit>/<n>`) and returns
   * once the case has loaded its context and answers queries, so the caller can show it at once.
   */
  async startNomination(input: NominationStartInput, n: string = randomUUID().slice(0, 8)): Promise<string> {
    const workflowId = nominationId(input.campaignId, input.unitId, n);
    // One round trip: the start carries the `opened` Update, which answers once the case takes actions. With the
    // same `n` (a form's request id), a retried start attaches to the case the first one created.
    const startWorkflowOperation = new WithStartWorkflowOperation('nomination', {
      taskQueue: this.taskQueue,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    await this.client.workflow.executeUpdateWithStart(caseOpenedUpdate, { startWorkflowOperation });
    return workflowId;
  }

  /**
   * Performs one action; a refusal throws ActionRefusedError with the Vietnamese message, and an answer that did not
   * come within `answerWithinMs` throws ActionPendingError. `requestId` (a form's idempotency key) is the Update's
   * id: a double click, a browser retry or a CLI retry with the same id attaches to the first attempt and gets its
   * answer, so an action is never applied twice.
   */
  async act<A extends ActionName>(
    caseId: string,
    action: A,
    input: ActionRequest<A>,
    options: { requestId?: string; answerWithinMs?: number } = {},
  ): Promise<ActionResult> {
    const handle = this.client.workflow.getHandle(caseId);
    const deadline = Date.now() + (options.answerWithinMs ?? ACTION_ANSWER_TIMEOUT_MS);
    const updateId = options.requestId ? updateIdOf(action, options.requestId) : undefined;
    for (;;) {
      try {
        return await this.client.withDeadline(deadline, () =>
          handle.executeUpdate(actionUpdates[action], { args: [input], ...(updateId ? { updateId } : {}) }),
        );
      } catch (error) {
        const refused = toActionRefused(error);
        // The case was busy with other work in that workflow task and asked for the Update again: nothing was
        // applied, so sending it again (under the same id) is safe, until the person's wait runs out.
        if (refused?.code === 'case-busy' && Date.now() + CASE_BUSY_PAUSE_MS < deadline) {
          await new Promise((resolve) => setTimeout(resolve, CASE_BUSY_PAUSE_MS));
          continue;
        }
        if (refused?.code === 'case-busy') throw notAnsweredYet();
        throw refused ?? toActionPending(error) ?? error;
      }
    }
  }

  /**
   * The answer an earlier send of the same form (same request id) got, or null when that form was never applied:
   * a repeat after success must show the success, although the case has moved on and the action would now be
   * refused. Waits like act() when the first send is still in flight.
   */
  async previousAnswer<A extends ActionName>(
    caseId: string,
    action: A,
    requestId: string,
    options: { answerWithinMs?: number } = {},
  ): Promise<ActionResult | null> {
    const update = this.client.workflow.getHandle(caseId).getUpdateHandle<ActionResult>(updateIdOf(action, requestId));
    const deadline = Date.now() + (options.answerWithinMs ?? ACTION_ANSWER_TIMEOUT_MS);
    try {
      return await this.client.withDeadline(deadline, () => update.result());
    } catch (error) {
      // No such Update on the case (the server answers "not found"): this form was not applied before.
      if (error instanceof WorkflowNotFoundError) return null;
      throw toActionRefused(error) ?? toActionPending(error) ?? error;
    }
  }

  /** The same action on many cases at once (e.g. a cluster head endorsing); one result per case, never all-or-nothing. */
  async bulk<A extends ActionName>(
    caseIds: string[],
    action: A,
    inputFor: (caseId: string) => ActionRequest<A>,
    options: { requestId?: string } = {},
  ): Promise<BulkResult[]> {
    return Promise.all(
      caseIds.map(async (caseId) => {
        try {
          // One form's key serves every case it lists: an Update id is unique per case, not across cases.
          return { caseId, ok: true, result: await this.act(caseId, action, inputFor(caseId), options) };
        } catch (error) {
          return { caseId, ok: false, error: bulkFailureVN(error) };
        }
      }),
    );
  }

  /**
   * The administrator's last-resort repair: ends the case's workflow at once (Temporal terminate, so it runs no
   * more code) and gives its quota place back to the unit, as a withdrawal would have. A terminated workflow
   * cannot release the place itself. An awarded case keeps its place: the award stands in the book. Safe to
   * repeat: a case already closed is not terminated again, and a place already given back is not given twice.
   */
  async terminate(state: NominationState, reason: string): Promise<{ quotaReleased: boolean }> {
    try {
      await this.client.workflow.getHandle(state.caseId).terminate(reason);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error; // already closed: still give the place back
    }
    if (state.stage === 'awarded' || !state.quotaReserved) return { quotaReleased: false };
    const ledger = this.client.workflow.getHandle(quotaLedgerId(state.campaignId, state.unitId));
    try {
      const { reservations } = await ledger.query(quotaStateQuery);
      if (!reservations.some((r) => r.caseId === state.caseId)) return { quotaReleased: false };
      await ledger.executeUpdate(releaseQuotaUpdate, { args: [{ caseId: state.caseId }] });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { quotaReleased: false }; // no ledger: nothing reserved
      throw error;
    }
    return { quotaReleased: true };
  }

  async getCase(caseId: string): Promise<NominationState> {
    return this.client.workflow.getHandle(caseId).query(nominationStateQuery);
  }

  /**
   * Reads the cases a page lists, at once. A query is answered by a worker, so a case whose worker is busy or
   * gone would hold the whole page until the server gives up (about a minute): each read gets `timeoutMs`, and a
   * case that does not answer in time comes back unreadable, for the page to name, instead of failing the page.
   */
  async readCases(caseIds: readonly string[], timeoutMs = CASE_READ_TIMEOUT_MS): Promise<CaseRead[]> {
    return Promise.all(
      caseIds.map(async (caseId): Promise<CaseRead> => {
        try {
          return { caseId, state: await this.client.withDeadline(Date.now() + timeoutMs, () => this.getCase(caseId)) };
        } catch (error) {
          return { caseId, state: null, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  }

  /** One page of cases matching the filter, from visibility; the page is sorted by due date (soonest first, none last). */
  async listCases(filter: CaseFilter, page: { pageSize?: number; next?: string | null } = {}): Promise<CasePage> {
    return listByQuery(this.client, buildCaseQuery(filter), page);
  }

  async countCases(filter: CaseFilter): Promise<number> {
    const { count } = await this.client.workflow.count(buildCaseQuery(filter));
    return count;
  }

  /** One page of a visibility query built elsewhere (an inbox's, with its OR clauses), sorted like listCases. */
  async listByQuery(query: string, page: { pageSize?: number; next?: string | null } = {}): Promise<CasePage> {
    return listByQuery(this.client, query, page);
  }

  /** The places a unit holds in a campaign's quota ledger; null when no case has asked for one yet (no ledger). */
  async quotaReservations(campaignId: string, unitId: string): Promise<Reservation[] | null> {
    try {
      const ledger = await this.client.workflow.getHandle(quotaLedgerId(campaignId, unitId)).query(quotaStateQuery);
      return ledger.reservations;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  /** A case's raw Temporal event history (the administrator's page shows it); null when the server has none. */
  async fetchHistory(caseId: string): Promise<Awaited<ReturnType<WorkflowHandle['fetchHistory']>> | null> {
    try {
      return await this.client.workflow.getHandle(caseId).fetchHistory();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  /** The Temporal namespace the cases run in (for links to Temporal's Web UI). */
  get namespace(): string {
    return this.client.options.namespace;
  }
}

/**
 * Reads a listed execution's search attributes with the SDK's public payload converter: each is a JSON payload
 * (older servers wrap a keyword in a one-element list).
 */
function searchAttributeReader(fields: Record<string, Payload> | null | undefined) {
  return <T>(name: string): T | undefined => {
    const payload = fields?.[name];
    if (!payload) return undefined;
    const value = defaultPayloadConverter.fromPayload<T | T[]>(payload);
    return (Array.isArray(value) ? value[0] : value) ?? undefined;
  };
}

/**
 * One page of a visibility query (built from quoted values: see visibility-query.ts), sorted by due date.
 * Sorting is per page because Temporal's SQL visibility stores reject ORDER BY; the page token keeps
 * pages consistent.
 */
export async function listByQuery(
  client: Client,
  query: string,
  page: { pageSize?: number; next?: string | null } = {},
): Promise<CasePage> {
  const response = await client.workflowService.listWorkflowExecutions({
    namespace: client.options.namespace,
    query,
    pageSize: page.pageSize ?? 50,
    nextPageToken: page.next ? Buffer.from(page.next, 'base64') : undefined,
  });
  const items: CaseListItem[] = (response.executions ?? []).map((execution) => {
    const attribute = searchAttributeReader(execution.searchAttributes?.indexedFields);
    const due = attribute<string>(SA.dueAt.name);
    const started = execution.startTime?.seconds;
    return {
      caseId: execution.execution?.workflowId ?? '',
      kind: attribute<string>(SA.kind.name),
      unit: attribute<string>(SA.unit.name),
      cluster: attribute<string>(SA.cluster.name),
      campaign: attribute<string>(SA.campaign.name),
      year: attribute<number>(SA.year.name),
      stage: attribute<string>(SA.stage.name),
      status: attribute<string>(SA.status.name),
      awardForm: attribute<string>(SA.awardForm.name),
      dueAt: due ? new Date(due).toISOString() : null,
      waitingRole: attribute<string>(SA.waitingRole.name),
      waitingUnit: attribute<string>(SA.waitingUnit.name),
      startedAt: started ? new Date(Number(started) * 1000).toISOString() : null,
    };
  });
  items.sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  const token = response.nextPageToken;
  return { items, next: token && token.length > 0 ? Buffer.from(token).toString('base64') : null };
}
