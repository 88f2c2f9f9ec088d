/**
 * Text that belongs to one year and must not be carried silently into the next plan: the year's can chi ("Mừng
 * xuân Ất Tỵ"), its number ("năm 2025", "01/12/2024"), and anniversaries ("65 năm ngày thành lập ngành", "80 năm
 * Cách mạng tháng Tám"), which are counted from a founding date and rarely fall on a round number again next year.
 */

const CAN = ['Canh', 'Tân', 'Nhâm', 'Quý', 'Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ'] as const;
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** The can chi of the lunar year that begins in `year` (2025: Ất Tỵ, 2026: Bính Ngọ). */
export function canChi(year: number): string {
  return `${CAN[((year % 10) + 10) % 10]} ${CHI[(((year - 4) % 12) + 12) % 12]}`;
}

/** Any can chi pair written in a text ("Xuân Giáp Thìn", "Tết Ất Tỵ"); "Mão" is also written "Mẹo". */
const CAN_CHI_PATTERN = new RegExp(`(${CAN.join('|')})\\s+(${[...CHI, 'Mẹo'].join('|')})(?![\\p{L}])`, 'gu');
/** "65 năm", "80 năm" followed by what is being celebrated: an anniversary. */
const ANNIVERSARY_PATTERN =
  /(?<!\d)\d{1,3}\s+năm\s+(?:ngày\s+)?(?:thành lập|Cách mạng|chiến thắng|giải phóng|Quốc khánh|ngày sinh)[^,.;:”"]*/giu;

export type YearTextFlagCode = 'can_chi' | 'year_number' | 'anniversary';

export interface YearTextFlag {
  code: YearTextFlagCode;
  /** The words found, as written. */
  found: string;
  message: string;
}

/**
 * What in a text belongs to the year it was written for (`fromYear`), each with a Vietnamese explanation for
 * the author of the plan of `toYear`.
 */
export function yearSpecificText(text: string, fromYear: number, toYear = fromYear + 1): YearTextFlag[] {
  const flags: YearTextFlag[] = [];
  for (const m of text.matchAll(CAN_CHI_PATTERN)) {
    flags.push({
      code: 'can_chi',
      found: m[0],
      message: `Có tên năm âm lịch “${m[0]}”: năm ${toYear} là năm ${canChi(toYear)}, hãy kiểm tra`,
    });
  }
  const years = new Set<string>();
  for (const m of text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)) {
    const y = Number(m[1]);
    if (Math.abs(y - fromYear) <= 1) years.add(m[1]!);
  }
  for (const y of [...years].sort()) {
    flags.push({ code: 'year_number', found: y, message: `Có năm “${y}” trong nội dung sao chép: hãy kiểm tra` });
  }
  for (const m of text.matchAll(ANNIVERSARY_PATTERN)) {
    flags.push({
      code: 'anniversary',
      found: m[0].trim(),
      message: `Có ngày kỷ niệm “${m[0].trim()}” tính cho năm ${fromYear}: hãy kiểm tra năm ${toYear}`,
    });
  }
  return flags;
}

/**
 * The text moved to another year as far as it can be done mechanically: the years around `fromYear` move by
 * the same number of years and the can chi of each moved year is renamed. Anniversaries are left as they are
 * (they need a person's judgement), which is why every change stays flagged until the author confirms it.
 */
export function moveYearText(text: string, fromYear: number, toYear: number): string {
  const by = toYear - fromYear;
  if (by === 0) return text;
  const moved = text.replace(/(?<!\d)(\d{4})(?!\d)/g, (y) =>
    Math.abs(Number(y) - fromYear) <= 1 ? String(Number(y) + by) : y,
  );
  const known = new Map([fromYear - 1, fromYear, fromYear + 1].map((y) => [canChi(y), canChi(y + by)]));
  return moved.replace(CAN_CHI_PATTERN, (pair, can: string, chi: string) => {
    const key = `${can} ${chi === 'Mẹo' ? 'Mão' : chi}`;
    return known.get(key) ?? pair;
  });
}
