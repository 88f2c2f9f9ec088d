/**
 * Staff actions on a nomination, as data. Each carries its actor; the shape is checked by zod (with
 * Vietnamese messages) before any rule is looked at.
 */
import { z } from 'zod';
import { awardAcceptsSubject, DECLARED_CRITERIA, declaredCriteriaFor, findAward } from '../catalogue.js';
import { ROLES } from '../org.js';
import { CollectiveFactsSchema, DeclaredCriteriaSchema, PersonFactsSchema } from './facts.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** The reason every refusing, holding or repairing action gives (and a complaint's conclusion, complaint.ts). */
export const ReasonSchema = z.lazy(() =>
  z
    .string({ error: 'Lý do là bắt buộc' })
    .trim()
    .min(3, { error: 'Lý do phải có ít nhất 3 ký tự' })
    .max(2000, { error: 'Lý do dài quá 2000 ký tự' }),
);
const id = z.lazy(() => z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { error: 'Mã không hợp lệ' }));
const isoInstant = z.lazy(() => z.iso.datetime({ offset: true, error: 'Thời điểm không hợp lệ' }));
const ymd = z.lazy(() => z.iso.date({ error: 'Ngày không hợp lệ (định dạng yyyy-mm-dd)' }));

export const ActorSchema = z.lazy(() =>
  z.object({
    userId: id,
    displayName: text(200),
    role: z.enum(ROLES, { error: 'Vai trò không hợp lệ' }),
    unitId: id,
    actingFor: z
      .object({ mode: z.enum(['ky_thay', 'thua_lenh']), userId: id, role: z.enum(ROLES) })
      .nullable()
      .default(null),
  }),
);

export const DossierItemSchema = z.lazy(() =>
  z.object({
    code: z.string().trim().min(1).max(64),
    title: text(300),
    reference: z.string().trim().max(500, { error: 'Số, ký hiệu tài liệu dài quá 500 ký tự' }).default(''),
  }),
);

export const NomineeSchema = z.lazy(() =>
  z.object({
    subject: z.enum(['individual', 'collective'], { error: 'Đối tượng phải là cá nhân hoặc tập thể' }),
    personId: id.nullable(),
    unitId: id,
    displayName: text(200),
  }),
);

export const DraftSchema = z.lazy(() =>
  z
    .object({
      awardCode: z.string().trim().min(1, { error: 'Chưa chọn hình thức khen thưởng' }).max(64),
      nominee: NomineeSchema,
      dossier: z.array(DossierItemSchema).max(50, { error: 'Hồ sơ có quá nhiều tài liệu' }).default([]),
      achievements: z.string().trim().max(20_000, { error: 'Tóm tắt thành tích dài quá 20000 ký tự' }).default(''),
      // What eligibility needs beyond the book (facts.ts). Optional: drafts of cases started before they existed
      // have none, and an award without such a standard needs none.
      declaredCriteria: DeclaredCriteriaSchema.optional(),
      personFacts: PersonFactsSchema.optional(),
      collectiveFacts: CollectiveFactsSchema.optional(),
    })
    .superRefine((d, ctx) => {
      // Facts about the wrong kind of nominee would be silently ignored: refuse them so the unit sees its mistake.
      if (d.nominee.subject === 'individual' && d.collectiveFacts)
        ctx.addIssue({
          code: 'custom',
          path: ['collectiveFacts'],
          message: 'Đề nghị cho cá nhân không kèm số liệu của tập thể',
        });
      if (d.nominee.subject === 'collective' && d.personFacts)
        ctx.addIssue({
          code: 'custom',
          path: ['personFacts'],
          message: 'Đề nghị cho tập thể không kèm thông tin cá nhân',
        });
      const award = findAward(d.awardCode);
      const allowed = new Set(
        award && awardAcceptsSubject(award, d.nominee.subject) ? declaredCriteriaFor(award, d.nominee.subject) : [],
      );
      for (const code of d.declaredCriteria ?? []) {
        if (!allowed.has(code))
          ctx.addIssue({
            code: 'custom',
            path: ['declaredCriteria'],
            // The criterion's own words, not its code: the message is shown on screen.
            message: `Tiêu chuẩn “${DECLARED_CRITERIA[code]}” không thuộc tiêu chuẩn xét ${award?.name ?? 'hình thức đã chọn'}`,
          });
      }
    }),
);

const withActor = <T extends z.ZodRawShape>(shape: T) => z.object({ actor: ActorSchema, ...shape });

export const ActionSchemas = {
  edit: z.lazy(() => withActor({ draft: DraftSchema })),
  submit: z.lazy(() => withActor({ note: z.string().trim().max(2000).optional() })),
  endorse: z.lazy(() =>
    withActor({
      rank: z
        .number({ error: 'Thứ tự xếp hạng phải là số' })
        .int()
        .min(1, { error: 'Thứ tự xếp hạng phải từ 1' })
        .max(999),
    }),
  ),
  verify: z.lazy(() =>
    withActor({
      complete: z.boolean({ error: 'Phải chọn hồ sơ đủ hay thiếu' }),
      missingItems: z.array(text(300)).max(50).default([]),
      note: z.string().trim().max(2000).optional(),
    }),
  ),
  vote: z.lazy(() =>
    withActor({
      choice: z.enum(['yes', 'no', 'abstain'], { error: 'Phiếu phải là đồng ý, không đồng ý hoặc không biểu quyết' }),
    }),
  ),
  close_vote: z.lazy(() => withActor({ minutesNote: z.string().trim().max(5000).optional() })),
  /** A member unit's head votes in the cluster's vote (cluster-vote.ts). */
  cluster_vote: z.lazy(() =>
    withActor({
      choice: z.enum(['yes', 'no', 'abstain'], { error: 'Phiếu phải là đồng ý, không đồng ý hoặc không biểu quyết' }),
    }),
  ),
  /** The cluster head unit closes the cluster's vote, with an optional note for the minutes. */
  close_cluster_vote: z.lazy(() => withActor({ minutesNote: z.string().trim().max(5000).optional() })),
  approve: z.lazy(() =>
    withActor({
      decisionNumber: text(64).regex(/^[\p{L}\p{N}/.-]+$/u, { error: 'Số quyết định không hợp lệ' }),
      decisionDate: ymd,
    }),
  ),
  return: z.lazy(() =>
    withActor({ reason: ReasonSchema, toStep: z.enum(['unit', 'cluster', 'standing_body']).default('unit') }),
  ),
  reject: z.lazy(() => withActor({ reason: ReasonSchema })),
  withdraw: z.lazy(() => withActor({ reason: ReasonSchema })),
  hold: z.lazy(() => withActor({ reason: ReasonSchema, complaintId: id.optional() })),
  resume: z.lazy(() => withActor({ reason: ReasonSchema })),
  revoke: z.lazy(() => withActor({ reason: ReasonSchema })),
  extend: z.lazy(() => withActor({ newDueAt: isoInstant, reason: ReasonSchema })),
  /** A repair: hand the current step to another unit (reassign.ts). */
  reassign: z.lazy(() => withActor({ toUnitId: id, reason: ReasonSchema })),
  comment: z.lazy(() => withActor({ text: text(5000) })),
  record_external_decision: z.lazy(() =>
    withActor({
      outcome: z.enum(['approved', 'rejected']),
      decisionNumber: z.string().trim().max(64).optional(),
      decisionDate: ymd.optional(),
      reason: z.string().trim().max(2000).optional(),
    }),
  ),
} as const;

export type ActionName = keyof typeof ActionSchemas;
export type ActionInput<A extends ActionName> = z.infer<(typeof ActionSchemas)[A]>;
/** The raw (unparsed) input a caller sends, e.g. from the CLI or a form. */
export type ActionRequest<A extends ActionName> = z.input<(typeof ActionSchemas)[A]>;
export const ACTION_NAMES = Object.keys(ActionSchemas) as ActionName[];

export type AnyAction = { [A in ActionName]: { name: A; input: ActionInput<A> } }[ActionName];
