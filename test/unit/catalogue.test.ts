import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AWARDS,
  AWARD_CODES,
  awardByCode,
  missingDossierItems,
  nominableAwards,
  type Prerequisite,
} from '../../domain/catalogue.js';
import { RULE_SETS } from '../../domain/rules/index.js';
import type { NumericParameterKey } from '../../domain/rules/types.js';
import { STAGE_LABELS, ACTION_LABELS } from '../../domain/i18n.js';
import { ACTION_NAMES as STAFF_ACTIONS } from '../../domain/nomination/actions.js';
import { NOMINATION_STAGES } from '../../domain/stages.js';
import { QUOTES } from './seed-quotes.js';

describe('award catalogue', () => {
  it('has every code once, kebab-case ASCII', () => {
    expect(AWARDS.map((a) => a.code)).toEqual([...AWARD_CODES]);
    for (const code of AWARD_CODES) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('awardByCode finds entries and refuses unknown codes clearly', () => {
    expect(awardByCode('chien-si-thi-dua-nganh').name).toBe('Chiến sĩ thi đua ngành Kiểm sát nhân dân');
    expect(() => awardByCode('bang-khen-mat-trang')).toThrow(
      'Không có danh hiệu hoặc hình thức khen thưởng với mã "bang-khen-mat-trang"',
    );
  });

  it('forwards exactly the awards decided above the provincial level', () => {
    const forwarded = nominableAwards('individual')
      .filter((a) => a.forwardedToHigherLevel)
      .map((a) => a.code);
    expect(forwarded).toEqual([
      'chien-si-thi-dua-nganh',
      'bang-khen-vksndtc',
      'bang-khen-thu-tuong',
      'huan-chuong-lao-dong-hang-ba',
      'anh-hung-lao-dong',
      'ky-niem-chuong-vi-su-nghiep-kiem-sat',
      'dien-hinh-tien-tien',
    ]);
    expect(awardByCode('giay-khen').forwardedToHigherLevel).toBe(false);
    expect(awardByCode('huan-chuong-lao-dong-hang-ba').decidingLevel).toBe('state');
  });

  it('every parameter a prerequisite or vote refers to exists in every rule set', () => {
    const refs = (p: Prerequisite): string[] => {
      switch (p.kind) {
        case 'consecutive_years':
          return [...(typeof p.years === 'string' ? [p.years] : []), ...(p.referencePeriod ? [p.referencePeriod] : [])];
        case 'count_since':
          return [p.minYearsSince, p.minCount].filter((x): x is NumericParameterKey => typeof x === 'string');
        case 'any_of':
          return p.options.flatMap(refs);
        default:
          return [];
      }
    };
    for (const rs of RULE_SETS) {
      for (const award of AWARDS) {
        const keys = [...award.prerequisites.individual, ...award.prerequisites.collective].flatMap(refs);
        keys.push(award.councilVote, ...(award.clusterVote ? [award.clusterVote] : []));
        for (const k of keys) expect(rs.parameters, `${rs.id} ${award.code} ${k}`).toHaveProperty([k]);
      }
    }
  });

  it(`${QUOTES.labourHero} — nominable for collectives and individuals, forwarded as a state award, criteria flagged`, () => {
    const hero = awardByCode('anh-hung-lao-dong');
    const labourOrder = awardByCode('huan-chuong-lao-dong-hang-ba');
    expect(nominableAwards('collective')).toContain(hero);
    expect(nominableAwards('individual')).toContain(hero);
    // Forwarded above the Supreme Procuracy as the Huân chương is: the Chủ tịch nước decides, after public consultation.
    for (const field of ['decidingLevel', 'proposingLevel', 'decidedBy', 'forwardedToHigherLevel'] as const) {
      expect(hero[field], field).toBe(labourOrder[field]);
    }
    expect(hero.requiresPublicConsultation).toBe(true);
    expect(hero.dossier.map((d) => d.code)).toContain('ket-qua-lay-y-kien');
    // Its criteria are not confirmed: the unit declares the achievement and the rules page shows the flag.
    expect(hero.unconfirmedCriteria).toMatch(/chưa được đối chiếu/);
    expect(hero.prerequisites.collective).toEqual([expect.objectContaining({ kind: 'declared' })]);
    for (const rs of RULE_SETS) expect(rs.parameters[hero.councilVote].needsConfirmation, rs.id).toBe(true);
    // The awards whose criteria are confirmed (or that have none) carry no flag.
    expect(AWARDS.filter((a) => a.unconfirmedCriteria).map((a) => a.code)).toEqual(['anh-hung-lao-dong']);
  });

  it('lists the dossier items still missing', () => {
    const flag = awardByCode('co-thi-dua-nganh');
    const provided = [
      { code: 'to-trinh', title: 'Tờ trình số 12/TTr-VKS', reference: '' },
      { code: 'bao-cao-thanh-tich', title: 'Báo cáo thành tích năm 2025', reference: 'BC-12/2025' },
    ];
    expect(missingDossierItems(flag, 'collective', provided).map((d) => d.label)).toEqual([
      'Biên bản bình xét và kết quả bỏ phiếu của cụm, khối thi đua',
      'Biên bản họp xét của Hội đồng Thi đua - Khen thưởng',
    ]);
  });

  it('counts a dossier item only with a title or a reference', () => {
    const flag = awardByCode('co-thi-dua-nganh');
    const blank = { code: 'to-trinh', title: ' ', reference: '' };
    expect(missingDossierItems(flag, 'collective', [blank]).map((d) => d.code)).toContain('to-trinh');
    expect(
      missingDossierItems(flag, 'collective', [{ ...blank, reference: 'TTr-12' }]).map((d) => d.code),
    ).not.toContain('to-trinh');
  });
});

describe('labels', () => {
  it('every stage and action has a Vietnamese label', () => {
    for (const s of NOMINATION_STAGES) expect(STAGE_LABELS[s]).toBeTruthy();
    for (const a of STAFF_ACTIONS) expect(ACTION_LABELS[a]).toBeTruthy();
  });
});

describe('domain code stays deterministic and workflow-safe', () => {
  // Everything in domain/ is imported by workflow code (design.md): it must stay free of I/O and clocks.
  const domainDir = join(import.meta.dirname, '../../domain');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });

  // Any module Node ships (node:module's list), with or without the node: prefix.
  const names = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/^node:/, ''));
  const NODE_BUILTIN_IMPORT = new RegExp(`from ['"](node:)?(${names.join('|')})['"]`);

  it('no Node built-ins, no wall clock, no randomness', () => {
    for (const file of files(domainDir)) {
      const src = readFileSync(file, 'utf8');
      expect(src, file).not.toMatch(NODE_BUILTIN_IMPORT);
      expect(src, file).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random\(/);
    }
  });
});
