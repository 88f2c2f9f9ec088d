/**
 * The commendation book as an XLSX workbook: numbers as numbers, the decision date as a real date (dd/mm/yyyy in
 * the sheet), each column as wide as its longest text, the header row bold and frozen.
 */
import ExcelJS from 'exceljs';

/** A calendar date `yyyy-mm-dd` as the Date a spreadsheet stores (midnight UTC: no time zone shifts the day). */
function calendarDate(ymd: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : ymd;
}

export interface BookSheetColumn {
  header: string;
  /** A `yyyy-mm-dd` column, written as a date. */
  date?: boolean;
}

export function bookWorkbook(columns: readonly BookSheetColumn[], rows: readonly (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tdkt-flow';
  const sheet = workbook.addWorksheet('Sổ khen thưởng', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows)
    sheet.addRow(row.map((value, i) => (columns[i]?.date && typeof value === 'string' ? calendarDate(value) : value)));
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.date) column.numFmt = 'dd/mm/yyyy';
    const longest = Math.max(c.header.length, ...rows.map((r) => String(r[i] ?? '').length));
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
  return workbook;
}
