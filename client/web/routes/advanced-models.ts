/**
 * The year's advanced models (điển hình tiên tiến) for the council's standing body and the leadership: every unit's
 * proposal (01 collective + 02 individuals), the council's selection of 05–10 recorded by the standing body, and
 * sending that result on to the higher level. The page reads `advanced-model/<org>/<year>`'s state; the forms run
 * the domain's own check (the one the workflow's validator repeats) and then its `select` / `send_on` Updates.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
import { HAI_DUONG_2025 } from '../../../domain/plans/index.js';
import { ruleSetById, ruleValue } from '../../../domain/rules/index.js';
import { ActionRefusedError } from '../../lib/cases.js';
import { actorWithRole } from '../case-view.js';
import { forbidden, WebError } from '../errors.js';
import { renderPage } from '../render.js';
import { accountOf, type WebDeps } from '../server.js';
import { ADVANCED_MODELS_PATH } from '../case-links.js';
import { actOnAdvancedModels, checkFirst, loadAdvancedModels } from '../year-cases.js';
import { has, refusalStatus, yearOf } from './plan.js';

export { ADVANCED_MODELS_PATH };
const ORG = HAI_DUONG_2025.orgUnitId;

type FormBody = Record<string, string | string[] | undefined>;

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

const list = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

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

export async function registerAdvancedModelRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extras: { error?: string | null; status?: number; ticked?: string[]; note?: string } = {},
  ) => {
    const account = accountOf(request);
    requireViewer(account);
    const state = await loadAdvancedModels(deps.temporal, ORG, year);
    if (!state) throw notStarted(year);
    const now = new Date().toISOString();
    const role = actingRole(account);
    const ok = (request.query as { ok?: string }).ok;
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
        ok: !extras.error && ok && ok in OK ? OK[ok] : null,
      },
      extras.status ?? 200,
    );
  };

  app.get<{ Querystring: { nam?: string } }>(ADVANCED_MODELS_PATH, async (request, reply) =>
    page(request, reply, yearOf(request.query.nam)),
  );

  app.post<{ Params: { action: string }; Body: FormBody }>(
    `${ADVANCED_MODELS_PATH}/:action`,
    async (request, reply) => {
      const account = accountOf(request);
      const body = request.body ?? {};
      const year = yearOf(body.nam);
      const name = request.params.action === 'chon' ? 'select' : request.params.action === 'gui' ? 'send_on' : null;
      if (!name) throw new WebError(404, 'Thao tác không tồn tại.', `unknown action ${request.params.action}`);
      const role = actingRole(account);
      if (!role)
        throw forbidden(
          name === 'select'
            ? 'Chỉ Thường trực Hội đồng hoặc lãnh đạo đơn vị được ghi nhận lựa chọn của Hội đồng.'
            : 'Chỉ Thường trực Hội đồng hoặc lãnh đạo đơn vị được gửi kết quả lên cấp trên.',
          `roles ${account.user.roles.join(',')} may not ${name}`,
        );
      const state = await loadAdvancedModels(deps.temporal, ORG, year);
      if (!state) throw notStarted(year);
      const note = typeof body.note === 'string' && body.note.trim() !== '' ? body.note : undefined;
      const ticked = list(body.chon);
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
        checkFirst(() =>
          checkAdvancedModelAction(state, action, new Date().toISOString(), ruleSetById(state.ruleSetId)),
        );
        if (action.name === 'select') await actOnAdvancedModels(deps.temporal, state, 'select', action.input);
        else await actOnAdvancedModels(deps.temporal, state, 'send_on', action.input);
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
    },
  );
}
