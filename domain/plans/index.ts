/** The plans shipped with the product (seed data); more are imported by administrators. */
import type { Plan } from '../plan.js';
import { DIEN_HINH_TIEN_TIEN_2017 } from './dien-hinh-tien-tien-2017.js';
import { HAI_DUONG_2025 } from './hai-duong-2025.js';
import { VAN_HOA_CONG_SO_2019_2025 } from './van-hoa-cong-so-2019-2025.js';

export { DIEN_HINH_TIEN_TIEN_2017, HAI_DUONG_2025, VAN_HOA_CONG_SO_2019_2025 };

export const PLANS: readonly Plan[] = Object.freeze([HAI_DUONG_2025, DIEN_HINH_TIEN_TIEN_2017]);

export function planById(id: string): Plan {
  const plan = PLANS.find((p) => p.id === id);
  if (!plan) throw new RangeError(`Không tìm thấy kế hoạch "${id}"`);
  return plan;
}
