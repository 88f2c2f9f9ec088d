/**
 * Every main page of the web UI through the Nu HTML Checker (npm `vnu-jar`, on the machine's Java): 0 errors
 * (issue 13). The pages come from the real web server on the dev server with the real worker (main-pages.ts), each
 * read by someone it is for, with cases in every stage, a running year's plan, a drafted plan and its real
 * rehearsal; they are written to a temporary folder and checked in one run of the checker (one JVM start: it takes
 * seconds on a busy machine). Warnings are printed, not failed (docs/testing.md says which remain and why).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rehearseInOwnProcess } from '../../client/lib/rehearsal.js';
import { Agent } from './web-support.js';
import { draftAndRehearse, mainPages, startMainPagesWorld, type MainPage, type MainPagesWorld } from './main-pages.js';

const VNU_JAR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

let m: MainPagesWorld;
beforeAll(async () => {
  // The web server's own rehearsal (a process with two Java servers), given more than its 4 minutes: on a busy
  // 2-core machine it has taken longer.
  m = await startMainPagesWorld({ rehearse: (input) => rehearseInOwnProcess(input, { timeoutMs: 12 * 60_000 }) });
  await draftAndRehearse(m, await Agent.as(m.w.app, 'thuongtruc'));
}, 1_200_000);
afterAll(async () => {
  await m?.close();
});

/** The page as its reader gets it (signed in once per user), with the status it must have. */
async function fetchPage(agents: Map<string, Agent>, page: MainPage): Promise<string> {
  let agent = page.user ? agents.get(page.user) : new Agent(m.w.app);
  if (!agent) {
    agent = await Agent.as(m.w.app, page.user!);
    agents.set(page.user!, agent);
  }
  if (page.post) await agent.get(page.url.replace(/\/[^/]*$/, '') || page.url);
  const res = page.post ? await agent.post(page.url, page.post) : await agent.get(page.url);
  expect(res.statusCode, `${page.name} (${page.url})`).toBe(page.status ?? 200);
  expect(res.headers['content-type'], page.name).toMatch(/^text\/html/);
  return res.body;
}

describe('the Nu HTML Checker on every main page', () => {
  it('reports no error', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-html-'));
    const agents = new Map<string, Agent>();
    const files = new Map<string, MainPage>();
    for (const page of mainPages(m)) {
      const file = path.join(dir, `${page.name}.html`);
      writeFileSync(file, await fetchPage(agents, page));
      files.set(file, page);
    }
    console.log(`HTML of ${files.size} pages in ${dir}`);

    const { stdout } = await promisify(execFile)(
      'java',
      ['-Xss4m', '-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always', ...files.keys()],
      { timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const { messages } = JSON.parse(stdout) as { messages: VnuMessage[] };
    const where = (x: VnuMessage) => {
      const page = x.url ? files.get(decodeURIComponent(new URL(x.url).pathname)) : undefined;
      return `${page ? `${page.name} (${page.url})` : (x.url ?? 'checker')}:${x.lastLine ?? '?'}:${x.firstColumn ?? '?'}`;
    };
    const warnings = messages.filter((x) => x.type === 'info' && x.subType === 'warning');
    if (warnings.length > 0)
      console.log(`checker warnings:\n${warnings.map((x) => `${where(x)} ${x.message}`).join('\n')}`);
    // Every file was read: a page the checker could not open is an error too (a non-document-error).
    const errors = messages.filter((x) => x.type !== 'info');
    expect(errors.map((x) => `${where(x)} ${x.message}${x.extract ? ` «${x.extract.trim()}»` : ''}`)).toEqual([]);
    expect(files.size).toBeGreaterThanOrEqual(45);
  });
});
