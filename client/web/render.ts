/**
 * Server-side rendering with Eta templates (client/web/views). Eta escapes every `<%= %>` interpolation by
 * default; the few raw `<%~ %>` outputs are the layout body, included partials and SVG charts built here from
 * numbers only. Every page gets the signed-in account, a fresh CSRF token and the Vietnamese helpers.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatDateTimeVN, formatDateVN } from '../../domain/calendar.js';
import { awardByCode, findAward } from '../../domain/catalogue.js';
import { registrationAuditLabel, ROLE_LABELS, STAGE_LABELS, TRACK_LABELS, VOTE_LABELS } from '../../domain/i18n.js';
import type { NominationStage } from '../../domain/stages.js';
import type { Role } from '../../domain/org.js';
import type { Account } from '../../store/credentials.js';
import { caseLink } from './case-links.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const VIEWS_DIR = path.join(here, 'views');
export const STATIC_DIR = path.join(here, 'static');

export const eta = new Eta({ views: VIEWS_DIR, autoEscape: true, cache: process.env.NODE_ENV !== 'development' });

/** Eta's own escaping (what every `<%= %>` does), for the little HTML built in code: the SVG charts below. */
export const escapeHtml = (text: string): string => eta.config.escapeFunction(text);

/** Helpers every template may call as `it.h.<name>`. */
export const helpers = {
  date: (iso: string | null | undefined): string => (iso ? formatDateVN(iso) : '—'),
  dateTime: (iso: string | null | undefined): string => (iso ? formatDateTimeVN(iso) : '—'),
  /** An instant as its Vietnam date and time in a `<time datetime>` element; raw HTML, for `<%~`. */
  dateTimeTag: (iso: string | null | undefined): string =>
    iso ? `<time datetime="${escapeHtml(iso)}">${formatDateTimeVN(iso)}</time>` : '—',
  /** An instant as dd/mm/yyyy (Vietnam time) in a `<time datetime>` element; raw HTML, for `<%~`. */
  time: (iso: string | null | undefined): string =>
    iso ? `<time datetime="${escapeHtml(iso)}">${formatDateVN(iso)}</time>` : '—',
  /** A `yyyy-mm-dd` calendar date as dd/mm/yyyy in a `<time datetime>` element; raw HTML, for `<%~`. */
  ymdTime: (key: string | null | undefined): string =>
    key && /^\d{4}-\d{2}-\d{2}$/.test(key)
      ? `<time datetime="${key}">${helpers.ymd(key)}</time>`
      : escapeHtml(key ?? '—'),
  /** Any date text a parser understands (e.g. a mail's Date header), in Vietnam time. */
  looseDateTime: (text: string | null | undefined): string => {
    const ms = text ? Date.parse(text) : Number.NaN;
    return Number.isNaN(ms) ? (text ?? '') : formatDateTimeVN(new Date(ms).toISOString());
  },
  /** A `yyyy-mm-dd` calendar date as dd/mm/yyyy. */
  ymd: (key: string | null | undefined): string => {
    const m = key ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(key) : null;
    return m ? `${m[3]}/${m[2]}/${m[1]}` : (key ?? '—');
  },
  stage: (stage: string | null | undefined): string =>
    stage ? (STAGE_LABELS[stage as NominationStage] ?? stage) : '—',
  role: (role: string): string => ROLE_LABELS[role as Role] ?? role,
  award: (code: string | null | undefined): string => (code ? (findAward(code)?.name ?? code) : '—'),
  track: (track: string): string => TRACK_LABELS[track as keyof typeof TRACK_LABELS] ?? track,
  vote: (choice: string): string => VOTE_LABELS[choice as keyof typeof VOTE_LABELS] ?? choice,
  caseUrl: (caseId: string): string => `/ho-so/${encodeURIComponent(caseId)}`,
  /** A listed case's kind, link and step in Vietnamese (nominations, registrations, compacts, advanced models). */
  caseLink,
  isOverdue: (dueAt: string | null | undefined, now: Date): boolean => !!dueAt && Date.parse(dueAt) < now.getTime(),
  /** Query string of a filter object, skipping empty values (for pagination links). */
  query: (params: Record<string, string | number | null | undefined>): string => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
    const s = q.toString();
    return s ? `?${s}` : '';
  },
  awardDecidedBy: (code: string): string => awardByCode(code).decidedBy,
  registrationAction: (action: string): string => registrationAuditLabel(action),
};
export type Helpers = typeof helpers;

declare module 'fastify' {
  interface FastifyInstance {
    /** The demo outbox page is served (server.ts): the layout links to it for administrators. */
    outboxShown?: boolean;
  }
}

export interface PageData {
  title: string;
  [key: string]: unknown;
}

/** Renders a view inside the layout and sends it. */
export function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  view: string,
  data: PageData,
  status = 200,
): FastifyReply {
  const account: Account | null = request.account ?? null;
  const body = eta.render(view, {
    ...data,
    account,
    csrf: reply.generateCsrf(),
    // Each rendered form's idempotency key: sent again (a double click, a browser retry, the back button), the
    // same key makes the same Update, so the action is applied once and the repeat shows its result. A page that
    // says an action is still being processed passes the action's own key instead (data.requestId).
    requestId: typeof data.requestId === 'string' ? data.requestId : randomUUID(),
    h: helpers,
    now: new Date(),
    path: request.url.split('?')[0],
    outboxShown: request.server.outboxShown === true,
  });
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/** Simple horizontal bar chart as inline SVG; labels are escaped, values are numbers. */
export function barChart(
  rows: { label: string; value: number; tone?: 'warn' | 'ok' | 'info' }[],
  title: string,
): string {
  const esc = escapeHtml;
  const max = Math.max(1, ...rows.map((r) => r.value));
  // Each label sits on its own line above its bar, so a long label never runs into the bar or its number.
  const rowHeight = 46;
  const barWidth = 480;
  const height = rows.length * rowHeight + 6;
  const bars = rows
    .map((r, i) => {
      const y = i * rowHeight + 4;
      const w = Math.max(Math.round((r.value / max) * barWidth), 1);
      return (
        `<text x="0" y="${y + 14}" class="chart-label">${esc(r.label)}</text>` +
        `<rect x="0" y="${y + 21}" width="${w}" height="18" class="bar bar-${r.tone ?? 'info'}"></rect>` +
        `<text x="${w + 6}" y="${y + 35}" class="chart-value">${r.value}</text>`
      );
    })
    .join('');
  return `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${barWidth + 60} ${height}" class="chart"><title>${esc(title)}</title>${bars}</svg>`;
}
