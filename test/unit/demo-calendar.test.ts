/**
 * The living demo's choices on dates across the year (issue 11): which year is current, what its plan says, which
 * campaign the demo's nominations belong to and which staff action moves each case. A demo started on any of these
 * days must have a current year whose plan speaks of that year only.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO_CASES,
  demoCampaign,
  demoIssueDate,
  demoPlanEdits,
  demoYear,
  lateDeadline,
  nextDemoStep,
  type DemoTarget,
} from '../../client/demo/calendar.js';
import { currentPlanYear } from '../../client/web/http/year.js';
import { formatCalendarDateVN } from '../../domain/calendar.js';
import { yearCampaignClosesAt } from '../../domain/plan-year/plan-run.js';
import { canChi, draftNextYear } from '../../domain/plan-authoring/index.js';
import { HAI_DUONG_2025 } from '../../domain/plans/hai-duong-2025.js';
import type { Plan } from '../../domain/plan.js';

/** 10:00 in Hà Nội on a dd/mm/yyyy day. */
function vn(day: string): string {
  const [d, m, y] = day.split('/').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 3)).toISOString();
}

/** The demo's plan of the year current at `day`, drafted from the shipped 2025 plan and settled for issue that day. */
function demoPlanOn(day: string): Plan {
  const { year, today } = demoYear(vn(day));
  const drafted = draftNextYear(HAI_DUONG_2025, { toYear: year }).plan;
  return demoPlanEdits(drafted, 2025, demoIssueDate(year, today));
}

/** Every text of a plan a person reads on its page, except its legal basis (citations of earlier documents). */
function planText(plan: Plan): string {
  return [
    plan.title,
    plan.theme ?? '',
    ...plan.deadlines.flatMap((d) => [d.title, d.source, formatCalendarDateVN(d.date)]),
    ...plan.drives.flatMap((d) => [
      d.title,
      d.source,
      formatCalendarDateVN(d.window.from),
      formatCalendarDateVN(d.window.to),
    ]),
  ].join('\n');
}

/**
 * The text of another year: a year number other than the plan's, except a date of December of the year before
 * (a plan's first drive starts on 01/12 of the year before it), and the can chi of another year.
 */
function otherYearText(text: string, year: number): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:(\d{1,2})\/(\d{1,2})\/)?(?<!\d)(\d{4})(?!\d)/g)) {
    const y = Number(m[3]);
    if (y === year) continue;
    if (y === year - 1 && Number(m[2]) === 12) continue;
    found.push(m[0]);
  }
  for (const other of [year - 2, year - 1, year + 1, year + 2])
    if (text.includes(canChi(other))) found.push(canChi(other));
  return found;
}

const DATES = [
  '01/12/2026',
  '31/12/2026',
  '01/01/2027',
  '10/01/2027',
  '15/02/2027',
  '31/05/2027',
  '20/06/2027',
  '01/11/2026',
];

describe('the demo year', () => {
  it.each(DATES)('on %s is the web’s current year, with the coming year as a draft', (day) => {
    const year = demoYear(vn(day));
    expect(year.year).toBe(currentPlanYear(vn(day)));
    expect(year.year).toBe(Number(day.slice(6)));
    expect(year.comingYear).toBe(year.year + 1);
    expect(year.preparing).toBe(Number(day.slice(3, 5)) >= 11);
  });

  it('turns at midnight in Vietnam, not in UTC', () => {
    // 31/12/2026 17:30 UTC is 01/01/2027 00:30 in Hà Nội.
    expect(demoYear('2026-12-31T17:30:00.000Z').year).toBe(2027);
    expect(demoYear('2026-12-31T16:30:00.000Z').year).toBe(2026);
  });
});

describe('the demo plan', () => {
  it.each(DATES)('issued on %s speaks of its own year only (legal basis aside)', (day) => {
    const plan = demoPlanOn(day);
    expect(plan.year).toBe(demoYear(vn(day)).year);
    expect(otherYearText(planText(plan), plan.year)).toEqual([]);
    expect(planText(plan)).toContain(`Mừng xuân ${canChi(plan.year)}`);
  });

  it('counts the anniversaries again for its year', () => {
    const drive = demoPlanOn('20/06/2026').drives.find((d) => d.id.startsWith('ky-niem'))!;
    // The procuracy was founded on 26/07/1960; the August Revolution was in 1945.
    expect(drive.title).toContain('66 năm ngày thành lập ngành KSND');
    expect(drive.title).toContain('81 năm Cách mạng tháng Tám');
    expect(drive.title).not.toContain('65 năm');
  });

  it('cites the directives issued for its year and keeps standing regulations as they are', () => {
    const { legalBasis } = demoPlanOn('20/06/2027');
    expect(legalBasis).toContain('Chỉ thị số 01/CT-VKSTC ngày 12/12/2026 của Viện trưởng VKSND tối cao');
    expect(legalBasis).toContain('Hướng dẫn số 23/HD-VKSTC ngày 20/12/2026 của VKSND tối cao');
    expect(legalBasis).toContain('Thông tư số 02/2024/TT-VKSTC ngày 12/8/2024 của Viện trưởng VKSND tối cao');
  });

  it.each([
    // Issued on 01/12: the units get two weeks to register, three to sign their compact.
    ['01/12/2026', '15/12/2026', '22/12/2026'],
    // The last day of the year: nothing may leave the year.
    ['31/12/2026', '31/12/2026', '31/12/2026'],
    // 15/01 is five days away: too near, so it moves; the compact of 15/02 is far enough and stays.
    ['10/01/2027', '24/01/2027', '15/02/2027'],
    ['01/01/2027', '15/01/2027', '15/02/2027'],
    ['15/02/2027', '01/03/2027', '08/03/2027'],
    ['31/05/2027', '14/06/2027', '21/06/2027'],
    ['20/06/2027', '04/07/2027', '11/07/2027'],
  ])('issued on %s moves the units’ registration to %s and the compact to %s', (day, registration, compact) => {
    const plan = demoPlanOn(day);
    const due = (kind: string) => plan.deadlines.find((d) => d.kind === kind)!;
    expect(formatCalendarDateVN(due('registration').date)).toBe(registration);
    expect(formatCalendarDateVN(due('unit_plan').date)).toBe(registration);
    expect(formatCalendarDateVN(due('compact').date)).toBe(compact);
    // The quoted text says the date the units are held to.
    expect(due('registration').source).toContain(registration);
    expect(due('compact').source).toContain(compact);
  });

  it('dates a past year’s plan in mid-December before its year, and this year’s today', () => {
    expect(demoIssueDate(2026, '2027-01-10')).toEqual({ day: 15, month: 12, year: 2025 });
    expect(demoIssueDate(2027, '2027-01-10')).toEqual({ day: 10, month: 1, year: 2027 });
  });

  it('keeps a deadline a unit still has time for', () => {
    expect(lateDeadline('registration', { day: 15, month: 1, year: 2027 }, { day: 2, month: 1, year: 2027 })).toEqual({
      day: 15,
      month: 1,
      year: 2027,
    });
  });
});

describe('the demo campaign', () => {
  it.each([
    ['01/11/2026', { kind: 'year_review', year: 2026, open: true }],
    ['01/12/2026', { kind: 'year_review', year: 2026, open: true }],
    ['31/12/2026', { kind: 'year_review', year: 2026, open: true }],
    // Early in the year, last year's review still takes nominations (until 31/01)…
    ['01/01/2027', { kind: 'year_review', year: 2026, open: true }],
    ['10/01/2027', { kind: 'year_review', year: 2026, open: true }],
    // …and its cases are still on their way until the year's first drive closes.
    ['15/02/2027', { kind: 'year_review', year: 2026, open: false }],
    ['05/03/2027', { kind: 'drive', year: 2027, driveId: 'mung-dang-mung-xuan-2027', open: true }],
    ['31/05/2027', { kind: 'drive', year: 2027, driveId: 'chuyen-doi-so-60-ngay-2027', open: false }],
    ['20/06/2027', { kind: 'drive', year: 2027, driveId: 'chuyen-doi-so-60-ngay-2027', open: false }],
    ['05/09/2027', { kind: 'drive', year: 2027, driveId: 'ky-niem-65-nam-nganh-2027', open: true }],
  ])('on %s is %o', (day, expected) => {
    expect(demoCampaign(vn(day), demoPlanOn(day))).toMatchObject(expected);
  });

  it("closes when the web's form stops offering it: a review at the end of 31/01, a drive when due", () => {
    const review = demoCampaign(vn('10/01/2027'), demoPlanOn('10/01/2027'));
    expect(review.closesAt).toBe(yearCampaignClosesAt(2026));
    expect(review.closesAt).toBe('2027-01-31T16:59:59.999Z');
    expect(demoCampaign(vn('01/12/2026'), demoPlanOn('01/12/2026')).closesAt).toBe('2027-01-31T16:59:59.999Z');
    const drive = demoCampaign(vn('05/03/2027'), demoPlanOn('05/03/2027'));
    expect(drive.kind === 'drive' && drive.closesAt === drive.dueAt).toBe(true);
  });
});

describe('the demo cases', () => {
  it('stand at every stage a newcomer should meet, one case per unit', () => {
    const targets = new Set(DEMO_CASES.map((c) => c.target));
    expect([...targets].sort()).toEqual(
      [
        'draft',
        'cluster_review',
        'standing_body_check',
        'council_vote',
        'leadership_approval',
        'returned',
        'on_hold',
        'awarded',
        'forwarded',
      ].sort(),
    );
    expect(new Set(DEMO_CASES.map((c) => c.unitId)).size).toBe(DEMO_CASES.length);
  });

  it.each<[DemoTarget, string, boolean, string | null]>([
    ['draft', 'draft', true, null],
    ['cluster_review', 'draft', true, 'submit'],
    ['cluster_review', 'cluster_review', true, null],
    ['standing_body_check', 'cluster_review', true, 'endorse'],
    ['council_vote', 'standing_body_check', true, 'verify'],
    ['leadership_approval', 'council_vote', true, 'vote'],
    ['awarded', 'leadership_approval', false, 'approve'],
    ['forwarded', 'leadership_approval', true, 'approve'],
    ['returned', 'standing_body_check', true, 'return_incomplete'],
    ['returned', 'returned', true, null],
    ['on_hold', 'standing_body_check', false, 'hold'],
    ['on_hold', 'draft', false, 'submit'],
    // A case a person has moved past its target is left alone.
    ['cluster_review', 'council_vote', true, null],
    ['standing_body_check', 'rejected', true, null],
  ])('toward %s from %s (cluster step %s): %s', (target, stage, cluster, step) => {
    expect(nextDemoStep(target, stage as never, cluster)).toBe(step);
  });
});
