/**
 * Administration: search every case (visibility, paginated), a case's full history (readable timeline, raw
 * Temporal event history, link to Temporal Web UI), repairs (reassign the current step, terminate, both with a
 * reason; extend is on the case page), the directory import with a dry run, and the rule-set versions.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  countDirectory,
  getCluster,
  getUnit,
  importDirectory,
  listClusters,
  listUnits,
} from '../../../store/directory.js';
import { AWARD_CODES, awardByCode } from '../../../domain/catalogue.js';
import { STAGE_LABELS } from '../../../domain/i18n.js';
import type { NominationState } from '../../../domain/nomination/types.js';
import { assignedUnit, assignmentOf } from '../../../domain/nomination/reassign.js';
import { NOMINATION_STAGES } from '../../../domain/stages.js';
import { ActionRefusedError } from '../../lib/cases.js';
import { buildCaseQuery, type CaseFilter } from '../../lib/visibility-query.js';
import { markCaseEnded, type CaseIndexFilter } from '../../../store/case-index.js';
import { validateAction } from '../action-forms.js';
import { actorWithRole, canView, timeline } from '../case-view.js';
import { listIndexPage } from '../inbox.js';
import { byName } from '../natural-order.js';
import { rulesPageModel } from '../rules-view.js';
import { CSV_HEADERS, CSV_KINDS, prepareImport } from '../directory-import.js';
import { badRequest, forbidden, WebError } from '../errors.js';
import { helpers, renderPage } from '../render.js';
import { accountOf, requireRole } from '../http/account.js';
import type { RouteOptions } from '../http/deps.js';
import { checkbox, optionalText, parseForm, rawText, requestIdOf, text } from '../http/form.js';
import { loadCase } from '../http/load-case.js';
import { refusalStatus } from '../http/refusal.js';
import { allCampaigns } from '../campaign-options.js';

const SEARCH_ROLES = ['admin', 'council_secretary', 'leadership'];
/** Who reads a case's full history and repairs it (terminate stays with the administrator). */
const REPAIR_ROLES = ['admin', 'council_secretary'];

const REPAIR_OK: Record<string, string> = {
  terminate: 'Đã chấm dứt quy trình của hồ sơ.',
  'terminate-released': 'Đã chấm dứt quy trình của hồ sơ và trả lại chỉ tiêu cho đơn vị.',
  reassign: 'Đã giao lại bước hiện tại cho đơn vị mới.',
};

const searchQuery = parseForm(
  z.object({
    unit: optionalText,
    cluster: optionalText,
    campaign: optionalText,
    stage: optionalText,
    status: optionalText,
    overdue: optionalText,
    award: optionalText,
    q: optionalText,
    trang: optionalText,
  }),
  'search query',
);
const caseParams = parseForm(z.object({ id: z.string() }), 'case address');
const okQuery = parseForm(z.object({ ok: optionalText }), 'ok query');
const typedReason = parseForm(z.object({ reason: rawText }), 'typed reason');
const reassignForm = parseForm(z.object({ toUnitId: text, reason: text }), 'reassign form');
const terminateForm = parseForm(
  z.object({ reason: text.pipe(z.string().min(3, { error: 'Lý do phải có ít nhất 3 ký tự.' })) }),
  'terminate form',
);
const directoryForm = parseForm(
  z.object({
    format: text.transform((s) => (s === 'csv' ? 'csv' : 'json')),
    kind: optionalText,
    text: rawText.refine((typed) => typed.trim() !== '', { error: 'Chưa có dữ liệu để nhập.' }),
    dryRun: checkbox,
  }),
  'directory form',
);

export const adminRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  app.get('/quan-tri/ho-so', async (request, reply) => {
    requireRole(request, SEARCH_ROLES);
    const q = searchQuery(request.query);
    // The case index answers the page (sorted by due date, searched by name); the same filter as a visibility
    // query opens Temporal's Web UI, for operators.
    const filter: CaseIndexFilter = { kinds: ['nomination'] };
    const raw: CaseFilter = { kind: 'nomination' };
    if (q.unit) filter.unitId = raw.unit = q.unit;
    if (q.cluster) filter.clusterId = raw.cluster = q.cluster;
    if (q.campaign) filter.campaignId = raw.campaign = q.campaign;
    if (q.stage && (NOMINATION_STAGES as readonly string[]).includes(q.stage)) {
      filter.stages = [q.stage];
      raw.stage = q.stage;
    }
    if (q.status === 'open' || q.status === 'closed') {
      filter.statuses = [q.status];
      raw.status = q.status;
    }
    if (q.award) filter.awardCode = raw.awardForm = q.award;
    if (q.overdue === '1') {
      filter.overdueAt = raw.overdueAt = new Date().toISOString();
      raw.status = 'open';
    }
    if (q.q) filter.name = q.q;
    // Another unit's draft is that unit's until it is submitted: only admins find it here (case-view.ts canView).
    const { user } = accountOf(request);
    if (!user.roles.includes('admin')) filter.draftsOnlyOfUnit = user.unitId;
    const page = await listIndexPage(deps, filter, { pageSize: 25, after: q.trang ?? null });
    const temporalUi = `${deps.config.TEMPORAL_UI_URL.replace(/\/$/, '')}/namespaces/${encodeURIComponent(deps.cases.namespace)}/workflows?query=${encodeURIComponent(buildCaseQuery(raw))}`;
    return renderPage(request, reply, 'admin-search', {
      title: 'Tra cứu hồ sơ',
      page,
      q,
      temporalUi,
      units: byName(await listUnits(deps.db)),
      clusters: byName(await listClusters(deps.db)),
      campaigns: allCampaigns(await deps.campaignSources()),
      stages: NOMINATION_STAGES.map((s) => ({ id: s, label: STAGE_LABELS[s] })),
      awards: AWARD_CODES.map((c) => awardByCode(c)).filter((a) => a.nominable),
      filterQuery: { ...q, trang: undefined },
    });
  });

  app.get('/quan-tri/ho-so/:id', async (request, reply) => {
    requireRole(request, REPAIR_ROLES);
    const state = await loadCase(deps.cases, caseParams(request.params).id);
    // The full history shows the draft's every field: an unsubmitted draft stays with its unit and admins.
    if (!canView(state, accountOf(request))) throw forbidden('Bạn không có quyền xem hồ sơ này.', 'not involved');
    const { ok } = okQuery(request.query);
    return renderAdminCase(request, reply, state, { ok: ok && Object.hasOwn(REPAIR_OK, ok) ? REPAIR_OK[ok]! : null });
  });

  /**
   * Who the current step can be handed to: the cluster's other members, or (standing body) any other unit — never
   * the nominating unit, which would then review its own case.
   */
  async function reassignTargets(state: NominationState) {
    const assignment = assignmentOf(state.stage);
    if (!assignment) return null;
    const current = assignedUnit(state, assignment);
    const cluster = state.context.clusterId ? await getCluster(deps.db, state.context.clusterId) : null;
    const all = await listUnits(deps.db);
    const units = all.filter(
      (u) =>
        u.id !== current &&
        u.id !== state.unitId &&
        (assignment === 'standing_body' || (cluster?.memberUnitIds.includes(u.id) ?? false)),
    );
    // The page names the unit holding the step, not its code.
    const currentName = all.find((u) => u.id === current)?.name ?? current;
    return { assignment, current, currentName, units: byName(units).map((u) => ({ id: u.id, name: u.name })) };
  }

  async function renderAdminCase(
    request: FastifyRequest,
    reply: FastifyReply,
    state: NominationState,
    extras: {
      ok?: string | null;
      error?: string | null;
      status?: number;
      /** The refused repair form and what was typed in it, to show it again. */
      typed?: { form: 'reassign' | 'terminate'; toUnitId?: string; reason: string };
    } = {},
  ) {
    const history = await deps.cases.fetchHistory(state.caseId);
    const events: { id: string; time: string; type: string; detail: string }[] = (history?.events ?? []).map(
      (event) => {
        const { eventId, eventTime, eventType, ...rest } = event as unknown as Record<string, unknown> & {
          eventId?: { toString(): string };
          eventTime?: { seconds?: { toString(): string } };
          eventType?: number;
        };
        const attributes = Object.entries(rest).find(([k, v]) => k.endsWith('Attributes') && v);
        const seconds = Number(eventTime?.seconds?.toString() ?? '0');
        return {
          id: eventId?.toString() ?? '',
          time: seconds ? helpers.dateTime(new Date(seconds * 1000).toISOString()) : '',
          type: attributes
            ? attributes[0].replace(/EventAttributes$/, '').replace(/^./, (c) => c.toUpperCase())
            : String(eventType ?? ''),
          detail: attributes
            ? JSON.stringify(attributes[1], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)).slice(
                0,
                2000,
              )
            : '',
        };
      },
    );
    const unitNames = new Map((await listUnits(deps.db)).map((u) => [u.id, u.name]));
    const uiUrl = `${deps.config.TEMPORAL_UI_URL.replace(/\/$/, '')}/namespaces/${encodeURIComponent(deps.cases.namespace)}/workflows/${encodeURIComponent(state.caseId)}`;
    return renderPage(
      request,
      reply,
      'admin-case',
      {
        title: `Lịch sử hồ sơ ${state.caseId}`,
        state,
        timeline: timeline(state, { ...helpers, unitName: (id) => unitNames.get(id) ?? id }),
        events,
        uiUrl,
        reassign: await reassignTargets(state),
        ok: extras.ok ?? null,
        error: extras.error ?? null,
        typed: extras.typed ?? null,
      },
      extras.status ?? 200,
    );
  }

  // A repair: the current step goes to another unit (domain/nomination/reassign.ts). The directory facts the
  // workflow cannot check (the unit exists, is a member of the case's cluster) are checked here first.
  app.post('/quan-tri/ho-so/:id/reassign', async (request, reply) => {
    const account = requireRole(request, REPAIR_ROLES);
    const state = await loadCase(deps.cases, caseParams(request.params).id);
    const { toUnitId, reason } = reassignForm(request.body);
    const typed = { form: 'reassign' as const, toUnitId, reason };
    const role = account.user.roles.includes('admin') ? 'admin' : 'council_secretary';
    try {
      const input = validateAction('reassign', { actor: actorWithRole(account, role), toUnitId, reason });
      const targets = await reassignTargets(state);
      if (targets && !(await getUnit(deps.db, toUnitId)))
        throw badRequest('Đơn vị được giao không có trong danh bạ.', `unknown unit ${toUnitId}`);
      if (targets?.assignment === 'cluster_head' && !targets.units.some((u) => u.id === toUnitId))
        throw badRequest(
          'Chỉ giao việc của cụm trưởng cho một đơn vị khác trong cùng cụm, khối thi đua.',
          `${toUnitId} is not another member of ${state.context.clusterId ?? 'no cluster'}`,
        );
      await deps.cases.act(state.caseId, 'reassign', input, { requestId: requestIdOf(request.body) });
    } catch (error) {
      if (error instanceof WebError && error.status === 400)
        return renderAdminCase(request, reply, state, { error: error.vi, status: 400, typed });
      if (error instanceof ActionRefusedError) {
        request.log.warn({ caseId: state.caseId, code: error.code, en: error.en }, 'reassign refused (workflow)');
        const status = refusalStatus(error.code);
        const fresh = await loadCase(deps.cases, state.caseId);
        return renderAdminCase(request, reply, fresh, { error: error.vi, status, typed });
      }
      throw error;
    }
    return reply.redirect(`/quan-tri/ho-so/${encodeURIComponent(state.caseId)}?ok=reassign`, 303);
  });

  app.post('/quan-tri/ho-so/:id/terminate', async (request, reply) => {
    const account = requireRole(request, ['admin']);
    const state = await loadCase(deps.cases, caseParams(request.params).id);
    let reason: string;
    try {
      reason = terminateForm(request.body).reason;
    } catch (error) {
      if (!(error instanceof WebError)) throw error;
      const typed = { form: 'terminate' as const, reason: typedReason(request.body).reason };
      return renderAdminCase(request, reply, state, { error: error.vi, status: error.status, typed });
    }
    const { quotaReleased } = await deps.cases.terminate(state, `${account.user.username}: ${reason}`.slice(0, 2000));
    // A terminated case writes no more rows: its row stops waiting on anyone here (a rebuild would agree).
    await markCaseEnded(deps.db, state.caseId);
    request.log.info({ caseId: state.caseId, quotaReleased }, 'case terminated by an administrator');
    const ok = quotaReleased ? 'terminate-released' : 'terminate';
    return reply.redirect(`/quan-tri/ho-so/${encodeURIComponent(state.caseId)}?ok=${ok}`, 303);
  });

  // ----------------------------------------------------------------------------------------- directory
  app.get('/quan-tri/danh-ba', async (request, reply) => {
    requireRole(request, ['admin']);
    return renderPage(request, reply, 'directory', {
      title: 'Danh bạ tổ chức',
      counts: await countDirectory(deps.db),
      kinds: CSV_KINDS,
      headers: CSV_HEADERS,
      report: null,
      applied: false,
      form: { format: 'json', kind: 'units', text: '' },
    });
  });

  app.post('/quan-tri/danh-ba', async (request, reply) => {
    requireRole(request, ['admin']);
    const { format, kind, text, dryRun } = directoryForm(request.body);
    const report = await prepareImport(deps.db, { format, kind, text });
    let applied = false;
    if (!dryRun && report.errors.length === 0) {
      await importDirectory(deps.db, report.data);
      applied = true;
    }
    return renderPage(
      request,
      reply,
      'directory',
      {
        title: 'Danh bạ tổ chức',
        counts: await countDirectory(deps.db),
        kinds: CSV_KINDS,
        headers: CSV_HEADERS,
        report,
        dryRun,
        applied,
        form: { format, kind: kind ?? 'units', text },
      },
      report.errors.length > 0 ? 422 : 200,
    );
  });

  // ---------------------------------------------------------------------------------------- rule sets
  app.get('/quan-tri/quy-tac', async (request, reply) => {
    requireRole(request, ['admin', 'council_secretary', 'leadership']);
    return renderPage(request, reply, 'rules', {
      title: 'Các phiên bản bộ quy tắc',
      ...rulesPageModel(new Date().toISOString()),
    });
  });

  app.get('/quan-tri', async (request, reply) => {
    requireRole(request, ['admin']);
    return reply.redirect('/quan-tri/ho-so', 303);
  });
};
