/**
 * zod's own messages are English ("Too big: expected string to have <=2000 characters"). Where a schema gives no
 * message of its own, the workflow validators (parseOrRefuse) and the CLI pass zodFallbackVN per parse, so the
 * refusal a person reads is Vietnamese; a message the schema sets still wins.
 */
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActionSchemas } from '../../domain/nomination/actions.js';
import { zodFallbackVN } from '../../domain/zod-vi.js';
import { parseOrRefuse } from '../../workflows/shared/refusals.js';

const actor = {
  userId: 'u-truong-kv2',
  displayName: 'Trưởng KV2',
  role: 'unit_head',
  unitId: 'hd-kv2',
  actingFor: null,
};
const ENGLISH = /Too (big|small)|Invalid|expected|received|characters/;

function refusal(schema: z.ZodType, raw: unknown): string {
  try {
    parseOrRefuse(schema, raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ApplicationFailure);
    return (error as ApplicationFailure).message;
  }
  throw new Error('expected a refusal');
}

describe('Vietnamese for limits without a message of their own', () => {
  it('refuses the limits of the staff actions that have no message in Vietnamese (these were English)', () => {
    expect(refusal(ActionSchemas.submit, { actor, note: 'x'.repeat(2001) })).toBe(
      'Dữ liệu không hợp lệ — note: Không được quá 2000 ký tự',
    );
    expect(refusal(ActionSchemas.record_external_decision, { actor, outcome: 'maybe' })).toBe(
      'Dữ liệu không hợp lệ — outcome: Giá trị không hợp lệ (chấp nhận: approved, rejected)',
    );
    expect(refusal(ActionSchemas.verify, { actor, complete: true, missingItems: [''] })).toBe(
      'Dữ liệu không hợp lệ — missingItems.0: Không được để trống',
    );
    expect(refusal(ActionSchemas.verify, { actor, complete: true, missingItems: 'x' })).toBe(
      'Dữ liệu không hợp lệ — missingItems: Sai kiểu dữ liệu: cần danh sách',
    );
    for (const message of [
      refusal(ActionSchemas.return, { actor, reason: 'Bổ sung', toStep: 7 }),
      refusal(ActionSchemas.close_vote, { actor, minutesNote: 'x'.repeat(5001) }),
      refusal(ActionSchemas.approve, { actor, decisionNumber: '', decisionDate: '2025-01-01' }),
    ])
      expect(message).not.toMatch(ENGLISH);
  });

  it("keeps a schema's own message", () => {
    expect(refusal(ActionSchemas.endorse, { actor, rank: 0 })).toBe(
      'Dữ liệu không hợp lệ — rank: Thứ tự xếp hạng phải từ 1',
    );
    const schema = z.object({ a: z.string().max(2, { error: 'riêng' }), b: z.number().min(3) });
    const parsed = schema.safeParse({ a: 'abc', b: 1 }, { error: zodFallbackVN });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['riêng', 'Phải từ 3 trở lên']);
  });
});
