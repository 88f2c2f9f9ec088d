/**
 * Seed 003: Kế hoạch công tác thi đua, khen thưởng năm 2025 of VKSND tỉnh Hải Dương (dự thảo lần 2).
 * Every date below is quoted from the plan in `source`.
 */
import type { Plan } from '../plan.js';

/** How the screens and mails cite seed 003 (the plan itself, second draft). */
const HD_2025_PLAN = 'Kế hoạch công tác thi đua, khen thưởng năm 2025 của VKSND tỉnh Hải Dương (dự thảo lần 2)';

export const HAI_DUONG_2025: Plan = {
  id: 'hd-2025',
  orgUnitId: 'hd',
  year: 2025,
  title: 'Kế hoạch công tác thi đua, khen thưởng năm 2025 của VKSND tỉnh Hải Dương',
  status: 'draft',
  theme: '“Đoàn kết, đổi mới, trách nhiệm, vượt khó, hiệu quả, hoàn thành xuất sắc nhiệm vụ năm 2025”',
  legalBasis: [
    'Chỉ thị số 01/CT-VKSTC ngày 12/12/2024 của Viện trưởng VKSND tối cao',
    'Chỉ thị số 02/CT-VKSTC ngày 16/12/2024 của Viện trưởng VKSND tối cao',
    'Hướng dẫn số 23/HD-VKSTC ngày 20/12/2024 của VKSND tối cao',
    'Thông tư số 02/2024/TT-VKSTC ngày 12/8/2024 của Viện trưởng VKSND tối cao',
  ],
  movementYearStart: null,
  deadlines: [
    {
      id: 'unit-plan',
      kind: 'unit_plan',
      title: 'Đơn vị gửi kế hoạch, chương trình thực hiện công tác thi đua năm 2025',
      date: { day: 15, month: 1, year: 2025 },
      audience: 'units',
      source: `${HD_2025_PLAN}, mục III.2: “… đơn vị VKSND hai cấp xây dựng kế hoạch, chương trình thực hiện công tác thi đua năm 2025 và gửi về Thường trực Hội đồng thi đua, khen thưởng VKSND tỉnh (qua Văn phòng tổng hợp) trước ngày 15/01/2025.”`,
    },
    {
      id: 'registration',
      kind: 'registration',
      title: 'Đơn vị đăng ký thi đua (danh hiệu cho tập thể và cá nhân)',
      date: { day: 15, month: 1, year: 2025 },
      audience: 'units',
      source: `${HD_2025_PLAN}, mục III.5: “Đơn vị hai cấp đăng ký thi đua (danh hiệu cho tập thể và cá nhân) trước ngày 15/01/2025.”`,
    },
    {
      id: 'compact',
      kind: 'compact',
      title: 'Cụm, khối thi đua phát động thi đua và ký giao ước thi đua',
      date: { day: 15, month: 2, year: 2025 },
      audience: 'clusters',
      source: `${HD_2025_PLAN}, mục III.4: “Các Cụm, Khối thi đua thuộc ngành Kiểm sát Hải Dương hoàn thành việc phát động thi đua và ký giao ước thi đua xong trước 15/02/2025.”`,
    },
  ],
  drives: [
    {
      id: 'mung-dang-mung-xuan-2025',
      title: 'Thi đua “Mừng Đảng quang vinh, Mừng xuân Ất Tỵ”',
      window: { from: { day: 1, month: 12, year: 2024 }, to: { day: 28, month: 2, year: 2025 } },
      source: `${HD_2025_PLAN}, mục II.2: “… thời điểm thi đua từ ngày 01/12/2024 đến ngày 28/02/2025”`,
      // Not in the seed (III.2 leaves each drive's details to the standing body's guidance): the demo's choice.
      nominationDays: 10,
    },
    {
      id: 'chuyen-doi-so-60-ngay-2025',
      title:
        'Phong trào thi đua “60 ngày cao điểm thi đua đẩy mạnh ứng dụng công nghệ thông tin, thúc đẩy chuyển đổi số trong ngành Kiểm sát Hải Dương”',
      window: { from: { day: 1, month: 2, year: 2025 }, to: { day: 31, month: 3, year: 2025 } },
      source: `${HD_2025_PLAN}, mục II.2: “… thời điểm thi đua từ ngày 01/02/2025 đến ngày 31/3/2025”`,
      nominationDays: 10,
    },
    {
      id: 'ky-niem-65-nam-nganh-2025',
      title:
        'Thi đua lập thành tích chào mừng kỷ niệm 65 năm ngày thành lập ngành KSND, 80 năm Cách mạng tháng Tám và Quốc khánh 2/9',
      window: { from: { day: 1, month: 6, year: 2025 }, to: { day: 30, month: 8, year: 2025 } },
      source: `${HD_2025_PLAN}, mục II.2: “… thời điểm thi đua từ ngày 01/6/2025 đến ngày 30/8/2025”`,
      nominationDays: 10,
    },
  ],
  // The rule sets' default ('reminders.default') until the plan says otherwise: a deadline ends at 23:59:59.999 of
  // its day, so -15 hours is 09:00 of a working morning (7 days, 1 day before and on the day), like nominations.
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
    unitId: 'hd',
    chair: 'Viện trưởng VKSND tỉnh, Chủ tịch Hội đồng thi đua, khen thưởng',
    standingBody: 'Thường trực Hội đồng thi đua, khen thưởng VKSND tỉnh',
    secretariat: 'Văn phòng tổng hợp',
  },
  clusterIds: null,
};
