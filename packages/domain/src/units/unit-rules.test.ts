import { describe, expect, it } from 'vitest';
import { parseFields } from '../input-fields.js';
import {
  UNIT_CREATE_FIELDS,
  childKindProblem,
  moveCycleProblem,
  parentKindProblem,
  rebasePath,
  unitFieldProblems,
  unitPath,
} from './unit-rules.js';

describe('unit rules', () => {
  it('accepts slug ids and loose phones, refuses the rest with field paths', () => {
    expect(
      unitFieldProblems({
        id: 'east-heping-c1',
        dutyPhone: '0931-8230101',
        liaisonPhone: '+86 138 0000 0000',
      }),
    ).toEqual([]);
    const fields = (d: Parameters<typeof unitFieldProblems>[0]) => unitFieldProblems(d).map((i) => i.field);
    expect(fields({ id: 'East' })).toEqual(['id']);
    expect(fields({ id: '-east' })).toEqual(['id']);
    expect(fields({ id: 'e' })).toEqual(['id']);
    expect(fields({ id: 'a'.repeat(41) })).toEqual(['id']);
    expect(fields({ dutyPhone: '1234' })).toEqual(['dutyPhone']);
    expect(fields({ liaisonPhone: '0931#8230' })).toEqual(['liaisonPhone']);
    expect(fields({ dutyPhone: '1'.repeat(21) })).toEqual(['dutyPhone']);
  });

  it('parses the create fields: name required, kind enumerated, unknown keys refused', () => {
    const bad = parseFields(UNIT_CREATE_FIELDS, { id: 'x1', name: ' ', kind: 'village', extra: 1 }, '');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.field).sort()).toEqual(['.extra', '.kind', '.name']);
    const good = parseFields(
      UNIT_CREATE_FIELDS,
      { id: 'x1', name: ' 和平社区 ', kind: 'community', parentId: 'east-heping' },
      '',
    );
    expect(good.ok && good.value).toMatchObject({ name: '和平社区', kind: 'community' });
  });

  it('places kinds: districts top-level, streets under districts, communities under streets, nothing under the centre', () => {
    expect(parentKindProblem('district', null)).toBeUndefined();
    expect(parentKindProblem('street', 'district')).toBeUndefined();
    expect(parentKindProblem('community', 'street')).toBeUndefined();
    expect(parentKindProblem('city', 'city')).toBeUndefined();
    expect(parentKindProblem('street', null)?.field).toBe('parentId');
    expect(parentKindProblem('community', 'district')?.message).toContain('街道');
    expect(parentKindProblem('street', 'centre')).toBeDefined();
    expect(parentKindProblem('centre', 'city')).toBeDefined();
    expect(childKindProblem('district', ['street'])).toBeUndefined();
    expect(childKindProblem('city', ['street'])?.field).toBe('kind');
  });

  it('refuses moves into the unit itself or its subtree and rebases subtree paths', () => {
    expect(moveCycleProblem('/east/', '/east/')?.field).toBe('parentId');
    expect(moveCycleProblem('/east/', '/east/east-heping/')).toBeDefined();
    expect(moveCycleProblem('/east/', '/eastern/')).toBeUndefined();
    expect(moveCycleProblem('/east/east-heping/', '/west/')).toBeUndefined();
    expect(moveCycleProblem('/east/', null)).toBeUndefined();
    expect(unitPath('/west/', 'east-heping')).toBe('/west/east-heping/');
    expect(unitPath(null, 'west')).toBe('/west/');
    expect(rebasePath('/east/east-heping/c1/', '/east/east-heping/', '/west/east-heping/')).toBe(
      '/west/east-heping/c1/',
    );
    expect(() => rebasePath('/west/x/', '/east/', '/y/')).toThrow();
  });
});
