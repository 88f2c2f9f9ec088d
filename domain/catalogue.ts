/**
 * The award catalogue: emulation titles (danh hiệu thi đua) and award forms (hình thức khen thưởng) as data.
 * Numbers in prerequisites are references to rule-set parameters, so a change of law is a new rule-set version,
 * never an edit here.
 */
import type { NumericParameterKey, PeriodParameterKey, VoteParameterKey } from './rules/types.js';

export const AWARD_CODES = [
  // Nominable in this product
  'lao-dong-tien-tien',
  'chien-si-thi-dua-co-so',
  'chien-si-thi-dua-nganh',
  'tap-the-lao-dong-tien-tien',
  'tap-the-lao-dong-xuat-sac',
  'co-thi-dua-nganh',
  'giay-khen',
  'bang-khen-vksndtc',
  'bang-khen-thu-tuong',
  'huan-chuong-lao-dong-hang-ba',
  'anh-hung-lao-dong',
  'ky-niem-chuong-vi-su-nghiep-kiem-sat',
  'dien-hinh-tien-tien',
  // Held in award histories (seed 002's eligibility lists name them); not nominated through this product
  'chien-si-thi-dua-toan-quoc',
  'co-thi-dua-chinh-phu',
  'co-thi-dua-dan-dau-khoi',
  'huan-chuong-lao-dong-hang-nhi',
  'huan-chuong-lao-dong-hang-nhat',
  'huan-chuong-doc-lap',
  'bang-khen-chu-tich-ubnd-tinh',
  'bang-khen-doan-the-trung-uong',
] as const;
export type AwardCode = (typeof AWARD_CODES)[number];

export type AwardKind = 'title' | 'award';
export type NomineeSubject = 'individual' | 'collective';
export type AwardSubject = NomineeSubject | 'both';
/** Who decides: Viện trưởng VKSND tỉnh, Viện trưởng VKSND tối cao, Thủ tướng Chính phủ, Chủ tịch nước. */
export type DecidingLevel = 'provincial' | 'supreme' | 'government' | 'state';
/** Who proposes to the decider: the unit (to its provincial council), or the level below the decider. */
export type ProposingLevel = 'unit' | 'provincial' | 'supreme' | 'government';

/** Fact-based standards checked in eligibility.ts beyond the award history. */
export type AwardStandard = 'advanced_worker' | 'advanced_collective' | 'excellent_collective' | 'commemorative_medal';

export const DOSSIER_ITEMS = {
  'to-trinh': 'Tờ trình đề nghị khen thưởng',
  'danh-sach-de-nghi': 'Danh sách đề nghị khen thưởng',
  'bao-cao-thanh-tich': 'Báo cáo thành tích',
  'tom-tat-thanh-tich': 'Báo cáo tóm tắt thành tích',
  'bien-ban-binh-xet-don-vi': 'Biên bản họp bình xét của đơn vị',
  'bien-ban-binh-xet-cum': 'Biên bản bình xét và kết quả bỏ phiếu của cụm, khối thi đua',
  'bien-ban-hop-xet': 'Biên bản họp xét của Hội đồng Thi đua - Khen thưởng',
  'xac-nhan-sang-kien': 'Giấy chứng nhận sáng kiến, đề tài có phạm vi ảnh hưởng',
  'ket-qua-lay-y-kien': 'Kết quả lấy ý kiến nhân dân',
  'ban-ke-qua-trinh-cong-tac': 'Bản kê khai quá trình công tác',
} as const;
export type DossierItemCode = keyof typeof DOSSIER_ITEMS;

export interface DossierItemSpec {
  code: DossierItemCode;
  label: string;
  required: boolean;
  /** Only for this kind of nominee (absent: both). */
  subject?: NomineeSubject;
}

/**
 * Criteria that cannot be read from the award history (performance ratings, initiatives, exceptional deeds).
 * The nomination declares them and the dossier must prove them; the standing body checks.
 */
export const DECLARED_CRITERIA = {
  'sang-kien-pham-vi-nganh': 'Có sáng kiến, đề tài, đề án được công nhận, có phạm vi ảnh hưởng trong ngành Kiểm sát',
  'htxsnv-2-nam-2-sang-kien': '02 năm liên tục hoàn thành xuất sắc nhiệm vụ và có 02 sáng kiến được công nhận',
  'thanh-tich-dot-xuat': 'Có thành tích xuất sắc đột xuất',
  'xuat-sac-nhieu-nam': 'Thành tích xuất sắc, nhiều năm liên tục hoàn thành xuất sắc nhiệm vụ, có nhiều sáng kiến',
  'tap-the-vuot-chi-tieu':
    'Hoàn thành vượt mức chỉ tiêu nghiệp vụ, có sáng kiến, cách làm hay, không có cán bộ bị kỷ luật',
  'thanh-tich-dac-biet-xuat-sac':
    'Lập được thành tích đặc biệt xuất sắc trong lao động, sáng tạo, phục vụ sự nghiệp xây dựng và bảo vệ Tổ quốc',
} as const;
export type DeclaredCriterion = keyof typeof DECLARED_CRITERIA;

/** A numeric requirement: a fixed number or a rule-set parameter. */
export type CountRef = number | NumericParameterKey;

export type Prerequisite =
  /**
   * Held one of `awardCodes` for `years` consecutive years, the run ending in the nomination year or the one before;
   * with `referencePeriod`, a run inside that fixed period counts too while the nomination year is in its programme.
   */
  | {
      kind: 'consecutive_years';
      awardCodes: AwardCode[];
      years: CountRef;
      referencePeriod?: PeriodParameterKey;
      description: string;
    }
  /** Held one of `awardCodes` at any time before or in the nomination year. */
  | { kind: 'held_any'; awardCodes: AwardCode[]; description: string }
  /**
   * Held one of `sinceAwardCodes` at least `minYearsSince` years before the nomination year, and `countAwardCodes`
   * at least `minCount` times in the years after it (up to the nomination year).
   */
  | {
      kind: 'count_since';
      sinceAwardCodes: AwardCode[];
      minYearsSince: CountRef;
      countAwardCodes: AwardCode[];
      minCount: CountRef;
      description: string;
    }
  /** A criterion the nomination declares (see DECLARED_CRITERIA). */
  | { kind: 'declared'; criterion: DeclaredCriterion; description: string }
  | { kind: 'any_of'; options: Prerequisite[]; description: string };

export interface SubjectPrerequisites {
  individual: Prerequisite[];
  collective: Prerequisite[];
}

export interface AwardEntry {
  code: AwardCode;
  name: string;
  kind: AwardKind;
  subject: AwardSubject;
  decidingLevel: DecidingLevel;
  proposingLevel: ProposingLevel;
  /** Vietnamese title of the decider, e.g. "Viện trưởng VKSND tỉnh". */
  decidedBy: string;
  /** False for entries kept only so award histories can name them. */
  nominable: boolean;
  dossier: DossierItemSpec[];
  /** The council's vote rule for this award. */
  councilVote: VoteParameterKey;
  /** A vote of the cluster's members before the council (Cờ thi đua của ngành). */
  clusterVote: VoteParameterKey | null;
  prerequisites: SubjectPrerequisites;
  standard: AwardStandard | null;
  /** Counts against the unit's 1/4 collectives / 10% staff proposal quota (seed 001). */
  countsAgainstUnitQuota: boolean;
  /** Decided above the provincial level: the provincial case forwards it with a tờ trình. */
  forwardedToHigherLevel: boolean;
  /** Given once in a lifetime (Kỷ niệm chương). */
  oncePerNominee: boolean;
  /** Public consultation (lấy ý kiến nhân dân) before it is submitted. */
  requiresPublicConsultation: boolean;
  /**
   * Why the criteria checked for this award are not confirmed against a primary text (the rules page shows it as
   * "Cần xác nhận"); null when they are.
   */
  unconfirmedCriteria: string | null;
  legalBasis: string[];
}

const NONE: SubjectPrerequisites = { individual: [], collective: [] };

function dossier(...items: [DossierItemCode, boolean, NomineeSubject?][]): DossierItemSpec[] {
  return items.map(([code, required, subject]) => ({
    code,
    label: DOSSIER_ITEMS[code],
    required,
    ...(subject ? { subject } : {}),
  }));
}

function declared(criterion: DeclaredCriterion): Prerequisite {
  return { kind: 'declared', criterion, description: DECLARED_CRITERIA[criterion] };
}

type DefaultedField = 'clusterVote' | 'oncePerNominee' | 'requiresPublicConsultation' | 'unconfirmedCriteria';

function entry(
  e: Omit<AwardEntry, 'forwardedToHigherLevel' | DefaultedField> & Partial<Pick<AwardEntry, DefaultedField>>,
): AwardEntry {
  return {
    clusterVote: null,
    oncePerNominee: false,
    requiresPublicConsultation: false,
    unconfirmedCriteria: null,
    ...e,
    forwardedToHigherLevel: e.decidingLevel !== 'provincial',
  };
}

/** An entry kept for award histories only. */
function historyOnly(code: AwardCode, name: string, subject: AwardSubject, decidingLevel: DecidingLevel): AwardEntry {
  return entry({
    code,
    name,
    kind: code.startsWith('co-') || code.startsWith('chien-si') ? 'title' : 'award',
    subject,
    decidingLevel,
    proposingLevel:
      decidingLevel === 'state' ? 'government' : decidingLevel === 'government' ? 'supreme' : 'provincial',
    decidedBy: {
      provincial: 'Viện trưởng VKSND tỉnh',
      supreme: 'Viện trưởng VKSND tối cao',
      government: 'Thủ tướng Chính phủ',
      state: 'Chủ tịch nước',
    }[decidingLevel],
    nominable: false,
    dossier: [],
    councilVote: 'vote.default',
    prerequisites: NONE,
    standard: null,
    countsAgainstUnitQuota: false,
    legalBasis: [],
  });
}

const AWARD_LIST: AwardEntry[] = [
  entry({
    code: 'lao-dong-tien-tien',
    name: 'Lao động tiên tiến',
    kind: 'title',
    subject: 'individual',
    decidingLevel: 'provincial',
    proposingLevel: 'unit',
    decidedBy: 'Viện trưởng VKSND tỉnh',
    nominable: true,
    dossier: dossier(['danh-sach-de-nghi', true], ['bien-ban-binh-xet-don-vi', true], ['to-trinh', true]),
    councilVote: 'vote.default',
    prerequisites: NONE,
    standard: 'advanced_worker',
    countsAgainstUnitQuota: false,
    legalBasis: ['Luật TĐKT 2022 Đ24', 'TT 02/2024/TT-VKSTC Đ15'],
  }),
  entry({
    code: 'chien-si-thi-dua-co-so',
    name: 'Chiến sĩ thi đua cơ sở',
    kind: 'title',
    subject: 'individual',
    decidingLevel: 'provincial',
    proposingLevel: 'unit',
    decidedBy: 'Viện trưởng VKSND tỉnh',
    nominable: true,
    dossier: dossier(
      ['to-trinh', true],
      ['bao-cao-thanh-tich', true],
      ['bien-ban-binh-xet-don-vi', true],
      ['xac-nhan-sang-kien', false],
    ),
    councilVote: 'vote.baseEmulationFighter',
    prerequisites: NONE,
    // CSTĐ cơ sở is chosen among those who meet the Lao động tiên tiến standard (Luật 2022 Đ23).
    standard: 'advanced_worker',
    countsAgainstUnitQuota: false,
    legalBasis: ['Luật TĐKT 2022 Đ23'],
  }),
  entry({
    code: 'chien-si-thi-dua-nganh',
    name: 'Chiến sĩ thi đua ngành Kiểm sát nhân dân',
    kind: 'title',
    subject: 'individual',
    decidingLevel: 'supreme',
    proposingLevel: 'provincial',
    decidedBy: 'Viện trưởng VKSND tối cao',
    nominable: true,
    dossier: dossier(
      ['to-trinh', true],
      ['bao-cao-thanh-tich', true],
      ['bien-ban-hop-xet', true],
      ['xac-nhan-sang-kien', true],
    ),
    councilVote: 'vote.sectorEmulationFighter',
    prerequisites: {
      individual: [
        {
          kind: 'consecutive_years',
          awardCodes: ['chien-si-thi-dua-co-so'],
          years: 'prereq.sectorFighter.consecutiveBaseFighter',
          description: 'Có số lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở theo quy định',
        },
        declared('sang-kien-pham-vi-nganh'),
      ],
      collective: [],
    },
    standard: null,
    countsAgainstUnitQuota: false,
    legalBasis: ['Luật TĐKT 2022 Đ22', 'TT 01/2019/TT-VKSTC Đ16(1)'],
  }),
  entry({
    code: 'tap-the-lao-dong-tien-tien',
    name: 'Tập thể lao động tiên tiến',
    kind: 'title',
    subject: 'collective',
    decidingLevel: 'provincial',
    proposingLevel: 'unit',
    decidedBy: 'Viện trưởng VKSND tỉnh',
    nominable: true,
    dossier: dossier(['to-trinh', true], ['bao-cao-thanh-tich', true], ['bien-ban-binh-xet-don-vi', true]),
    councilVote: 'vote.default',
    prerequisites: NONE,
    standard: 'advanced_collective',
    countsAgainstUnitQuota: false,
    legalBasis: ['Luật TĐKT 2022 Đ28'],
  }),
  entry({
    code: 'tap-the-lao-dong-xuat-sac',
    name: 'Tập thể lao động xuất sắc',
    kind: 'title',
    subject: 'collective',
    decidingLevel: 'provincial',
    proposingLevel: 'unit',
    decidedBy: 'Viện trưởng VKSND tỉnh',
    nominable: true,
    dossier: dossier(['to-trinh', true], ['bao-cao-thanh-tich', true], ['bien-ban-binh-xet-don-vi', true]),
    councilVote: 'vote.default',
    prerequisites: NONE,
    standard: 'excellent_collective',
    // Its own quota (≤ 20% of Tập thể lao động tiên tiến) is checked by quota.ts, not the 1/4 proposal quota.
    countsAgainstUnitQuota: false,
    legalBasis: ['Luật TĐKT 2022 Đ27', 'TT 02/2024/TT-VKSTC Đ18'],
  }),
  entry({
    code: 'co-thi-dua-nganh',
    name: 'Cờ thi đua của ngành Kiểm sát nhân dân',
    kind: 'title',
    subject: 'collective',
    decidingLevel: 'supreme',
    proposingLevel: 'provincial',
    decidedBy: 'Viện trưởng VKSND tối cao',
    nominable: true,
    dossier: dossier(
      ['to-trinh', true],
      ['bao-cao-thanh-tich', true],
      ['bien-ban-binh-xet-cum', true],
      ['bien-ban-hop-xet', true],
    ),
    councilVote: 'vote.default',
    clusterVote: 'vote.sectorFlagCluster',
    prerequisites: {
      individual: [],
      collective: [
        {
          kind: 'consecutive_years',
          awardCodes: ['tap-the-lao-dong-xuat-sac'],
          years: 'prereq.sectorFlag.excellentCollectiveYears',
          description: 'Được chọn trong số tập thể đạt danh hiệu Tập thể lao động xuất sắc',
        },
      ],
    },
    standard: null,
    countsAgainstUnitQuota: false,
    legalBasis: ['Luật TĐKT 2022 Đ26', 'TT 01/2019/TT-VKSTC Đ20'],
  }),
  entry({
    code: 'giay-khen',
    name: 'Giấy khen của Viện trưởng VKSND tỉnh',
    kind: 'award',
    subject: 'both',
    decidingLevel: 'provincial',
    proposingLevel: 'unit',
    decidedBy: 'Viện trưởng VKSND tỉnh',
    nominable: true,
    dossier: dossier(['to-trinh', true], ['bao-cao-thanh-tich', true], ['bien-ban-binh-xet-don-vi', true]),
    councilVote: 'vote.default',
    prerequisites: NONE,
    standard: null,
    countsAgainstUnitQuota: true,
    legalBasis: ['Luật TĐKT 2022 Đ75'],
  }),
  entry({
    code: 'bang-khen-vksndtc',
    name: 'Bằng khen của Viện trưởng VKSND tối cao',
    kind: 'award',
    subject: 'both',
    decidingLevel: 'supreme',
    proposingLevel: 'provincial',
    decidedBy: 'Viện trưởng VKSND tối cao',
    nominable: true,
    dossier: dossier(['to-trinh', true], ['bao-cao-thanh-tich', true], ['bien-ban-hop-xet', true]),
    councilVote: 'vote.default',
    prerequisites: {
      individual: [
        {
          kind: 'any_of',
          description:
            'Có 02 lần liên tục đạt Chiến sĩ thi đua cơ sở, hoặc 02 năm liên tục hoàn thành xuất sắc nhiệm vụ và có 02 sáng kiến, hoặc có thành tích xuất sắc đột xuất',
          options: [
            {
              kind: 'consecutive_years',
              awardCodes: ['chien-si-thi-dua-co-so'],
              years: 'prereq.procuratorGeneralMerit.consecutiveBaseFighter',
              description: 'Có số lần liên tục đạt Chiến sĩ thi đua cơ sở theo quy định',
            },
            declared('htxsnv-2-nam-2-sang-kien'),
            declared('thanh-tich-dot-xuat'),
          ],
        },
      ],
      // Collective criteria of Đ74 were not confirmed (legal-rules-notes §1.3): the council judges the dossier.
      collective: [],
    },
    standard: null,
    countsAgainstUnitQuota: true,
    legalBasis: ['Luật TĐKT 2022 Đ74'],
  }),
  entry({
    code: 'bang-khen-thu-tuong',
    name: 'Bằng khen của Thủ tướng Chính phủ',
    kind: 'award',
    subject: 'both',
    decidingLevel: 'government',
    proposingLevel: 'supreme',
    decidedBy: 'Thủ tướng Chính phủ',
    nominable: true,
    dossier: dossier(['to-trinh', true], ['bao-cao-thanh-tich', true], ['bien-ban-hop-xet', true]),
    councilVote: 'vote.default',
    prerequisites: {
      individual: [
        {
          kind: 'any_of',
          description:
            'Đã được Bằng khen cấp bộ, ngành và sau đó đủ số năm, số lần Chiến sĩ thi đua cơ sở theo quy định, hoặc có thành tích xuất sắc đột xuất',
          options: [
            {
              kind: 'count_since',
              sinceAwardCodes: ['bang-khen-vksndtc', 'bang-khen-chu-tich-ubnd-tinh', 'bang-khen-doan-the-trung-uong'],
              minYearsSince: 'prereq.primeMinisterMerit.yearsSinceSectorMerit',
              countAwardCodes: ['chien-si-thi-dua-co-so'],
              minCount: 'prereq.primeMinisterMerit.baseFighterCount',
              description: 'Đã được Bằng khen cấp bộ, ngành, sau đó đủ số năm và số lần Chiến sĩ thi đua cơ sở',
            },
            declared('thanh-tich-dot-xuat'),
          ],
        },
      ],
      collective: [],
    },
    standard: null,
    countsAgainstUnitQuota: true,
    legalBasis: ['Luật TĐKT 2022 Đ73'],
  }),
  entry({
    code: 'huan-chuong-lao-dong-hang-ba',
    name: 'Huân chương Lao động hạng Ba',
    kind: 'award',
    subject: 'both',
    decidingLevel: 'state',
    proposingLevel: 'government',
    decidedBy: 'Chủ tịch nước',
    nominable: true,
    dossier: dossier(
      ['to-trinh', true],
      ['bao-cao-thanh-tich', true],
      ['bien-ban-hop-xet', true],
      ['ket-qua-lay-y-kien', true],
    ),
    councilVote: 'vote.default',
    requiresPublicConsultation: true,
    prerequisites: {
      individual: [
        {
          kind: 'any_of',
          description:
            'Đã được Bằng khen của Thủ tướng Chính phủ và sau đó đủ số năm, số lần Chiến sĩ thi đua cơ sở theo quy định, hoặc có thành tích xuất sắc đột xuất',
          options: [
            {
              kind: 'count_since',
              sinceAwardCodes: ['bang-khen-thu-tuong'],
              minYearsSince: 'prereq.labourOrder3.yearsSincePrimeMinisterMerit',
              countAwardCodes: ['chien-si-thi-dua-co-so'],
              minCount: 'prereq.labourOrder3.baseFighterCount',
              description: 'Đã được Bằng khen của Thủ tướng, sau đó đủ số năm và số lần Chiến sĩ thi đua cơ sở',
            },
            declared('thanh-tich-dot-xuat'),
          ],
        },
      ],
      collective: [],
    },
    standard: null,
    countsAgainstUnitQuota: true,
    legalBasis: ['Luật TĐKT 2022 Đ44'],
  }),
  // Seed 000, mục 3.2: "Trình cấp có thẩm quyền đề nghị phong tặng danh hiệu Anh hùng Lao động cho một số đơn vị
  // VKSND tỉnh …". A state honour: the Chủ tịch nước decides on the Thủ tướng's proposal, so the province forwards it
  // to the Supreme Procuracy as it does the Huân chương. Its criteria were not collected (legal-rules-notes §1.3):
  // the unit declares the achievement, the dossier proves it, and the rules page flags it.
  entry({
    code: 'anh-hung-lao-dong',
    name: 'Anh hùng Lao động',
    // A danh hiệu vinh dự Nhà nước is a form of award under the Law, not an emulation title units register for.
    kind: 'award',
    subject: 'both',
    decidingLevel: 'state',
    proposingLevel: 'government',
    decidedBy: 'Chủ tịch nước',
    nominable: true,
    dossier: dossier(
      ['to-trinh', true],
      ['bao-cao-thanh-tich', true],
      ['bien-ban-hop-xet', true],
      ['ket-qua-lay-y-kien', true],
    ),
    councilVote: 'vote.labourHero',
    requiresPublicConsultation: true,
    prerequisites: {
      individual: [declared('thanh-tich-dac-biet-xuat-sac')],
      collective: [declared('thanh-tich-dac-biet-xuat-sac')],
    },
    standard: null,
    // A title (danh hiệu vinh dự nhà nước), like the Chiến sĩ thi đua: not an award form of the 1/4 · 10% quota.
    countsAgainstUnitQuota: false,
    unconfirmedCriteria:
      'Tiêu chuẩn danh hiệu Anh hùng Lao động chưa được đối chiếu với văn bản (Luật TĐKT 2022; legal-rules-notes.md §1.3): hệ thống chỉ kiểm tra tiêu chí đơn vị kê khai, Thường trực Hội đồng thẩm định hồ sơ.',
    legalBasis: ['Luật TĐKT 2022 (danh hiệu vinh dự nhà nước)', 'Kế hoạch 09/KH-VKSTC năm 2020, mục 3.2 (seed 000)'],
  }),
  entry({
    code: 'ky-niem-chuong-vi-su-nghiep-kiem-sat',
    name: 'Kỷ niệm chương “Vì sự nghiệp Kiểm sát”',
    kind: 'award',
    subject: 'individual',
    decidingLevel: 'supreme',
    proposingLevel: 'provincial',
    decidedBy: 'Viện trưởng VKSND tối cao',
    nominable: true,
    dossier: dossier(['danh-sach-de-nghi', true], ['ban-ke-qua-trinh-cong-tac', true], ['to-trinh', true]),
    councilVote: 'vote.default',
    oncePerNominee: true,
    prerequisites: NONE,
    standard: 'commemorative_medal',
    countsAgainstUnitQuota: false,
    legalBasis: ['TT 02/2024/TT-VKSTC Đ21'],
  }),
  entry({
    code: 'dien-hinh-tien-tien',
    name: 'Điển hình tiên tiến',
    kind: 'award',
    subject: 'both',
    decidingLevel: 'supreme',
    proposingLevel: 'provincial',
    decidedBy: 'Hội đồng Thi đua - Khen thưởng ngành Kiểm sát nhân dân',
    nominable: true,
    dossier: dossier(['to-trinh', true], ['tom-tat-thanh-tich', true], ['bien-ban-hop-xet', true]),
    councilVote: 'vote.default',
    prerequisites: {
      // Seed 002, mục II.1.2.a: "phải đạt một trong những tiêu chuẩn sau đây".
      individual: [
        {
          kind: 'any_of',
          description:
            'Đạt một trong các tiêu chuẩn điển hình tiên tiến đối với cá nhân (Kế hoạch 2017–2020, mục II.1.2.a)',
          options: [
            {
              kind: 'held_any',
              awardCodes: [
                'huan-chuong-lao-dong-hang-ba',
                'huan-chuong-lao-dong-hang-nhi',
                'huan-chuong-lao-dong-hang-nhat',
              ],
              description: 'Đã được tặng thưởng Huân chương Lao động các hạng',
            },
            {
              kind: 'held_any',
              awardCodes: ['bang-khen-thu-tuong'],
              description: 'Đã được tặng Bằng khen của Thủ tướng Chính phủ',
            },
            {
              kind: 'held_any',
              awardCodes: ['bang-khen-vksndtc', 'bang-khen-chu-tich-ubnd-tinh', 'bang-khen-doan-the-trung-uong'],
              description:
                'Đã được tặng Bằng khen của Viện trưởng VKSND tối cao, của Chủ tịch UBND cấp tỉnh hoặc tổ chức chính trị, đoàn thể Trung ương',
            },
            {
              kind: 'held_any',
              awardCodes: ['chien-si-thi-dua-toan-quoc'],
              description: 'Đã được công nhận danh hiệu “Chiến sỹ thi đua toàn quốc”',
            },
            {
              kind: 'held_any',
              awardCodes: ['chien-si-thi-dua-nganh'],
              description: 'Đã được công nhận danh hiệu “Chiến sỹ thi đua ngành Kiểm sát nhân dân”',
            },
            declared('xuat-sac-nhieu-nam'),
            declared('thanh-tich-dot-xuat'),
          ],
        },
      ],
      // Seed 002, mục II.1.2.b.
      collective: [
        {
          kind: 'any_of',
          description:
            'Đạt một trong các tiêu chuẩn điển hình tiên tiến đối với tập thể (Kế hoạch 2017–2020, mục II.1.2.b)',
          options: [
            declared('tap-the-vuot-chi-tieu'),
            {
              kind: 'held_any',
              awardCodes: ['anh-hung-lao-dong'],
              description: 'Đã được phong tặng danh hiệu “Anh hùng lao động”',
            },
            {
              kind: 'held_any',
              awardCodes: [
                'huan-chuong-doc-lap',
                'huan-chuong-lao-dong-hang-ba',
                'huan-chuong-lao-dong-hang-nhi',
                'huan-chuong-lao-dong-hang-nhat',
              ],
              description: 'Được tặng thưởng Huân chương các loại (Huân chương Độc lập, Huân chương Lao động)',
            },
            {
              kind: 'consecutive_years',
              awardCodes: ['co-thi-dua-chinh-phu', 'co-thi-dua-nganh', 'co-thi-dua-dan-dau-khoi'],
              years: 'advancedModel.flagConsecutiveYears',
              // "(giai đoạn 2011-2016)": the programme's reference period, so the record that qualifies a collective
              // in 2017 still qualifies it in 2018–2020.
              referencePeriod: 'advancedModel.flagReferencePeriod',
              description:
                'Nhiều năm liên tục được tặng Cờ thi đua của Chính phủ, Cờ thi đua của Ngành hoặc Cờ thi đua dẫn đầu khối (giai đoạn 2011–2016)',
            },
          ],
        },
      ],
    },
    standard: null,
    // Its own quota (01 tập thể + 02 cá nhân per unit, seed 002) applies instead.
    countsAgainstUnitQuota: false,
    legalBasis: ['Kế hoạch xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến 2017–2020 (seed 002)'],
  }),
  historyOnly('chien-si-thi-dua-toan-quoc', 'Chiến sĩ thi đua toàn quốc', 'individual', 'government'),
  historyOnly('co-thi-dua-chinh-phu', 'Cờ thi đua của Chính phủ', 'collective', 'government'),
  historyOnly('co-thi-dua-dan-dau-khoi', 'Cờ thi đua dẫn đầu khối (giai đoạn 2011–2016)', 'collective', 'supreme'),
  historyOnly('huan-chuong-lao-dong-hang-nhi', 'Huân chương Lao động hạng Nhì', 'both', 'state'),
  historyOnly('huan-chuong-lao-dong-hang-nhat', 'Huân chương Lao động hạng Nhất', 'both', 'state'),
  historyOnly('huan-chuong-doc-lap', 'Huân chương Độc lập', 'both', 'state'),
  historyOnly('bang-khen-chu-tich-ubnd-tinh', 'Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh', 'both', 'provincial'),
  historyOnly(
    'bang-khen-doan-the-trung-uong',
    'Bằng khen của tổ chức chính trị, đoàn thể Trung ương',
    'both',
    'supreme',
  ),
];

/** The whole catalogue, in display order. */
export const AWARDS: readonly AwardEntry[] = Object.freeze(AWARD_LIST);

export function isAwardCode(code: string): code is AwardCode {
  return (AWARD_CODES as readonly string[]).includes(code);
}

export function findAward(code: string): AwardEntry | undefined {
  return AWARDS.find((a) => a.code === code);
}

/** The catalogue entry of a code; throws a clear Vietnamese error for an unknown code. */
export function awardByCode(code: string): AwardEntry {
  const found = findAward(code);
  if (!found) {
    throw new RangeError(`Không có danh hiệu hoặc hình thức khen thưởng với mã "${code}"`);
  }
  return found;
}

export function awardAcceptsSubject(award: AwardEntry, subject: NomineeSubject): boolean {
  return award.subject === 'both' || award.subject === subject;
}

/** Awards a unit can nominate a collective or an individual for. */
export function nominableAwards(subject: NomineeSubject): AwardEntry[] {
  return AWARDS.filter((a) => a.nominable && awardAcceptsSubject(a, subject));
}

/**
 * Why an award may not be filed under a campaign that accepts only the award forms `accepted` (a movement review's,
 * seed 001 mục II.2.2.b), in Vietnamese; null when it may, or when the campaign names none (null: any award).
 */
export function awardOutsideCampaign(accepted: readonly string[] | null | undefined, awardCode: string): string | null {
  if (!accepted || accepted.includes(awardCode)) return null;
  const names = accepted.map((code) => findAward(code)?.name ?? code).join(', ');
  return `Đợt đề nghị khen thưởng này chỉ nhận: ${names}; không nhận ${findAward(awardCode)?.name ?? awardCode}.`;
}

/** The declared criteria (DECLARED_CRITERIA codes) among the award's prerequisites for this kind of nominee. */
export function declaredCriteriaFor(award: AwardEntry, subject: NomineeSubject): DeclaredCriterion[] {
  const walk = (p: Prerequisite): DeclaredCriterion[] =>
    p.kind === 'declared' ? [p.criterion] : p.kind === 'any_of' ? p.options.flatMap(walk) : [];
  return [...new Set(award.prerequisites[subject].flatMap(walk))];
}

/** Dossier items a nomination for this award and nominee must carry. */
export function requiredDossierItems(award: AwardEntry, subject: NomineeSubject): DossierItemSpec[] {
  return award.dossier.filter((d) => d.required && (!d.subject || d.subject === subject));
}

/** A dossier item as a nomination draft carries it (DossierItemSchema in nomination/actions.ts). */
export interface ProvidedDossierItem {
  code: string;
  title: string;
  reference: string;
}

/**
 * Required items the dossier does not provide: the standing body's check (the machine's `verify`). An item counts
 * only with a title or a reference that is not blank, since a form line left empty names no document.
 */
export function missingDossierItems(
  award: AwardEntry,
  subject: NomineeSubject,
  dossier: readonly ProvidedDossierItem[],
): DossierItemSpec[] {
  const provided = new Set(dossier.filter((d) => d.reference.trim() || d.title.trim()).map((d) => d.code));
  return requiredDossierItems(award, subject).filter((d) => !provided.has(d.code));
}
