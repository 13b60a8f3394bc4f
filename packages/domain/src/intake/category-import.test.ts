import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from './category-taxonomy.js';
import { CATEGORY_CODE, categoryPaths, parseCategoryCsv } from './category-import.js';
import { readCsvRows } from './csv-rows.js';

const existing = [
  { code: '01', name: '城乡建设', parentCode: null },
  { code: '0101', name: '市政道路', parentCode: '01' },
];

describe('category taxonomy seed', () => {
  it('has ~15 first-level and ~80+ second-level categories with hierarchical codes', () => {
    const top = DEFAULT_CATEGORIES.filter((c) => c.parentCode === null);
    const second = DEFAULT_CATEGORIES.filter((c) => c.parentCode !== null);
    expect(top.length).toBeGreaterThanOrEqual(15);
    expect(second.length).toBeGreaterThanOrEqual(80);
    expect(new Set(DEFAULT_CATEGORIES.map((c) => c.code)).size).toBe(DEFAULT_CATEGORIES.length);
    for (const c of second) {
      expect(c.code.startsWith(c.parentCode as string)).toBe(true);
      expect(CATEGORY_CODE.test(c.code)).toBe(true);
    }
    expect(DEFAULT_CATEGORIES.filter((c) => c.emergencyHint).length).toBeGreaterThan(5);
    expect(categoryPaths(DEFAULT_CATEGORIES).get('0203')).toEqual({ level: 2, path: '住房保障/住房公积金' });
  });
});

describe('category CSV import', () => {
  it('keeps valid rows and reports each bad row by line and field', () => {
    const csv = [
      'code,name,parent_code,emergency_hint',
      '0102,井盖管网,01,井盖缺失有人坠落请转110',
      '02,住房保障,,',
      '0201,物业管理,02',
      '0301,出租车,03',
      'x-1,坏编码,,',
      '0202,,02',
      '0102,重复,01',
      '0401,错位,02',
      '"0203","公积金, 提取",02',
    ].join('\r\n');
    const result = parseCategoryCsv(csv, existing);
    expect(result.total).toBe(9);
    expect(result.rows.map((r) => [r.row, r.code, r.name, r.parentCode, r.emergencyHint])).toEqual([
      [2, '0102', '井盖管网', '01', '井盖缺失有人坠落请转110'],
      [3, '02', '住房保障', null, null],
      [4, '0201', '物业管理', '02', null],
      [10, '0203', '公积金, 提取', '02', null],
    ]);
    expect(result.rejected).toEqual([
      { row: 5, field: 'parent_code', message: '上级分类 03 不存在或无效' },
      { row: 6, field: 'code', message: '分类编码只能由字母和数字组成，不超过 20 位' },
      { row: 7, field: 'name', message: '请填写分类名称' },
      { row: 8, field: 'code', message: '与第 2 行的编码重复' },
      { row: 9, field: 'parent_code', message: '编码 0401 应以上级编码 02 开头' },
    ]);
  });

  it('works without a header, with a BOM, and a parent defined later in the file', () => {
    const result = parseCategoryCsv('\uFEFF0501,食品安全,05\n05,市场监管,\n', []);
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((r) => r.code)).toEqual(['0501', '05']);
  });

  it('a rejected parent takes its children with it', () => {
    const result = parseCategoryCsv('05,,\n0501,食品安全,05\n', []);
    expect(result.rows).toEqual([]);
    expect(result.rejected.map((r) => [r.row, r.field])).toEqual([
      [1, 'name'],
      [2, 'parent_code'],
    ]);
  });

  it('limits the depth and the number of columns', () => {
    const deep = parseCategoryCsv('1,a,\n12,b,1\n123,c,12\n1234,d,123\n12345,e,1234\n', []);
    expect(deep.rows.map((r) => r.code)).toEqual(['1', '12', '123', '1234']);
    expect(deep.rejected).toEqual([{ row: 5, field: 'parent_code', message: '分类层级不能超过 4 级' }]);
    const wide = parseCategoryCsv('01,a,,,extra\n', []);
    expect(wide.rejected[0]).toMatchObject({ row: 1, field: 'row' });
  });

  it('reports an unclosed quote and keeps the rows before it', () => {
    const result = parseCategoryCsv('01,a,\n"02,b,\n', []);
    expect(result.rows.map((r) => r.code)).toEqual(['01']);
    expect(result.rejected[0]).toMatchObject({ row: 2, field: 'row' });
  });
});

describe('CSV rows', () => {
  it('reads quotes, escaped quotes, embedded newlines and blank lines', () => {
    expect(readCsvRows('a,"b ""q""",c\n\n"x\ny",z')).toEqual({
      rows: [
        { line: 1, cells: ['a', 'b "q"', 'c'] },
        { line: 3, cells: ['x\ny', 'z'] },
      ],
    });
  });
});
