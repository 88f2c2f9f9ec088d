/**
 * The web UI server: a thin Temporal client in Vietnamese. Fastify with its first-party plugins for cookies,
 * CSRF tokens, security headers and rate limits; Eta templates that escape by default. Every page is
 * authorised here by role and unit, and every action again inside the workflow.
 *
 * Sessions: a random token in an HttpOnly, SameSite=Lax cookie; only its SHA-256 is stored (web_sessions),
 * with a sliding expiry. CSRF: @fastify/csrf-protection, secret in a signed HttpOnly cookie (the cookie key
 * is generated once into the database), token in a hidden `_csrf` field of every form, checked on every POST.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Client } from '@temporalio/client';
import type { AppConfig } from '../../domain/config.js';
import type { SqlDatabase } from '../../store/sql.js';
import {
  checkCredentials,
  createSession,
  deleteSession,
  loadAccount,
  touchSession,
  webSecret,
  type Account,
} from '../../store/credentials.js';
import { DEMO_LOGINS } from '../../store/demo-data.js';
import { readCaughtMails } from '../mail-catcher/catcher.js';
import type { CasesClient } from '../lib/cases.js';
import { WebError } from './errors.js';
import { renderPage, STATIC_DIR } from './render.js';
import { registerCaseRoutes } from './routes/cases.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerBookRoutes } from './routes/book.js';
import { registerDashboardRoutes } from './routes/dashboard.js';
import { registerPlanRoutes } from './routes/plan.js';
import { registerCouncilRoutes } from './routes/council.js';
import { registerAdvancedModelRoutes } from './routes/advanced-models.js';
import { DEFAULT_CAMPAIGN_SOURCES, type CampaignSources } from './campaign-options.js';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'tdkt_sid';

export interface WebServerOptions {
  config: Pick<AppConfig, 'TEMPORAL_UI_URL' | 'OUTBOX_DIR' | 'PUBLIC_URL'>;
  db: SqlDatabase;
  /** The Temporal client (raw event history, quota ledgers) and the typed cases client built on it. */
  temporal: Client;
  cases: CasesClient;
  /** Show the local mail catcher's outbox (embedded default only). */
  showOutbox: boolean;
  /** Sign-in attempts allowed per address and username in a window (default 5 per minute). */
  signInLimit?: { max: number; timeWindowMs: number };
  /** Idle lifetime of a session (default 8 hours). */
  sessionTtlSeconds?: number;
  /** Show the demo accounts on the sign-in page (the embedded demo). */
  showDemoLogins?: boolean;
  logLevel?: string;
  /** Campaigns offered on the new-nomination form and the admin search instead of the demo's plan and movement. */
  campaigns?: { id: string; title: string }[];
  /**
   * Where the new-nomination form finds open campaigns (default: the demo's; with `campaigns` alone, only those,
   * so a test's world is not mixed with plans other tests run on the same server).
   */
  campaignSources?: Partial<CampaignSources>;
}

export interface WebDeps {
  db: SqlDatabase;
  temporal: Client;
  cases: CasesClient;
  config: WebServerOptions['config'];
  showOutbox: boolean;
  campaignSources: CampaignSources;
}

/** Paths anyone may open without signing in. */
const PUBLIC_PATHS = [/^\/dang-nhap$/, /^\/static\//, /^\/healthz$/, /^\/lich\/[^/]+\.ics$/, /^\/hop-thu-di$/];

function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/';
}

export async function buildWebServer(options: WebServerOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const app = Fastify({
    logger: { level: options.logLevel ?? 'warn' },
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: false,
  });
  const secure = config.PUBLIC_URL.startsWith('https:');
  const ttl = options.sessionTtlSeconds ?? 8 * 60 * 60;
  const deps: WebDeps = {
    db,
    temporal: options.temporal,
    cases: options.cases,
    config,
    showOutbox: options.showOutbox,
    campaignSources: {
      ...DEFAULT_CAMPAIGN_SOURCES,
      ...(options.campaigns ? { fixed: options.campaigns, planYears: [], movements: [] } : {}),
      ...options.campaignSources,
    },
  };

  app.decorateRequest('account', null);
  app.decorateRequest('sessionToken', null);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': secure ? [] : null,
      },
    },
    strictTransportSecurity: secure,
  });
  await app.register(fastifyCookie, { secret: await webSecret(db, 'cookie') });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    cookieKey: 'tdkt_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure },
  });
  await app.register(fastifyRateLimit, { global: false });

  // ------------------------------------------------------------------------------------------ errors
  app.setErrorHandler((error: unknown, request, reply) => {
    const e = error as { statusCode?: number; code?: string; message?: string };
    let status = 500;
    let vi = 'Đã có lỗi trong hệ thống. Vui lòng thử lại sau.';
    if (error instanceof WebError) {
      status = error.status;
      vi = error.vi;
      request.log.warn({ status, en: error.en }, 'request refused');
    } else if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET') {
      status = 403;
      vi = 'Biểu mẫu đã hết hạn hoặc không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang và thử lại.';
      request.log.warn({ code: e.code }, 'csrf check failed');
    } else if (e.statusCode === 429) {
      status = 429;
      vi = 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi một phút rồi thử lại.';
    } else if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      status = e.statusCode;
      vi = 'Yêu cầu không hợp lệ.';
    } else {
      request.log.error(error);
    }
    return renderPage(request, reply, 'error', { title: 'Không thực hiện được', message: vi, status }, status);
  });
  app.setNotFoundHandler((request, reply) =>
    renderPage(request, reply, 'error', { title: 'Không tìm thấy', message: 'Trang không tồn tại.', status: 404 }, 404),
  );

  // ---------------------------------------------------------------------------------------- sessions
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await touchSession(db, token, ttl);
      if (session) {
        request.account = await loadAccount(db, session.userId);
        request.sessionToken = token;
      }
    }
    const pathname = request.url.split('?')[0] ?? '/';
    if (request.account || PUBLIC_PATHS.some((p) => p.test(pathname))) return;
    if (request.method === 'GET' || request.method === 'HEAD') {
      return reply.redirect(`/dang-nhap${pathname === '/' ? '' : `?next=${encodeURIComponent(request.url)}`}`, 303);
    }
    throw new WebError(401, 'Bạn cần đăng nhập.', 'not signed in');
  });
  // Every state-changing request carries the form's CSRF token.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST') app.csrfProtection(request, reply, done);
    else done();
  });

  // ------------------------------------------------------------------------------------------ static
  const css = readFileSync(path.join(STATIC_DIR, 'app.css'), 'utf8');
  app.get('/static/app.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(css),
  );
  app.get('/healthz', async () => ({ ok: true }));

  // ----------------------------------------------------------------------------------------- sign-in
  const demoLogins = options.showDemoLogins ? DEMO_LOGINS : [];
  app.get<{ Querystring: { next?: string } }>('/dang-nhap', async (request, reply) => {
    if (request.account) return reply.redirect(safeNext(request.query.next), 303);
    return renderPage(request, reply, 'signin', {
      title: 'Đăng nhập',
      next: safeNext(request.query.next),
      username: '',
      error: null,
      demoLogins,
    });
  });

  const limit = options.signInLimit ?? { max: 5, timeWindowMs: 60_000 };
  app.post<{ Body: { username?: string; password?: string; next?: string } }>(
    '/dang-nhap',
    {
      config: {
        rateLimit: {
          max: limit.max,
          timeWindow: limit.timeWindowMs,
          hook: 'preHandler',
          // Per address and account: guessing one account's password is slowed; colleagues behind one NAT are not.
          keyGenerator: (request: FastifyRequest) => {
            const body = request.body as { username?: unknown } | undefined;
            const username = typeof body?.username === 'string' ? body.username.trim().toLowerCase() : '';
            return `${request.ip}|${username}`;
          },
        },
      },
    },
    async (request, reply) => {
      const username = String(request.body?.username ?? '').slice(0, 100);
      const password = String(request.body?.password ?? '').slice(0, 200);
      const user = username && password ? await checkCredentials(db, username, password) : null;
      if (!user) {
        request.log.warn({ username }, 'sign-in failed');
        return renderPage(
          request,
          reply,
          'signin',
          {
            title: 'Đăng nhập',
            next: safeNext(request.body?.next),
            username,
            error: 'Tên đăng nhập hoặc mật khẩu không đúng.',
            demoLogins,
          },
          401,
        );
      }
      if (request.sessionToken) await deleteSession(db, request.sessionToken);
      const token = await createSession(db, user.id, ttl);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      return reply.redirect(safeNext(request.body?.next), 303);
    },
  );

  app.post('/dang-xuat', async (request, reply) => {
    if (request.sessionToken) await deleteSession(db, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/dang-nhap', 303);
  });

  // ------------------------------------------------------------------------------------------- pages
  await registerCaseRoutes(app, deps);
  await registerAdminRoutes(app, deps);
  await registerBookRoutes(app, deps);
  await registerDashboardRoutes(app, deps);
  await registerPlanRoutes(app, deps);
  await registerCouncilRoutes(app, deps);
  await registerAdvancedModelRoutes(app, deps);

  if (options.showOutbox) {
    app.get('/hop-thu-di', async (request, reply) => {
      const mails = await readCaughtMails(config.OUTBOX_DIR);
      return renderPage(request, reply, 'outbox', { title: 'Hộp thư đi', mails });
    });
  }
  return app;
}

/** Requires a signed-in account (the onRequest hook already redirected anonymous GETs). */
export function accountOf(request: FastifyRequest): Account {
  if (!request.account) throw new WebError(401, 'Bạn cần đăng nhập.', 'not signed in');
  return request.account;
}

export function requireRole(request: FastifyRequest, roles: readonly string[]): Account {
  const account = accountOf(request);
  if (!account.user.roles.some((r) => roles.includes(r))) {
    throw new WebError(
      403,
      'Bạn không có quyền xem trang này.',
      `roles ${account.user.roles.join(',')} not in ${roles.join(',')}`,
    );
  }
  return account;
}

export type { FastifyReply };
