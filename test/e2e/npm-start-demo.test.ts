/**
 * The living demo as a newcomer meets it (issue 11): `npm start` on an empty data directory, today, whatever day
 * today is. Once the demo says it is ready, every demo account signs in and finds work in "Việc cần làm", and the
 * plan page opens on the current year with that year's plan, issued and running, in which no other year's text is
 * left. A second start prepares nothing new. With SEED_DEMO_DATA=false the same start is empty: no directory, no
 * plan, no case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, pressCtrlC, startApp, waitForOutput } from '../support/npm-start.js';
import { currentPlanYear } from '../../client/web/http/year.js';
import { canChi } from '../../domain/plan-authoring/index.js';
import { DEMO_LOGINS } from '../../store/demo-data.js';
import { DEMO_PASSWORD } from '../../store/credentials.js';
import { SA } from '../../domain/search-attributes.js';

/** A browser's cookie jar over fetch, for a real server. */
class Browser {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(private readonly base: string) {}

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }

  async get(url: string): Promise<string> {
    const res = await fetch(this.base + url, {
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      redirect: 'manual',
    });
    this.keep(res);
    const html = await res.text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (m?.[1]) this.csrf = m[1];
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    return html;
  }

  async signIn(username: string): Promise<void> {
    await this.get('/dang-nhap');
    const res = await fetch(`${this.base}/dang-nhap`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: this.csrf, username, password: DEMO_PASSWORD, next: '/' }),
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      redirect: 'manual',
    });
    this.keep(res);
    if (res.status !== 303) throw new Error(`sign-in of ${username}: ${res.status}`);
  }
}

/** The rows of the page's case table. */
function caseRows(html: string): number {
  return (html.match(/<tr[^>]* data-kind="/g) ?? []).length;
}

/**
 * What the plan page says of its plan: its main content, without the links to other years' pages (navigation to
 * the coming year's plan and drafting page) and without the notice about the coming year, and without tags.
 */
function planPageText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<div class="alert[^"]*" role="status" id="thong-bao-ke-hoach-nam-toi">[\s\S]*?<\/div>/g, ' ')
    .replace(/<a href="\/ke-hoach(?:\/soan-thao)?\?nam=\d{4}">[^<]*<\/a>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

/**
 * The text of another year: a year number other than the plan's (except a date of December of the year before:
 * the plan's first drive starts on 01/12 of the year before it), or the can chi of a year around it.
 */
function otherYearText(text: string, year: number): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:(\d{1,2})\/(\d{1,2})\/)?(?<!\d)(\d{4})(?!\d)/g)) {
    const y = Number(m[3]);
    if (y === year || (y === year - 1 && Number(m[2]) === 12)) continue;
    found.push(text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 20));
  }
  for (const other of [year - 2, year - 1, year + 1, year + 2])
    if (text.includes(canChi(other))) found.push(canChi(other));
  return found;
}

async function ports() {
  const [temporalPort, uiPort, webPort, smtpPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  return {
    webPort,
    temporalPort,
    env: {
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      WEB_PORT: String(webPort),
      SMTP_PORT: String(smtpPort),
    },
  };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('npm start, the living demo', () => {
  it('gives every demo account work and a plan of the current year, and a restart prepares nothing new', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-demo-'));
    dirs.push(dataDir);
    const { webPort, temporalPort, env } = await ports();
    const ready = /demo: ready for \d{4}-\d{2}-\d{2} \((\d+) workflows started, (\d+) actions(, \d+ failed steps)?\)/;
    const first = await startApp({ ...env, DATA_DIR: dataDir }, /tdkt-flow is running/);
    const year = currentPlanYear();
    const base = `http://127.0.0.1:${webPort}`;
    const hint = 'id="demo-dang-chuan-bi"';
    try {
      // Up at once; the sign-in page says the demo's year is still being prepared, until it is.
      // (The seeding needs tens of seconds after the web UI listens; the banner comes as soon as it answers.)
      expect(await new Browser(base).get('/dang-nhap')).toContain(hint);
      await waitForOutput(first, ready);
      expect(await new Browser(base).get('/dang-nhap')).not.toContain(hint);
      expect(first.output()).not.toMatch(/failed steps|demo: .* failed/);
      expect(Number(ready.exec(first.output())![1])).toBeGreaterThan(0);

      // The Supreme Procuracy's department has a forwarded award waiting on it: in Temporal, its linked case waits
      // on it; in "Việc cần làm", the case itself (checked below with every account).
      const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
      const waitingAbove = `${SA.kind.name} = 'forwarded' AND ${SA.waitingRole.name} = 'council_secretary' AND ${SA.waitingUnit.name} = 'vkstc' AND ExecutionStatus = 'Running'`;
      // The approval answers before the case starts its forwarded child, and visibility follows a moment later.
      const deadline = Date.now() + 60_000;
      let forwarded = 0;
      while (forwarded === 0 && Date.now() < deadline) {
        forwarded = (await new Client({ connection }).workflow.count(waitingAbove)).count;
        if (forwarded === 0) await new Promise((r) => setTimeout(r, 500));
      }
      await connection.close();
      expect(forwarded).toBe(1);
      // Every account has work in its "Việc cần làm": the admin the held case, vu16.vkstc the forwarded one.
      const empty: string[] = [];
      for (const login of DEMO_LOGINS) {
        const browser = new Browser(base);
        await browser.signIn(login.username);
        if (caseRows(await browser.get('/')) === 0) empty.push(login.username);
      }
      expect(empty).toEqual([]);

      for (const username of ['thuongtruc', 'vanthu.kv7', 'cumtruong.c1']) {
        const browser = new Browser(base);
        await browser.signIn(username);
        const page = await browser.get('/ke-hoach');
        expect(page).toContain(`Kế hoạch công tác thi đua, khen thưởng năm ${year}`);
        // Issued and running: the registrations of the year are open and counted.
        expect(page).toMatch(new RegExp(`số \\d{2}/KH-HĐTĐKT, ngày \\d{2}/\\d{2}/${year}`));
        expect(page).toContain('Đơn vị đã đăng ký thi đua');
        const text = planPageText(page);
        // The year's own text: its Tết drive under its can chi, its anniversary counted for it.
        expect(text).toContain(`Mừng xuân ${canChi(year)}`);
        expect(text).toContain(`${year - 1960} năm ngày thành lập ngành KSND`);
        expect(otherYearText(text, year)).toEqual([]);
      }
    } finally {
      expect(await pressCtrlC(first)).toBe(0);
    }

    const second = await startApp({ ...env, DATA_DIR: dataDir }, ready);
    try {
      expect(ready.exec(second.output())!.slice(1, 3)).toEqual(['0', '0']);
    } finally {
      expect(await pressCtrlC(second)).toBe(0);
    }
  }, 900_000);

  it('starts empty with SEED_DEMO_DATA=false', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-empty-'));
    dirs.push(dataDir);
    const { temporalPort, env } = await ports();
    const started = await startApp({ ...env, DATA_DIR: dataDir, SEED_DEMO_DATA: 'false' }, /tdkt-flow is running/);
    try {
      const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
      const { count } = await new Client({ connection }).workflow.count();
      await connection.close();
      expect(count).toBe(0);
      expect(started.output()).not.toContain('demo:');
    } finally {
      expect(await pressCtrlC(started)).toBe(0);
    }
  }, 300_000);
});
