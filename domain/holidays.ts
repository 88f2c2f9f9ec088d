/**
 * Public holidays in Vietnam (ngày nghỉ lễ, Tết), as data: working-day due dates skip them. The dates of
 * Tết and Giỗ Tổ follow the lunar calendar and the Government's yearly notice, so each year is added as it
 * is announced. Entries marked `needsConfirmation` were taken before the official notice.
 */
export interface HolidayYear {
  year: number;
  /** yyyy-mm-dd, Vietnam dates. */
  days: string[];
  source: string;
  needsConfirmation: boolean;
}

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
};

export const HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2025,
    days: [
      '2025-01-01',
      ...range('2025-01-25', '2025-02-02'),
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ],
    source: 'Bộ Luật Lao động 2019, Điều 112; thông báo nghỉ Tết Ất Tỵ và dịp 30/4, 2/9 năm 2025',
    needsConfirmation: false,
  },
  {
    year: 2026,
    days: [
      '2026-01-01',
      ...range('2026-02-14', '2026-02-22'),
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ],
    source: 'Bộ Luật Lao động 2019, Điều 112; lịch Tết Bính Ngọ dự kiến',
    needsConfirmation: true,
  },
];

/** Every listed holiday, for working-day arithmetic. */
export function allHolidays(): string[] {
  return HOLIDAYS.flatMap((h) => h.days);
}
