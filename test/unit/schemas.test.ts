/**
 * The boundary schemas. A nomination's staff actions and draft are tested in the schemas the workflow parses with
 * (nomination/actions.ts ActionSchemas, DraftSchema), and the draft's cross-field rules where the machine applies
 * them (checkDraft, on `edit`); the year's plan and the directory in domain/schemas.ts.
 */
import { describe, expect, it } from 'vitest';
import { ActionSchemas, ActorSchema, DraftSchema } from '../../domain/nomination/actions.js';
import { checkAction, initialState } from '../../domain/nomination/machine.js';
import { REGIONAL_CLERK, regionalUnitContext } from '../support/regional-unit.js';
import type { CaseContext } from '../../domain/nomination/types.js';
import { ruleSetById } from '../../domain/rules/index.js';
import {
  CompactSchema,
  OrgImportSchema,
  PlanSchema,
  RegistrationSchema,
  formatZodErrorVN,
  parseVN,
} from '../../domain/schemas.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import { ACTION_NAMES as STAFF_ACTIONS } from '../../domain/nomination/actions.js';
import { actionUpdates } from '../../workflows/nomination/messages.js';

const actor = {
  userId: 'hd-vp-01',
  displayName: 'Nguyễn Văn An',
  role: 'council_secretary',
  unitId: 'hd',
  actingFor: null,
};

function messageOf(
  schema: { safeParse: (x: unknown) => { success: boolean; error?: unknown } },
  input: unknown,
): string {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return formatZodErrorVN(result.error as never);
}

/** The paths of the fields a schema refuses, e.g. "actor" or "dossier.1.title". */
function refusedPaths(schema: { safeParse: (x: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error as { issues: { path: PropertyKey[] }[] }).issues.map((i) => i.path.join('.'));
}

/** No English zod defaults ("Invalid input", "expected string") leak through. */
function expectVietnamese(message: string): void {
  expect(message).not.toMatch(/Invalid|expected|received|Required|must be/i);
  expect(message).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
}

describe('staff actions', () => {
  it('a return without a reason is refused: "Lý do là bắt buộc"', () => {
    const msg = messageOf(ActionSchemas.return, { actor });
    expect(msg).toBe('Lý do là bắt buộc');
  });

  it('a blank reason is trimmed and refused', () => {
    expect(messageOf(ActionSchemas.reject, { actor, reason: '   ' })).toBe('Lý do phải có ít nhất 3 ký tự');
  });

  it('reasons are required for return, reject, withdraw, hold, resume, revoke, extend and reassign', () => {
    for (const action of ['return', 'reject', 'withdraw', 'hold', 'resume', 'revoke'] as const) {
      expect(messageOf(ActionSchemas[action], { actor }), action).toBe('Lý do là bắt buộc');
    }
    expect(messageOf(ActionSchemas.extend, { actor, newDueAt: '2025-02-30' })).toBe(
      'Thời điểm không hợp lệ; Lý do là bắt buộc',
    );
    expect(messageOf(ActionSchemas.reassign, { actor, toUnitId: 'hd-kv2' })).toBe('Lý do là bắt buộc');
  });

  it('approve needs a decision number and date; vote a known choice; endorse a rank', () => {
    expect(refusedPaths(ActionSchemas.approve, { actor, decisionDate: '15/01/2025' })).toEqual([
      'decisionNumber',
      'decisionDate',
    ]);
    expect(messageOf(ActionSchemas.approve, { actor, decisionNumber: '15/QĐ-VKS', decisionDate: '15/01/2025' })).toBe(
      'Ngày không hợp lệ (định dạng yyyy-mm-dd)',
    );
    expect(messageOf(ActionSchemas.vote, { actor, choice: 'maybe' })).toBe(
      'Phiếu phải là đồng ý, không đồng ý hoặc không biểu quyết',
    );
    expect(messageOf(ActionSchemas.endorse, { actor, rank: 0 })).toBe('Thứ tự xếp hạng phải từ 1');
    const ok = ActionSchemas.approve.parse({ actor, decisionNumber: ' 15/QĐ-VKS ', decisionDate: '2025-01-20' });
    expect(ok).toMatchObject({ decisionNumber: '15/QĐ-VKS', decisionDate: '2025-01-20' });
  });

  it('a bad actor reads in Vietnamese; an action without one is refused', () => {
    const msg = messageOf(ActionSchemas.submit, { actor: { ...actor, userId: 'Nguyễn Văn An', role: 'boss' } });
    expect(msg).toBe('Mã không hợp lệ; Vai trò không hợp lệ');
    expectVietnamese(msg);
    expect(refusedPaths(ActionSchemas.submit, {})).toEqual(['actor']);
  });

  it('an actor acting for no one may leave actingFor out', () => {
    const { actingFor: _, ...withoutActingFor } = actor;
    expect(ActorSchema.parse(withoutActingFor)).toEqual(actor);
  });

  it('every staff action has a schema and an Update of the same name', () => {
    expect([...STAFF_ACTIONS].sort()).toEqual(Object.keys(ActionSchemas).sort());
    expect(Object.keys(actionUpdates).sort()).toEqual([...STAFF_ACTIONS].sort());
    expect(STAFF_ACTIONS).toHaveLength(19);
  });
});

describe('nomination draft', () => {
  const draft = {
    awardCode: 'chien-si-thi-dua-co-so',
    nominee: { subject: 'individual', personId: 'tran-thi-b', unitId: 'hd-kv1', displayName: 'Trần Thị B' },
    dossier: [{ code: 'bao-cao-thanh-tich', title: 'Báo cáo thành tích năm 2025', reference: 'BC-12/2025' }],
    achievements: '  Hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận.  ',
    declaredCriteria: [],
  };

  it('accepts a valid draft and trims text', () => {
    const parsed = DraftSchema.parse(draft);
    expect(parsed.achievements).toBe('Hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận.');
  });

  it('explains each problem, with the position of list items', () => {
    const input = {
      ...draft,
      nominee: { ...draft.nominee, unitId: 'HD KV1' },
      dossier: [...draft.dossier, { code: 'to-trinh', title: '', reference: 'TT-1' }],
      achievements: 'x'.repeat(20001),
    };
    const msg = messageOf(DraftSchema, input);
    expect(msg).toContain('Mã không hợp lệ');
    expect(msg).toContain('Tóm tắt thành tích dài quá 20000 ký tự');
    expect(refusedPaths(DraftSchema, input)).toEqual(['nominee.unitId', 'dossier.1.title', 'achievements']);
  });

  describe('cross-field rules, applied by the machine when the draft is saved', () => {
    const context: CaseContext = regionalUnitContext(20);
    const clerk = REGIONAL_CLERK;
    const ctx = { now: '2025-11-20T02:00:00Z', ruleSet: ruleSetById('tdkt-2025-07') };
    const parsed = DraftSchema.parse(draft);
    const state = initialState(
      'nomination/test/hd-kv1/1',
      { campaignId: 'tdkt-2025', year: 2025, track: 'regular', unitId: 'hd-kv1', draft: parsed, createdBy: clerk },
      context,
      ctx,
    );
    const refusalOf = (changes: Partial<typeof parsed>): string => {
      try {
        checkAction(state, { name: 'edit', input: { actor: clerk, draft: { ...parsed, ...changes } } }, ctx);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('the edit was accepted');
    };

    it('subject against the award, person required for individuals, unknown and non-nominable awards', () => {
      expect(refusalOf({ nominee: { ...parsed.nominee, subject: 'collective', personId: null } })).toBe(
        '“Chiến sĩ thi đua cơ sở” không xét cho tập thể.',
      );
      expect(refusalOf({ nominee: { ...parsed.nominee, personId: null } })).toBe('Cần chọn cá nhân được đề nghị.');
      expect(refusalOf({ awardCode: 'huan-chuong-doc-lap' })).toBe(
        'Hình thức khen thưởng “huan-chuong-doc-lap” không có trong danh mục.',
      );
      expect(refusalOf({ awardCode: 'huy-chuong-vang' })).toBe(
        'Hình thức khen thưởng “huy-chuong-vang” không có trong danh mục.',
      );
    });
  });
});

describe('registration, compact, plan, org import', () => {
  it('registration accepts titles only, of the right subject, without duplicates', () => {
    const ok = RegistrationSchema.parse({
      unitId: 'hd-kv1',
      year: 2025,
      collectiveTitles: ['tap-the-lao-dong-xuat-sac'],
      individuals: [{ personId: 'tran-thi-b', titles: ['lao-dong-tien-tien', 'chien-si-thi-dua-co-so'] }],
    });
    expect(ok.individuals).toHaveLength(1);
    const msg = messageOf(RegistrationSchema, {
      unitId: 'hd-kv1',
      year: 2025,
      collectiveTitles: ['lao-dong-tien-tien'],
      individuals: [
        { personId: 'tran-thi-b', titles: ['giay-khen'] },
        { personId: 'tran-thi-b', titles: [] },
      ],
    });
    expect(msg).toBe(
      'Danh hiệu đăng ký cho tập thể không hợp lệ: phải là danh hiệu thi đua dành cho tập thể (mục 1); ' +
        'Danh hiệu đăng ký cho cá nhân không hợp lệ: phải là danh hiệu thi đua dành cho cá nhân (mục 1, mục 1); ' +
        'Danh hiệu đăng ký cho cá nhân phải có ít nhất một mục (mục 2); Một cá nhân được đăng ký hai lần',
    );
  });

  it('compact needs content and at least one signatory', () => {
    expect(messageOf(CompactSchema, { clusterId: 'cum-1', year: 2025, content: '', signatoryUnitIds: [] })).toBe(
      'Nội dung giao ước là bắt buộc; Các đơn vị ký giao ước phải có ít nhất một mục',
    );
  });

  it('the Hải Dương 2025 plan is valid plan data; a broken plan is explained', () => {
    expect(PlanSchema.parse(HAI_DUONG_2025)).toEqual(HAI_DUONG_2025);
    const broken = {
      ...HAI_DUONG_2025,
      deadlines: [{ ...HAI_DUONG_2025.deadlines[0], date: { day: 30, month: 2, year: 2025 } }],
      drives: [
        {
          ...HAI_DUONG_2025.drives[0],
          window: { from: { day: 1, month: 3, year: 2025 }, to: { day: 1, month: 2, year: 2025 } },
        },
      ],
    };
    expect(messageOf(PlanSchema, broken)).toBe(
      'Ngày hạn không tồn tại (mục 1); Ngày kết thúc phải sau ngày bắt đầu (mục 1)',
    );
  });

  it('org import checks references between units, clusters, people and users', () => {
    const unit = {
      id: 'hd',
      name: 'VKSND tỉnh Hải Dương',
      level: 'provincial',
      parentId: null,
      staffCount: 80,
      collectiveCount: 10,
      email: 'vp@hd.test',
    };
    const msg = messageOf(OrgImportSchema, {
      units: [
        unit,
        { ...unit, id: 'hd-kv1', name: 'VKSND khu vực 1', level: 'regional', parentId: 'hd-x', email: 'kv1@hd' },
      ],
      clusters: [
        {
          id: 'cum-1',
          name: 'Cụm 1',
          kind: 'cluster',
          memberUnitIds: ['hd-kv1'],
          headUnitByYear: { '2025': 'hd' },
          deputyUnitByYear: {},
        },
      ],
      people: [{ id: 'p1', fullName: 'Trần Thị B', unitId: 'hd-kv9', position: 'Kiểm sát viên', email: null }],
      users: [
        { id: 'u1', username: 'u1', displayName: 'B', unitId: 'hd', roles: [], email: 'b@hd.test', personId: 'p2' },
      ],
    });
    // Field errors first, then the cross-references (zod runs refinements after non-fatal field errors).
    expect(msg).toBe(
      [
        'Email đơn vị không phải địa chỉ email hợp lệ (mục 2)',
        'Vai trò phải có ít nhất một mục (mục 1)',
        'Đơn vị cấp trên không tồn tại: hd-x (mục 2)',
        'Cụm trưởng, cụm phó phải là đơn vị thành viên của cụm: hd (mục 1)',
        'Đơn vị không tồn tại: hd-kv9 (mục 1)',
        'Cá nhân không tồn tại: p2 (mục 1)',
      ].join('; '),
    );
    // A structurally broken import stops at the field errors.
    expect(messageOf(OrgImportSchema, { units: 'hd', clusters: [], people: [], users: [] })).toBe(
      'Danh sách đơn vị phải là danh sách',
    );
    const refs = messageOf(OrgImportSchema, {
      units: [unit, { ...unit, id: 'hd-kv1', parentId: 'hd-x' }],
      clusters: [
        {
          id: 'cum-1',
          name: 'Cụm 1',
          kind: 'cluster',
          memberUnitIds: ['hd-kv1'],
          headUnitByYear: { '2025': 'hd' },
          deputyUnitByYear: {},
        },
      ],
      people: [{ id: 'p1', fullName: 'Trần Thị B', unitId: 'hd-kv9', position: 'Kiểm sát viên', email: null }],
      users: [
        {
          id: 'u1',
          username: 'u1',
          displayName: 'B',
          unitId: 'hd',
          roles: ['unit_clerk'],
          email: 'b@hd.test',
          personId: 'p2',
        },
      ],
    });
    expect(refs).toBe(
      [
        'Đơn vị cấp trên không tồn tại: hd-x (mục 2)',
        'Cụm trưởng, cụm phó phải là đơn vị thành viên của cụm: hd (mục 1)',
        'Đơn vị không tồn tại: hd-kv9 (mục 1)',
        'Cá nhân không tồn tại: p2 (mục 1)',
      ].join('; '),
    );
  });

  it('parseVN throws one Vietnamese message', () => {
    expect(() => parseVN(CompactSchema, {})).toThrow(
      'Mã cụm, khối thi đua là bắt buộc; Năm là bắt buộc; Nội dung giao ước là bắt buộc; Các đơn vị ký giao ước là bắt buộc',
    );
  });
});
