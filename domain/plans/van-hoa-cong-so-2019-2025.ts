/**
 * Seed 001: the Supreme Procuracy's plan for the movement "Cán bộ, công chức, viên chức ngành Kiểm sát nhân dân thi
 * đua thực hiện văn hóa công sở" 2019 – 2025, carried out by every province. Quoted in `source`; where the seed
 * leaves a date to the central council's guidance, the choice made here is said so.
 */
import type { Movement } from '../plan-year/movement.js';

/** How the screens and mails cite seed 001. */
const VKSTC_PLAN_123 = 'Kế hoạch số 123/KH-VKSTC ngày 16/7/2019 của VKSND tối cao';

export const VAN_HOA_CONG_SO_2019_2025: Movement = {
  id: 'van-hoa-cong-so-2019-2025',
  title:
    '“Cán bộ, công chức, viên chức ngành Kiểm sát nhân dân thi đua thực hiện văn hóa công sở” giai đoạn 2019 – 2025',
  fromYear: 2019,
  toYear: 2025,
  movementYearStart: { day: 1, month: 6 },
  quotas: { collective: { numerator: 1, denominator: 4 }, individual: { numerator: 10, denominator: 100 } },
  reviews: [
    {
      id: 'van-hoa-cong-so-so-ket-2022',
      kind: 'interim',
      title: 'Sơ kết phong trào thi đua năm 2022',
      year: 2022,
      nominationDays: 30,
      awards:
        'Khen thưởng theo thẩm quyền; lựa chọn tập thể, cá nhân xuất sắc tiêu biểu đề nghị Bằng khen của Viện trưởng VKSND tối cao hoặc Bằng khen của Thủ tướng Chính phủ',
      // Mục II.2.2.b: "khen thưởng … theo thẩm quyền" (the province's Giấy khen) "và … đề nghị tặng Bằng khen của
      // Viện trưởng Viện kiểm sát nhân dân tối cao hoặc Bằng khen của Thủ tướng Chính phủ".
      awardCodes: ['giay-khen', 'bang-khen-vksndtc', 'bang-khen-thu-tuong'],
      source: `${VKSTC_PLAN_123}, mục C.2: “Năm 2022: … tiến hành sơ kết … Thời điểm tiến hành sơ kết theo hướng dẫn của Hội đồng Thi đua - Khen thưởng Trung ương.” Mốc ở đây: hết năm thi đua 2021 – 2022 (31/5/2022); 30 ngày gửi đề nghị là thời hạn mặc định của hệ thống, văn bản không quy định.`,
    },
    {
      id: 'van-hoa-cong-so-tong-ket-2025',
      kind: 'final',
      title: 'Tổng kết phong trào thi đua năm 2025',
      year: 2025,
      nominationDays: 30,
      awards:
        'Khen thưởng theo thẩm quyền; lựa chọn tập thể, cá nhân xuất sắc nhất đề nghị Bằng khen của Viện trưởng VKSND tối cao, Bằng khen của Thủ tướng Chính phủ hoặc Huân chương Lao động hạng Ba',
      // Mục II.2.2.b, khen thưởng tổng kết: the interim's forms and the Huân chương Lao động hạng Ba.
      awardCodes: ['giay-khen', 'bang-khen-vksndtc', 'bang-khen-thu-tuong', 'huan-chuong-lao-dong-hang-ba'],
      source: `${VKSTC_PLAN_123}, mục C.3: “Năm 2025: … tổng kết phong trào thi đua nhân dịp kỷ niệm 80 năm ngày thành lập nước … (Quốc khánh 02/9/2025).” Mốc ở đây: hết năm thi đua 2024 – 2025 (31/5/2025), hạn gửi đề nghị trước 02/9/2025.`,
    },
  ],
  source: `${VKSTC_PLAN_123}, mục II.2.2: “Tỷ lệ đề nghị khen thưởng: Đối với tập thể không quá 1/4 tổng số tập thể của đơn vị mình; Đối với cá nhân không quá 10% …” và “Thời điểm thi đua: từ 01/6 năm trước đến 31/5 năm sau.”`,
};
