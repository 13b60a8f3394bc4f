/**
 * A small RFC 4180 reader for the category import (the domain takes no npm dependency): comma
 * separated, double-quoted fields with `""` escapes, CRLF or LF line ends, a UTF-8 byte-order mark
 * ignored. Each row keeps its 1-based line number so errors can name it.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

export function readCsvRows(text: string): { rows: CsvRow[]; error?: { line: number; message: string } } {
  const source = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]?.trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
    i++;
  }
  if (quoted) return { rows, error: { line: rowLine, message: `第 ${rowLine} 行的引号没有闭合` } };
  if (cell !== '' || cells.length > 0) endRow();
  return { rows };
}
