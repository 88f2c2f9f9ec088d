/**
 * Where a listed case is acted on, by its kind: a nomination and a complaint have their own pages; the year's
 * registrations, compacts and advanced models are acted on in the plan pages, which take the unit or cluster and
 * the year.
 * Built from a row of the case index only (names included), so a list page never queries the cases one by one.
 */
import type { CaseIndexRow } from '../../domain/case-index.js';
import { COMPACT_STAGE_LABELS } from './compact-view.js';
import { COMPLAINT_STAGE_LABELS, complaintUrl } from './complaint-view.js';

/**
 * The kinds whose waiting cases an inbox lists: each has a page where the one it waits on acts (a complaint: the
 * standing body for its findings, then the leadership for the conclusion).
 */
export const INBOX_KINDS = ['nomination', 'registration', 'compact', 'advanced-model', 'complaint'] as const;

export const KIND_LABELS: Record<string, string> = {
  nomination: 'Đề nghị khen thưởng',
  registration: 'Đăng ký thi đua',
  compact: 'Giao ước thi đua',
  'advanced-model': 'Điển hình tiên tiến',
  complaint: 'Khiếu nại',
};

/** The advanced models' page (routes/advanced-models.ts serves it); here so render helpers need no route module. */
export const ADVANCED_MODELS_PATH = '/ke-hoach/dien-hinh';

const ADVANCED_MODEL_STAGE_LABELS: Record<string, string> = {
  proposing: 'Đang đề xuất',
  selected: 'Đã chọn, chờ gửi lên cấp trên',
  sent_on: 'Đã gửi lên cấp trên',
};

const REGISTRATION_STAGE_LABELS: Record<string, string> = {
  open: 'Chờ đơn vị đăng ký',
  locked: 'Đã khóa sổ',
};

export interface CaseLink {
  /** The kind in Vietnamese. */
  kind: string;
  href: string;
  /** What the row names: the nominee of a nomination, the unit or cluster and the year otherwise. */
  text: string;
  /** The step in Vietnamese, or null when the kind's own helper (nomination stages) renders it. */
  stage: string | null;
}

const withYear = (path: string, year: number | null) => (year ? `${path}?nam=${year}` : path);

/** The part of an index row a link needs. */
export type LinkedRow = Pick<
  CaseIndexRow,
  'caseId' | 'kind' | 'year' | 'stage' | 'unitId' | 'unitName' | 'clusterId' | 'nomineeName'
>;

export function caseLink(row: LinkedRow): CaseLink {
  const kind = KIND_LABELS[row.kind] ?? '—';
  const yearText = row.year ? ` năm ${row.year}` : '';
  switch (row.kind) {
    case 'registration':
      return {
        kind,
        href: withYear(`/ke-hoach/dang-ky/${encodeURIComponent(row.unitId ?? '')}`, row.year),
        text: `${row.unitName ?? 'Đơn vị'}${yearText}`,
        stage: REGISTRATION_STAGE_LABELS[row.stage] ?? '—',
      };
    case 'compact':
      return {
        kind,
        href: withYear(`/giao-uoc/${encodeURIComponent(row.clusterId ?? '')}`, row.year),
        text: `${row.nomineeName ?? 'Cụm, khối thi đua'}${yearText}`,
        stage: COMPACT_STAGE_LABELS[row.stage as keyof typeof COMPACT_STAGE_LABELS] ?? '—',
      };
    case 'advanced-model':
      return {
        kind,
        href: withYear(ADVANCED_MODELS_PATH, row.year),
        text: `Điển hình tiên tiến${yearText}`,
        stage: ADVANCED_MODEL_STAGE_LABELS[row.stage] ?? '—',
      };
    case 'complaint': {
      const number = row.caseId.replace(/^complaint\//, '');
      return {
        kind,
        href: complaintUrl(number),
        // Its number is how a complaint is named (the register of letters received), like a decision's.
        text: `Đơn khiếu nại số ${number}`,
        stage: COMPLAINT_STAGE_LABELS[row.stage as keyof typeof COMPLAINT_STAGE_LABELS] ?? '—',
      };
    }
    default:
      return {
        kind,
        href: `/ho-so/${encodeURIComponent(row.caseId)}`,
        text: row.nomineeName ?? 'Hồ sơ',
        stage: null,
      };
  }
}
