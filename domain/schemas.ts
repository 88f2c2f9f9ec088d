/**
 * Zod schemas for every input crossing a boundary (update validators, CLI, web forms, imports), with Vietnamese
 * messages that name the field. Update validators in workflows are synchronous: these schemas are too (no async
 * refinements).
 */
import { z } from 'zod';
import {
  AWARD_CODES,
  DECLARED_CRITERIA,
  DOSSIER_ITEMS,
  awardAcceptsSubject,
  findAward,
  type DeclaredCriterion,
  type DossierItemCode,
} from './catalogue.js';
import { CollectiveFactsSchema, PersonFactsSchema } from './nomination/facts.js';
import { ROLES, UNIT_LEVELS, type Cluster, type Person, type Unit, type User } from './org.js';
import { NOMINATION_TRACKS, STAFF_ACTIONS, type StaffAction } from './stages.js';
import { bool, email, idString, intIn, isoDate, list, obj, oneOf, optionalText, text } from './zod-vi.js';

export { formatZodErrorVN, parseVN, ID_PATTERN } from './zod-vi.js';
export { PlanSchema, type Plan } from './plan.js';

const SUBJECTS = ['individual', 'collective'] as const;
const DOSSIER_ITEM_CODES = Object.keys(DOSSIER_ITEMS) as [DossierItemCode, ...DossierItemCode[]];
const DECLARED_CRITERION_CODES = Object.keys(DECLARED_CRITERIA) as [DeclaredCriterion, ...DeclaredCriterion[]];

const yearSchema = z.lazy(() => intIn('Năm', 2000, 2100));
const awardCodeSchema = z.lazy(() => oneOf('Danh hiệu, hình thức khen thưởng', AWARD_CODES));

// ---------------------------------------------------------------------------------------------------------------
// Actor

export const ActorSchema = z.lazy(() =>
  obj('Người thực hiện', {
    userId: idString('Mã người dùng'),
    displayName: text('Tên người thực hiện', { max: 200 }),
    role: oneOf('Vai trò', ROLES),
    unitId: idString('Mã đơn vị của người thực hiện'),
    actingFor: obj('Ký thay / thừa lệnh', {
      mode: oneOf('Hình thức ký', ['ky_thay', 'thua_lenh'] as const),
      userId: idString('Mã người được ký thay'),
      role: oneOf('Vai trò của người được ký thay', ROLES),
    }).nullable(),
  }),
);
export type ActorInput = z.infer<typeof ActorSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Nomination draft

export const DossierItemSchema = z.lazy(() =>
  obj('Tài liệu hồ sơ', {
    code: oneOf('Loại tài liệu', DOSSIER_ITEM_CODES),
    title: text('Tên tài liệu', { max: 300 }),
    /** Document number, file reference or link; the file itself lives outside Temporal. */
    reference: text('Số, ký hiệu hoặc đường dẫn tài liệu', { max: 500 }),
  }),
);
export type DossierItem = z.infer<typeof DossierItemSchema>;

export const NominationDraftSchema = z.lazy(() =>
  obj('Đề nghị khen thưởng', {
    campaignId: idString('Mã phong trào, đợt thi đua'),
    year: yearSchema,
    subject: oneOf('Đối tượng đề nghị', SUBJECTS),
    awardCode: awardCodeSchema,
    track: oneOf('Loại khen thưởng', NOMINATION_TRACKS),
    nominee: obj('Tập thể, cá nhân được đề nghị', {
      unitId: idString('Mã đơn vị'),
      personId: idString('Mã cá nhân').nullable(),
    }),
    dossier: list('Hồ sơ', DossierItemSchema, { max: 30 }),
    achievements: text('Tóm tắt thành tích', { max: 20000 }),
    declaredCriteria: list('Tiêu chuẩn đáp ứng', oneOf('Tiêu chuẩn', DECLARED_CRITERION_CODES), { max: 10 }),
    personFacts: PersonFactsSchema.optional(),
    collectiveFacts: CollectiveFactsSchema.optional(),
  }).superRefine((n, ctx) => {
    const award = findAward(n.awardCode);
    if (award && !award.nominable) {
      ctx.addIssue({
        code: 'custom',
        path: ['awardCode'],
        message: `${award.name} không được đề nghị qua hệ thống này`,
      });
    }
    if (award && !awardAcceptsSubject(award, n.subject)) {
      ctx.addIssue({
        code: 'custom',
        path: ['subject'],
        message: `${award.name} chỉ xét cho ${award.subject === 'individual' ? 'cá nhân' : 'tập thể'}`,
      });
    }
    if (n.subject === 'individual' && !n.nominee.personId) {
      ctx.addIssue({ code: 'custom', path: ['nominee', 'personId'], message: 'Cá nhân được đề nghị là bắt buộc' });
    }
    if (n.subject === 'individual' && n.collectiveFacts) {
      ctx.addIssue({
        code: 'custom',
        path: ['collectiveFacts'],
        message: 'Đề nghị cho cá nhân không kèm số liệu của tập thể',
      });
    }
    if (n.subject === 'collective' && n.personFacts) {
      ctx.addIssue({
        code: 'custom',
        path: ['personFacts'],
        message: 'Đề nghị cho tập thể không kèm thông tin cá nhân',
      });
    }
    if (n.subject === 'collective' && n.nominee.personId) {
      ctx.addIssue({
        code: 'custom',
        path: ['nominee', 'personId'],
        message: 'Đề nghị cho tập thể không được kèm mã cá nhân',
      });
    }
  }),
);
export type NominationDraft = z.infer<typeof NominationDraftSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Registration and compact

function titleFor(subject: (typeof SUBJECTS)[number]) {
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
// Staff actions (one schema per action; StaffActionSchema dispatches on `action`)

const reason = z.lazy(() => text('Lý do', { max: 2000 }));
const comment = z.lazy(() => optionalText('Ghi chú', 2000));

function action<A extends StaffAction, S extends z.ZodRawShape>(name: A, shape: S) {
  return obj('Thao tác', {
    action: z.literal(name),
    actor: ActorSchema,
    comment,
    ...shape,
  });
}

export const STAFF_ACTION_SCHEMAS = {
  submit: z.lazy(() => action('submit', {})),
  endorse: z.lazy(() => action('endorse', { rank: intIn('Thứ tự xếp hạng', 1, 1000) })),
  verify: z.lazy(() => action('verify', {})),
  vote: z.lazy(() => action('vote', { choice: oneOf('Phiếu biểu quyết', ['yes', 'no', 'abstain'] as const) })),
  approve: z.lazy(() =>
    action('approve', {
      decisionNumber: text('Số quyết định', { max: 50 }),
      decisionDate: isoDate('Ngày quyết định'),
    }),
  ),
  return: z.lazy(() => action('return', { reason })),
  reject: z.lazy(() => action('reject', { reason })),
  withdraw: z.lazy(() => action('withdraw', { reason })),
  hold: z.lazy(() => action('hold', { reason })),
  resume: z.lazy(() => action('resume', { reason })),
  revoke: z.lazy(() => action('revoke', { reason, decisionNumber: optionalText('Số quyết định hủy bỏ', 50) })),
  extend: z.lazy(() => action('extend', { newDueDate: isoDate('Hạn mới'), reason })),
  reassign: z.lazy(() => action('reassign', { toUnitId: idString('Đơn vị được giao'), reason })),
  comment: z.lazy(() => action('comment', { comment: text('Nội dung ghi chú', { max: 2000 }) })),
} as const satisfies Record<StaffAction, z.ZodType>;

export type StaffActionInputs = { [K in StaffAction]: z.infer<(typeof STAFF_ACTION_SCHEMAS)[K]> };

export const StaffActionSchema = z.lazy(() =>
  z.discriminatedUnion(
    'action',
    [
      STAFF_ACTION_SCHEMAS.submit,
      STAFF_ACTION_SCHEMAS.endorse,
      STAFF_ACTION_SCHEMAS.verify,
      STAFF_ACTION_SCHEMAS.vote,
      STAFF_ACTION_SCHEMAS.approve,
      STAFF_ACTION_SCHEMAS.return,
      STAFF_ACTION_SCHEMAS.reject,
      STAFF_ACTION_SCHEMAS.withdraw,
      STAFF_ACTION_SCHEMAS.hold,
      STAFF_ACTION_SCHEMAS.resume,
      STAFF_ACTION_SCHEMAS.revoke,
      STAFF_ACTION_SCHEMAS.extend,
      STAFF_ACTION_SCHEMAS.reassign,
      STAFF_ACTION_SCHEMAS.comment,
    ],
    { error: `Thao tác không hợp lệ (chấp nhận: ${STAFF_ACTIONS.join(', ')})` },
  ),
);
export type StaffActionInput = z.infer<typeof StaffActionSchema>;

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
    username: idString('Tên đăng nhập'),
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
