import { toSpreadsheetCell } from '@huawu/domain';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV text for download (RFC 4180 CRLF lines): a UTF-8 byte-order mark (so spreadsheet programs open Chinese correctly) and
 * cells that would run as formulas neutralised (domain `toSpreadsheetCell`; imports undo it).
 */
export function toSafeCsv(rows: readonly (readonly unknown[])[], columns?: readonly string[]): string {
  const body = stringify(
    rows.map((row) => row.map(toSpreadsheetCell)),
    { record_delimiter: 'windows', ...(columns ? { header: true, columns: [...columns] } : {}) },
  );
  return `\uFEFF${body}`;
}
