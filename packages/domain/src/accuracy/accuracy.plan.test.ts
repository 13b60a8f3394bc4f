import { describe, expect, it } from 'vitest';
import { dialNumber, parsePlanInput, questionFor, sampleGuides } from './accuracy.plan.js';

const fields = (r: ReturnType<typeof parsePlanInput>) =>
  r.ok ? [] : (r.error.issues ?? []).map((i) => i.field);
const base = {
  name: '第四季度检查',
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
  unitIds: ['u1'],
  checkerId: 'c1',
};

describe('parsePlanInput', () => {
  it('accepts picked guides and trims texts', () => {
    const r = parsePlanInput({
      ...base,
      items: [{ articleId: ' a1 ', question: ' 要带什么？ ', phone: '' }],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        ...base,
        items: [{ articleId: 'a1', question: '要带什么？', phone: null, checkerId: null }],
        samplePerUnit: null,
      },
    });
  });

  it('accepts sampling instead of picking', () => {
    expect(parsePlanInput({ ...base, samplePerUnit: 3 })).toMatchObject({
      ok: true,
      value: { items: null, samplePerUnit: 3 },
    });
  });

  it.each([
    [{ ...base, name: ' ', items: [{ articleId: 'a' }] }, ['name']],
    [
      { ...base, name: 'a\u0000b', items: [{ articleId: 'a', question: 'q\u0007' }] },
      ['name', 'items[0].question'],
    ],
    [{ ...base, periodStart: '2026-13-01', items: [{ articleId: 'a' }] }, ['periodStart']],
    [
      { ...base, periodStart: '2026-12-31', periodEnd: '2026-01-01', items: [{ articleId: 'a' }] },
      ['periodEnd'],
    ],
    [{ ...base, unitIds: [], items: [{ articleId: 'a' }] }, ['unitIds']],
    [{ ...base, unitIds: ['u', 'u'], items: [{ articleId: 'a' }] }, ['unitIds[1]']],
    [{ ...base, checkerId: '', items: [{ articleId: 'a' }] }, ['checkerId']],
    [base, ['items']],
    [{ ...base, items: [{ articleId: 'a' }], samplePerUnit: 2 }, ['items']],
    [{ ...base, samplePerUnit: 0 }, ['samplePerUnit']],
    [{ ...base, items: [] }, ['items']],
    [{ ...base, items: [{ articleId: 'a' }, { articleId: 'a' }] }, ['items[1].articleId']],
    [
      { ...base, items: [{ articleId: 'a', question: 'x'.repeat(301), phone: 'call me' }] },
      ['items[0].question', 'items[0].phone'],
    ],
    [{ ...base, items: [{ articleId: 'a', checkerId: 7 }, 'b'] }, ['items[0].checkerId', 'items[1]']],
  ])('%j → %j', (input, expected) => {
    expect(fields(parsePlanInput(input))).toEqual(expected);
  });
});

describe('plan defaults', () => {
  it('asks about materials by default, without doubling 办理', () => {
    expect(questionFor('个人住房公积金提取')).toBe('办理个人住房公积金提取需要哪些材料？');
    expect(questionFor('办理居住证')).toBe('办理居住证需要哪些材料？');
    expect(questionFor('居住证', 'fee')).toBe('办理居住证收费吗？收多少？');
  });

  it("dials the guide's 咨询电话, else the unit's duty phone", () => {
    expect(dialNumber(' 0931-1234567 ', '12345')).toEqual({ phone: '0931-1234567', source: 'guide' });
    expect(dialNumber('', '0931-8120001')).toEqual({ phone: '0931-8120001', source: 'unit' });
    expect(dialNumber(null, null)).toBeNull();
  });

  it('samples per unit, reproducibly, never-checked guides first', () => {
    const guides = [
      ...Array.from({ length: 10 }, (_, i) => ({
        id: `a${i}`,
        ownerUnitId: 'a',
        lastCheckedAt: i < 8 ? '2026-01-01' : null,
      })),
      ...Array.from({ length: 2 }, (_, i) => ({ id: `b${i}`, ownerUnitId: 'b', lastCheckedAt: null })),
    ];
    const first = sampleGuides(guides, ['b', 'a'], 3, 'seed-1');
    expect(first.map((g) => g.ownerUnitId)).toEqual(['b', 'b', 'a', 'a', 'a']);
    expect(
      first
        .slice(2, 4)
        .map((g) => g.id)
        .sort(),
    ).toEqual(['a8', 'a9']);
    expect(sampleGuides(guides, ['b', 'a'], 3, 'seed-1')).toEqual(first);
    const picks = new Set(
      Array.from({ length: 20 }, (_, i) => sampleGuides(guides, ['a'], 3, `s${i}`)[2]?.id),
    );
    expect(picks.size).toBeGreaterThan(1);
  });
});
