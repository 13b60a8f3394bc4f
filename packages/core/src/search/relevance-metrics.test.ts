import { describe, expect, it } from 'vitest';
import { firstRelevantRank, formatMetrics, relevanceMetrics } from './relevance-metrics.js';

describe('relevance metrics', () => {
  it('finds the rank of the first expected result within the depth', () => {
    expect(firstRelevantRank(['a', 'b', 'c'], ['c', 'b'])).toBe(2);
    expect(firstRelevantRank(['a', 'b', 'c'], ['x'])).toBeNull();
    expect(firstRelevantRank(['a', 'b', 'c'], ['c'], 2)).toBeNull();
    expect(firstRelevantRank([], ['a'])).toBeNull();
  });

  it('computes MRR and hit@k by hand', () => {
    // ranks 1, 2, 5, miss, 10 → RR 1, 0.5, 0.2, 0, 0.1
    const m = relevanceMetrics([1, 2, 5, null, 10]);
    expect(m.questions).toBe(5);
    expect(m.mrr).toBeCloseTo((1 + 0.5 + 0.2 + 0 + 0.1) / 5, 10);
    expect(m.hitAt1).toBeCloseTo(0.2, 10);
    expect(m.hitAt5).toBeCloseTo(0.6, 10);
    expect(m.hitAt10).toBeCloseTo(0.8, 10);
  });

  it('counts ranks past 10 as misses and an empty set as zero', () => {
    expect(relevanceMetrics([11]).mrr).toBe(0);
    expect(relevanceMetrics([])).toEqual({ questions: 0, mrr: 0, hitAt1: 0, hitAt5: 0, hitAt10: 0 });
    expect(formatMetrics(relevanceMetrics([1, null]))).toBe(
      'MRR 0.500  hit@1 0.500  hit@5 0.500  hit@10 0.500  (n=2)',
    );
  });
});
