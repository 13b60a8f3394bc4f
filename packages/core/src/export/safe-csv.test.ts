import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetCell as fromSafeCell, toSpreadsheetCell as toSafeCell } from '@huawu/domain';
import { toSafeCsv } from './safe-csv.js';

describe('safe CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas, and undoes it on import', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1']) {
      expect(toSafeCell(evil)).toBe(`'${evil}`);
      expect(fromSafeCell(toSafeCell(evil))).toBe(evil);
    }
  });

  it('leaves ordinary text and numbers alone', () => {
    for (const fine of ['身份证办理', '-3', '12.5%', "'quoted", 'a=b', '']) {
      expect(toSafeCell(fine)).toBe(fine);
      expect(fromSafeCell(fine)).toBe(fine);
    }
    expect(toSafeCell(null)).toBe('');
    expect(toSafeCell(7)).toBe('7');
  });

  it('writes a BOM, a header and parseable rows', () => {
    const csv = toSafeCsv(
      [
        ['a,b', '=1'],
        ['换行\n文本', 2],
      ],
      ['x', 'y'],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([
      ['x', 'y'],
      ['a,b', "'=1"],
      ['换行\n文本', '2'],
    ]);
  });
});
