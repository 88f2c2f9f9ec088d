/**
 * The `tdkt` command line: start a nomination from a JSON file, act on a case as a given user, show a
 * case (readable or --json), list cases through visibility, and act on many cases at once.
 * Dependencies are injected (runCli(argv, deps)) so tests run the same code as the binary.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { formatDateTimeVN, formatDateVN } from '../../domain/calendar.js';
import { ACTION_NAMES, DraftSchema, type ActionName, type ActionRequest } from '../../domain/nomination/actions.js';
import { STAGE_LABELS as STAGE_LABELS_VI } from '../../domain/i18n.js';
import type { NominationState } from '../../domain/nomination/types.js';
import type { Actor, ActingMode } from '../../domain/org.js';
import { NOMINATION_TRACKS } from '../../domain/stages.js';
import { zodFallbackVN } from '../../domain/zod-vi.js';
import { ActionRefusedError, type CasesClient } from '../lib/cases.js';

export interface CliDeps {
  cases: Pick<CasesClient, 'startNomination' | 'act' | 'bulk' | 'getCase' | 'listCases'>;
  /** Looks a user up in the directory and returns them as an actor (null when unknown). */
  actorFor(username: string): Promise<Actor | null>;
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = `Cách dùng (usage):
  tdkt start --file <nomination.json> --as <username>          bắt đầu một hồ sơ đề nghị
  tdkt act <caseId> <action> --as <username> [--input <json> | --input-file <f>] [--on-behalf-of <username> --mode ky_thay|thua_lenh]
  tdkt bulk <action> --as <username> --cases <id,id,...> [--input <json>]
  tdkt show <caseId> [--json]
  tdkt list [--stage s] [--unit u] [--cluster c] [--campaign c] [--status open|closed] [--waiting-role r] [--waiting-unit u] [--json]
actions: ${ACTION_NAMES.join(', ')}`;

const StartFileSchema = z.object({
  campaignId: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { error: 'campaignId không hợp lệ' }),
  year: z.number({ error: 'year phải là số (năm)' }).int().min(2000).max(2100, { error: 'year phải từ 2000 đến 2100' }),
  track: z.enum(NOMINATION_TRACKS, { error: 'track phải là regular hoặc ad_hoc' }).default('regular'),
  unitId: z.string({ error: 'Thiếu unitId (mã đơn vị)' }).min(1, { error: 'Thiếu unitId (mã đơn vị)' }),
  draft: DraftSchema,
});

class UsageError extends Error {}

const PARSE_ARGS_OPTIONS = {
  as: { type: 'string' },
  file: { type: 'string' },
  input: { type: 'string' },
  'input-file': { type: 'string' },
  'on-behalf-of': { type: 'string' },
  mode: { type: 'string' },
  cases: { type: 'string' },
  json: { type: 'boolean', default: false },
  stage: { type: 'string' },
  unit: { type: 'string' },
  cluster: { type: 'string' },
  campaign: { type: 'string' },
  status: { type: 'string' },
  'waiting-role': { type: 'string' },
  'waiting-unit': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

/** The command line read by node:util's parseArgs; its English errors (unknown option, missing value) become usage errors. */
function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: PARSE_ARGS_OPTIONS });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const option = /'(-[^' ]*)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`Không có tùy chọn “${option}” (unknown option).\n${USAGE}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`Tùy chọn “${option}” thiếu giá trị hoặc có giá trị sai (bad option value).\n${USAGE}`);
    throw new UsageError(`Dòng lệnh không hợp lệ (bad command line).\n${USAGE}`);
  }
}

/** A case id as the CLI takes it: only nominations are cases (a ledger's or a plan's id is not). */
function caseIdOf(id: string | undefined): string {
  if (!id) throw new UsageError('Thiếu mã hồ sơ (caseId)');
  if (!id.startsWith('nomination/'))
    throw new UsageError(`Mã hồ sơ “${id}” không hợp lệ: mã hồ sơ đề nghị bắt đầu bằng “nomination/” (not a case id)`);
  return id;
}

/** Reads a JSON file the user named, with a Vietnamese message when it cannot be read. */
function readUserFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(`Không đọc được tệp ${what} “${file}” (${code})`);
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} không phải JSON hợp lệ (${what} is not valid JSON)`);
  }
}

async function requireActor(deps: CliDeps, username: string | undefined): Promise<Actor> {
  if (!username) throw new UsageError('Thiếu --as <username> (who acts)');
  const actor = await deps.actorFor(username);
  if (!actor) throw new UsageError(`Không có người dùng “${username}” (unknown user)`);
  return actor;
}

function describeCase(s: NominationState): string[] {
  const lines = [
    `Hồ sơ:        ${s.caseId}`,
    `Đối tượng:    ${s.draft.nominee.displayName} (${s.draft.nominee.subject === 'individual' ? 'cá nhân' : 'tập thể'}), ${s.context.unit.name}`,
    `Hình thức:    ${s.draft.awardCode}`,
    `Bước:         ${STAGE_LABELS_VI[s.stage]}${s.dueAt ? ` — hạn ${formatDateVN(s.dueAt)}` : ''}`,
  ];
  if (s.decision)
    lines.push(`Quyết định:   số ${s.decision.number} ngày ${s.decision.date.split('-').reverse().join('/')}`);
  if (s.tally)
    lines.push(`Biểu quyết:   đồng ý ${s.tally.yes}, không đồng ý ${s.tally.no}, không biểu quyết ${s.tally.abstain}`);
  lines.push('Diễn biến:');
  for (const a of s.audit) {
    const who = a.actor
      ? `${a.actor.displayName}${a.actor.actingFor ? ` (${a.actor.actingFor.mode === 'ky_thay' ? 'KT.' : 'TL.'})` : ''}`
      : 'Hệ thống';
    lines.push(
      `  ${formatDateTimeVN(a.at)}  ${who}: ${a.action} → ${STAGE_LABELS_VI[a.toStage]}${a.reason ? ` — ${a.reason}` : ''}`,
    );
  }
  return lines;
}

/** Runs one command; returns the exit code (0 ok, 1 refused or failed, 2 usage). */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  try {
    const { values, positionals } = readArgs(argv);
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      deps.out(USAGE);
      return command ? 0 : 2;
    }
    const readInput = (): Record<string, unknown> => {
      const raw = values['input-file'] ? readUserFile(values['input-file'], '--input-file') : (values.input ?? '{}');
      const parsed = parseJson(raw, '--input');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new UsageError('--input phải là một đối tượng JSON');
      return parsed as Record<string, unknown>;
    };
    const actingActor = async (): Promise<Actor> => {
      const actor = await requireActor(deps, values.as);
      if (!values['on-behalf-of']) return actor;
      const principal = await requireActor(deps, values['on-behalf-of']);
      const mode = (values.mode ?? 'ky_thay') as ActingMode;
      if (mode !== 'ky_thay' && mode !== 'thua_lenh') throw new UsageError('--mode phải là ky_thay hoặc thua_lenh');
      return { ...actor, actingFor: { mode, userId: principal.userId, role: principal.role } };
    };
    const actionName = (name: string | undefined): ActionName => {
      if (!name || !(ACTION_NAMES as string[]).includes(name))
        throw new UsageError(`Thao tác không hợp lệ: ${name ?? '(trống)'}. ${USAGE}`);
      return name as ActionName;
    };

    switch (command) {
      case 'start': {
        if (!values.file) throw new UsageError('Thiếu --file <nomination.json>');
        const parsed = StartFileSchema.safeParse(parseJson(readUserFile(values.file, '--file'), '--file'), {
          error: zodFallbackVN,
        });
        if (!parsed.success)
          throw new UsageError(
            `Tệp đề nghị không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          );
        const createdBy = await requireActor(deps, values.as);
        const caseId = await deps.cases.startNomination({ ...parsed.data, createdBy });
        deps.out(values.json ? JSON.stringify({ caseId }) : `Đã tạo hồ sơ ${caseId}`);
        return 0;
      }
      case 'act': {
        const caseId = caseIdOf(rest[0]);
        const name = rest[1];
        const action = actionName(name);
        const input = { ...readInput(), actor: await actingActor() } as ActionRequest<typeof action>;
        const result = await deps.cases.act(caseId, action, input);
        deps.out(
          values.json
            ? JSON.stringify(result)
            : `Đã thực hiện “${action}”: hồ sơ ở bước “${STAGE_LABELS_VI[result.stage]}”${result.dueAt ? `, hạn ${formatDateVN(result.dueAt)}` : ''}`,
        );
        return 0;
      }
      case 'bulk': {
        const action = actionName(rest[0]);
        const ids = (values.cases ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map(caseIdOf);
        if (ids.length === 0) throw new UsageError('Thiếu --cases <id,id,...>');
        const actor = await actingActor();
        const input = readInput();
        const results = await deps.cases.bulk(ids, action, () => ({ ...input, actor }));
        if (values.json) deps.out(JSON.stringify(results));
        else
          for (const r of results)
            deps.out(
              `${r.ok ? 'OK ' : 'LỖI'} ${r.caseId}${r.ok ? ` → ${STAGE_LABELS_VI[r.result!.stage]}` : `: ${r.error}`}`,
            );
        return results.every((r) => r.ok) ? 0 : 1;
      }
      case 'show': {
        const caseId = caseIdOf(rest[0]);
        const state = await deps.cases.getCase(caseId);
        if (values.json) deps.out(JSON.stringify(state, null, 2));
        else describeCase(state).forEach((l) => deps.out(l));
        return 0;
      }
      case 'list': {
        const status = values.status;
        if (status && status !== 'open' && status !== 'closed')
          throw new UsageError('--status phải là open hoặc closed');
        const page = await deps.cases.listCases(
          {
            kind: 'nomination',
            stage: values.stage,
            unit: values.unit,
            cluster: values.cluster,
            campaign: values.campaign,
            status: status as 'open' | 'closed' | undefined,
            waitingRole: values['waiting-role'],
            waitingUnit: values['waiting-unit'],
          },
          { pageSize: 100 },
        );
        if (values.json) deps.out(JSON.stringify(page.items));
        else
          for (const c of page.items)
            deps.out(
              `${c.caseId}  ${c.stage ? (STAGE_LABELS_VI[c.stage as keyof typeof STAGE_LABELS_VI] ?? c.stage) : ''}${c.dueAt ? `  hạn ${formatDateVN(c.dueAt)}` : ''}`,
            );
        return 0;
      }
      default:
        throw new UsageError(`Lệnh không hợp lệ: ${command}\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      deps.err(error.message);
      return 2;
    }
    if (error instanceof ActionRefusedError) {
      deps.err(`Bị từ chối: ${error.vi}`);
      return 1;
    }
    if (error instanceof WorkflowNotFoundError || (error as { name?: string }).name === 'WorkflowNotFoundError') {
      deps.err(`Không có hồ sơ này (${error instanceof Error ? error.message : 'workflow not found'})`);
      return 1;
    }
    // The project's own errors that carry an English `en` speak Vietnamese already (the embedded database busy).
    const message = error instanceof Error ? error.message : String(error);
    if (typeof (error as { en?: unknown }).en === 'string') deps.err(`Lỗi: ${message}`);
    // Anything else is the system's failure, not the person's: said in Vietnamese, the detail in English after it.
    else deps.err(`Lỗi hệ thống, lệnh không thực hiện được (${message})`);
    return 1;
  }
}
