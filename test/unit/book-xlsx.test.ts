/** The book's XLSX export: real dates (not text), numbers as numbers, columns as wide as their content. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bookWorkbook } from '../../client/web/book-xlsx.js';

describe('bookWorkbook', () => {
  it('writes the decision date as a date shown dd/mm/yyyy and sizes each column to its text', async () => {
    const long = 'Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao';
    const workbook = bookWorkbook(
      [{ header: 'Năm' }, { header: 'Hình thức' }, { header: 'Ngày quyết định', date: true }],
      [
        [2025, long, '2025-12-31'],
        [2024, 'Giấy khen', '2024-01-02'],
      ],
    );
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await workbook.xlsx.writeBuffer());
    const sheet = read.getWorksheet('Sổ khen thưởng')!;
    const date = sheet.getCell('C2');
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('A3').value).toBe(2024);
    expect(sheet.getColumn(2).width).toBe(long.length + 2);
    expect(sheet.getColumn(1).width).toBeLessThan(sheet.getColumn(2).width!);
  });
});
