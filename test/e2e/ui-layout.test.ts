/**
 * The main pages fit a 390 px phone and a 1280 px desktop (issue 13), in Debian's Chromium (playwright-core)
 * against the real web server, the Temporal dev server and the tdkt worker (the world of main-pages.ts). At each
 * width, for each page:
 *
 * - nothing scrolls sideways: the document's scroll width is at most the window's width;
 * - nothing in a table is cut or hidden: every body cell is rendered, lies wholly inside the window, is not
 *   clipped by any ancestor that hides or scrolls its overflow (no table scrolls on purpose: on a phone the tables
 *   become stacked cards, each value under its column's name), and its content does not spill out of it;
 * - every form control of the page lies wholly inside the window (the rank field of /cum was out of sight).
 *
 * Screenshots of every page at both widths go to a temporary folder, printed at the start.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../store/credentials.js';
import { mainPages, startMainPagesWorld, type MainPagesWorld } from './main-pages.js';

const WIDTHS = [390, 1280] as const;
/**
 * Every main page (the rehearsal's calendar aside: it needs a rehearsal run, which the HTML check makes); issue 13
 * names the inbox, a case, the council session and the book, and /cum, /phe-duyet and the admin search were cut.
 */
const SKIPPED = new Set(['plan-rehearsal']);

let m: MainPagesWorld;
let browser: Browser;
let base: string;
let shots: string;

beforeAll(async () => {
  shots = mkdtempSync(path.join(tmpdir(), 'tdkt-layout-'));
  console.log(`screenshots in ${shots}`);
  m = await startMainPagesWorld();
  await m.w.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(m.w.app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

/** One signed-in context per user (the sign-in form, as a person uses it). */
const contexts = new Map<string, BrowserContext>();
async function contextOf(user: string): Promise<BrowserContext> {
  const known = contexts.get(user);
  if (known) return known;
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(user);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${base}/`);
  await page.close();
  contexts.set(user, context);
  return context;
}

let anonymousContext: BrowserContext | undefined;
async function anonymous(): Promise<BrowserContext> {
  anonymousContext ??= await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  return anonymousContext;
}

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  tableCells: number;
  problems: string[];
}

/**
 * What the rules above find on the page as the browser laid it out: a script run in the page (the project's
 * TypeScript has no DOM types, and this is the only code that needs them).
 */
const MEASURE = `(() => {
  const vw = window.innerWidth;
  const problems = [];
  const px = (n) => Math.round(n) + ' px';
  const named = (el) =>
    '<' + el.tagName.toLowerCase() + (el.getAttribute('name') ? ' name=' + el.getAttribute('name') : '') + '> «' +
    (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '»';
  const outside = (r) => r.left < -0.5 || r.right > vw + 0.5;
  const cells = [...document.querySelectorAll('main tbody td, main tbody th')];
  for (const cell of cells) {
    const r = cell.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(cell).visibility === 'hidden') {
      problems.push('hidden cell ' + named(cell));
      continue;
    }
    if (outside(r)) problems.push('cell outside the window (' + px(r.left) + ' to ' + px(r.right) + ') ' + named(cell));
    if (cell.scrollWidth > cell.clientWidth + 1)
      problems.push('content spills out of its cell (' + px(cell.scrollWidth) + ' in ' + px(cell.clientWidth) + ') ' + named(cell));
    for (let a = cell.parentElement; a && a !== document.body; a = a.parentElement) {
      const overflowX = getComputedStyle(a).overflowX;
      if (overflowX === 'visible') continue;
      const ar = a.getBoundingClientRect();
      if (r.left < ar.left - 0.5 || r.right > ar.right + 0.5)
        problems.push('cell clipped by a box with overflow ' + overflowX + ' ' + named(cell));
    }
  }
  for (const control of document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button')) {
    const r = control.getBoundingClientRect();
    if (r.width > 0 && outside(r))
      problems.push('control outside the window (' + px(r.left) + ' to ' + px(r.right) + ') ' + named(control));
  }
  return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth: vw, tableCells: cells.length, problems };
})()`;

describe('the main pages at 390 px and 1280 px', () => {
  it(
    'scroll no page sideways, cut no table cell, hide no field; screenshots of each',
    { timeout: 900_000 },
    async () => {
      const failures: string[] = [];
      let cellsSeen = 0;
      const specs = mainPages(m).filter((p) => !p.post && !SKIPPED.has(p.name));
      for (const spec of specs) {
        const name = spec.name;
        const page = await (spec.user ? await contextOf(spec.user) : await anonymous()).newPage();
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
          const res = await page.goto(`${base}${spec.url}`);
          expect(res?.status(), `${name} ${spec.url}`).toBe(spec.status ?? 200);
          const layout = await page.evaluate<Layout>(MEASURE);
          cellsSeen += layout.tableCells;
          if (layout.scrollWidth > layout.innerWidth)
            failures.push(`${name} at ${width} px: ${layout.scrollWidth} px wide`);
          // One line per kind of problem on the page, with its count and first case (a long list has hundreds).
          const kinds = new Map<string, string[]>();
          for (const p of layout.problems) {
            const kind = p.replace(/ \(.*|<.*/, '').trim();
            kinds.set(kind, [...(kinds.get(kind) ?? []), p]);
          }
          for (const [, all] of kinds)
            failures.push(`${name} at ${width} px: ${all[0]}${all.length > 1 ? ` (and ${all.length - 1} more)` : ''}`);
          await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
        }
        await page.close();
      }
      expect(failures).toEqual([]);
      // The rule about cells was tried on real tables (the world has cases in every list).
      expect(cellsSeen).toBeGreaterThan(100);
    },
  );
});
