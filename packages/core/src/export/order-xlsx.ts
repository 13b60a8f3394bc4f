import ExcelJS from 'exceljs';
import type { ExportColumn } from './order-export-columns.js';

/**
 * An .xlsx workbook of one sheet: bold header row frozen at the top, an autofilter over the columns,
 * column widths for Chinese text. Every cell is a string (times are local text): nothing is a formula.
 */
export async function toXlsx(
  sheetName: string,
  columns: readonly ExportColumn[],
  rows: readonly string[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Huawu';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
