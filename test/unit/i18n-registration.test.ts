/**
 * A registration's audit trail on screen (registration.eta via registrationAuditLabel): every action the
 * registration code writes has its Vietnamese words, and one added later without them still shows Vietnamese,
 * never its code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registrationAuditLabel } from '../../domain/i18n.js';

const root = path.resolve(import.meta.dirname, '../..');
/** The audit actions written literally by the registration's domain code, its workflow and the shared shell. */
function writtenActions(): string[] {
  const sources = ['domain/plan-year/registration.ts', 'workflows/registration/workflow.ts', 'workflows/plan/shell.ts'];
  const found = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(path.join(root, file), 'utf8');
    // Every quoted word of an `action: …` expression (a literal, or a conditional between literals).
    for (const expression of text.matchAll(/action: ([^,\n]+)/g))
      for (const m of expression[1]!.matchAll(/'([a-z_]+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

describe('registration audit labels', () => {
  it('labels every action the registration code writes', () => {
    const actions = writtenActions();
    expect(actions).toEqual([
      'amend',
      'create',
      'deadline_moved',
      'escalation',
      'lock',
      'register',
      'reminder',
      'save_draft',
    ]);
    expect(Object.fromEntries(actions.map((a) => [a, registrationAuditLabel(a)]))).toEqual({
      amend: 'ký, gửi bản sửa đổi',
      create: 'mở đăng ký thi đua',
      deadline_moved: 'dời hạn đăng ký',
      escalation: 'báo cáo quá hạn',
      lock: 'khóa bản đăng ký (hết hạn)',
      register: 'ký, gửi đăng ký',
      reminder: 'gửi thư nhắc hạn',
      save_draft: 'lưu bản nháp',
    });
  });

  it('shows an unlabelled action in Vietnamese, not as its code', () => {
    expect(registrationAuditLabel('late_signature')).toBe('cập nhật bản đăng ký');
    expect(registrationAuditLabel('toString')).toBe('cập nhật bản đăng ký');
  });
});
