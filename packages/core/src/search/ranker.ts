import { namesUnwantedAction, unwantedActions } from './action-prior.js';
import type { Concept, QueryPlan, Slot, SlotAlternative } from './query-plan.js';
import type { SearchIndex } from './search-index.js';
import { G_MASK, STRONG_BIT } from './tokenizer.js';

/**
 * Scoring, term at a time over typed-array accumulators (no per-document objects):
 *
 *   raw      = Σ over slots of the best wording's Σ over its concepts of
 *              weight × max over the concept's terms (factor × idf(term) × g(article, term))
 *   coverage = Σ over slots of w(slot) × best fraction of one wording's units the article holds
 *              ÷ Σ w(slot), with w(slot) = the slot's span × its best idf
 *   score    = raw × (COVERAGE_FLOOR + (1 − COVERAGE_FLOOR) × coverage²) × (1 + TITLE_BOOST × titleCoverage)
 *
 * titleCoverage is the same fraction counted on title-like fields only. The best RERANK_DEPTH are then
 * multiplied by (1 + phrase bonus): the title equals the query (or a synonym form of it), holds it
 * whole, or is held whole by it. idf is BM25's ln(1 + (N − df + ½)/(df + ½)) over live articles, df
 * counted from the live postings at query time, so scores never depend on tombstones or history.
 */
export const RANKING = {
  coverageFloor: 0.2,
  titleBoost: 0.6,
  /** Articles covering less than this of the query are not results. */
  minCoverage: 0.2,
  rerankDepth: 60,
  /** Coverage weight of the characters slot, in average slots. */
  softSlot: 0.5,
  exactTitle: 1.0,
  phraseInTitle: 0.6,
  titleInQuery: 0.5,
  phraseInKeywords: 0.25,
  /** Share of the score taken from a title naming an action the query does not call for (action-prior.ts). */
  unwantedAction: 0.15,
};

export interface DocFilter {
  /** Allowed interned statuses. */
  statuses: ReadonlySet<number>;
  /** Interned kind, or null for any. */
  kind: number | null;
  /** Allowed interned owner units, or null for any. */
  units: ReadonlySet<number> | null;
  /** yyyymmdd: articles not valid that day are left out; null: no date check. */
  today: number | null;
}

export interface RankedDoc {
  doc: number;
  score: number;
}

export interface Ranking {
  hits: RankedDoc[];
  total: number;
  /** Concepts (by index in the plan) matched by at least one hit, for highlighting. */
  matchedTerms: Set<string>;
}

/** Reusable scratch arrays, one set per index (searches in a process do not interleave inside rank()). */
export class Scratch {
  size = 0;
  acc = new Float32Array(0);
  best = new Float32Array(0);
  mask = new Uint32Array(0);
  strong = new Uint32Array(0);
  touched = new Int32Array(0);
  conceptTouched = new Int32Array(0);
  docs = new Int32Array(0);
  codes = new Uint8Array(0);

  /** One accumulator per synonym wording of the current query. */
  wording: Float32Array[] = [];

  ensure(n: number, wordings = 0): void {
    if (n > this.size) {
      const size = Math.max(n, Math.ceil(this.size * 1.5), 1024);
      this.acc = new Float32Array(size);
      this.best = new Float32Array(size);
      this.mask = new Uint32Array(size);
      this.strong = new Uint32Array(size);
      this.touched = new Int32Array(size);
      this.conceptTouched = new Int32Array(size);
      this.docs = new Int32Array(size);
      this.codes = new Uint8Array(size);
      this.wording = this.wording.map(() => new Float32Array(size));
      this.size = size;
    }
    while (this.wording.length < wordings) this.wording.push(new Float32Array(this.size));
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function passes(index: SearchIndex, d: number, filter: DocFilter): boolean {
  if (!filter.statuses.has(index.status[d] ?? -1)) return false;
  if (filter.kind !== null && index.kind[d] !== filter.kind) return false;
  if (filter.units && !filter.units.has(index.unit[d] ?? -1)) return false;
  if (filter.today !== null) {
    if ((index.validFrom[d] ?? 0) > filter.today || (index.validTo[d] ?? 0) < filter.today) return false;
  }
  return true;
}

/** Title bonus of one article: the best of exact title, phrase in title, title in query, phrase in keywords. */
export function phraseBonus(title: string, keywords: string, phrases: readonly string[]): number {
  let bonus = 0;
  for (const p of phrases) {
    if (p.length < 2) continue;
    if (title === p) bonus = Math.max(bonus, RANKING.exactTitle);
    else if (title.includes(p)) bonus = Math.max(bonus, (RANKING.phraseInTitle * p.length) / title.length);
    else if (title.length >= 3 && p.includes(title))
      bonus = Math.max(bonus, (RANKING.titleInQuery * title.length) / p.length);
    if (keywords.includes(p)) bonus = Math.max(bonus, RANKING.phraseInKeywords);
  }
  return bonus;
}

export function rank(
  index: SearchIndex,
  plan: QueryPlan,
  filter: DocFilter,
  limit: number,
  scratch: Scratch,
): Ranking {
  const n = index.docCount;
  // Wordings of slots with several (a synonym occurrence) each get an accumulator: a slot counts its
  // best wording only, so an article holding two equivalents is not paid twice.
  const multi = plan.slots.filter((s) => s.alternatives.length > 1);
  const wordings = multi.flatMap((s) => s.alternatives);
  scratch.ensure(n, wordings.length);
  const { acc, best, mask, strong, touched, conceptTouched, docs, codes, wording } = scratch;
  const live = Math.max(1, index.liveCount);
  let touchedCount = 0;
  const conceptIdf = new Float64Array(plan.concepts.length);
  // Where each concept's contribution goes: the plain accumulator or wording accumulators, with weights.
  const targets = plan.concepts.map(() => ({ plain: 0, wordings: [] as { at: number; weight: number }[] }));
  for (const slot of plan.slots) {
    if (slot.alternatives.length !== 1) continue;
    const alt = slot.alternatives[0] as SlotAlternative;
    for (const c of alt.concepts) {
      const t = targets[c];
      if (t) t.plain = Math.max(t.plain, alt.weight);
    }
  }
  wordings.forEach((alt, at) => {
    for (const c of alt.concepts) targets[c]?.wordings.push({ at, weight: alt.weight });
  });

  for (let c = 0; c < plan.concepts.length; c++) {
    const concept = plan.concepts[c] as Concept;
    const bit = (1 << c) >>> 0;
    const target = targets[c] as { plain: number; wordings: { at: number; weight: number }[] };
    // The usual case — one term, plain slot — goes straight to the accumulators.
    const direct = concept.terms.length === 1 && target.wordings.length === 0;
    let ct = 0;
    for (const term of concept.terms) {
      const count = index.collect(term.termId, docs, codes);
      if (count === 0) continue;
      const termIdf = term.factor * idf(count, live);
      conceptIdf[c] = Math.max(conceptIdf[c] ?? 0, termIdf);
      const scale = termIdf / G_MASK;
      if (direct) {
        const weight = scale * target.plain;
        for (let i = 0; i < count; i++) {
          const d = docs[i] as number;
          const m = mask[d] as number;
          if (m === 0) touched[touchedCount++] = d;
          const code = codes[i] as number;
          acc[d] = (acc[d] as number) + weight * (code & G_MASK);
          mask[d] = (m | bit) >>> 0;
          if (code & STRONG_BIT) strong[d] = ((strong[d] as number) | bit) >>> 0;
        }
        continue;
      }
      for (let i = 0; i < count; i++) {
        const d = docs[i] as number;
        const code = codes[i] as number;
        const v = scale * (code & G_MASK);
        const prev = best[d] as number;
        if (prev === 0) conceptTouched[ct++] = d;
        if (v > prev) best[d] = v;
        if (code & STRONG_BIT) strong[d] = ((strong[d] as number) | bit) >>> 0;
      }
    }
    for (let i = 0; i < ct; i++) {
      const d = conceptTouched[i] as number;
      const v = best[d] as number;
      best[d] = 0;
      if (mask[d] === 0) touched[touchedCount++] = d;
      mask[d] = ((mask[d] as number) | bit) >>> 0;
      if (target.plain) acc[d] = (acc[d] as number) + target.plain * v;
      for (const w of target.wordings) {
        const a = wording[w.at] as Float32Array;
        a[d] = (a[d] as number) + w.weight * v;
      }
    }
  }

  // Slot weights and the masks of each wording.
  const hard = plan.slots.filter((slot) => !slot.soft);
  const slotIdf = (slot: Slot) => {
    let w = 0;
    for (const alt of slot.alternatives) for (const c of alt.concepts) w = Math.max(w, conceptIdf[c] ?? 0);
    return w * slot.span;
  };
  const meanHard = hard.length ? hard.reduce((sum, slot) => sum + slotIdf(slot), 0) / hard.length : 1;
  const slots = plan.slots.map((slot) => {
    return {
      weight: slot.soft ? RANKING.softSlot * meanHard : slotIdf(slot),
      alternatives: slot.alternatives.map((alt) => ({
        mask: alt.concepts.reduce((m, c) => (m | (1 << c)) >>> 0, 0),
        units: alt.units,
      })),
    };
  });
  const totalWeight = slots.reduce((s, x) => s + x.weight, 0) || 1;
  // Characters alone never make a result: an article must match at least one word of the query.
  let hardMask = 0;
  for (const slot of hard)
    for (const alt of slot.alternatives) for (const c of alt.concepts) hardMask |= 1 << c;
  hardMask >>>= 0;
  const coverage = (m: number): number => {
    let sum = 0;
    for (const slot of slots) {
      if (slot.weight === 0) continue;
      let f = 0;
      for (const alt of slot.alternatives) {
        if (alt.mask === 0) continue;
        f = Math.max(f, popcount(m & alt.mask) / alt.units);
      }
      sum += slot.weight * Math.min(1, f);
    }
    return sum / totalWeight;
  };
  // Many articles share a mask: coverage is computed once per distinct mask.
  const memo = new Map<number, number>();
  const coverageOf = (m: number): number => {
    let v = memo.get(m);
    if (v === undefined) {
      v = coverage(m);
      memo.set(m, v);
    }
    return v;
  };
  const wordingEnds = new Int32Array(multi.length);
  multi.reduce((end, slot, k) => {
    wordingEnds[k] = end + slot.alternatives.length;
    return wordingEnds[k] ?? 0;
  }, 0);

  // Score, filter and keep the best candidates (a bounded, sorted list: depth is small).
  const depth = Math.max(limit, RANKING.rerankDepth);
  const top: RankedDoc[] = [];
  let total = 0;
  for (let i = 0; i < touchedCount; i++) {
    const d = touched[i] ?? 0;
    const m = mask[d] ?? 0;
    const s = strong[d] ?? 0;
    let raw = acc[d] ?? 0;
    acc[d] = 0;
    mask[d] = 0;
    strong[d] = 0;
    let a = 0;
    for (let k = 0; k < wordingEnds.length; k++) {
      let bestWording = 0;
      for (const end = wordingEnds[k] ?? 0; a < end; a++) {
        const arr = wording[a] as Float32Array;
        const v = arr[d] ?? 0;
        if (v > bestWording) bestWording = v;
        arr[d] = 0;
      }
      raw += bestWording;
    }
    if ((m & hardMask) === 0) continue;
    const cov = coverageOf(m);
    if (cov < RANKING.minCoverage || !passes(index, d, filter)) continue;
    total++;
    const score =
      raw *
      (RANKING.coverageFloor + (1 - RANKING.coverageFloor) * cov * cov) *
      (1 + RANKING.titleBoost * coverageOf(s & m));
    if (top.length === depth && score <= (top[depth - 1]?.score ?? 0)) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.score ?? 0) < score) at--;
    top.splice(at, 0, { doc: d, score });
    if (top.length > depth) top.pop();
  }

  const unwanted = unwantedActions([...plan.runs, ...plan.terms].join(' '));
  for (const hit of top) {
    const title = index.titles[hit.doc] ?? '';
    hit.score *= 1 + phraseBonus(title, index.keywords[hit.doc] ?? '', plan.phrases);
    if (namesUnwantedAction(title, unwanted)) hit.score *= 1 - RANKING.unwantedAction;
  }
  top.sort(
    (a, b) =>
      b.score - a.score || ((index.articleIds[a.doc] ?? '') < (index.articleIds[b.doc] ?? '') ? -1 : 1),
  );
  const matchedTerms = new Set<string>();
  for (const c of plan.concepts) for (const t of c.terms) matchedTerms.add(t.text);
  return { hits: top.slice(0, limit), total, matchedTerms };
}
