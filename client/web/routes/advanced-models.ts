/**
 * The year's advanced models (điển hình tiên tiến) for the council's standing body and the leadership: every unit's
 * proposal (01 collective + 02 individuals), the council's selection of 05–10 recorded by the standing body, and
 * sending that result on to the higher level. The page reads `advanced-model/<org>/<year>`'s state; the forms run
 * the domain's own check (the one the workflow's validator repeats) and then its `select` / `send_on` Updates.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Account } from '../../../store/credentials.js';
import {
  AdvancedModelActionSchemas,
  candidateKey,
  checkAdvancedModelAction,
  selectionAllowed,
  type AdvancedModelAction,
  type AdvancedModelState,
} from '../../../domain/plan-year/advanced-model.js';
import type { Role } from '../../../domain/org.js';
import { ruleSetById, ruleValue } from '../../../domain/rules/index.js';
import { ActionRefusedError } from '../../lib/cases.js';
import { checkFirst } from '../../lib/year-cases.js';
import { actorWithRole } from '../case-view.js';
import { forbidden, WebError } from '../errors.js';
import { renderPage } from '../render.js';
import { ADVANCED_MODELS_PATH } from '../case-links.js';
import { accountOf, has } from '../http/account.js';
import type { RouteOptions } from '../http/deps.js';
import { list, optionalText, parseForm, rawText } from '../http/form.js';
import { refusalStatus } from '../http/refusal.js';
import { yearField } from '../http/year.js';

const pageQuery = parseForm(z.object({ nam: yearField, ok: optionalText }), 'advanced models query');
const actionParams = parseForm(z.object({ action: z.string() }), 'advanced models address');
const selectionForm = parseForm(
  z.object({
    nam: yearField,
    chon: list,
    // A note of blanks is no note; a real one is kept as typed.
    note: rawText.transform((s) => (s.trim() === '' ? undefined : s)),
  }),
  'advanced models form',
);

const OK: Record<string, string> = {
  select: 'Đã ghi nhận kết quả lựa chọn của Hội đồng.',
  send_on: 'Đã gửi kết quả lựa chọn điển hình tiên tiến lên cấp trên.',
};

/** The role an account acts in on this page: the standing body first, then the leadership; null: read only. */
function actingRole(account: Account): Role | null {
  if (has(account, 'council_secretary')) return 'council_secretary';
  if (has(account, 'leadership')) return 'leadership';
  return null;
}

function requireViewer(account: Account): void {
  if (!has(account, 'council_secretary', 'leadership', 'admin'))
    throw forbidden(
      'Chỉ Thường trực Hội đồng và lãnh đạo đơn vị xem được danh sách điển hình tiên tiến.',
      `roles ${account.user.roles.join(',')} may not see advanced models`,
    );
}

function notStarted(year: number): WebError {
  return new WebError(
    404,
    `Chưa có việc lựa chọn điển hình tiên tiến năm ${year} (kế hoạch chưa khởi động).`,
    'no advanced-model case',
  );
}

/** Every proposed candidate with its key, unit and whether the council chose it (or the form had it ticked). */
function candidateRows(state: AdvancedModelState, ticked: string[] | null) {
  const chosen = new Set(ticked ?? state.selection?.keys ?? []);
  return state.units.map((u) => {
    const proposal = state.proposals[u.id] ?? null;
    return {
      unitId: u.id,
      name: u.name,
      proposedAt: proposal?.at ?? null,
      proposedBy: proposal?.by.displayName ?? null,
      candidates: (proposal?.candidates ?? []).map((c) => {
        const key = candidateKey(u.id, c);
        return { ...c, key, chosen: chosen.has(key) };
      }),
    };
  });
}

export const advancedModelRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  // The organisation's case of the year (configuration, else the directory's one council), never a constant.
  const stateOf = async (year: number) => {
    const orgUnitId = await deps.organisation();
    return orgUnitId ? deps.yearCases.advancedModels(orgUnitId, year) : null;
  };
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extras: { error?: string | null; status?: number; ticked?: string[]; note?: string } = {},
  ) => {
    const account = accountOf(request);
    requireViewer(account);
    const state = await stateOf(year);
    if (!state) throw notStarted(year);
    const now = new Date().toISOString();
    const role = actingRole(account);
    const { ok } = pageQuery(request.query);
    const rows = candidateRows(state, extras.ticked ?? null);
    // The numbers are the case's rule set's (the one in force when it started), never the page's.
    const ruleSet = ruleSetById(state.ruleSetId);
    const numbers = {
      collectives: ruleValue(ruleSet, 'advancedModel.collectivesPerUnit'),
      individuals: ruleValue(ruleSet, 'advancedModel.individualsPerUnit'),
      selectMin: ruleValue(ruleSet, 'advancedModel.selectMin'),
      selectMax: ruleValue(ruleSet, 'advancedModel.selectMax'),
    };
    return renderPage(
      request,
      reply,
      'advanced-models',
      {
        title: `Điển hình tiên tiến năm ${year}`,
        year,
        state,
        rows,
        proposed: Object.keys(state.proposals).length,
        numbers,
        chosen: rows.flatMap((r) => r.candidates.filter((c) => c.chosen).map((c) => ({ ...c, unitName: r.name }))),
        canSelect: role !== null && !state.selection && selectionAllowed(state, now),
        selectionWaits: !state.selection && !selectionAllowed(state, now),
        canSendOn: role !== null && !!state.selection && !state.sentOn,
        note: extras.note ?? '',
        error: extras.error ?? null,
        ok: !extras.error && ok && Object.hasOwn(OK, ok) ? OK[ok] : null,
      },
      extras.status ?? 200,
    );
  };

  app.get(ADVANCED_MODELS_PATH, async (request, reply) => page(request, reply, pageQuery(request.query).nam));

  app.post(`${ADVANCED_MODELS_PATH}/:action`, async (request, reply) => {
    const account = accountOf(request);
    const { nam: year, chon: ticked, note } = selectionForm(request.body);
    const { action: slug } = actionParams(request.params);
    const name = slug === 'chon' ? 'select' : slug === 'gui' ? 'send_on' : null;
    if (!name) throw new WebError(404, 'Thao tác không tồn tại.', `unknown action ${slug}`);
    const role = actingRole(account);
    if (!role)
      throw forbidden(
        name === 'select'
          ? 'Chỉ Thường trực Hội đồng hoặc lãnh đạo đơn vị được ghi nhận lựa chọn của Hội đồng.'
          : 'Chỉ Thường trực Hội đồng hoặc lãnh đạo đơn vị được gửi kết quả lên cấp trên.',
        `roles ${account.user.roles.join(',')} may not ${name}`,
      );
    const state = await stateOf(year);
    if (!state) throw notStarted(year);
    const actor = actorWithRole(account, role);
    const raw = name === 'select' ? { actor, selected: ticked, note } : { actor, note };
    const parsed = AdvancedModelActionSchemas[name].safeParse(raw);
    if (!parsed.success)
      return page(request, reply, year, {
        error: parsed.error.issues.map((i) => i.message).join(' '),
        status: 400,
        ticked,
        note: note ?? '',
      });
    const action = { name, input: parsed.data } as AdvancedModelAction;
    try {
      checkFirst(() => checkAdvancedModelAction(state, action, new Date().toISOString(), ruleSetById(state.ruleSetId)));
      if (action.name === 'select') await deps.yearCases.actOnAdvancedModels(state, 'select', action.input);
      else await deps.yearCases.actOnAdvancedModels(state, 'send_on', action.input);
    } catch (error) {
      if (error instanceof ActionRefusedError) {
        request.log.warn({ year, action: name, code: error.code, en: error.en }, 'advanced-model action refused');
        return page(request, reply, year, {
          error: error.vi,
          status: refusalStatus(error.code),
          ticked,
          note: note ?? '',
        });
      }
      throw error;
    }
    return reply.redirect(`${ADVANCED_MODELS_PATH}?nam=${year}&ok=${name}`, 303);
  });
};
