/**
 * The year's plan in the UI: the calendar as a timeline (for the signed-in user's unit or the whole
 * organisation), the drives with their windows and status, each unit's registration of titles, and each
 * cluster's compact with its signatures. Pages read the running cases' `state` queries; forms drive the
 * registration and compact workflows' Updates, after the same role and unit check the workflow repeats.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Account } from '../../../store/credentials.js';
import { clustersHeadedBy, clustersOfUnit, getUnit, listClusters, peopleOfUnit } from '../../../store/directory.js';
import { checkCompactAction, CompactActionSchemas, type CompactState } from '../../../domain/plan-year/compact.js';
import { checkRegistrationAction } from '../../../domain/plan-year/registration.js';
import type { Role } from '../../../domain/org.js';
import { ActionRefusedError } from '../../lib/cases.js';
import { checkFirst } from '../../lib/year-cases.js';
import { actorWithRole } from '../case-view.js';
import { badRequest, forbidden, WebError } from '../errors.js';
import { COMPACT_STAGE_LABELS, signatureRows } from '../compact-view.js';
import { orgNotes, planTimeline, TIMELINE_STATUS_LABELS, unitNotes, unitScope, WHOLE_ORG } from '../plan-timeline.js';
import { COLLECTIVE_TITLES, INDIVIDUAL_TITLES, personField, registrationFromForm } from '../registration-form.js';
import { renderPage } from '../render.js';
import { accountOf, has } from '../http/account.js';
import type { RouteOptions } from '../http/deps.js';
import { list, optionalText, parseForm, rawText, text, type FormBody } from '../http/form.js';
import { refusalStatus } from '../http/refusal.js';
import { currentPlanYear, yearField } from '../http/year.js';
import { comingYearNoticeFor, yearPlanLabel, yearPlanOf } from '../http/year-plan.js';

/** The standing body and the leadership write the year's plan; administrators read it. */
const writesPlans = (account: Account) => has(account, 'council_secretary', 'leadership');

/** The standing body, the leadership and administrators follow every unit's and cluster's year (read only). */
const followsWholeOrg = (account: Account) => has(account, 'council_secretary', 'leadership', 'admin');

const REGISTRATION_OK: Record<string, string> = {
  save_draft: 'Đã lưu bản nháp đăng ký thi đua.',
  register: 'Đã ký, gửi bản đăng ký thi đua.',
};
const COMPACT_OK: Record<string, string> = {
  draft: 'Đã lưu dự thảo giao ước; các đơn vị thành viên có thể ký.',
  sign: 'Đơn vị đã ký giao ước thi đua.',
};

const yearQuery = parseForm(z.object({ nam: yearField, ok: optionalText }), 'year query');
const timelineQuery = parseForm(z.object({ nam: yearField, 'pham-vi': optionalText }), 'timeline query');
const unitParams = parseForm(z.object({ unit: z.string() }), 'unit address');
const clusterParams = parseForm(z.object({ cluster: z.string() }), 'cluster address');
const compactActionParams = parseForm(z.object({ cluster: z.string(), action: z.string() }), 'compact address');
const registrationForm = parseForm(
  z.object({
    nam: yearField,
    thao_tac: text.transform((s) => (s === 'register' || s === 'save_draft' ? s : null)),
    // The typed values, for the form shown again after a refusal.
    tap_the: list,
    note: rawText,
  }),
  'registration form',
);
const compactForm = parseForm(z.object({ nam: yearField, content: rawText }), 'compact form');

function okMessage(request: FastifyRequest, messages: Record<string, string>): string | null {
  const { ok } = yearQuery(request.query);
  return ok && Object.hasOwn(messages, ok) ? messages[ok]! : null;
}

export const planRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  // ------------------------------------------------------------------------------------------ timeline
  app.get('/ke-hoach', async (request, reply) => {
    const account = accountOf(request);
    const query = timelineQuery(request.query);
    const year = query.nam;
    const view = await yearPlanOf(deps, year);
    const { run, plan } = view;
    const now = new Date().toISOString();
    // From 01/12 the coming year has a plan page of its own worth a link (its plan starts then).
    const comingYear = year === currentPlanYear(now) ? await yearPlanOf(deps, year + 1) : null;
    const common = {
      title: `Kế hoạch thi đua năm ${year}`,
      year,
      lifeLabel: yearPlanLabel(view),
      issue: view.source === 'draft' ? null : (view.record?.issued?.issue ?? null),
      notice: await comingYearNoticeFor(deps, account, now),
      canDraft: writesPlans(account),
      // The amendment page: the standing body and the leadership amend, administrators read.
      canSeeAmendments: writesPlans(account) || has(account, 'admin'),
      comingYear: comingYear?.plan ? { year: year + 1, label: yearPlanLabel(comingYear) } : null,
    };
    if (!plan) {
      return renderPage(request, reply, 'plan', {
        ...common,
        plan: null,
        running: false,
        rows: [],
        drives: [],
        myClusters: [],
        progress: null,
        units: [],
        isUnitStaff: false,
        icsUrl: null,
      });
    }
    const wholeOrg = query['pham-vi'] === 'toan-nganh';
    const unitId = account.user.unitId;
    const unit = await getUnit(deps.db, unitId);
    const myClusters = await clustersOfUnit(deps.db, unitId);
    const isUnitStaff = has(account, 'unit_clerk', 'unit_head', 'cluster_head');
    const registration = isUnitStaff ? await deps.yearCases.registration(unitId, year) : null;
    const compacts = (await Promise.all(myClusters.map(async (c) => deps.yearCases.compact(c.id, year)))).filter(
      (c): c is CompactState => c !== null,
    );
    const regs = run ? Object.values(run.registrations) : [];
    const comps = run ? Object.values(run.compacts) : [];
    return renderPage(request, reply, 'plan', {
      ...common,
      plan,
      running: run !== null,
      wholeOrg,
      unitName: unit?.name ?? unitId,
      rows: wholeOrg
        ? planTimeline(plan, run, WHOLE_ORG, now, orgNotes(run))
        : planTimeline(
            plan,
            run,
            unitScope({ councilStaff: followsWholeOrg(account) }),
            now,
            unitNotes(registration, compacts, unitId),
          ),
      // A plan not started has no drive under way, whatever the date says ("sắp tới" / "đã qua" only).
      drives: planTimeline(plan, run, { audiences: [] }, now).map((d) =>
        run || d.status !== 'open' ? d : { ...d, status: 'upcoming' as const },
      ),
      statusLabels: TIMELINE_STATUS_LABELS,
      isUnitStaff,
      unitId,
      registration,
      myClusters: myClusters.map((c) => ({ id: c.id, name: c.name })),
      progress: run
        ? {
            registered: regs.filter((r) => r.status === 'registered').length,
            units: run.context.units.length,
            compactsSent: comps.filter((c) => c.status === 'sent' || c.status === 'closed').length,
            clusters: run.context.clusters.length,
          }
        : null,
      // The whole view lists every unit's registration (from the plan's state, no query per unit); the standing
      // body, the leadership and admins may open each one, a unit only its own.
      units:
        wholeOrg && run
          ? run.context.units.map((u) => ({
              id: u.id,
              name: u.name,
              registered: run.registrations[u.id]?.status === 'registered',
              canOpen: followsWholeOrg(account) || u.id === unitId,
            }))
          : [],
      icsUrl: view.source !== 'draft' && isUnitStaff ? `/lich/${encodeURIComponent(unitId)}.ics?nam=${year}` : null,
    });
  });

  // -------------------------------------------------------------------------------------- registration
  const registrationPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    unitId: string,
    year: number,
    extras: { error?: string | null; status?: number; typed?: FormBody } = {},
  ) => {
    const account = accountOf(request);
    if (account.user.unitId !== unitId && !followsWholeOrg(account)) {
      throw forbidden(
        'Bạn chỉ xem được bản đăng ký thi đua của đơn vị mình.',
        `unit ${account.user.unitId} ≠ ${unitId}`,
      );
    }
    const unit = await getUnit(deps.db, unitId);
    if (!unit) throw new WebError(404, 'Đơn vị không tồn tại.', `no unit ${unitId}`);
    const state = await deps.yearCases.registration(unitId, year);
    const people = await peopleOfUnit(deps.db, unitId);
    const content = state?.registration ?? state?.draft ?? null;
    const typed = extras.typed;
    const chosen = (personId: string): string[] =>
      typed
        ? list.parse(typed[personField(personId)])
        : (content?.individuals.find((i) => i.personId === personId)?.titles ?? []);
    const typedForm = typed ? registrationForm(typed) : null;
    const collective = typedForm ? typedForm.tap_the : (content?.collectiveTitles ?? []);
    const ownUnit = account.user.unitId === unitId;
    return renderPage(
      request,
      reply,
      'registration',
      {
        title: `Đăng ký thi đua năm ${year}: ${unit.name}`,
        year,
        unit,
        state,
        people: people.map((p) => ({ ...p, field: personField(p.id), titles: chosen(p.id) })),
        collective,
        note: typedForm ? typedForm.note : (content?.note ?? ''),
        collectiveTitles: COLLECTIVE_TITLES,
        individualTitles: INDIVIDUAL_TITLES,
        canSave: ownUnit && has(account, 'unit_clerk', 'unit_head') && !!state && !state.locked,
        canRegister: ownUnit && has(account, 'unit_head') && !!state && !state.locked,
        error: extras.error ?? null,
        ok: extras.error ? null : okMessage(request, REGISTRATION_OK),
      },
      extras.status ?? 200,
    );
  };

  app.get('/ke-hoach/dang-ky', async (request, reply) => {
    const account = accountOf(request);
    const year = yearQuery(request.query).nam;
    return reply.redirect(`/ke-hoach/dang-ky/${encodeURIComponent(account.user.unitId)}?nam=${year}`, 303);
  });

  app.get('/ke-hoach/dang-ky/:unit', async (request, reply) =>
    registrationPage(request, reply, unitParams(request.params).unit, yearQuery(request.query).nam),
  );

  app.post('/ke-hoach/dang-ky/:unit', async (request, reply) => {
    const account = accountOf(request);
    const body = (request.body ?? {}) as FormBody;
    const unitId = unitParams(request.params).unit;
    const { nam: year, thao_tac: action } = registrationForm(body);
    if (!action) throw badRequest('Thao tác không hợp lệ.', `unknown registration action ${String(body.thao_tac)}`);
    // The workflow checks role and unit again; here a foreign unit or a wrong role never reaches it.
    if (account.user.unitId !== unitId) {
      throw forbidden('Bạn không thuộc đơn vị này: không thể đăng ký thi đua thay đơn vị khác.', 'foreign unit');
    }
    const role: Role | null =
      action === 'register'
        ? has(account, 'unit_head')
          ? 'unit_head'
          : null
        : has(account, 'unit_clerk')
          ? 'unit_clerk'
          : has(account, 'unit_head')
            ? 'unit_head'
            : null;
    if (!role) {
      throw forbidden(
        action === 'register'
          ? 'Chỉ Thủ trưởng đơn vị được ký đăng ký thi đua.'
          : 'Chỉ cán bộ thi đua hoặc Thủ trưởng đơn vị được soạn bản đăng ký.',
        `roles ${account.user.roles.join(',')} may not ${action}`,
      );
    }
    const state = await deps.yearCases.registration(unitId, year);
    if (!state) {
      return registrationPage(request, reply, unitId, year, {
        error: `Chưa mở đăng ký thi đua năm ${year} cho đơn vị (kế hoạch chưa khởi động).`,
        status: 422,
      });
    }
    let registration;
    try {
      registration = registrationFromForm(body, { id: unitId, year }, await peopleOfUnit(deps.db, unitId));
    } catch (error) {
      if (error instanceof WebError && error.status === 400)
        return registrationPage(request, reply, unitId, year, { error: error.vi, status: 400, typed: body });
      throw error;
    }
    const input = { actor: actorWithRole(account, role), registration };
    try {
      checkFirst(() => checkRegistrationAction(state, { name: action, input }, new Date().toISOString()));
      await deps.yearCases.actOnRegistration(state, action, input);
    } catch (error) {
      if (error instanceof ActionRefusedError) {
        request.log.warn({ unitId, year, action, code: error.code, en: error.en }, 'registration refused');
        return registrationPage(request, reply, unitId, year, {
          error: error.vi,
          status: refusalStatus(error.code),
          typed: body,
        });
      }
      throw error;
    }
    return reply.redirect(`/ke-hoach/dang-ky/${encodeURIComponent(unitId)}?nam=${year}&ok=${action}`, 303);
  });

  // ------------------------------------------------------------------------------------------ compacts
  app.get('/giao-uoc', async (request, reply) => {
    const account = accountOf(request);
    const year = yearQuery(request.query).nam;
    const clusters = followsWholeOrg(account)
      ? await listClusters(deps.db)
      : [
          ...(await clustersHeadedBy(deps.db, account.user.unitId, year)),
          ...(await clustersOfUnit(deps.db, account.user.unitId)),
        ].filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i);
    const rows = await Promise.all(
      clusters.map(async (c) => ({ id: c.id, name: c.name, state: await deps.yearCases.compact(c.id, year) })),
    );
    return renderPage(request, reply, 'compacts', {
      title: `Giao ước thi đua năm ${year}`,
      year,
      rows,
      stageLabels: COMPACT_STAGE_LABELS,
    });
  });

  const canSeeCompact = (account: Account, state: CompactState) =>
    followsWholeOrg(account) ||
    account.user.unitId === state.headUnitId ||
    state.memberUnits.some((m) => m.id === account.user.unitId);

  const compactPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    clusterId: string,
    year: number,
    extras: { error?: string | null; status?: number; content?: string } = {},
  ) => {
    const account = accountOf(request);
    const state = await deps.yearCases.compact(clusterId, year);
    if (!state) throw new WebError(404, `Chưa có giao ước thi đua năm ${year} của cụm, khối này.`, 'no compact');
    if (!canSeeCompact(account, state)) {
      throw forbidden(
        'Đơn vị của bạn không thuộc cụm, khối thi đua này.',
        `unit ${account.user.unitId} not in ${clusterId}`,
      );
    }
    const open = state.stage !== 'closed';
    const mine = account.user.unitId;
    return renderPage(
      request,
      reply,
      'compact',
      {
        title: `Giao ước thi đua năm ${year}: ${state.clusterName}`,
        year,
        state,
        rows: signatureRows(state),
        stageLabel: COMPACT_STAGE_LABELS[state.stage],
        headName: state.memberUnits.find((m) => m.id === state.headUnitId)?.name ?? state.headUnitId,
        canDraft: open && has(account, 'cluster_head') && mine === state.headUnitId && state.signatures.length === 0,
        canSign:
          open &&
          has(account, 'unit_head') &&
          !!state.content &&
          state.memberUnits.some((m) => m.id === mine) &&
          !state.signatures.some((s) => s.unitId === mine),
        content: extras.content ?? state.content ?? '',
        error: extras.error ?? null,
        ok: extras.error ? null : okMessage(request, COMPACT_OK),
      },
      extras.status ?? 200,
    );
  };

  app.get('/giao-uoc/:cluster', async (request, reply) =>
    compactPage(request, reply, clusterParams(request.params).cluster, yearQuery(request.query).nam),
  );

  app.post('/giao-uoc/:cluster/:action', async (request, reply) => {
    const account = accountOf(request);
    const { nam: year, content } = compactForm(request.body);
    const params = compactActionParams(request.params);
    const clusterId = params.cluster;
    const action = params.action === 'soan' ? 'draft' : params.action === 'ky' ? 'sign' : null;
    if (!action) throw new WebError(404, 'Thao tác không tồn tại.', `unknown compact action ${params.action}`);
    const state = await deps.yearCases.compact(clusterId, year);
    if (!state) throw new WebError(404, `Chưa có giao ước thi đua năm ${year} của cụm, khối này.`, 'no compact');
    const mine = account.user.unitId;
    if (action === 'draft' && !(has(account, 'cluster_head') && mine === state.headUnitId)) {
      throw forbidden(
        'Chỉ lãnh đạo đơn vị cụm trưởng, khối trưởng được soạn giao ước thi đua.',
        `${account.user.id} is not the head of ${clusterId}`,
      );
    }
    if (action === 'sign' && !(has(account, 'unit_head') && state.memberUnits.some((m) => m.id === mine))) {
      throw forbidden(
        'Chỉ Thủ trưởng đơn vị thành viên của cụm, khối được ký giao ước này.',
        `${account.user.id} may not sign for ${clusterId}`,
      );
    }
    if (action === 'draft') {
      const parsed = CompactActionSchemas.draft.unwrap().shape.content.safeParse(content);
      if (!parsed.success) {
        return compactPage(request, reply, clusterId, year, {
          error: parsed.error.issues.map((i) => i.message).join(' '),
          status: 400,
          content,
        });
      }
    }
    const actor = actorWithRole(account, action === 'draft' ? 'cluster_head' : 'unit_head');
    try {
      const now = new Date().toISOString();
      if (action === 'draft') {
        checkFirst(() => checkCompactAction(state, { name: 'draft', input: { actor, content: content.trim() } }, now));
        await deps.yearCases.actOnCompact(state, 'draft', { actor, content });
      } else {
        checkFirst(() => checkCompactAction(state, { name: 'sign', input: { actor } }, now));
        await deps.yearCases.actOnCompact(state, 'sign', { actor });
      }
    } catch (error) {
      if (error instanceof ActionRefusedError) {
        request.log.warn({ clusterId, year, action, code: error.code, en: error.en }, 'compact refused');
        return compactPage(request, reply, clusterId, year, {
          error: error.vi,
          status: refusalStatus(error.code),
          ...(action === 'draft' ? { content } : {}),
        });
      }
      throw error;
    }
    return reply.redirect(`/giao-uoc/${encodeURIComponent(clusterId)}?nam=${year}&ok=${action}`, 303);
  });
};
