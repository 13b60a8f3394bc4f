import { describe, expect, it } from 'vitest';
import { type DispatchEntry, dispatchEntryProblems } from './catalogue.js';
import { categoryLineage, suggestDispatch } from './resolution.js';

const entry = (
  id: string,
  categoryCode: string,
  divisionCode: string | null,
  active = true,
): DispatchEntry => ({
  id,
  categoryCode,
  divisionCode,
  leadUnitId: `unit-${id}`,
  coUnitIds: [],
  note: null,
  active,
});

const CATALOGUE = [
  entry('c-any', '0108', null),
  entry('c-6201', '0108', '6201'),
  entry('c-620102', '0108', '620102'),
  entry('c-62', '0108', '62'),
  entry('p-any', '01', null),
  entry('p-6202', '01', '6202'),
  entry('x-off', '0201', null, false),
  entry('x-div', '0301', '6201'),
];

describe('suggestDispatch (派单目录匹配)', () => {
  it.each([
    // [category, division, expected entry id or null, category match, division match]
    ['0108', '620102', 'c-620102', 'exact', 'exact'],
    ['0108', '62010203', 'c-620102', 'exact', 'prefix'],
    ['0108', '620105', 'c-6201', 'exact', 'prefix'],
    ['0108', '629901', 'c-62', 'exact', 'prefix'],
    ['0108', '110101', 'c-any', 'exact', 'any'],
    ['0108', null, 'c-any', 'exact', 'any'],
    ['0109', '620202', 'p-6202', 'parent', 'prefix'],
    ['0109', '620102', 'p-any', 'parent', 'any'],
    ['010801', '620102', 'c-620102', 'parent', 'exact'],
    ['01', null, 'p-any', 'exact', 'any'],
    ['0201', null, null, null, null],
    ['0301', '620101', 'x-div', 'exact', 'prefix'],
    ['0301', '110101', null, null, null],
    ['0301', null, null, null, null],
    ['9999', '620102', null, null, null],
  ] as const)('%s in %s → %s', (category, division, id, categoryMatch, divisionMatch) => {
    const s = suggestDispatch(CATALOGUE, { category, divisionCode: division });
    if (id === null) {
      expect(s).toBeNull();
      return;
    }
    expect(s?.entry.id).toBe(id);
    expect(s?.categoryMatch).toBe(categoryMatch);
    expect(s?.divisionMatch).toBe(divisionMatch);
    expect(s?.reason).toMatch(/^按派单目录：/);
  });

  it('no category, no suggestion', () => {
    expect(suggestDispatch(CATALOGUE, { category: null, divisionCode: '620102' })).toBeNull();
  });

  it('explains the match in Chinese', () => {
    expect(suggestDispatch(CATALOGUE, { category: '0109', divisionCode: '620202' })?.reason).toBe(
      '按派单目录：上级分类 01，所属上级区划 6202',
    );
    expect(suggestDispatch(CATALOGUE, { category: '0108', divisionCode: '620102' })?.reason).toBe(
      '按派单目录：诉求分类 0108，区划 620102 精确匹配',
    );
  });

  it('category lineage strips two characters per level', () => {
    expect(categoryLineage('010801')).toEqual(['010801', '0108', '01']);
    expect(categoryLineage('9')).toEqual(['9']);
  });
});

describe('dispatchEntryProblems', () => {
  const base = { categoryCode: '0108', divisionCode: null, leadUnitId: 'a', coUnitIds: ['b'] };
  it('accepts a valid entry', () => expect(dispatchEntryProblems(base)).toEqual([]));
  it('refuses the lead among the co-units', () =>
    expect(dispatchEntryProblems({ ...base, coUnitIds: ['a'] }).map((i) => i.field)).toEqual(['coUnitIds']));
  it('refuses more than 10 co-units', () =>
    expect(
      dispatchEntryProblems({ ...base, coUnitIds: Array.from({ length: 11 }, (_, i) => `u${i}`) }).map(
        (i) => i.field,
      ),
    ).toEqual(['coUnitIds']));
  it('refuses bad codes', () =>
    expect(
      dispatchEntryProblems({ ...base, categoryCode: '01-08', divisionCode: '62x' }).map((i) => i.field),
    ).toEqual(['categoryCode', 'divisionCode']));
});
