/** The demo data set itself, without a database: deterministic, consistent, plausible. */
import { describe, expect, it } from 'vitest';
import { isAwardCode } from '../../domain/catalogue.js';
import { ROLES } from '../../domain/org.js';
import { DEMO_AWARD_CODES, DEMO_LOGINS, DEMO_USERNAMES, buildDemoData } from '../../store/demo-data.js';

describe('demo data', () => {
  const data = buildDemoData();

  it('is the same on every call (no unseeded randomness)', () => {
    expect(buildDemoData()).toEqual(data);
  });

  it('gives everyone a plausible Vietnamese full name and a unique id', () => {
    expect(new Set(data.people.map((p) => p.id)).size).toBe(data.people.length);
    for (const person of data.people) expect(person.fullName).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    // Diacritics survive: most generated names carry at least one non-ASCII letter.
    const accented = data.people.filter((p) => /[^\x20-\x7e]/.test(p.fullName)).length;
    expect(accented / data.people.length).toBeGreaterThan(0.8);
    const emails = data.people.flatMap((p) => (p.email ? [p.email] : []));
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@vks-haiduong\.test$/);
  });

  it('lists one ASCII demo login per account, covering every role', () => {
    expect(DEMO_USERNAMES).toEqual(data.users.map((u) => u.username));
    expect(new Set(DEMO_USERNAMES).size).toBe(DEMO_USERNAMES.length);
    for (const username of DEMO_USERNAMES) expect(username).toMatch(/^[a-z0-9.]+$/);
    for (const role of ROLES)
      expect(
        DEMO_LOGINS.some((l) => l.roles.includes(role)),
        role,
      ).toBe(true);
    expect(DEMO_USERNAMES).toEqual(
      expect.arrayContaining([
        'vanthu.kv1',
        'truong.kv1',
        'cumtruong.c1',
        'thuongtruc',
        'uyvien1',
        'vientruong',
        'phovientruong',
        'admin',
      ]),
    );
  });

  it('refers only to units and people that exist, within the quotas it models', () => {
    const unitIds = new Set(data.units.map((u) => u.id));
    const personIds = new Set(data.people.map((p) => p.id));
    for (const award of data.awards) {
      expect(unitIds.has(award.unitId), award.caseKey).toBe(true);
      if (award.personId) expect(personIds.has(award.personId), award.caseKey).toBe(true);
    }
    expect(new Set(data.awards.map((a) => a.caseKey)).size).toBe(data.awards.length);
    expect(new Set(data.awards.map((a) => a.awardCode))).toEqual(new Set(Object.values(DEMO_AWARD_CODES)));
    for (const code of Object.values(DEMO_AWARD_CODES)) expect(isAwardCode(code), code).toBe(true);
    expect(data.awards.filter((a) => a.basis === 'ad_hoc')).toHaveLength(1);
    // No unit gets more base emulation-fighter titles in a year than 10% of its staff (at least one).
    for (const unit of data.units) {
      for (const year of [2022, 2023, 2024]) {
        const held = data.awards.filter(
          (a) => a.unitId === unit.id && a.year === year && a.awardCode === DEMO_AWARD_CODES.baseEmulationFighter,
        );
        expect(held.length).toBeLessThanOrEqual(Math.max(1, Math.floor(unit.staffCount / 10)));
      }
    }
  });
});
