/**
 * The web UI server: a thin Temporal client in Vietnamese. Fastify with its first-party plugins for cookies,
 * CSRF tokens, security headers and rate limits; Eta templates that escape by default. Every page is
 * authorised here by role and unit, and every action again inside the workflow.
 *
 * Each route group is a plugin (routes/). Public pages are registered at the root; every other page inside one
 * protected scope whose onRequest hook sends anonymous visitors to the sign-in page. A page is therefore public
 * only by where it is registered. CSRF: @fastify/csrf-protection, secret in a signed HttpOnly cookie (the cookie
 * key is generated once into the database), token in a hidden `_csrf` field of every form, checked on every POST.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Client } from '@temporalio/client';
import type { AppConfig } from '../../domain/config.js';
import type { SqlDatabase } from '../../store/sql.js';
import { webSecret } from '../../store/credentials.js';
import type { CasesClient } from '../lib/cases.js';
import { YearCasesClient } from '../lib/year-cases.js';
import { campaignSourcesFromDatabase, type CampaignSources, type FixedCampaign } from './campaign-options.js';
import { planOrganisation } from '../../store/plan-organisation.js';
import { issueAndLaunchPlan } from '../lib/plan-issue.js';
import { rehearseInOwnProcess } from '../lib/rehearsal.js';
import type { RehearsalInput, RehearsalResult } from '../../domain/rehearsal/types.js';
import { handleError, notFoundPage } from './http/errors.js';
import type { WebDeps } from './http/deps.js';
import { readSession, requireSignIn } from './http/session.js';
import { adminRoutes } from './routes/admin.js';
import { advancedModelRoutes } from './routes/advanced-models.js';
import { bookRoutes } from './routes/book.js';
import { calendarRoutes } from './routes/calendar.js';
import { caseRoutes } from './routes/cases.js';
import { complaintRoutes } from './routes/complaints.js';
import { councilRoutes } from './routes/council.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { outboxRoutes } from './routes/outbox.js';
import { planRoutes } from './routes/plan.js';
import { planDraftingRoutes } from './routes/plan-drafting.js';
import { planAmendmentRoutes } from './routes/plan-amendment.js';
import { signInRoutes, signOutRoutes } from './routes/sign-in.js';
import { staticRoutes } from './routes/static.js';
import { refuseNulCharacters } from './http/nul-guard.js';

export interface WebServerOptions {
  config: Pick<AppConfig, 'TEMPORAL_UI_URL' | 'OUTBOX_DIR' | 'PUBLIC_URL'>;
  db: SqlDatabase;
  /** The Temporal client the year's cases are read through, and the typed cases client built on it. */
  temporal: Client;
  cases: CasesClient;
  /** This process runs the local mail catcher, whose outbox may be shown (embedded default only; see `demo`). */
  showOutbox: boolean;
  /**
   * Demo mode (SEED_DEMO_DATA): the outbox page is served, to administrators only, in demo mode alone. Defaults to
   * `showDemoLogins`, which the embedded app sets from SEED_DEMO_DATA.
   */
  demo?: boolean;
  /** Sign-in attempts allowed per address and username in a window (default 5 per minute). */
  signInLimit?: { max: number; timeWindowMs: number };
  /** Idle lifetime of a session (default 8 hours). */
  sessionTtlSeconds?: number;
  /** Show the demo accounts on the sign-in page (the embedded demo). */
  showDemoLogins?: boolean;
  /** Whether the living demo is still being prepared (client/demo): the sign-in page says so meanwhile. */
  demoPreparing?: () => boolean;
  logLevel?: string;
  /** Campaigns offered on the new-nomination form and the admin search instead of the demo's plan and movement. */
  campaigns?: FixedCampaign[];
  /**
   * Where the new-nomination form finds open campaigns (default: the database's plans and movements; with `campaigns` alone, only those,
   * so a test's world is not mixed with plans other tests run on the same server).
   */
  campaignSources?: Partial<CampaignSources>;
  /** PLAN_ORG_UNIT_ID: the organisation whose plans the pages follow; absent: the directory's one council. */
  orgUnitId?: string | undefined;
  /** How a drafted plan is rehearsed (default: in a process of its own, rehearsal/main.ts). */
  rehearse?: (input: RehearsalInput) => Promise<RehearsalResult>;
}

export async function buildWebServer(options: WebServerOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const app = Fastify({
    logger: { level: options.logLevel ?? 'warn' },
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: false,
  });
  const secure = config.PUBLIC_URL.startsWith('https:');
  const ttlSeconds = options.sessionTtlSeconds ?? 8 * 60 * 60;
  // Looked up until found, then kept: a directory loaded after start-up is picked up on the next page.
  let organisation: string | null = null;
  const organisationOf = async () => (organisation ??= (await planOrganisation(db, options.orgUnitId)).orgUnitId);
  const deps: WebDeps = {
    db,
    organisation: organisationOf,
    issuePlan: (input) => issueAndLaunchPlan(options.temporal, db, input),
    rehearse:
      options.rehearse ??
      ((input) => rehearseInOwnProcess(input, { log: (line) => app.log.info({ rehearsal: line }) })),
    cases: options.cases,
    yearCases: new YearCasesClient(options.temporal),
    config,
    showOutbox: options.showOutbox,
    campaignSources: async () => {
      const orgUnitId = await organisationOf();
      const base: CampaignSources = options.campaigns
        ? { orgUnitId: orgUnitId ?? '', fixed: options.campaigns, planYears: [], movements: [], plans: [] }
        : await campaignSourcesFromDatabase(db, orgUnitId);
      return { ...base, ...options.campaignSources };
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

  app.setErrorHandler(handleError);
  // Every page, public ones included, knows who is signed in (the layout names them).
  app.addHook('onRequest', readSession(db, ttlSeconds));
  // A NUL character can be neither typed nor stored: refused before any route reads the request.
  app.addHook('preValidation', refuseNulCharacters);
  // Every state-changing request carries the form's CSRF token.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST') app.csrfProtection(request, reply, done);
    else done();
  });

  // ------------------------------------------------------------------------------- public: no session needed
  await app.register(staticRoutes);
  await app.register(signInRoutes, {
    deps,
    ttlSeconds,
    limit: options.signInLimit ?? { max: 5, timeWindowMs: 60_000 },
    showDemoLogins: options.showDemoLogins ?? false,
    demoPreparing: options.demoPreparing ?? (() => false),
  });
  await app.register(calendarRoutes, { deps });
  // The outbox exists only in demo mode with the local catcher; the layout links to it for administrators.
  const outboxShown = options.showOutbox && (options.demo ?? options.showDemoLogins ?? false);
  app.decorate('outboxShown', outboxShown);

  // ---------------------------------------------------------------------------- protected: a signed-in account
  await app.register(async (protectedScope) => {
    protectedScope.addHook('onRequest', requireSignIn);
    // Set here, the not-found page runs this scope's hooks: an anonymous visitor learns nothing of which pages
    // exist, and is sent to sign in as for any other private address.
    protectedScope.setNotFoundHandler(notFoundPage);
    if (outboxShown) await protectedScope.register(outboxRoutes, { deps });
    for (const routes of [
      signOutRoutes,
      caseRoutes,
      adminRoutes,
      bookRoutes,
      dashboardRoutes,
      planRoutes,
      planDraftingRoutes,
      planAmendmentRoutes,
      councilRoutes,
      advancedModelRoutes,
      complaintRoutes,
    ]) {
      await protectedScope.register(routes, { deps });
    }
  });
  return app;
}
