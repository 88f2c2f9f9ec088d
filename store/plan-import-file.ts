/**
 * A file of plan documents to import (issue 11), JSON or YAML: how a procuracy loads its first plan, or the
 * Supreme Procuracy's movements and programmes, before the web pages exist or from another system. One document
 * or a list; each names its kind and, for a document that is already issued, how it was issued. The plans'
 * own content is checked by the store when it is written.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { PlanImport } from '../domain/plans/shipped.js';
import { formatZodErrorVN, idString, isoDate, obj, oneOf, text } from '../domain/zod-vi.js';

const IssueSchema = obj('Thông tin ban hành', {
  number: text('Số hiệu văn bản', { max: 200 }),
  date: isoDate('Ngày ban hành').nullable(),
  signer: text('Người ký', { max: 200 }),
});

const DocumentSchema = z.union([
  obj('Kế hoạch', {
    kind: oneOf('Loại kế hoạch', ['year', 'programme'] as const),
    content: z.record(z.string(), z.unknown(), { error: 'Nội dung kế hoạch phải là một đối tượng' }),
    issue: IssueSchema.nullable().default(null),
  }),
  obj('Phong trào', {
    kind: z.literal('movement'),
    orgUnitId: idString('Mã đơn vị ban hành'),
    content: z.record(z.string(), z.unknown(), { error: 'Nội dung phong trào phải là một đối tượng' }),
    issue: IssueSchema.nullable().default(null),
  }),
]);

/** The documents of a file; a Vietnamese Error naming the file when it cannot be read as documents. */
export function parsePlanImportFile(source: string, fileName: string): PlanImport[] {
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(fileName) ? parseYaml(source) : JSON.parse(source);
  } catch (error) {
    throw new Error(`Không đọc được tệp ${fileName}: ${(error as Error).message}`);
  }
  const result = z.array(DocumentSchema).safeParse(Array.isArray(data) ? data : [data]);
  if (!result.success) throw new Error(`Tệp ${fileName} không hợp lệ: ${formatZodErrorVN(result.error)}`);
  // The content's own schema is applied by the store (createPlanDraft), with its Vietnamese messages.
  return result.data as unknown as PlanImport[];
}
