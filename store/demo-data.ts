/**
 * Demo data modelled on the 2025 emulation plan of the Hải Dương provincial procuracy: the provincial
 * procuracy, its departments and regional procuracies, emulation clusters and a bloc, about 300 people with
 * generated (fictitious) Vietnamese names, one demo account per role, the council, and a few past awards so
 * eligibility has history. Generated in code from a fixed seed: the same data on every machine and run.
 */
import type { Cluster, Council, Person, Role, Unit, User } from '../domain/org.js';
import { recordAward, type RecordAwardInput } from './book.js';
import { countDirectory, writeDirectory, type DirectoryCounts, type DirectoryData } from './directory.js';
import { importShippedPlans } from './plan-import.js';
import type { SqlDatabase } from './sql.js';

export const DEMO_EMAIL_DOMAIN = 'vks-haiduong.test';
export const DEMO_PROVINCIAL_UNIT_ID = 'hd';
/** The level above the province: where awards decided by the Supreme Procuracy are forwarded. */
export const DEMO_SUPREME_UNIT_ID = 'vkstc';
/** The emulation year the demo is set in. */
export const DEMO_YEAR = 2025;

export interface DemoData extends Required<DirectoryData> {
  awards: RecordAwardInput[];
}

// ----------------------------------------------------------------------------------- deterministic random

/** mulberry32: a tiny seeded generator, so "random" names come out the same every time. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

// ------------------------------------------------------------------------------------------------ names

// Family names weighted roughly by how common they are (Nguyễn most of all).
const FAMILY_NAMES = [
  ...Array<string>(8).fill('Nguyễn'),
  ...Array<string>(3).fill('Trần'),
  ...Array<string>(3).fill('Lê'),
  ...Array<string>(2).fill('Phạm'),
  ...Array<string>(2).fill('Vũ'),
  'Hoàng',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Đinh',
  'Phan',
  'Trịnh',
  'Lương',
  'Đoàn',
  'Cao',
  'Mạc',
  'Tạ',
  'Hồ',
  'Nhữ',
  'Phí',
] as const;
const MALE_MIDDLE = [
  'Văn',
  'Đức',
  'Minh',
  'Quang',
  'Hữu',
  'Thanh',
  'Công',
  'Xuân',
  'Ngọc',
  'Mạnh',
  'Tiến',
  'Duy',
] as const;
const FEMALE_MIDDLE = [
  'Thị',
  'Thị',
  'Thị',
  'Thu',
  'Ngọc',
  'Thanh',
  'Phương',
  'Minh',
  'Hồng',
  'Thùy',
  'Diệu',
  'Kim',
] as const;
const MALE_GIVEN = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Nam',
  'Hải',
  'Long',
  'Sơn',
  'Thắng',
  'Hưng',
  'Cường',
  'Quân',
  'Phong',
  'Trung',
  'Khánh',
  'Đạt',
  'Hiếu',
  'Tùng',
  'Kiên',
  'Bình',
  'Thành',
  'Huy',
  'Việt',
  'Toàn',
  'Lâm',
  'Quyết',
  'Chiến',
] as const;
const FEMALE_GIVEN = [
  'Lan',
  'Hương',
  'Hoa',
  'Mai',
  'Trang',
  'Linh',
  'Hà',
  'Thảo',
  'Nhung',
  'Ngân',
  'Hạnh',
  'Yến',
  'Thủy',
  'Dung',
  'Huyền',
  'Nga',
  'Vân',
  'Phương',
  'Oanh',
  'Giang',
  'Loan',
  'Hằng',
  'Quỳnh',
  'Tâm',
] as const;

/** "Nguyễn Văn Hùng" → "nguyen van hung": for e-mail addresses, which stay ASCII. */
function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

// ------------------------------------------------------------------------------------------------ units

interface DepartmentPlan {
  short: string;
  name: string;
  staff: number;
  headTitle: string;
  deputyTitle: string;
}

const DEPARTMENTS: readonly DepartmentPlan[] = [
  {
    short: 'vp',
    name: 'Văn phòng tổng hợp',
    staff: 16,
    headTitle: 'Chánh Văn phòng',
    deputyTitle: 'Phó Chánh Văn phòng',
  },
  {
    short: 'p1',
    name: 'Phòng Thực hành quyền công tố và kiểm sát điều tra án hình sự',
    staff: 14,
    headTitle: 'Trưởng phòng',
    deputyTitle: 'Phó Trưởng phòng',
  },
  {
    short: 'p2',
    name: 'Phòng Thực hành quyền công tố và kiểm sát xét xử án hình sự',
    staff: 13,
    headTitle: 'Trưởng phòng',
    deputyTitle: 'Phó Trưởng phòng',
  },
  {
    short: 'p3',
    name: 'Phòng Kiểm sát giải quyết các vụ, việc dân sự, hành chính, kinh doanh, thương mại, lao động',
    staff: 11,
    headTitle: 'Trưởng phòng',
    deputyTitle: 'Phó Trưởng phòng',
  },
  {
    short: 'p4',
    name: 'Phòng Kiểm sát thi hành án và tạm giữ, tạm giam',
    staff: 10,
    headTitle: 'Trưởng phòng',
    deputyTitle: 'Phó Trưởng phòng',
  },
  {
    short: 'p5',
    name: 'Phòng Thanh tra, khiếu nại, tố cáo',
    staff: 9,
    headTitle: 'Trưởng phòng',
    deputyTitle: 'Phó Trưởng phòng',
  },
  {
    short: 'p6',
    name: 'Phòng Thống kê tội phạm và công nghệ thông tin',
    staff: 8,
    headTitle: 'Trưởng phòng',
    deputyTitle: 'Phó Trưởng phòng',
  },
];

/** Staff of the twelve regional procuracies (VKSND khu vực 1..12) that replaced the district level in 2025. */
const REGIONAL_STAFF = [21, 19, 18, 17, 19, 16, 18, 17, 20, 16, 17, 18] as const;

/** The provincial leadership: its chief prosecutor and three deputies, who belong to the provincial unit itself. */
const PROVINCIAL_LEADERS = ['Viện trưởng', 'Phó Viện trưởng', 'Phó Viện trưởng', 'Phó Viện trưởng'] as const;

const CLUSTER_PLANS = [
  {
    id: 'hd-cum1',
    name: 'Cụm thi đua số 1',
    kind: 'cluster',
    short: 'c1',
    members: [1, 2, 3, 4],
    head: { 2024: 3, 2025: 1 },
    deputy: { 2024: 4, 2025: 2 },
  },
  {
    id: 'hd-cum2',
    name: 'Cụm thi đua số 2',
    kind: 'cluster',
    short: 'c2',
    members: [5, 6, 7, 8],
    head: { 2024: 7, 2025: 5 },
    deputy: { 2024: 8, 2025: 6 },
  },
  {
    id: 'hd-cum3',
    name: 'Cụm thi đua số 3',
    kind: 'cluster',
    short: 'c3',
    members: [9, 10, 11, 12],
    head: { 2024: 11, 2025: 9 },
    deputy: { 2024: 12, 2025: 10 },
  },
] as const;
const BLOC_ID = 'hd-khoi-nv';

const regionalId = (n: number): string => `hd-kv${n}`;
const departmentId = (short: string): string => `hd-${short}`;
const mail = (local: string): string => `${local}@${DEMO_EMAIL_DOMAIN}`;

function buildUnits(): Unit[] {
  const departments: Unit[] = DEPARTMENTS.map((d) => ({
    id: departmentId(d.short),
    name: d.name,
    level: 'department',
    parentId: DEMO_PROVINCIAL_UNIT_ID,
    staffCount: d.staff,
    collectiveCount: 1,
    email: mail(d.short),
  }));
  const regional: Unit[] = REGIONAL_STAFF.map((staff, i) => ({
    id: regionalId(i + 1),
    name: `Viện kiểm sát nhân dân khu vực ${i + 1}`,
    level: 'regional',
    parentId: DEMO_PROVINCIAL_UNIT_ID,
    staffCount: staff,
    // Teams of a regional procuracy (criminal, civil-administrative, office); smaller ones merge two of them.
    collectiveCount: staff >= 18 ? 3 : 2,
    email: mail(`kv${i + 1}`),
  }));
  const provincial: Unit = {
    id: DEMO_PROVINCIAL_UNIT_ID,
    name: 'Viện kiểm sát nhân dân tỉnh Hải Dương',
    level: 'provincial',
    parentId: DEMO_SUPREME_UNIT_ID,
    // The provincial procuracy's own staff: its leaders plus the people of its departments.
    staffCount: PROVINCIAL_LEADERS.length + DEPARTMENTS.reduce((sum, d) => sum + d.staff, 0),
    // Its collectives are its departments.
    collectiveCount: DEPARTMENTS.length,
    email: mail('vkstinh'),
  };
  // Only the part of the Supreme Procuracy the province deals with: its staff are not in this directory.
  const supreme: Unit = {
    id: DEMO_SUPREME_UNIT_ID,
    name: 'Viện kiểm sát nhân dân tối cao',
    level: 'supreme',
    parentId: null,
    staffCount: 0,
    collectiveCount: 0,
    email: mail('vkstc'),
  };
  return [supreme, provincial, ...departments, ...regional];
}

function buildClusters(): Cluster[] {
  const toYears = (byYear: Record<number, number>): Record<string, string> =>
    Object.fromEntries(Object.entries(byYear).map(([year, n]) => [year, regionalId(n)]));
  const clusters: Cluster[] = CLUSTER_PLANS.map((plan) => ({
    id: plan.id,
    name: plan.name,
    kind: plan.kind,
    memberUnitIds: plan.members.map(regionalId),
    headUnitByYear: toYears(plan.head),
    deputyUnitByYear: toYears(plan.deputy),
  }));
  clusters.push({
    id: BLOC_ID,
    name: 'Khối các phòng nghiệp vụ',
    kind: 'bloc',
    memberUnitIds: DEPARTMENTS.map((d) => departmentId(d.short)),
    headUnitByYear: { '2024': departmentId('p2'), '2025': departmentId('p1') },
    deputyUnitByYear: { '2024': departmentId('p3'), '2025': departmentId('vp') },
  });
  return clusters;
}

// ----------------------------------------------------------------------------------------------- people

/** Job titles of a unit's people: its leaders first, the working staff, then the office roles. */
function titlesFor(
  staff: number,
  leaders: readonly string[],
  working: readonly string[],
  tail: readonly string[],
): string[] {
  const titles = [...leaders];
  for (let i = 0; titles.length < staff - tail.length; i++) titles.push(working[i % working.length] ?? 'Chuyên viên');
  return [...titles, ...tail];
}

const REGIONAL_WORKING = [
  'Kiểm sát viên trung cấp',
  'Kiểm sát viên sơ cấp',
  'Kiểm tra viên',
  'Kiểm sát viên sơ cấp',
  'Kiểm tra viên',
  'Chuyên viên',
];
const DEPARTMENT_WORKING = [
  'Kiểm sát viên trung cấp',
  'Kiểm tra viên',
  'Kiểm sát viên sơ cấp',
  'Kiểm sát viên cao cấp',
  'Chuyên viên',
];
const OFFICE_WORKING = ['Chuyên viên', 'Kế toán', 'Chuyên viên', 'Thủ quỹ', 'Lái xe'];
/** The clerk who does the unit's emulation paperwork (cán bộ làm công tác TĐKT). */
const CLERK_TITLE = 'Văn thư';

interface StaffPlan {
  unitId: string;
  short: string;
  titles: string[];
}

function staffPlans(): StaffPlan[] {
  const plans: StaffPlan[] = [{ unitId: DEMO_PROVINCIAL_UNIT_ID, short: 'vkstinh', titles: [...PROVINCIAL_LEADERS] }];
  for (const d of DEPARTMENTS) {
    const leaders = [d.headTitle, d.deputyTitle, ...(d.staff >= 12 ? [d.deputyTitle] : [])];
    const working = d.short === 'vp' ? OFFICE_WORKING : DEPARTMENT_WORKING;
    plans.push({
      unitId: departmentId(d.short),
      short: d.short,
      titles: titlesFor(d.staff, leaders, working, [CLERK_TITLE]),
    });
  }
  REGIONAL_STAFF.forEach((staff, i) => {
    const leaders = ['Viện trưởng', 'Phó Viện trưởng', ...(staff >= 18 ? ['Phó Viện trưởng'] : [])];
    plans.push({
      unitId: regionalId(i + 1),
      short: `kv${i + 1}`,
      titles: titlesFor(staff, leaders, REGIONAL_WORKING, ['Kế toán', CLERK_TITLE, 'Lái xe']),
    });
  });
  return plans;
}

function buildPeople(random: () => number): Person[] {
  const people: Person[] = [];
  const usedEmails = new Set<string>();
  for (const plan of staffPlans()) {
    plan.titles.forEach((title, i) => {
      const female = random() < 0.45;
      const family = pick(random, FAMILY_NAMES);
      const middle = pick(random, female ? FEMALE_MIDDLE : MALE_MIDDLE);
      const given = pick(random, female ? FEMALE_GIVEN : MALE_GIVEN);
      const fullName = `${family} ${middle} ${given}`;
      // Vietnamese-style address: given name plus initials of family and middle name, e.g. hungnv.kv1.
      const base = `${asciiFold(given)}${asciiFold(family)[0] ?? ''}${asciiFold(middle)[0] ?? ''}.${plan.short}`;
      let local = base;
      for (let n = 2; usedEmails.has(local); n++) local = `${base}${n}`;
      usedEmails.add(local);
      people.push({
        id: `${plan.unitId}-nv${String(i + 1).padStart(2, '0')}`,
        fullName,
        unitId: plan.unitId,
        position: title,
        // Drivers have no work mailbox: the directory must cope with people who cannot be mailed.
        email: title === 'Lái xe' ? null : mail(local),
      });
    });
  }
  return people;
}

// ------------------------------------------------------------------------------------------------ users

interface DemoLogin {
  username: string;
  roles: Role[];
  unitId: string;
  /** Who the account belongs to: the first person of the unit holding that title. */
  personTitle: string | null;
  /** What the account is for, in Vietnamese, for the README and the sign-in screen. */
  description: string;
}

function demoLogins(): DemoLogin[] {
  const logins: DemoLogin[] = [];
  const units = [
    ...DEPARTMENTS.map((d) => ({ id: departmentId(d.short), short: d.short, headTitle: d.headTitle, name: d.name })),
    ...REGIONAL_STAFF.map((_, i) => ({
      id: regionalId(i + 1),
      short: `kv${i + 1}`,
      headTitle: 'Viện trưởng',
      name: `VKSND khu vực ${i + 1}`,
    })),
  ];
  for (const u of units) {
    logins.push({
      username: `vanthu.${u.short}`,
      roles: ['unit_clerk'],
      unitId: u.id,
      personTitle: CLERK_TITLE,
      description: `Cán bộ TĐKT, ${u.name}`,
    });
    logins.push({
      username: `truong.${u.short}`,
      roles: ['unit_head'],
      unitId: u.id,
      personTitle: u.headTitle,
      description: `Thủ trưởng, ${u.name}`,
    });
  }
  // The provincial procuracy is a unit of the year's plan as well (it registers its collective and its leaders,
  // seed 003 III.5 "Đơn vị hai cấp"): its chief prosecutor signs as its head; its clerk has no person record.
  logins.push({
    username: 'vanthu.hd',
    roles: ['unit_clerk'],
    unitId: DEMO_PROVINCIAL_UNIT_ID,
    personTitle: null,
    description: 'Cán bộ TĐKT, Viện kiểm sát nhân dân tỉnh Hải Dương',
  });
  logins.push({
    username: 'truong.hd',
    roles: ['unit_head'],
    unitId: DEMO_PROVINCIAL_UNIT_ID,
    personTitle: 'Viện trưởng',
    description: 'Thủ trưởng, Viện kiểm sát nhân dân tỉnh Hải Dương',
  });
  for (const plan of CLUSTER_PLANS) {
    logins.push({
      username: `cumtruong.${plan.short}`,
      roles: ['cluster_head'],
      unitId: regionalId(plan.head[DEMO_YEAR]),
      personTitle: 'Viện trưởng',
      // No year: the living demo runs on the current year, whose plan keeps these heads (docs/demo.md).
      description: `Cụm trưởng ${plan.name}`,
    });
  }
  logins.push({
    username: 'khoitruong.nv',
    roles: ['cluster_head'],
    unitId: departmentId('p1'),
    personTitle: 'Trưởng phòng',
    description: 'Khối trưởng Khối các phòng nghiệp vụ',
  });
  logins.push({
    username: 'thuongtruc',
    roles: ['council_secretary'],
    unitId: departmentId('vp'),
    personTitle: 'Chánh Văn phòng',
    description: 'Thường trực Hội đồng TĐKT, Văn phòng tổng hợp',
  });
  ['p1', 'p2', 'p3', 'p4', 'p5'].forEach((short, i) => {
    logins.push({
      username: `uyvien${i + 1}`,
      roles: ['council_member'],
      unitId: departmentId(short),
      personTitle: 'Trưởng phòng',
      description: `Ủy viên Hội đồng TĐKT số ${i + 1}`,
    });
  });
  logins.push({
    username: 'vientruong',
    roles: ['leadership'],
    unitId: DEMO_PROVINCIAL_UNIT_ID,
    personTitle: 'Viện trưởng',
    description: 'Viện trưởng, Chủ tịch Hội đồng TĐKT',
  });
  logins.push({
    username: 'phovientruong',
    roles: ['leadership'],
    unitId: DEMO_PROVINCIAL_UNIT_ID,
    personTitle: 'Phó Viện trưởng',
    description: 'Phó Viện trưởng, Phó Chủ tịch Hội đồng; ký thay (KT.) Viện trưởng',
  });
  // The Supreme Procuracy's emulation department (Vụ TĐKT, V16) enters the decisions on awards that the
  // provincial level forwards (Bằng khen của Viện trưởng VKSND tối cao, Chiến sĩ thi đua ngành…).
  logins.push({
    username: 'vu16.vkstc',
    roles: ['council_secretary'],
    unitId: DEMO_SUPREME_UNIT_ID,
    personTitle: null,
    description: 'Vụ Thi đua - Khen thưởng (V16), VKSND tối cao',
  });
  logins.push({
    username: 'admin',
    roles: ['admin'],
    unitId: DEMO_PROVINCIAL_UNIT_ID,
    personTitle: null,
    description: 'Quản trị hệ thống',
  });
  return logins;
}

const userId = (username: string): string => `u-${username.replace(/\./g, '-')}`;

function buildUsers(people: readonly Person[]): User[] {
  return demoLogins().map((login) => {
    const person =
      login.personTitle === null
        ? undefined
        : people.find((p) => p.unitId === login.unitId && p.position === login.personTitle);
    if (login.personTitle !== null && !person) throw new Error(`demo data: no ${login.personTitle} in ${login.unitId}`);
    return {
      id: userId(login.username),
      username: login.username,
      displayName: person ? `${person.fullName} (${login.description})` : login.description,
      unitId: login.unitId,
      roles: login.roles,
      email: mail(login.username),
      personId: person?.id ?? null,
    };
  });
}

function buildCouncil(): Council {
  const members = ['uyvien1', 'uyvien2', 'uyvien3', 'uyvien4', 'uyvien5'].map(userId);
  return {
    unitId: DEMO_PROVINCIAL_UNIT_ID,
    chairUserId: userId('vientruong'),
    // Thường trực Hội đồng: the chair, the deputy chair and the standing member from the general office.
    standingBodyUserIds: [userId('vientruong'), userId('phovientruong'), userId('thuongtruc')],
    // Every voting member, the chair and the standing body included.
    memberUserIds: [userId('vientruong'), userId('phovientruong'), userId('thuongtruc'), ...members],
    secretariatUnitId: departmentId('vp'),
  };
}

// ----------------------------------------------------------------------------------------------- awards

/** Award codes the demo history uses; they must exist in the domain catalogue. */
export const DEMO_AWARD_CODES = {
  baseEmulationFighter: 'chien-si-thi-dua-co-so',
  provincialCertificate: 'giay-khen',
  supremeCertificate: 'bang-khen-vksndtc',
  excellentCollective: 'tap-the-lao-dong-xuat-sac',
  sectorEmulationFlag: 'co-thi-dua-nganh',
} as const;

/** Past decisions (2022–2024): numbers and dates of the provincial and supreme decisions the history cites. */
function decisionFor(kind: 'provincial' | 'supreme', year: number): { decisionNumber: string; decisionDate: string } {
  return kind === 'provincial'
    ? { decisionNumber: `${10 + year - 2022}/QĐ-VKSHD`, decisionDate: `${year}-12-27` }
    : { decisionNumber: `${30 + (year - 2022) * 7}/QĐ-VKSTC`, decisionDate: `${year + 1}-01-15` };
}

function buildAwards(people: readonly Person[], random: () => number): RecordAwardInput[] {
  const awards: RecordAwardInput[] = [];
  const units = buildUnits().filter((u) => u.level !== 'provincial' && u.level !== 'supreme');
  const individual = (person: Person, year: number, awardCode: string, level: 'provincial' | 'supreme'): void => {
    awards.push({
      caseKey: `demo/${year}/${awardCode}/${person.id}`,
      awardCode,
      subject: 'individual',
      personId: person.id,
      unitId: person.unitId,
      year,
      ...decisionFor(level, year),
      decidedByLevel: level,
    });
  };
  const collective = (unitId: string, year: number, awardCode: string, level: 'provincial' | 'supreme'): void => {
    awards.push({
      caseKey: `demo/${year}/${awardCode}/${unitId}`,
      awardCode,
      subject: 'collective',
      unitId,
      year,
      ...decisionFor(level, year),
      decidedByLevel: level,
    });
  };

  for (const unit of units) {
    const staff = people.filter((p) => p.unitId === unit.id && p.position !== 'Lái xe');
    // One "star" per unit holds the base emulation-fighter title three years running (2022–2024),
    // which is what the higher titles look for; others hold it once, within the 10% quota.
    const star = pick(random, staff);
    const perYear = Math.max(1, Math.floor(unit.staffCount / 10));
    for (const year of [2022, 2023, 2024]) {
      const holders = new Set<Person>([star]);
      while (holders.size < perYear) holders.add(pick(random, staff));
      for (const person of holders) individual(person, year, DEMO_AWARD_CODES.baseEmulationFighter, 'provincial');
      const certified = pick(random, staff);
      if (!holders.has(certified)) individual(certified, year, DEMO_AWARD_CODES.provincialCertificate, 'provincial');
    }
    if (unit.level === 'regional' && random() < 0.5)
      individual(star, 2024, DEMO_AWARD_CODES.supremeCertificate, 'supreme');
  }
  // Collectives: the cluster heads of 2024 were excellent collectives; the first cluster's head took the flag.
  for (const plan of CLUSTER_PLANS) {
    collective(regionalId(plan.head[2024]), 2023, DEMO_AWARD_CODES.excellentCollective, 'provincial');
    collective(regionalId(plan.head[2024]), 2024, DEMO_AWARD_CODES.excellentCollective, 'provincial');
  }
  collective(departmentId('p2'), 2024, DEMO_AWARD_CODES.excellentCollective, 'provincial');
  collective(regionalId(CLUSTER_PLANS[0].head[2024]), 2024, DEMO_AWARD_CODES.sectorEmulationFlag, 'supreme');
  // An ad hoc (đột xuất) certificate, which the ladder of titles does not count.
  const hero = pick(
    random,
    people.filter((p) => p.unitId === regionalId(4) && p.position.startsWith('Kiểm sát viên')),
  );
  awards.push({
    caseKey: `demo/2024/${DEMO_AWARD_CODES.provincialCertificate}/dot-xuat/${hero.id}`,
    awardCode: DEMO_AWARD_CODES.provincialCertificate,
    subject: 'individual',
    personId: hero.id,
    unitId: hero.unitId,
    year: 2024,
    decisionNumber: '87/QĐ-VKSHD',
    decisionDate: '2024-09-10',
    decidedByLevel: 'provincial',
    basis: 'ad_hoc',
  });
  return awards;
}

/** One award of the demo history is revoked, so screens and rules meet the case. */
export const DEMO_REVOCATION = {
  reason: 'Hủy quyết định do hồ sơ đề nghị kê khai sai thành tích (kết luận kiểm tra năm 2024)',
  by: userId('vientruong'),
} as const;

// -------------------------------------------------------------------------------------------- assembly

/** The whole demo data set; pure and deterministic. */
export function buildDemoData(): DemoData {
  const random = seededRandom(2025_01_15);
  const people = buildPeople(random);
  return {
    units: buildUnits(),
    clusters: buildClusters(),
    people,
    users: buildUsers(people),
    councils: [buildCouncil()],
    awards: buildAwards(people, random),
  };
}

/** The demo accounts, for the README and the sign-in screen. */
export const DEMO_LOGINS: readonly { username: string; roles: readonly Role[]; unitId: string; description: string }[] =
  demoLogins().map(({ username, roles, unitId, description }) => ({ username, roles, unitId, description }));
export const DEMO_USERNAMES: readonly string[] = DEMO_LOGINS.map((l) => l.username);

export interface SeedResult {
  /** False when the directory already had units: nothing was written. */
  seeded: boolean;
  directory: DirectoryCounts;
  awards: number;
  revoked: number;
}

/**
 * Loads the demo data into an empty directory, in one transaction; a no-op when the directory has any unit
 * (so it never mixes with real data and a second call changes nothing).
 */
export async function seedDemoData(db: SqlDatabase): Promise<SeedResult> {
  const data = buildDemoData();
  return db.transaction(async (tx) => {
    // Serialise concurrent seeders (two processes starting at once): the second sees the first's units.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [0x7464_6b75]);
    await importShippedPlans(tx); // every start, so a directory seeded before plans were data gets them too
    const before = await countDirectory(tx);
    if (before.units > 0)
      return {
        seeded: false,
        directory: { units: 0, clusters: 0, people: 0, users: 0, councils: 0 },
        awards: 0,
        revoked: 0,
      };
    const directory = await writeDirectory(tx, data);
    for (const award of data.awards) await recordAward(tx, award);
    // Revoke the first provincial certificate of 2023: deterministic, and old enough to be history.
    const revokedAward = data.awards.find(
      (a) => a.year === 2023 && a.awardCode === DEMO_AWARD_CODES.provincialCertificate,
    );
    if (revokedAward) {
      await tx.query(
        `UPDATE awards SET revoked_at = $2::timestamptz, revoke_reason = $3, revoked_by = $4 WHERE case_key = $1`,
        [revokedAward.caseKey, '2024-06-20T09:00:00+07:00', DEMO_REVOCATION.reason, DEMO_REVOCATION.by],
      );
    }
    return { seeded: true, directory, awards: data.awards.length, revoked: revokedAward ? 1 : 0 };
  });
}
