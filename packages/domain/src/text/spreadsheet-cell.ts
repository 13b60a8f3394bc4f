/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-`, `@` (or a tab / carriage return) as a
 * formula, so text typed by a citizen or a unit could run on the reader's machine (CSV injection). Every
 * CSV export writes such cells with a leading apostrophe (shown as text); every import removes it again,
 * so an export can be edited and imported back unchanged. Plain numbers (-3, 12.5%) are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?%?$/;

export function toSpreadsheetCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

export function fromSpreadsheetCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) && !NUMBER.test(text.slice(1))
    ? text.slice(1)
    : text;
}
