/**
 * The rule-set versions, oldest first. Sources point to the seeds (the product's acceptance text) and to
 * legal-rules-notes.md, in ../shared/reference beside the repository; values the notes mark UNCONFIRMED (or that
 * no text states) carry `needsConfirmation: true` and a sensible default an administrator can change.
 */
import type { RuleParameter, RuleParameters, RuleSet } from './types.js';

function param<T>(value: T, description: string, source: string, needsConfirmation: boolean): RuleParameter<T> {
  return { value, description, source, needsConfirmation };
}

const SEED_001 = 'Seed 001 (Kế hoạch 123/KH-VKSTC ngày 16/7/2019), mục II.2.2.a';
const SEED_002 = 'Seed 002 (Kế hoạch xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến 2017–2020)';
const NOTES = 'legal-rules-notes.md';

/** Baseline: Luật Thi đua, khen thưởng 2022 + NĐ 98/2023/NĐ-CP, with the ngành rules of TT 01/2019/TT-VKSTC. */
const BASELINE: RuleParameters = {
  'quota.collectiveShare': param(
    { numerator: 1, denominator: 4 },
    'Tỷ lệ tối đa đề nghị khen thưởng tập thể so với tổng số tập thể của đơn vị',
    `${SEED_001}: “Đôi với tập thể không quá **1/4** tổng số tập thể của đơn vị mình”`,
    false,
  ),
  'quota.individualShare': param(
    { numerator: 10, denominator: 100 },
    'Tỷ lệ tối đa đề nghị khen thưởng cá nhân so với tổng số công chức, viên chức, người lao động của đơn vị',
    `${SEED_001}: “Đôi với cá nhân không quá **10%** tổng số công chức, viên chức hiện, người lao động đang công tác tại đơn vị”`,
    false,
  ),
  'quota.rounding': param(
    'floor',
    'Cách làm tròn chỉ tiêu (số người/tập thể phải là số nguyên): làm tròn xuống để không bao giờ vượt tỷ lệ',
    `${SEED_001}: “không quá” là mức trần, nên làm tròn xuống là cách duy nhất luôn giữ đúng tỷ lệ`,
    false,
  ),
  'quota.minimumOne': param(
    false,
    'Đơn vị có tỷ lệ làm tròn bằng 0 vẫn được đề nghị 01 (có/không)',
    `Seed 001 không quy định; TT 02/2024/TT-VKSTC Đ18(2) có quy tắc “nếu < 1 thì được 01” nhưng chỉ cho Tập thể lao động xuất sắc (${NOTES} §2.2)`,
    true,
  ),
  'quota.excellentCollectiveShare': param(
    { numerator: 20, denominator: 100 },
    'Số Tập thể lao động xuất sắc tối đa so với số tập thể đạt Tập thể lao động tiên tiến',
    `TT 02/2024/TT-VKSTC Đ18(2) (${NOTES} §2.2, §3.3); chưa rõ quy định tương ứng của TT 01/2019`,
    true,
  ),
  'quota.excellentCollectiveMinimumOne': param(
    true,
    'Nếu tỷ lệ Tập thể lao động xuất sắc nhỏ hơn 1 thì được 01',
    `TT 02/2024/TT-VKSTC Đ18(2): “nếu < 1 thì được 01” (${NOTES} §2.2); chưa rõ quy định của TT 01/2019`,
    true,
  ),
  'movementYear.start': param(
    { day: 1, month: 6 },
    'Ngày bắt đầu năm thi đua của phong trào (kết thúc vào ngày liền trước của năm sau)',
    `${SEED_001}: “Thời điểm thi đua: từ **01/6** năm trước đến **31/5** năm sau.”`,
    false,
  ),
  'advancedModel.collectivesPerUnit': param(
    1,
    'Số tập thể điển hình tiên tiến mỗi đơn vị giới thiệu',
    `${SEED_002}, mục II.1.4: “Đồng thời giới thiệu 01 tập thể và 02 cá nhân …”`,
    false,
  ),
  'advancedModel.individualsPerUnit': param(
    2,
    'Số cá nhân điển hình tiên tiến mỗi đơn vị giới thiệu',
    `${SEED_002}, mục II.1.4: “Đồng thời giới thiệu 01 tập thể và 02 cá nhân …”`,
    false,
  ),
  'advancedModel.selectMin': param(
    5,
    'Số điển hình tối thiểu Hội đồng Thi đua - Khen thưởng Ngành lựa chọn',
    `${SEED_002}, mục II.1.4: “… lựa chọn từ 05 đến 10 tập thể, cá nhân xuất sắc tiêu biểu nhất trong Ngành”`,
    false,
  ),
  'advancedModel.selectMax': param(
    10,
    'Số điển hình tối đa Hội đồng Thi đua - Khen thưởng Ngành lựa chọn',
    `${SEED_002}, mục II.1.4: “… lựa chọn từ 05 đến 10 tập thể, cá nhân xuất sắc tiêu biểu nhất trong Ngành”`,
    false,
  ),
  'advancedModel.flagConsecutiveYears': param(
    2,
    'Số năm liên tục được tặng Cờ thi đua để coi là “nhiều năm liên tục” (tiêu chuẩn điển hình tập thể)',
    `${SEED_002}, mục II.1.2.b: “Nhiều năm liên tục được tặng Cờ thi đua của Chính phủ, Cờ thi đua của Ngành …” — kế hoạch không nêu số năm`,
    true,
  ),
  'advancedModel.flagReferencePeriod': param(
    { fromYear: 2011, toYear: 2016, programmeFromYear: 2017, programmeToYear: 2020 },
    'Giai đoạn tính Cờ thi đua liên tục cho tiêu chuẩn điển hình tiên tiến của tập thể, và các năm của kế hoạch áp dụng giai đoạn đó',
    `${SEED_002}, mục II.1.2.b: “Nhiều năm liên tục được tặng Cờ thi đua của Chính phủ, Cờ thi đua của Ngành hoặc Cờ thi đua dẫn đầu khối (giai đoạn 2011-2016)…”; kế hoạch áp dụng cho giai đoạn 2017 – 2020`,
    false,
  ),
  'vote.default': param(
    { share: { numerator: 1, denominator: 2 }, comparison: 'more_than' },
    'Tỷ lệ phiếu đồng ý để Hội đồng thông qua (mặc định: quá bán)',
    `Không tìm thấy quy định riêng (${NOTES} §3.2)`,
    true,
  ),
  'vote.baseEmulationFighter': param(
    { share: { numerator: 70, denominator: 100 }, comparison: 'at_least' },
    'Tỷ lệ phiếu đồng ý xét danh hiệu Chiến sĩ thi đua cơ sở',
    `“≥ 70%” thường được nêu nhưng không tìm thấy văn bản (${NOTES} §3.2)`,
    true,
  ),
  'vote.sectorEmulationFighter': param(
    { share: { numerator: 90, denominator: 100 }, comparison: 'at_least' },
    'Tỷ lệ phiếu đồng ý của Hội đồng TĐKT ngành xét danh hiệu Chiến sĩ thi đua ngành Kiểm sát nhân dân',
    `TT 01/2019/TT-VKSTC Đ16(1) (${NOTES} §2.1, §3.2)`,
    false,
  ),
  'vote.sectorFlagCluster': param(
    { share: { numerator: 80, denominator: 100 }, comparison: 'at_least' },
    'Tỷ lệ phiếu đồng ý của thành viên cụm/khối thi đua suy tôn Cờ thi đua của ngành Kiểm sát nhân dân',
    `TT 01/2019/TT-VKSTC Đ20 (${NOTES} §2.1, §3.2)`,
    false,
  ),
  'vote.labourHero': param(
    { share: { numerator: 90, denominator: 100 }, comparison: 'at_least' },
    'Tỷ lệ phiếu đồng ý của Hội đồng xét đề nghị danh hiệu Anh hùng Lao động',
    `NĐ 91/2017 Đ45(8): từ 90% tổng số thành viên Hội đồng cho danh hiệu Anh hùng; chưa xác nhận theo NĐ 98/2023, NĐ 152/2025 (${NOTES} §3.2)`,
    true,
  ),
  'vote.denominator': param(
    'total_members',
    'Tỷ lệ phiếu tính trên tổng số thành viên Hội đồng (thành viên vắng mặt bỏ phiếu bằng văn bản)',
    `NĐ 91/2017 Đ45(8) tính trên tổng số thành viên; chưa xác nhận theo NĐ 98/2023 (${NOTES} §3.2, §5)`,
    true,
  ),
  'council.quorum': param(
    { numerator: 2, denominator: 3 },
    'Số thành viên tối thiểu phải có mặt để phiên họp Hội đồng hợp lệ (tỷ lệ trên tổng số thành viên)',
    `Không tìm thấy quy định cho Hội đồng TĐKT VKSND cấp tỉnh (${NOTES} §6); mặc định 2/3`,
    true,
  ),
  'prereq.sectorFighter.consecutiveBaseFighter': param(
    3,
    'Số lần liên tục đạt Chiến sĩ thi đua cơ sở để xét Chiến sĩ thi đua ngành',
    `Luật TĐKT 2022 Đ22; TT 01/2019/TT-VKSTC Đ16(1) (${NOTES} §1.2, §2.1)`,
    false,
  ),
  'prereq.procuratorGeneralMerit.consecutiveBaseFighter': param(
    2,
    'Số lần liên tục đạt Chiến sĩ thi đua cơ sở để xét Bằng khen của Viện trưởng VKSND tối cao (cá nhân)',
    `Luật TĐKT 2022 Đ74, điểm d (${NOTES} §1.3)`,
    false,
  ),
  'prereq.primeMinisterMerit.yearsSinceSectorMerit': param(
    5,
    'Số năm tối thiểu từ Bằng khen cấp bộ, ngành đến khi đề nghị Bằng khen của Thủ tướng (cá nhân)',
    `Luật TĐKT 2022 Đ73, điểm b (${NOTES} §1.3)`,
    false,
  ),
  'prereq.primeMinisterMerit.baseFighterCount': param(
    3,
    'Số lần Chiến sĩ thi đua cơ sở trong thời gian đó để đề nghị Bằng khen của Thủ tướng (cá nhân)',
    `Luật TĐKT 2022 Đ73, điểm b (${NOTES} §1.3)`,
    false,
  ),
  'prereq.labourOrder3.yearsSincePrimeMinisterMerit': param(
    5,
    'Số năm tối thiểu từ Bằng khen của Thủ tướng đến khi đề nghị Huân chương Lao động hạng Ba (cá nhân)',
    `Luật TĐKT 2022 Đ44, điểm e (${NOTES} §1.3)`,
    false,
  ),
  'prereq.labourOrder3.baseFighterCount': param(
    3,
    'Số lần Chiến sĩ thi đua cơ sở trong thời gian đó để đề nghị Huân chương Lao động hạng Ba (cá nhân)',
    `Luật TĐKT 2022 Đ44, điểm e (${NOTES} §1.3)`,
    false,
  ),
  'prereq.sectorFlag.excellentCollectiveYears': param(
    1,
    'Số năm liên tục đạt Tập thể lao động xuất sắc để được suy tôn Cờ thi đua của ngành',
    `TT 01/2019/TT-VKSTC Đ20: chọn trong số Tập thể lao động xuất sắc (${NOTES} §2.1)`,
    false,
  ),
  'prereq.adHocCountsTowardLadder': param(
    true,
    'Khen thưởng đột xuất, chuyên đề được tính làm căn cứ đề nghị khen thưởng công trạng (có/không)',
    `Không tìm thấy quy định loại trừ trong giai đoạn NĐ 98/2023 (${NOTES} §0.1)`,
    true,
  ),
  'advancedWorker.minServiceMonths': param(
    10,
    'Thời gian công tác tối thiểu (tháng) kể từ khi tuyển dụng để xét Lao động tiên tiến',
    `TT 01/2019/TT-VKSTC: không xét người mới tuyển dụng dưới 10 tháng (ghi chú so sánh của TVPL, ${NOTES} §2.1)`,
    true,
  ),
  'advancedWorker.excludedLeaveMonths': param(
    { fromMonths: 3, toMonths: 6 },
    'Nghỉ công tác trong khoảng này (tháng) thì không xét Lao động tiên tiến',
    `TT 02/2024/TT-VKSTC Đ15 (${NOTES} §2.2); chưa rõ quy định của TT 01/2019`,
    true,
  ),
  'commemorativeMedal.minServiceYears': param(
    15,
    'Số năm công tác liên tục tối thiểu trong ngành để xét Kỷ niệm chương “Vì sự nghiệp Kiểm sát”',
    `TT 01/2019 và TT 02/2024/TT-VKSTC Đ21(3)(a) (${NOTES} §2.4)`,
    false,
  ),
  'collective.advanced.minAdvancedWorkerShare': param(
    { share: { numerator: 1, denominator: 2 }, comparison: 'more_than' },
    'Tập thể lao động tiên tiến: tỷ lệ cá nhân đạt Lao động tiên tiến phải trên 50%',
    `Luật TĐKT 2003 Đ28; lời văn Luật 2022 chưa xác nhận (${NOTES} §1.2, §3.3)`,
    true,
  ),
  'collective.excellent.minAdvancedWorkerShare': param(
    { share: { numerator: 70, denominator: 100 }, comparison: 'at_least' },
    'Tập thể lao động xuất sắc: 100% cá nhân hoàn thành nhiệm vụ, trong đó ít nhất 70% đạt Lao động tiên tiến',
    `Luật TĐKT 2022 Đ27 (${NOTES} §1.2, §3.3)`,
    false,
  ),
  'hold.whileUnderReview': param(
    true,
    'Chưa đề nghị khen thưởng khi đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc có đơn thư khiếu nại, tố cáo đang xác minh',
    `Nguyên tắc nêu trong NĐ 152/2025 (${NOTES} §0.1, §3.6); áp dụng cả giai đoạn trước như thực tiễn`,
    true,
  ),
  'steps.regular': param(
    {
      unit: { days: 10, working: true },
      cluster: { days: 7, working: true },
      standing_body: { days: 10, working: true },
      council: { days: 10, working: true },
      leadership: { days: 5, working: true },
    },
    'Thời hạn từng bước (ngày làm việc) của hồ sơ thường niên: đơn vị → cụm/khối → Thường trực Hội đồng → Hội đồng → Lãnh đạo',
    `Không tìm thấy thời hạn cho ngành KSND; tham khảo thẩm định 10 ngày làm việc ở thủ tục cấp huyện (${NOTES} §3.5)`,
    true,
  ),
  'steps.adHoc': param(
    {
      unit: { days: 3, working: true },
      cluster: { days: 2, working: true },
      standing_body: { days: 5, working: true },
      council: { days: 5, working: true },
      leadership: { days: 3, working: true },
    },
    'Thời hạn từng bước (ngày làm việc) của hồ sơ khen thưởng đột xuất (rút gọn)',
    `Không tìm thấy quy định; khen thưởng đột xuất cần kịp thời (Luật TĐKT 2022 Đ6; ${NOTES} §3.5)`,
    true,
  ),
  'complaint.acceptWorkingDays': param(
    10,
    'Thời hạn thụ lý đơn khiếu nại về thi đua, khen thưởng (ngày làm việc)',
    `Không có thời hạn riêng cho TĐKT; mặc định theo pháp luật khiếu nại chung (${NOTES} §3.6)`,
    true,
  ),
  'complaint.resolveDays': param(
    30,
    'Thời hạn giải quyết khiếu nại về thi đua, khen thưởng kể từ ngày thụ lý (ngày)',
    `Không có thời hạn riêng cho TĐKT; mặc định theo pháp luật khiếu nại chung (${NOTES} §3.6)`,
    true,
  ),
  'publicConsultation.workingDays': param(
    10,
    'Thời gian lấy ý kiến nhân dân trước khi trình Huân chương, Chiến sĩ thi đua toàn quốc (ngày làm việc)',
    `NĐ 98/2023 Đ46; thực tế ngành 8–10 ngày làm việc (${NOTES} §3.4)`,
    true,
  ),
  'reminders.default': param(
    {
      // Due dates end at 23:59:59.999 of their day; -15 hours lands at 09:00 of a working morning, not midnight.
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
    'Lịch nhắc việc (lúc 9:00 sáng): trước hạn 7 ngày, 1 ngày, ngày đến hạn; quá hạn thì báo cáo cấp trên sáng hôm sau và sau 3 ngày',
    'Design notes (“7 days, 1 day before, at due, then escalate”); hạn là cuối ngày 23:59:59 nên nhắc “đúng hạn” lúc 9:00 sáng ngày đó',
    true,
  ),
};

/** TT 02/2024/TT-VKSTC (eff. 01/10/2024) replaces TT 01/2019 for the ngành. */
const TT_02_2024: Partial<RuleParameters> = {
  'advancedWorker.minServiceMonths': param(
    6,
    'Thời gian công tác tối thiểu (tháng) kể từ khi tuyển dụng để xét Lao động tiên tiến',
    `TT 02/2024/TT-VKSTC Đ15: không xét người mới tuyển dụng dưới 06 tháng (${NOTES} §2.2)`,
    false,
  ),
  'advancedWorker.excludedLeaveMonths': param(
    { fromMonths: 3, toMonths: 6 },
    'Nghỉ công tác trong khoảng này (tháng) thì không xét Lao động tiên tiến',
    `TT 02/2024/TT-VKSTC Đ15: nghỉ từ 03 tháng đến dưới 06 tháng (${NOTES} §2.2)`,
    false,
  ),
  'quota.excellentCollectiveShare': param(
    { numerator: 20, denominator: 100 },
    'Số Tập thể lao động xuất sắc tối đa so với số tập thể đạt Tập thể lao động tiên tiến',
    `TT 02/2024/TT-VKSTC Đ18(2) (${NOTES} §2.2, §3.3)`,
    false,
  ),
  'quota.excellentCollectiveMinimumOne': param(
    true,
    'Nếu tỷ lệ Tập thể lao động xuất sắc nhỏ hơn 1 thì được 01',
    `TT 02/2024/TT-VKSTC Đ18(2): “nếu < 1 thì được 01” (${NOTES} §2.2)`,
    false,
  ),
  'vote.sectorEmulationFighter': param(
    { share: { numerator: 90, denominator: 100 }, comparison: 'at_least' },
    'Tỷ lệ phiếu đồng ý của Hội đồng TĐKT ngành xét danh hiệu Chiến sĩ thi đua ngành Kiểm sát nhân dân',
    `Giữ mức 90% của TT 01/2019 Đ16(1); giá trị theo TT 02/2024 chưa xác nhận (${NOTES} §3.2)`,
    true,
  ),
  'vote.sectorFlagCluster': param(
    { share: { numerator: 80, denominator: 100 }, comparison: 'at_least' },
    'Tỷ lệ phiếu đồng ý của thành viên cụm/khối thi đua suy tôn Cờ thi đua của ngành Kiểm sát nhân dân',
    `Giữ mức 80% của TT 01/2019 Đ20; giá trị theo TT 02/2024 chưa xác nhận (${NOTES} §3.2)`,
    true,
  ),
  'prereq.sectorFlag.excellentCollectiveYears': param(
    1,
    'Số năm liên tục đạt Tập thể lao động xuất sắc để được suy tôn Cờ thi đua của ngành',
    `TT 01/2019 Đ20 chọn trong số Tập thể lao động xuất sắc; nội dung TT 02/2024 Đ19–20 chưa đọc được (${NOTES} §2.2)`,
    true,
  ),
};

/** NĐ 152/2025/NĐ-CP (eff. 01/07/2025) replaces NĐ 98/2023. */
const ND_152_2025: Partial<RuleParameters> = {
  'prereq.adHocCountsTowardLadder': param(
    false,
    'Khen thưởng đột xuất, chuyên đề được tính làm căn cứ đề nghị khen thưởng công trạng (có/không)',
    `NĐ 152/2025/NĐ-CP: kết quả khen thưởng đột xuất/chuyên đề không dùng làm căn cứ đề nghị khen thưởng công trạng (${NOTES} §0.1, §1.1)`,
    true,
  ),
  'hold.whileUnderReview': param(
    true,
    'Chưa đề nghị khen thưởng khi đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc có đơn thư khiếu nại, tố cáo đang xác minh',
    `NĐ 152/2025/NĐ-CP, nguyên tắc khen thưởng (Điều 4 theo báo Lao động) (${NOTES} §0.1, §3.6)`,
    true,
  ),
  'publicConsultation.workingDays': param(
    10,
    'Thời gian lấy ý kiến nhân dân trước khi trình Huân chương, Chiến sĩ thi đua toàn quốc (ngày làm việc)',
    `NĐ 152/2025 Đ44(2); CV 750/VP ngày 10/9/2025 đăng 10/9–23/9/2025 (${NOTES} §3.4)`,
    true,
  ),
};

const RULE_SET_LIST: RuleSet[] = [
  {
    id: 'tdkt-2024-01',
    version: 1,
    effectiveFrom: '2024-01-01T00:00:00.000+07:00',
    title: 'Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP; Thông tư 01/2019/TT-VKSTC',
    legalBasis: [
      'Luật Thi đua, khen thưởng số 06/2022/QH15 (hiệu lực 01/01/2024)',
      'Nghị định 98/2023/NĐ-CP (hiệu lực 01/01/2024)',
      'Thông tư 01/2019/TT-VKSTC (hiệu lực 28/6/2019 đến 30/9/2024)',
      'Kế hoạch 123/KH-VKSTC ngày 16/7/2019 (seed 001)',
      'Kế hoạch xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến 2017–2020 (seed 002)',
    ],
    changes: ['Bộ quy tắc gốc'],
    parameters: BASELINE,
  },
  {
    id: 'tdkt-2024-10',
    version: 2,
    effectiveFrom: '2024-10-01T00:00:00.000+07:00',
    title: 'Thông tư 02/2024/TT-VKSTC thay Thông tư 01/2019/TT-VKSTC',
    legalBasis: [
      'Luật Thi đua, khen thưởng số 06/2022/QH15',
      'Nghị định 98/2023/NĐ-CP',
      'Thông tư 02/2024/TT-VKSTC ngày 12/8/2024 (hiệu lực 01/10/2024)',
      'Kế hoạch 123/KH-VKSTC ngày 16/7/2019 (seed 001)',
    ],
    changes: [
      'Lao động tiên tiến: không xét người mới tuyển dụng dưới 06 tháng (trước đây dưới 10 tháng)',
      'Tập thể lao động xuất sắc: không quá 20% số Tập thể lao động tiên tiến, nếu dưới 1 thì được 01 (đã xác nhận)',
    ],
    parameters: { ...BASELINE, ...TT_02_2024 },
  },
  {
    id: 'tdkt-2025-07',
    version: 3,
    effectiveFrom: '2025-07-01T00:00:00.000+07:00',
    title: 'Nghị định 152/2025/NĐ-CP thay Nghị định 98/2023/NĐ-CP',
    legalBasis: [
      'Luật Thi đua, khen thưởng số 06/2022/QH15',
      'Nghị định 152/2025/NĐ-CP (hiệu lực 01/7/2025)',
      'Thông tư 02/2024/TT-VKSTC',
      'Kế hoạch 123/KH-VKSTC ngày 16/7/2019 (seed 001)',
    ],
    changes: [
      'Kết quả khen thưởng đột xuất, chuyên đề không còn được tính làm căn cứ đề nghị khen thưởng công trạng (cần xác nhận)',
    ],
    parameters: { ...BASELINE, ...TT_02_2024, ...ND_152_2025 },
  },
];

/** Every rule set, oldest first. Frozen: a version is never edited in place, a new one is added. */
export const RULE_SETS: readonly RuleSet[] = Object.freeze(RULE_SET_LIST);
