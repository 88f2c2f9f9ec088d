/**
 * Sentences copied verbatim from the seeds in ../shared/seeds, beside the repository (the product's acceptance
 * text). Tests use them as their names; seed-quotes.test.ts checks each one still appears in its seed, whitespace
 * aside.
 */
export const SEED_FILES = {
  '000': '000_8e2fa0cbb46e225b.txt',
  '001': '001_97d179ba2e0af293.txt',
  '002': '002_fa0d277cce6b4f71.txt',
  '003': '003_ebc78786ffd2bd1c.txt',
} as const;

export const QUOTES = {
  /** Seed 001, mục II.2.2.a. */
  quota:
    '- Tỷ lệ đề nghị khen thưởng: Đôi với tập thể không quá **1/4** tổng số tập thể của đơn vị mình; Đôi với cá nhân không quá **10%** tổng số công chức, viên chức hiện, người lao động đang công tác tại đơn vị.',
  /** Seed 001, mục II.2.2.a. */
  movementYear: '- Thời điểm thi đua: từ **01/6** năm trước đến **31/5** năm sau.',
  /** Seed 001, mục II.2.2.a and b (the movement's award forms: yearly, interim review, final review). */
  movementHighestAward: '- Hình thức khen thưởng cao nhất: Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao.',
  interimReviewAwards:
    'Các địa phương, đơn vị tiến hành sơ kết, khen thưởng cho tập thể, cá nhân đạt thành tích xuất sắc theo thẩm quyền và lựa chọn tập thể, cá nhân xuất sắc tiêu biểu để đề nghị tặng Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao hoặc Bằng khen của Thủ tướng Chính phủ.',
  finalReviewAwards:
    'Các địa phương, đơn vị tiến hành tổng kết, khen thưởng cho tập thể, cá nhân đạt thành tích xuất sắc theo thẩm quyền và lựa chọn tập thể, cá nhân tiêu xuất sắc nhất để đề nghị tặng Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao, Bằng khen của Thủ tướng Chính phủ hoặc Huân chương Lao động hạng Ba.',
  /** Seed 000, mục 3.2. */
  labourHero:
    '3.2. Trình cấp có thẩm quyền đề nghị phong tặng danh hiệu Anh hùng Lao động cho một số đơn vị VKSND tỉnh, thành phố trực thuộc Trung ương.',
  /** Seed 002, mục II.1.4. */
  advancedModelCounts:
    'Đồng thời giới thiệu 01 tập thể và 02 cá nhân để Hội đồng Thi đua - Khen thưởng Ngành xem xét, lựa chọn từ 05 đến 10 tập thể, cá nhân xuất sắc tiêu biểu nhất trong Ngành',
  /** Seed 002, mục III.1. */
  advancedModelRegistration:
    'đồng thời lập danh sách đăng ký xây dựng điển hình tiên tiến kèm theo kế hoạch của đơn vị gửi về Vụ Thi đua – Khen thưởng  trước ngày 20/5/2017.',
  /** Seed 002, mục II.1.2.a (individual eligibility list). */
  individualLabourOrder: '- Đã được tặng thưởng Huân chương Lao động các hạng;',
  individualPrimeMinisterMerit: '- Đã được tặng Bằng khen của Thủ tướng Chính phủ;',
  individualSectorMerit:
    '- Đã được tặng Bằng khen của Viện trưởng VKSND tối cao, của Chủ tịch Ủy ban nhân dân cấp tỉnh hoặc tổ chức chính trị, đoàn thể Trung ương;',
  individualNationalFighter: '- Đã được công nhận danh hiệu “Chiến sỹ thi đua toàn quốc”;',
  individualSectorFighter: '- Đã được công nhận danh hiệu “Chiến sỹ thi đua ngành Kiểm sát nhân dân”;',
  individualLeader:
    'Đối với cá nhân giữ chức vụ lãnh đạo quản lý, ngoài tiêu chuẩn nêu trên còn phải gắn với tiêu chuẩn điển hình tiên tiến của tập thể nêu tại Điểm b dưới đây.',
  /** Seed 002, mục II.1.2.b (collective eligibility list). */
  collectiveHero: '- Đã được phong tặng danh hiệu “Anh hùng lao động”;',
  collectiveFlags:
    '- Nhiều năm liên tục được tặng Cờ thi đua của Chính phủ, Cờ thi đua của Ngành hoặc Cờ thi đua dẫn đầu khối (giai đoạn 2011-2016)…',
  /** Seed 003, mục III.2, III.4, III.5. */
  unitPlans:
    'đơn vị VKSND hai cấp xây dựng kế hoạch, chương trình thực hiện công tác thi đua năm 2025 và gửi về Thường trực Hội đồng thi đua, khen thưởng VKSND tỉnh (qua Văn phòng tổng hợp) trước ngày 15/01/2025.',
  compact:
    '4. Các Cụm, Khối thi đua thuộc ngành Kiểm sát Hải Dương hoàn thành việc phát động thi đua và ký giao ước thi đua xong trước 15/02/2025.',
  registration: '5. Đơn vị hai cấp đăng ký thi đua (danh hiệu cho tập thể và cá nhân) trước ngày 15/01/2025.',
  /** Seed 003, mục II.2 (the three short drives). */
  drive1: 'thời điểm thi đua từ ngày 01/12/2024 đến ngày 28/02/2025',
  drive2: 'thời điểm thi đua từ ngày 01/02/2025 đến ngày 31/3/2025',
  drive3: 'thời điểm thi đua từ ngày 01/6/2025 đến ngày 30/8/2025',
} as const;

export const QUOTE_SEED: Record<keyof typeof QUOTES, keyof typeof SEED_FILES> = {
  quota: '001',
  movementYear: '001',
  movementHighestAward: '001',
  interimReviewAwards: '001',
  finalReviewAwards: '001',
  labourHero: '000',
  advancedModelCounts: '002',
  advancedModelRegistration: '002',
  individualLabourOrder: '002',
  individualPrimeMinisterMerit: '002',
  individualSectorMerit: '002',
  individualNationalFighter: '002',
  individualSectorFighter: '002',
  individualLeader: '002',
  collectiveHero: '002',
  collectiveFlags: '002',
  unitPlans: '003',
  compact: '003',
  registration: '003',
  drive1: '003',
  drive2: '003',
  drive3: '003',
};
