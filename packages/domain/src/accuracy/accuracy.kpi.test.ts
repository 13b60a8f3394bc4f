import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from './accuracy.fields.js';
import { accuracyFigures, accuracyFormulaText } from './accuracy.kpi.js';

const check = (verdict: CheckVerdict, answerSeconds: number | null = null, guideOutdated = false) => ({
  reached: verdict !== 'unreachable',
  answerSeconds,
  verdict,
  guideOutdated,
});

describe('accuracyFigures (办事指南准确率)', () => {
  // 6 checks: 2 accurate, 1 partly, 1 wrong, 2 unreachable; answer times 10, 20, 30 (one reached untimed).
  const checks = [
    check('accurate', 10),
    check('accurate', 20),
    check('partly', 30, true),
    check('wrong'),
    check('unreachable'),
    check('unreachable'),
  ];

  it('computes every figure of a small known set with the default weight 0.5', () => {
    expect(accuracyFigures(checks, { partlyWeight: 0.5 })).toEqual({
      checks: 6,
      reached: 4,
      accurate: 2,
      partly: 1,
      wrong: 1,
      unreachable: 2,
      outdatedGuides: 1,
      reachedRate: 0.6667, // 4 ÷ 6
      meanAnswerSeconds: 20, // (10 + 20 + 30) ÷ 3
      accuracyRate: 0.625, // (2 + 0.5 × 1) ÷ 4
    });
  });

  it.each([
    [0, 0.5],
    [1, 0.75],
    [0.25, 0.5625],
  ])('partly weight %s → accuracy %s', (partlyWeight, rate) => {
    expect(accuracyFigures(checks, { partlyWeight }).accuracyRate).toBe(rate);
  });

  it('reports rates with no denominator as null, not 0 or 100 %', () => {
    expect(accuracyFigures([], { partlyWeight: 0.5 })).toMatchObject({
      checks: 0,
      reachedRate: null,
      accuracyRate: null,
      meanAnswerSeconds: null,
    });
    const none = accuracyFigures([check('unreachable')], { partlyWeight: 0.5 });
    expect(none.reachedRate).toBe(0);
    expect(none.accuracyRate).toBeNull();
  });

  it('writes the formula with the configured weight', () => {
    expect(accuracyFormulaText({ partlyWeight: 0.5 })).toContain('(准确 + 0.5 × 部分准确) ÷ 接通的检查数');
  });
});
