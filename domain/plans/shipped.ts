/**
 * The plans shipped with the product, as importable data (issue 11): what the database starts with, so code reads
 * plans from the database and never from these constants. Each says what kind of plan it is and, when the seed
 * is an issued document, how it was issued — as the copy in shared/seeds shows it, nothing invented.
 */
import type { Movement } from '../plan-year/movement.js';
import type { Plan } from '../plan.js';
import { DIEN_HINH_TIEN_TIEN_2017 } from './dien-hinh-tien-tien-2017.js';
import { HAI_DUONG_2025 } from './hai-duong-2025.js';
import { VAN_HOA_CONG_SO_2019_2025 } from './van-hoa-cong-so-2019-2025.js';

export interface ShippedIssue {
  number: string;
  /** yyyy-mm-dd, or null when the copy does not show it. */
  date: string | null;
  signer: string;
}

export type PlanImport =
  | { kind: 'year' | 'programme'; content: Plan; issue: ShippedIssue | null }
  | { kind: 'movement'; orgUnitId: string; content: Movement; issue: ShippedIssue | null };

export const SHIPPED_PLAN_IMPORTS: readonly PlanImport[] = [
  // Seed 003 is the second draft (dự thảo lần 2) of the 2025 plan: imported as a draft, for the standing body
  // to issue or to make the next year's from.
  { kind: 'year', content: HAI_DUONG_2025, issue: null },
  {
    kind: 'programme',
    content: DIEN_HINH_TIEN_TIEN_2017,
    issue: {
      number: 'Kế hoạch của VKSND tối cao (bản lưu không ghi số hiệu)',
      date: null,
      signer: 'KT. Viện trưởng, Phó Viện trưởng Thường trực Nguyễn Hải Phong',
    },
  },
  {
    kind: 'movement',
    orgUnitId: 'vksndtc',
    content: VAN_HOA_CONG_SO_2019_2025,
    issue: { number: '123/KH-VKSTC', date: '2019-07-16', signer: 'KT. Viện trưởng, Phó Viện trưởng Bùi Mạnh Cường' },
  },
];
