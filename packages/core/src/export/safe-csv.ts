import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-`, `@` (or a tab / carriage return
 * before one) as a formula — a text field typed by a citizen or a unit could then run on the reader's
 * machine (CSV injection). Such cells are written with a leading apostrophe, which spreadsheets show
 * as text; `fromSafeCell` removes it again when our own exports are imported.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toSafeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) && !/^-?\d+(\.\d+)?%?$/.test(text) ? `'${text}` : text;
}

export function fromSafeCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** CSV text with a UTF-8 byte-order mark (so Excel opens Chinese correctly) and neutralised formulas. */
export function toSafeCsv(rows: readonly (readonly unknown[])[], columns?: readonly string[]): string {
  const body = stringify(
    rows.map((row) => row.map(toSafeCell)),
    columns ? { header: true, columns: [...columns] } : {},
  );
  return `\uFEFF${body}`;
}
