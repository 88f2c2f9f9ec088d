import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  type AwardHistoryEntry,
  type EligibilityInput,
  type NominationForEligibility,
} from '../../domain/eligibility.js';
import { ruleSetById } from '../../domain/rules/index.js';
import { QUOTES } from './seed-quotes.js';

const ruleSet = ruleSetById('tdkt-2025-07');
const unitFacts = { id: 'hd-kv1', staffCount: 30, collectiveCount: 5 };

function person(awardCode: string, extra: Partial<NominationForEligibility> = {}): NominationForEligibility {
  return {
    subject: 'individual',
    awardCode,
    year: 2025,
    nomineeUnitId: 'hd-kv1',
    nomineePersonId: 'tran-thi-b',
    ...extra,
  };
}
function collective(awardCode: string, extra: Partial<NominationForEligibility> = {}): NominationForEligibility {
  return { subject: 'collective', awardCode, year: 2025, nomineeUnitId: 'hd-kv1', ...extra };
}
const held = (awardCode: string, ...years: number[]): AwardHistoryEntry[] =>
  years.map((year) => ({ awardCode, year, revoked: false }));

function check(
  nomination: NominationForEligibility,
  awardHistory: AwardHistoryEntry[] = [],
  more: Partial<EligibilityInput> = {},
): string[] {
  return checkEligibility({ nomination, awardHistory, unitFacts, ruleSet, ...more });
}

describe('basic checks', () => {
  it('unknown award codes, wrong subject, missing nominee and foreign unit are refused with reasons', () => {
    expect(check(person('bang-khen-vu-tru'))).toEqual([
      'Không có danh hiệu hoặc hình thức khen thưởng với mã "bang-khen-vu-tru".',
    ]);
    expect(check(collective('lao-dong-tien-tien'))).toEqual(['Lao động tiên tiến chỉ xét cho cá nhân.']);
    expect(check(person('lao-dong-tien-tien', { nomineePersonId: null }))).toEqual(['Chưa chọn cá nhân được đề nghị.']);
    expect(check(person('lao-dong-tien-tien', { nomineeUnitId: 'hd-kv2' }))[0]).toContain('không khớp');
    expect(check(person('chien-si-thi-dua-toan-quoc'))).toContain(
      'Chiến sĩ thi đua toàn quốc không được đề nghị qua hệ thống này.',
    );
  });

  it('the same title twice in one year is refused; a revoked one does not count', () => {
    expect(check(person('lao-dong-tien-tien'), held('lao-dong-tien-tien', 2025))).toEqual([
      'Đã được Lao động tiên tiến năm 2025.',
    ]);
    expect(
      check(person('lao-dong-tien-tien'), [{ awardCode: 'lao-dong-tien-tien', year: 2025, revoked: true }]),
    ).toEqual([]);
  });

  it('the Kỷ niệm chương is given once in a lifetime and needs 15 years of service', () => {
    const knc = person('ky-niem-chuong-vi-su-nghiep-kiem-sat');
    expect(check(knc, [], { personFacts: { continuousServiceYears: 15 } })).toEqual([]);
    expect(check(knc, [], { personFacts: { continuousServiceYears: 14 } })).toEqual([
      'Chưa đủ 15 năm công tác liên tục trong ngành Kiểm sát (hiện có 14 năm).',
    ]);
    expect(check(knc, [])).toEqual([
      'Thiếu thông tin số năm công tác liên tục trong ngành để xét Kỷ niệm chương “Vì sự nghiệp Kiểm sát”.',
    ]);
    expect(
      check(knc, held('ky-niem-chuong-vi-su-nghiep-kiem-sat', 2019), { personFacts: { continuousServiceYears: 20 } }),
    ).toEqual(['Kỷ niệm chương “Vì sự nghiệp Kiểm sát” chỉ tặng một lần; đã được tặng năm 2019.']);
  });

  it('a nominee under review is held (NĐ 152/2025 principle)', () => {
    expect(check(person('lao-dong-tien-tien'), [], { personFacts: { underReview: true } })).toEqual([
      'Đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc có đơn thư khiếu nại, tố cáo đang xác minh: chưa đề nghị khen thưởng.',
    ]);
  });
});

describe('Lao động tiên tiến standard (TT 02/2024 Đ15)', () => {
  it('excludes new recruits, 3–6 months of leave and reprimands', () => {
    expect(check(person('lao-dong-tien-tien'), [], { personFacts: { monthsSinceRecruitment: 5 } })).toEqual([
      'Mới tuyển dụng dưới 6 tháng: không xét danh hiệu Lao động tiên tiến.',
    ]);
    expect(check(person('lao-dong-tien-tien'), [], { personFacts: { leaveMonthsInYear: 3 } })).toHaveLength(1);
    expect(check(person('lao-dong-tien-tien'), [], { personFacts: { leaveMonthsInYear: 2 } })).toEqual([]);
    expect(check(person('chien-si-thi-dua-co-so'), [], { personFacts: { disciplinedInYear: true } })).toEqual([
      'Bị kỷ luật từ khiển trách trở lên trong năm: không xét danh hiệu Chiến sĩ thi đua cơ sở.',
    ]);
  });
});

describe('prerequisites on the award history', () => {
  it('Chiến sĩ thi đua ngành needs 03 consecutive CSTĐ cơ sở (ending this year or last) and a sector-wide initiative', () => {
    const withInitiative = person('chien-si-thi-dua-nganh', { declaredCriteria: ['sang-kien-pham-vi-nganh'] });
    expect(check(withInitiative, held('chien-si-thi-dua-co-so', 2022, 2023, 2024))).toEqual([]);
    expect(check(withInitiative, held('chien-si-thi-dua-co-so', 2023, 2024, 2025))).toEqual([]);
    expect(check(withInitiative, held('chien-si-thi-dua-co-so', 2020, 2021, 2022, 2024))).toEqual([
      'Chưa đủ 3 năm liên tục đạt Chiến sĩ thi đua cơ sở (hiện có 1 năm liên tục).',
    ]);
    expect(check(person('chien-si-thi-dua-nganh'), held('chien-si-thi-dua-co-so', 2022, 2023, 2024))).toEqual([
      'Chưa đáp ứng: Có sáng kiến, đề tài, đề án được công nhận, có phạm vi ảnh hưởng trong ngành Kiểm sát.',
    ]);
    // A revoked year breaks the run.
    const revoked: AwardHistoryEntry[] = [
      ...held('chien-si-thi-dua-co-so', 2022, 2024),
      { awardCode: 'chien-si-thi-dua-co-so', year: 2023, revoked: true },
    ];
    expect(check(withInitiative, revoked)).toHaveLength(1);
  });

  it('Bằng khen VKSND tối cao (individual): 02 consecutive CSTĐ cơ sở, or a declared alternative', () => {
    expect(check(person('bang-khen-vksndtc'), held('chien-si-thi-dua-co-so', 2023, 2024))).toEqual([]);
    expect(check(person('bang-khen-vksndtc'), held('chien-si-thi-dua-co-so', 2022, 2024))).toHaveLength(1);
    expect(check(person('bang-khen-vksndtc', { declaredCriteria: ['thanh-tich-dot-xuat'] }))).toEqual([]);
    // Collective criteria are unconfirmed: nothing is checked from the history.
    expect(check(collective('bang-khen-vksndtc'))).toEqual([]);
  });

  it('Huân chương Lao động hạng Ba: Bằng khen Thủ tướng ≥ 5 years before, then 3 CSTĐ cơ sở', () => {
    const base = held('bang-khen-thu-tuong', 2019);
    expect(
      check(person('huan-chuong-lao-dong-hang-ba'), [...base, ...held('chien-si-thi-dua-co-so', 2020, 2022, 2024)]),
    ).toEqual([]);
    expect(
      check(person('huan-chuong-lao-dong-hang-ba'), [...base, ...held('chien-si-thi-dua-co-so', 2019, 2022, 2024)]),
    ).toHaveLength(1);
    expect(
      check(person('huan-chuong-lao-dong-hang-ba'), [
        ...held('bang-khen-thu-tuong', 2021),
        ...held('chien-si-thi-dua-co-so', 2022, 2023, 2024),
      ]),
    ).toHaveLength(1);
  });
});

describe('Tập thể lao động tiên tiến / xuất sắc standards', () => {
  const facts = {
    memberCount: 10,
    completedDutiesCount: 10,
    advancedWorkerCount: 7,
    baseEmulationFighterCount: 1,
    membersDisciplinedWarningOrAbove: 0,
  };

  it('xuất sắc: 100% complete their duties, ≥ 70% Lao động tiên tiến, at least one CSTĐ cơ sở', () => {
    expect(check(collective('tap-the-lao-dong-xuat-sac'), [], { collectiveFacts: facts })).toEqual([]);
    expect(
      check(collective('tap-the-lao-dong-xuat-sac'), [], {
        collectiveFacts: { ...facts, completedDutiesCount: 9, advancedWorkerCount: 6, baseEmulationFighterCount: 0 },
      }),
    ).toEqual([
      '100% cá nhân phải hoàn thành nhiệm vụ (hiện có 9/10).',
      'Tỷ lệ cá nhân đạt Lao động tiên tiến phải từ 70% (hiện có 6/10).',
      'Phải có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở.',
    ]);
    expect(check(collective('tap-the-lao-dong-xuat-sac'))).toEqual([
      'Thiếu số liệu về cá nhân của tập thể để xét danh hiệu Tập thể lao động xuất sắc.',
    ]);
  });

  it('tiên tiến: more than 50% Lao động tiên tiến and nobody with a warning or heavier', () => {
    expect(
      check(collective('tap-the-lao-dong-tien-tien'), [], { collectiveFacts: { ...facts, advancedWorkerCount: 6 } }),
    ).toEqual([]);
    expect(
      check(collective('tap-the-lao-dong-tien-tien'), [], {
        collectiveFacts: { ...facts, advancedWorkerCount: 5, membersDisciplinedWarningOrAbove: 1 },
      }),
    ).toEqual([
      'Tỷ lệ cá nhân đạt Lao động tiên tiến phải trên 1/2 (hiện có 5/10).',
      'Có cá nhân bị kỷ luật từ cảnh cáo trở lên.',
    ]);
  });

  it('Cờ thi đua của ngành is chosen among Tập thể lao động xuất sắc', () => {
    expect(check(collective('co-thi-dua-nganh'), held('tap-the-lao-dong-xuat-sac', 2025))).toEqual([]);
    expect(check(collective('co-thi-dua-nganh'), held('tap-the-lao-dong-tien-tien', 2025))).toEqual([
      'Chưa đủ 1 năm liên tục đạt Tập thể lao động xuất sắc (hiện có 0 năm liên tục).',
    ]);
  });
});

describe('seed 002: advanced models (điển hình tiên tiến) — eligibility lists', () => {
  const model = (extra: Partial<NominationForEligibility> = {}): NominationForEligibility =>
    person('dien-hinh-tien-tien', extra);
  const failure =
    'Chưa đáp ứng tiêu chuẩn nào sau đây: Đạt một trong các tiêu chuẩn điển hình tiên tiến đối với cá nhân (Kế hoạch 2017–2020, mục II.1.2.a).';

  it('an individual with none of the listed awards or criteria is not eligible', () => {
    expect(check(model(), held('lao-dong-tien-tien', 2023, 2024))).toEqual([failure]);
  });

  it(QUOTES.individualLabourOrder, () => {
    expect(check(model(), held('huan-chuong-lao-dong-hang-nhi', 2015))).toEqual([]);
  });
  it(QUOTES.individualPrimeMinisterMerit, () => {
    expect(check(model(), held('bang-khen-thu-tuong', 2020))).toEqual([]);
  });
  it(QUOTES.individualSectorMerit, () => {
    expect(check(model(), held('bang-khen-chu-tich-ubnd-tinh', 2021))).toEqual([]);
    expect(check(model(), held('bang-khen-vksndtc', 2021))).toEqual([]);
  });
  it(QUOTES.individualNationalFighter, () => {
    expect(check(model(), held('chien-si-thi-dua-toan-quoc', 2016))).toEqual([]);
  });
  it(QUOTES.individualSectorFighter, () => {
    expect(check(model(), held('chien-si-thi-dua-nganh', 2016))).toEqual([]);
    // An award given after the nomination year does not count.
    expect(check(model({ year: 2015 }), held('chien-si-thi-dua-nganh', 2016))).toEqual([failure]);
  });

  it(QUOTES.individualLeader, () => {
    const leader = model({ nomineeHoldsLeadership: true });
    const own = held('bang-khen-thu-tuong', 2020);
    expect(check(leader, own, { collectiveAwardHistory: held('co-thi-dua-nganh', 2023, 2024) })).toEqual([]);
    expect(check(leader, own, { collectiveAwardHistory: held('co-thi-dua-nganh', 2024) })).toEqual([
      'Cá nhân giữ chức vụ lãnh đạo, quản lý: tập thể do mình phụ trách phải đạt tiêu chuẩn điển hình tiên tiến của tập thể.',
    ]);
  });

  it(QUOTES.collectiveHero, () => {
    expect(check(collective('dien-hinh-tien-tien'), held('anh-hung-lao-dong', 2010))).toEqual([]);
  });

  it(QUOTES.collectiveFlags, () => {
    // "Nhiều năm liên tục" is a parameter (2 years by default, flagged for confirmation).
    expect(
      check(collective('dien-hinh-tien-tien'), [
        ...held('co-thi-dua-chinh-phu', 2023),
        ...held('co-thi-dua-nganh', 2024),
      ]),
    ).toEqual([]);
    expect(check(collective('dien-hinh-tien-tien'), held('co-thi-dua-nganh', 2022, 2024))).toHaveLength(1);
  });

  // Seed 002 names the flags of 2011–2016 as the standard for its whole 2017–2020 programme: a collective whose
  // run ended in 2016 qualifies in every year of it, not only in 2017 (the run ending the year before).
  it.each([2017, 2018, 2019, 2020])(`${QUOTES.collectiveFlags} — the 2011–2016 record qualifies in %i`, (year) => {
    const record = [...held('co-thi-dua-dan-dau-khoi', 2014, 2015), ...held('co-thi-dua-nganh', 2016)];
    expect(check(collective('dien-hinh-tien-tien', { year }), record)).toEqual([]);
  });

  it('the reference period is data with its source, and a run outside it (or after the programme) does not count', () => {
    const period = ruleSet.parameters['advancedModel.flagReferencePeriod'];
    expect(period.value).toEqual({ fromYear: 2011, toYear: 2016, programmeFromYear: 2017, programmeToYear: 2020 });
    expect(period.source).toContain('Cờ thi đua dẫn đầu khối (giai đoạn 2011-2016)');
    // 2009–2010 lies before the period: no flags of 2011–2016, and none recent.
    expect(check(collective('dien-hinh-tien-tien', { year: 2019 }), held('co-thi-dua-nganh', 2009, 2010))).toEqual([
      'Chưa đáp ứng tiêu chuẩn nào sau đây: Đạt một trong các tiêu chuẩn điển hình tiên tiến đối với tập thể (Kế hoạch 2017–2020, mục II.1.2.b).',
    ]);
    // After the programme the rolling run applies again: 2015–2016 no longer qualifies in 2021.
    const record = held('co-thi-dua-dan-dau-khoi', 2015, 2016);
    expect(check(collective('dien-hinh-tien-tien', { year: 2020 }), record)).toEqual([]);
    expect(check(collective('dien-hinh-tien-tien', { year: 2021 }), record)).toHaveLength(1);
    // A recent run still counts during the programme.
    expect(check(collective('dien-hinh-tien-tien', { year: 2019 }), held('co-thi-dua-nganh', 2017, 2018))).toEqual([]);
  });
});
