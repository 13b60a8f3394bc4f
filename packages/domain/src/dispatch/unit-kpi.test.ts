import { describe, expect, it } from 'vitest';
import {
  emptyUnitCounts,
  formatUnitRate,
  UNIT_COUNT_KEYS,
  UNIT_COUNT_LABELS,
  unitDispatchRates,
} from './unit-kpi.js';

describe('unit assessment KPIs', () => {
  it('derives every rate from the counts', () => {
    const rates = unitDispatchRates({
      ...emptyUnitCounts(),
      received: 8,
      returnsRequested: 2,
      returnsApproved: 1,
      signOverdue: 1,
      handleOverdue: 2,
      extensionsRequested: 4,
      supervisions: 3,
    });
    expect(rates).toEqual({
      returnRate: 0.25,
      returnApprovalRate: 0.5,
      onTimeSignRate: 0.875,
      onTimeHandleRate: 0.75,
      extensionRate: 0.5,
      supervisionRate: 0.375,
      satisfactionRate: null,
      resolvedRate: null,
      redoRate: 0,
    });
  });

  it('满意率 and 解决率 count valid callbacks; 重办率 counts redo against orders received', () => {
    const rates = unitDispatchRates({
      ...emptyUnitCounts(),
      received: 10,
      callbacks: 8,
      satisfied: 6,
      dissatisfied: 2,
      resolved: 5,
      redone: 1,
    });
    expect(rates).toMatchObject({ satisfactionRate: 0.75, resolvedRate: 0.625, redoRate: 0.1 });
  });

  it('a rating removed on appeal (核减) leaves the denominators', () => {
    // 8 callbacks: 6 satisfied, 2 dissatisfied of which 1 upheld on appeal → 6 ÷ 7.
    const counts = {
      ...emptyUnitCounts(),
      received: 8,
      callbacks: 8,
      satisfied: 6,
      dissatisfied: 1,
      resolved: 7,
      ratingsExcluded: 1,
      appealsFiled: 2,
      appealsUpheld: 1,
    };
    expect(unitDispatchRates(counts)).toMatchObject({ satisfactionRate: 0.8571, resolvedRate: 1 });
    // Every callback excluded: no rating left to assess.
    expect(
      unitDispatchRates({ ...emptyUnitCounts(), callbacks: 1, ratingsExcluded: 1 }).satisfactionRate,
    ).toBeNull();
  });

  it('a zero denominator gives null, never 0 or 100 %', () => {
    const rates = unitDispatchRates(emptyUnitCounts());
    expect(Object.values(rates).every((r) => r === null)).toBe(true);
    expect(formatUnitRate(null)).toBe('—');
  });

  it('on-time rates never drop below 0 and rates are rounded to 4 decimals', () => {
    const rates = unitDispatchRates({
      ...emptyUnitCounts(),
      received: 3,
      handleOverdue: 5,
      returnsRequested: 1,
    });
    expect(rates.onTimeHandleRate).toBe(0);
    expect(rates.returnRate).toBe(0.3333);
    expect(formatUnitRate(0.3333)).toBe('33.33%');
  });

  it('every count has a Chinese label', () => {
    for (const key of UNIT_COUNT_KEYS) expect(UNIT_COUNT_LABELS[key]).toMatch(/[\u4e00-\u9fff]/);
  });
});
