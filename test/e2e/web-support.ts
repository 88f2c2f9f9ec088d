/**
 * Shared by the web UI tests: the real web server on a case world (dev server, real worker, PGlite with the
 * demo organisation), demo passwords for the accounts a test signs in with, and a tiny cookie-keeping agent
 * over fastify.inject that signs in through the form like a browser does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD, seedDemoPasswords } from '../../store/credentials.js';
import { CasesClient } from '../../client/lib/cases.js';
import { buildWebServer, type WebServerOptions } from '../../client/web/server.js';
import type { CampaignSources } from '../../client/web/campaign-options.js';
import { connectToDevServer, uniqueId } from '../harness/temporal.js';
import { createCaseWorld, type CaseWorld } from '../support/case-world.js';

export const TEMPORAL_UI_URL = 'http://temporal-ui.test:8233';

export const JOURNEY_USERS = [
  'admin',
  'vanthu.kv2',
  'truong.kv2',
  // Cụm 1's other member heads vote on a Cờ thi đua case (the cluster vote).
  'truong.kv1',
  'truong.kv3',
  'truong.kv4',
  'vanthu.kv5',
  'truong.kv5',
  'cumtruong.c1',
  'cumtruong.c2',
  'thuongtruc',
  'uyvien1',
  'uyvien2',
  'uyvien3',
  'uyvien4',
  'uyvien5',
  'vientruong',
  'phovientruong',
  // The Supreme Procuracy's emulation department: forwarded cases, and what it may not see.
  'vu16.vkstc',
];

export interface WebWorld {
  env: TestWorkflowEnvironment;
  world: CaseWorld;
  cases: CasesClient;
  app: FastifyInstance;
  /** The campaign the web form offers in this world (unique: quota ledgers are per campaign and unit). */
  campaign: string;
  close(): Promise<void>;
}

export async function startWebWorld(
  opts: {
    signInLimit?: { max: number; timeWindowMs: number };
    campaignSources?: Partial<CampaignSources>;
    rehearse?: WebServerOptions['rehearse'];
  } = {},
): Promise<WebWorld> {
  const env = await connectToDevServer();
  const world = await createCaseWorld(env);
  await seedDemoPasswords(world.db, JOURNEY_USERS, DEMO_PASSWORD);
  const cases = new CasesClient(env.client, world.taskQueue);
  const campaign = uniqueId('dot');
  const app = await buildWebServer({
    config: {
      TEMPORAL_UI_URL,
      OUTBOX_DIR: mkdtempSync(path.join(tmpdir(), 'tdkt-outbox-')),
      PUBLIC_URL: 'http://127.0.0.1:3000',
    },
    db: world.db,
    temporal: env.client,
    cases,
    showOutbox: true,
    showDemoLogins: true,
    signInLimit: opts.signInLimit ?? { max: 1000, timeWindowMs: 60_000 },
    logLevel: process.env.WEB_TEST_LOG ?? 'silent',
    // The demo directory names its cluster heads for 2025: the test campaign's cases are of that year (without
    // a year, a campaign's cases are of the current one, which has no heads, so no cluster review).
    campaigns: [{ id: campaign, title: 'Đợt thi đua thử nghiệm', year: 2025 }],
    ...(opts.campaignSources ? { campaignSources: opts.campaignSources } : {}),
    ...(opts.rehearse ? { rehearse: opts.rehearse } : {}),
  });
  return {
    env,
    world,
    cases,
    app,
    campaign,
    async close() {
      await app.close();
      await world.close();
      await env.teardown();
    },
  };
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF token on the page');
  return m[1];
}

export function caseUrl(caseId: string): string {
  return `/ho-so/${encodeURIComponent(caseId)}`;
}

/** A signed-in (or anonymous) user of the web server, keeping cookies between requests. */
export class Agent {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(setCookie: string | string[] | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(url: string) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.keep(res.headers['set-cookie']);
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m?.[1]) this.csrf = m[1];
    return res;
  }

  /** Posts a form like a browser; an array is a repeated field (ticked checkboxes). */
  async post(url: string, form: Record<string, string | string[]>, opts: { withCsrf?: boolean } = {}) {
    const fields = new URLSearchParams(opts.withCsrf === false ? {} : { _csrf: this.csrf });
    for (const [name, value] of Object.entries(form))
      for (const v of Array.isArray(value) ? value : [value]) fields.append(name, v);
    const body = fields.toString();
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.keep(res.headers['set-cookie']);
    return res;
  }

  /** Posts a JSON body (Fastify parses it as well as a form), with the CSRF token in it unless told otherwise. */
  async postJson(url: string, body: Record<string, unknown>, opts: { withCsrf?: boolean } = {}) {
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(opts.withCsrf === false ? body : { _csrf: this.csrf, ...body }),
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/json' },
    });
    this.keep(res.headers['set-cookie']);
    return res;
  }

  async signIn(username: string, password = DEMO_PASSWORD) {
    await this.get('/dang-nhap');
    return this.post('/dang-nhap', { username, password, next: '/' });
  }

  static async as(app: FastifyInstance, username: string): Promise<Agent> {
    const agent = new Agent(app);
    const res = await agent.signIn(username);
    if (res.statusCode !== 303) throw new Error(`sign-in of ${username} failed: ${res.statusCode}`);
    return agent;
  }
}

/** Retries an assertion while visibility catches up (list and count are eventually consistent). */
export async function eventually<T>(fn: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}
