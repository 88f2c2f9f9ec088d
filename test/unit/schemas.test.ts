import { describe, expect, it } from 'vitest';
import {
  CompactSchema,
  NominationDraftSchema,
  OrgImportSchema,
  PlanSchema,
  RegistrationSchema,
  STAFF_ACTION_SCHEMAS,
  StaffActionSchema,
  formatZodErrorVN,
  parseVN,
} from '../../domain/schemas.js';
import { HAI_DUONG_2025 } from '../../domain/plans/index.js';
import { STAFF_ACTIONS } from '../../domain/stages.js';

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

/** No English zod defaults ("Invalid input", "expected string") leak through. */
function expectVietnamese(message: string): void {
  expect(message).not.toMatch(/Invalid|expected|received|Required|must be/i);
  expect(message).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
}

describe('staff actions', () => {
  it('a return without a reason is refused: "Lý do là bắt buộc"', () => {
    const msg = messageOf(StaffActionSchema, { action: 'return', actor });
    expect(msg).toBe('Lý do là bắt buộc');
  });

  it('a blank reason is trimmed and refused', () => {
    expect(messageOf(StaffActionSchema, { action: 'reject', actor, reason: '   ' })).toBe('Lý do là bắt buộc');
  });

  it('reasons are required for return, reject, withdraw, hold, resume, revoke and extend', () => {
    for (const action of ['return', 'reject', 'withdraw', 'hold', 'resume', 'revoke'] as const) {
      expect(messageOf(STAFF_ACTION_SCHEMAS[action], { action, actor }), action).toBe('Lý do là bắt buộc');
    }
    expect(messageOf(STAFF_ACTION_SCHEMAS.extend, { action: 'extend', actor, newDueDate: '2025-02-30' })).toBe(
      'Hạn mới không hợp lệ (định dạng yyyy-mm-dd, ví dụ 2025-01-15); Lý do là bắt buộc',
    );
  });

  it('approve needs a decision number and date; vote a known choice; endorse a rank', () => {
    expect(messageOf(StaffActionSchema, { action: 'approve', actor, decisionDate: '15/01/2025' })).toBe(
      'Số quyết định là bắt buộc; Ngày quyết định không hợp lệ (định dạng yyyy-mm-dd, ví dụ 2025-01-15)',
    );
    expect(messageOf(StaffActionSchema, { action: 'vote', actor, choice: 'maybe' })).toBe(
      'Phiếu biểu quyết không hợp lệ (chấp nhận: yes, no, abstain)',
    );
    expect(messageOf(StaffActionSchema, { action: 'endorse', actor, rank: 0 })).toBe(
      'Thứ tự xếp hạng phải từ 1 trở lên',
    );
    const ok = StaffActionSchema.parse({
      action: 'approve',
      actor,
      decisionNumber: ' 15/QĐ-VKS ',
      decisionDate: '2025-01-20',
    });
    expect(ok).toMatchObject({ action: 'approve', decisionNumber: '15/QĐ-VKS' });
  });

  it('an unknown action and a bad actor read in Vietnamese', () => {
    expectVietnamese(messageOf(StaffActionSchema, { action: 'explode', actor }));
    const msg = messageOf(StaffActionSchema, {
      action: 'submit',
      actor: { ...actor, userId: 'Nguyễn Văn An', role: 'boss' },
    });
    expect(msg).toBe(
      'Mã người dùng không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, tối đa 64 ký tự; Vai trò không hợp lệ (chấp nhận: unit_clerk, unit_head, cluster_head, council_secretary, council_member, leadership, admin)',
    );
    expect(messageOf(StaffActionSchema, { action: 'submit' })).toBe('Người thực hiện là bắt buộc');
  });

  it('every staff action has a schema', () => {
    expect(Object.keys(STAFF_ACTION_SCHEMAS).sort()).toEqual([...STAFF_ACTIONS].sort());
  });
});

describe('nomination draft', () => {
  const draft = {
    campaignId: 'tdkt-2025',
    year: 2025,
    subject: 'individual',
    awardCode: 'chien-si-thi-dua-co-so',
    track: 'regular',
    nominee: { unitId: 'hd-kv1', personId: 'tran-thi-b' },
    dossier: [{ code: 'bao-cao-thanh-tich', title: 'Báo cáo thành tích năm 2025', reference: 'BC-12/2025' }],
    achievements: '  Hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận.  ',
    declaredCriteria: [],
  };

  it('accepts a valid draft and trims text', () => {
    const parsed = NominationDraftSchema.parse(draft);
    expect(parsed.achievements).toBe('Hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận.');
  });

  it('explains each problem in Vietnamese, with the position of list items', () => {
    const msg = messageOf(NominationDraftSchema, {
      ...draft,
      awardCode: 'huy-chuong-vang',
      nominee: { unitId: 'HD KV1', personId: null },
      dossier: [...draft.dossier, { code: 'to-trinh', title: '', reference: 'TT-1' }],
      achievements: 'x'.repeat(20001),
    });
    expect(msg).toContain('Danh hiệu, hình thức khen thưởng không hợp lệ (chấp nhận: lao-dong-tien-tien');
    expect(msg).toContain('Mã đơn vị không hợp lệ');
    expect(msg).toContain('Tên tài liệu là bắt buộc (mục 2)');
    expect(msg).toContain('Tóm tắt thành tích không được dài quá 20000 ký tự');
    expectVietnamese(msg);
  });

  it('cross-field rules: subject against the award, person required for individuals', () => {
    expect(
      messageOf(NominationDraftSchema, {
        ...draft,
        subject: 'collective',
        nominee: { unitId: 'hd-kv1', personId: null },
      }),
    ).toBe('Chiến sĩ thi đua cơ sở chỉ xét cho cá nhân');
    expect(messageOf(NominationDraftSchema, { ...draft, nominee: { unitId: 'hd-kv1', personId: null } })).toBe(
      'Cá nhân được đề nghị là bắt buộc',
    );
    expect(messageOf(NominationDraftSchema, { ...draft, awardCode: 'anh-hung-lao-dong' })).toBe(
      'Anh hùng Lao động không được đề nghị qua hệ thống này',
    );
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
