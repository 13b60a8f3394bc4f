import { describe, expect, it } from 'vitest';
import type { Category } from '../../api/intake';
import { categoryRows, parentCodes } from './category-rows';

const c = (
  code: string,
  name: string,
  parentCode: string | null,
  extra: Partial<Category> = {},
): Category => ({
  code,
  name,
  parentCode,
  level: parentCode ? 2 : 1,
  path: name,
  emergencyHint: null,
  active: true,
  ...extra,
});

const ALL = [
  c('01', '城乡建设', null),
  c('0101', '市政道路', '01'),
  c('0102', '井盖与地下管网', '01', { emergencyHint: '有人坠落，请立即转110,120' }),
  c('02', '住房保障', null, { active: false }),
  c('0201', '物业管理', '02'),
  c('9901', '孤儿', '99'),
];

describe('category tree rows', () => {
  it('nests children under parents in order; an orphan becomes a root', () => {
    const rows = categoryRows(ALL);
    expect(rows.map((r) => r.code)).toEqual(['01', '02', '9901']);
    expect(rows[0]?.children?.map((r) => r.code)).toEqual(['0101', '0102']);
    expect(parentCodes(rows)).toEqual(['01', '02']);
  });

  it('a search keeps matches with their ancestors', () => {
    const rows = categoryRows(ALL, '物业');
    expect(rows.map((r) => r.code)).toEqual(['02']);
    expect(rows[0]?.children?.map((r) => r.code)).toEqual(['0201']);
    expect(categoryRows(ALL, '0101')[0]?.children?.map((r) => r.code)).toEqual(['0101']);
    expect(categoryRows(ALL, '没有')).toEqual([]);
  });
});
