/**
 * Seed 002: Kế hoạch xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2017 – 2020 of VKSND tối cao.
 * Its one dated step for units is the registration list of advanced models, due 20/5/2017.
 */
import type { Plan } from '../plan.js';

/** How the screens and mails cite seed 002. */
const VKSTC_ADVANCED_MODELS_PLAN =
  'Kế hoạch xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2017 – 2020 của VKSND tối cao';

export const DIEN_HINH_TIEN_TIEN_2017: Plan = {
  id: 'dien-hinh-tien-tien-2017',
  orgUnitId: 'vksndtc',
  year: 2017,
  title: 'Kế hoạch xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2017 – 2020',
  status: 'issued',
  theme: '“Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc”',
  legalBasis: [
    'Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị',
    'Chỉ thị số 08/CT-VKSTC ngày 16/10/2014 của Viện trưởng VKSND tối cao',
    'Kế hoạch hoạt động số 34/KH-HĐTĐKT ngày 15/9/2016 của Hội đồng Thi đua – Khen thưởng Trung ương',
  ],
  movementYearStart: null,
  deadlines: [
    {
      id: 'advanced-model-registration',
      kind: 'advanced_model_registration',
      title: 'Gửi danh sách đăng ký xây dựng điển hình tiên tiến kèm theo kế hoạch của đơn vị',
      date: { day: 20, month: 5, year: 2017 },
      audience: 'units',
      source: `${VKSTC_ADVANCED_MODELS_PLAN}, mục III.1: “… đồng thời lập danh sách đăng ký xây dựng điển hình tiên tiến kèm theo kế hoạch của đơn vị gửi về Vụ Thi đua – Khen thưởng trước ngày 20/5/2017.”`,
    },
  ],
  drives: [],
  reminders: {
    reminders: [
      { days: -7, hours: -15 },
      { days: -1, hours: -15 },
      { days: 0, hours: -15 },
    ],
    escalations: [
      { days: 0, hours: 9 },
      { days: 3, hours: 9 },
    ],
  },
  council: {
    unitId: 'vksndtc',
    chair: 'Viện trưởng VKSND tối cao, Chủ tịch Hội đồng Thi đua - Khen thưởng ngành Kiểm sát nhân dân',
    standingBody: 'Thường trực Hội đồng Thi đua - Khen thưởng ngành Kiểm sát nhân dân',
    secretariat: 'Vụ Thi đua - Khen thưởng (V16)',
  },
  clusterIds: null,
};
