/**
 * Relevance measures of a question set: for each question the rank of the first expected answer
 * within the top `depth` results (null when none is there).
 *
 * - MRR: mean of 1/rank (0 when missed), hit@k: share of questions answered within the first k.
 */

export interface RelevanceCase {
  q: string;
  expect: readonly string[];
  style?: string;
}

export interface RelevanceMetrics {
  questions: number;
  mrr: number;
  hitAt1: number;
  hitAt5: number;
  hitAt10: number;
}

/** 1-based rank of the first expected item in `results`, within `depth`; null when absent. */
export function firstRelevantRank(
  results: readonly string[],
  expected: readonly string[],
  depth = 10,
): number | null {
  const wanted = new Set(expected);
  const at = results.slice(0, depth).findIndex((r) => wanted.has(r));
  return at < 0 ? null : at + 1;
}

/** Metrics over the ranks of every question (null: not found in the top 10). */
export function relevanceMetrics(ranks: readonly (number | null)[]): RelevanceMetrics {
  const n = ranks.length;
  if (n === 0) return { questions: 0, mrr: 0, hitAt1: 0, hitAt5: 0, hitAt10: 0 };
  let rr = 0;
  let h1 = 0;
  let h5 = 0;
  let h10 = 0;
  for (const r of ranks) {
    if (r === null || r > 10) continue;
    rr += 1 / r;
    if (r <= 1) h1++;
    if (r <= 5) h5++;
    h10++;
  }
  return { questions: n, mrr: rr / n, hitAt1: h1 / n, hitAt5: h5 / n, hitAt10: h10 / n };
}

/** "MRR 0.812  hit@1 0.740  hit@5 0.905  hit@10 0.930  (n=64)" */
export function formatMetrics(m: RelevanceMetrics): string {
  const f = (x: number) => x.toFixed(3);
  return `MRR ${f(m.mrr)}  hit@1 ${f(m.hitAt1)}  hit@5 ${f(m.hitAt5)}  hit@10 ${f(m.hitAt10)}  (n=${m.questions})`;
}
