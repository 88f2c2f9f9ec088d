/**
 * Zod schemas for the inputs of the year's plan and of the directory (registrations, compacts, org imports), with
 * Vietnamese messages that name the field. A nomination's draft and staff actions, and the actor every action
 * carries, have their schemas in nomination/actions.ts, the ones the workflows parse with. Update validators are
 * synchronous: these schemas are too (no async refinements).
 */
import { z } from 'zod';
import { AWARD_CODES, awardAcceptsSubject, findAward, type NomineeSubject } from './catalogue.js';
import { ROLES, UNIT_LEVELS, type Cluster, type Person, type Unit, type User } from './org.js';
import { bool, email, idString, intIn, list, obj, oneOf, optionalText, text, usernameString } from './zod-vi.js';

export { formatZodErrorVN, parseVN, ID_PATTERN } from './zod-vi.js';
export { PlanSchema, type Plan } from './plan.js';

const yearSchema = z.lazy(() => intIn('Năm', 2000, 2100));
const awardCodeSchema = z.lazy(() => oneOf('Danh hiệu, hình thức khen thưởng', AWARD_CODES));

// ---------------------------------------------------------------------------------------------------------------
// Registration and compact

function titleFor(subject: NomineeSubject) {
  const label = subject === 'collective' ? 'Danh hiệu đăng ký cho tập thể' : 'Danh hiệu đăng ký cho cá nhân';
  return awardCodeSchema.refine(
    (code) => {
      const award = findAward(code);
      return !!award && award.kind === 'title' && award.nominable && awardAcceptsSubject(award, subject);
    },
    {
      error: `${label} không hợp lệ: phải là danh hiệu thi đua dành cho ${subject === 'collective' ? 'tập thể' : 'cá nhân'}`,
    },
  );
}

function unique<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length;
}

export const RegistrationSchema = z.lazy(() =>
  obj('Đăng ký thi đua', {
    unitId: idString('Mã đơn vị'),
    year: yearSchema,
    collectiveTitles: list('Danh hiệu đăng ký cho tập thể', titleFor('collective'), { max: 5 }).refine(unique, {
      error: 'Danh hiệu đăng ký cho tập thể bị trùng',
    }),
    individuals: list(
      'Danh sách cá nhân đăng ký',
      obj('Cá nhân đăng ký', {
        personId: idString('Mã cá nhân'),
        titles: list('Danh hiệu đăng ký cho cá nhân', titleFor('individual'), { min: 1, max: 5 }).refine(unique, {
          error: 'Danh hiệu đăng ký cho cá nhân bị trùng',
        }),
      }),
      { max: 5000 },
    ).refine((xs) => unique(xs.map((x) => x.personId)), { error: 'Một cá nhân được đăng ký hai lần' }),
    note: optionalText('Ghi chú', 2000),
  }),
);
export type Registration = z.infer<typeof RegistrationSchema>;

export const CompactSchema = z.lazy(() =>
  obj('Giao ước thi đua', {
    clusterId: idString('Mã cụm, khối thi đua'),
    year: yearSchema,
    content: text('Nội dung giao ước', { max: 50000 }),
    signatoryUnitIds: list('Các đơn vị ký giao ước', idString('Mã đơn vị'), { min: 1, max: 200 }).refine(unique, {
      error: 'Đơn vị ký giao ước bị trùng',
    }),
  }),
);
export type Compact = z.infer<typeof CompactSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Directory import

export const UnitSchema = z.lazy(() =>
  obj('Đơn vị', {
    id: idString('Mã đơn vị'),
    name: text('Tên đơn vị', { max: 300 }),
    level: oneOf('Cấp đơn vị', UNIT_LEVELS),
    parentId: idString('Mã đơn vị cấp trên').nullable(),
    staffCount: intIn('Số biên chế', 0, 100000),
    collectiveCount: intIn('Số tập thể', 0, 10000),
    email: email('Email đơn vị'),
  }),
);

const yearKey = z.lazy(() => z.string().regex(/^\d{4}$/, { error: 'Năm phải có 4 chữ số' }));

export const ClusterSchema = z.lazy(() =>
  obj('Cụm, khối thi đua', {
    id: idString('Mã cụm, khối'),
    name: text('Tên cụm, khối', { max: 300 }),
    kind: oneOf('Loại (cụm/khối)', ['cluster', 'bloc'] as const),
    memberUnitIds: list('Các đơn vị thành viên', idString('Mã đơn vị'), { min: 1, max: 200 }),
    headUnitByYear: z.record(yearKey, idString('Mã đơn vị cụm trưởng')),
    deputyUnitByYear: z.record(yearKey, idString('Mã đơn vị cụm phó')),
  }),
);

export const PersonSchema = z.lazy(() =>
  obj('Cá nhân', {
    id: idString('Mã cá nhân'),
    fullName: text('Họ và tên', { max: 200 }),
    unitId: idString('Mã đơn vị'),
    position: text('Chức vụ', { max: 200 }),
    email: email('Email').nullable(),
  }),
);

export const UserSchema = z.lazy(() =>
  obj('Người dùng', {
    id: idString('Mã người dùng'),
    username: usernameString('Tên đăng nhập'),
    displayName: text('Tên hiển thị', { max: 200 }),
    unitId: idString('Mã đơn vị'),
    roles: list('Vai trò', oneOf('Vai trò', ROLES), { min: 1, max: ROLES.length }),
    email: email('Email'),
    personId: idString('Mã cá nhân').nullable(),
  }),
);

// The schemas produce exactly the org model's types (compile-time check).
const _unitMatches = (u: z.infer<typeof UnitSchema>): Unit => u;
const _clusterMatches = (c: z.infer<typeof ClusterSchema>): Cluster => c;
const _personMatches = (p: z.infer<typeof PersonSchema>): Person => p;
const _userMatches = (u: z.infer<typeof UserSchema>): User => u;

export const OrgImportSchema = z.lazy(() =>
  obj('Dữ liệu tổ chức', {
    units: list('Danh sách đơn vị', UnitSchema, { min: 1, max: 5000 }),
    clusters: list('Danh sách cụm, khối', ClusterSchema, { max: 500 }),
    people: list('Danh sách cá nhân', PersonSchema, { max: 100000 }),
    users: list('Danh sách người dùng', UserSchema, { max: 100000 }),
    replaceExisting: bool('Thay thế dữ liệu cũ').optional(),
  }).superRefine((org, ctx) => {
    const unitIds = new Set(org.units.map((u) => u.id));
    const personIds = new Set(org.people.map((p) => p.id));
    const duplicates = (ids: string[]): string[] => ids.filter((id, i) => ids.indexOf(id) !== i);
    for (const [path, ids, label] of [
      ['units', org.units.map((u) => u.id), 'Mã đơn vị'],
      ['clusters', org.clusters.map((c) => c.id), 'Mã cụm, khối'],
      ['people', org.people.map((p) => p.id), 'Mã cá nhân'],
      ['users', org.users.map((u) => u.id), 'Mã người dùng'],
      ['users', org.users.map((u) => u.username), 'Tên đăng nhập'],
    ] as const) {
      for (const id of new Set(duplicates([...ids]))) {
        ctx.addIssue({ code: 'custom', path: [path], message: `${label} bị trùng: ${id}` });
      }
    }
    org.units.forEach((u, i) => {
      if (u.parentId !== null && !unitIds.has(u.parentId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['units', i, 'parentId'],
          message: `Đơn vị cấp trên không tồn tại: ${u.parentId}`,
        });
      }
    });
    org.clusters.forEach((c, i) => {
      for (const m of c.memberUnitIds) {
        if (!unitIds.has(m)) {
          ctx.addIssue({ code: 'custom', path: ['clusters', i], message: `Đơn vị thành viên không tồn tại: ${m}` });
        }
      }
      for (const head of [...Object.values(c.headUnitByYear), ...Object.values(c.deputyUnitByYear)]) {
        if (!c.memberUnitIds.includes(head)) {
          ctx.addIssue({
            code: 'custom',
            path: ['clusters', i],
            message: `Cụm trưởng, cụm phó phải là đơn vị thành viên của cụm: ${head}`,
          });
        }
      }
    });
    org.people.forEach((p, i) => {
      if (!unitIds.has(p.unitId)) {
        ctx.addIssue({ code: 'custom', path: ['people', i, 'unitId'], message: `Đơn vị không tồn tại: ${p.unitId}` });
      }
    });
    org.users.forEach((u, i) => {
      if (!unitIds.has(u.unitId)) {
        ctx.addIssue({ code: 'custom', path: ['users', i, 'unitId'], message: `Đơn vị không tồn tại: ${u.unitId}` });
      }
      if (u.personId !== null && !personIds.has(u.personId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['users', i, 'personId'],
          message: `Cá nhân không tồn tại: ${u.personId}`,
        });
      }
    });
  }),
);
export type OrgImport = z.infer<typeof OrgImportSchema>;
