import { isHan, queryRuns } from '@huawu/domain';
import type { SynonymDictionary } from './synonyms.js';
import { textUnits } from './tokenizer.js';
import { type Vocabulary, isHanBigram } from './vocabulary.js';

/**
 * How a query is understood before ranking.
 *
 * - Fillers are stripped (domain `queryRuns`), the rest split into units: Han bigrams, lone Han
 *   characters, Latin words and numbers.
 * - Each unit known to the index becomes a **concept**: its own term plus known bigrams that sound
 *   the same and differ by one character (homophone typos: 公基 → 公积), counted for less.
 * - A synonym found in the query (社保) adds the units of its equivalents (社会保险) as concepts too.
 * - **Slots** say what covering the query means: one slot per plain unit; one per synonym occurrence,
 *   satisfied by the original wording or any equivalent, whichever an article covers best.
 */

/** A homophone is a likely typo, but not certain: it counts for this much of an exact match. */
export const HOMOPHONE_FACTOR = 0.7;
/** A synonym's units together weigh this much of the original wording's units. */
export const SYNONYM_FACTOR = 0.9;
const MAX_HOMOPHONES = 12;
/** Weight of a single character's match, relative to a bigram's. */
export const CHAR_FACTOR = 0.3;
const MAX_CHARS = 8;
/** Coverage masks are 32-bit: long messages keep their 32 rarest concepts. */
export const MAX_CONCEPTS = 32;

export interface PlanTerm {
  termId: number;
  text: string;
  /** 1 for the unit itself, HOMOPHONE_FACTOR for a homophone. */
  factor: number;
}

export interface Concept {
  unit: string;
  terms: PlanTerm[];
}

export interface SlotAlternative {
  /** Indexes into `concepts` of this wording's known units. */
  concepts: number[];
  /** All units of this wording, known or not (a partly unknown wording can never be fully covered). */
  units: number;
  /** Multiplies the BM25 contribution of each of its concepts (1 for the query's own wording). */
  weight: number;
}

export interface Slot {
  alternatives: SlotAlternative[];
  /** Units of the query this slot stands for (a synonym occurrence may span several). */
  span: number;
  /** The characters slot: weighs half an average slot in coverage, whatever its characters' idf. */
  soft?: boolean;
}

export interface QueryPlan {
  /** The query's meaningful runs (normalised, fillers removed). */
  runs: string[];
  concepts: Concept[];
  slots: Slot[];
  /** Whole-phrase forms for the title bonuses: each run, and each run with a synonym substituted. */
  phrases: string[];
  /** For agents: how the query was understood (runs, typo corrections, synonyms). */
  terms: string[];
}

interface UnitAt {
  unit: string;
  start: number;
  end: number;
}

/** Units of the runs with their offsets in `runs.join(' ')`. */
function unitsOf(runs: readonly string[]): UnitAt[] {
  const out: UnitAt[] = [];
  let offset = 0;
  for (const run of runs) {
    const chars = [...run];
    if (isHan(chars[0] ?? '') && chars.length > 1) {
      let at = offset;
      for (let i = 0; i + 1 < chars.length; i++) {
        const a = chars[i] ?? '';
        const b = chars[i + 1] ?? '';
        out.push({ unit: a + b, start: at, end: at + a.length + b.length });
        at += a.length;
      }
    } else {
      out.push({ unit: run, start: offset, end: offset + run.length });
    }
    offset += run.length + 1;
  }
  return out;
}

/**
 * A run with homophone typos replaced by a known bigram that sounds the same (公基金 → 公积金): one
 * from the synonym terms first (户藉 → 户籍, which then finds 户口), else the most frequent indexed one.
 * A character is changed at most once, and never so that a known neighbouring bigram becomes unknown.
 */
function corrected(run: string, vocab: Vocabulary, synonyms: SynonymDictionary): string | null {
  const chars = [...run];
  if (chars.length < 2 || !isHan(chars[0] ?? '')) return null;
  const knows = (bigram: string) => vocab.get(bigram) !== undefined || synonyms.knows(bigram);
  const pair = (i: number) => (chars[i] ?? '') + (chars[i + 1] ?? '');
  const locked = new Set<number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = pair(i);
    if (knows(bigram)) continue;
    const candidates = [
      ...synonyms.homophones(bigram),
      ...vocab.homophones(bigram, 4).map((id) => vocab.terms[id] ?? ''),
    ];
    for (const candidate of candidates) {
      const [x = '', y = ''] = [...candidate];
      const at = x !== chars[i] ? i : i + 1;
      const replacement = at === i ? x : y;
      if (locked.has(at)) continue;
      const before = [at - 1, at].filter((k) => k >= 0 && k + 1 < chars.length).map((k) => knows(pair(k)));
      const original = chars[at] ?? '';
      chars[at] = replacement;
      const after = [at - 1, at].filter((k) => k >= 0 && k + 1 < chars.length).map((k) => knows(pair(k)));
      if (before.some((known, k) => known && !after[k])) {
        chars[at] = original;
        continue;
      }
      locked.add(at);
      break;
    }
  }
  const fixed = chars.join('');
  return fixed === run ? null : fixed;
}

export function planQuery(q: string, vocab: Vocabulary, synonyms: SynonymDictionary): QueryPlan {
  const runs = queryRuns(q);
  const units = unitsOf(runs);
  // Synonyms are looked for in the typo-corrected wording (户藉 → 户籍 ↔ 户口); corrections keep lengths.
  const fixedRuns = runs.map((run) => corrected(run, vocab, synonyms) ?? run);
  const text = fixedRuns.join(' ');
  const concepts: Concept[] = [];
  const conceptOf = new Map<string, number | null>();

  const concept = (unit: string, homophones: boolean): number | null => {
    const known = conceptOf.get(unit);
    if (known !== undefined) return known;
    const terms: PlanTerm[] = [];
    const exact = vocab.get(unit);
    if (exact !== undefined) terms.push({ termId: exact, text: unit, factor: 1 });
    if (homophones && isHanBigram(unit)) {
      for (const id of vocab.homophones(unit, MAX_HOMOPHONES)) {
        terms.push({ termId: id, text: vocab.terms[id] ?? '', factor: HOMOPHONE_FACTOR });
      }
    }
    const index = terms.length ? concepts.push({ unit, terms }) - 1 : null;
    conceptOf.set(unit, index);
    return index;
  };
  const known = (ids: (number | null)[]): number[] => [
    ...new Set(ids.filter((i): i is number => i !== null)),
  ];

  const slots: Slot[] = [];
  const phrases = new Set(runs.map((r) => r.replace(/ /g, '')).filter((r) => r.length > 1));
  const terms = new Set(runs);
  const covered = new Set<UnitAt>();
  for (const match of synonyms.match(text)) {
    const inside = units.filter((u) => u.start >= match.start && u.end <= match.end);
    for (const u of inside) covered.add(u);
    const span = Math.max(1, inside.length);
    const alternatives: SlotAlternative[] = [
      { concepts: known(inside.map((u) => concept(u.unit, true))), units: span, weight: 1 },
    ];
    for (const alt of match.alternatives) {
      const altUnits = textUnits(alt);
      if (altUnits.length === 0) continue;
      const weight = Math.min(1, (SYNONYM_FACTOR * span) / altUnits.length);
      const ids = known(altUnits.map((u) => concept(u, false)));
      if (ids.length === 0) continue;
      alternatives.push({ concepts: ids, units: altUnits.length, weight });
      terms.add(alt);
      const run = fixedRuns.find((r) => r.includes(match.term));
      if (run) phrases.add(run.replace(match.term, alt).replace(/ /g, ''));
    }
    if (alternatives.some((a) => a.concepts.length > 0)) slots.push({ alternatives, span });
  }
  for (const u of units) {
    if (covered.has(u)) continue;
    const id = concept(u.unit, true);
    if (id === null || slots.some((s) => s.span === 1 && s.alternatives[0]?.concepts[0] === id)) continue;
    slots.push({ alternatives: [{ concepts: [id], units: 1, weight: 1 }], span: 1 });
  }
  // Characters: a colloquial word often shares only one character with the official one (摆摊 ~
  // 摊点, 招人 ~ 招聘). The rarest few known characters (titles are indexed by character) give a soft
  // signal, weighed far below a bigram.
  const chars = [...new Set(fixedRuns.flatMap((r) => [...r]).filter((c) => isHan(c)))]
    .map((c) => ({ c, id: vocab.get(c) }))
    .filter((x): x is { c: string; id: number } => x.id !== undefined)
    .sort((a, b) => (vocab.counts[a.id] ?? 0) - (vocab.counts[b.id] ?? 0) || a.id - b.id)
    .slice(0, MAX_CHARS);
  if (chars.length) {
    const ids = known(chars.map((x) => concept(x.c, false)));
    slots.push({
      alternatives: [{ concepts: ids, units: ids.length, weight: CHAR_FACTOR }],
      span: 1,
      soft: true,
    });
  }
  for (const fixed of fixedRuns) {
    terms.add(fixed);
    if (fixed.length > 1) phrases.add(fixed);
  }
  return limitConcepts({ runs, concepts, slots, phrases: [...phrases], terms: [...terms] }, vocab);
}

/** Keeps at most MAX_CONCEPTS concepts, dropping plain units with the most postings (least informative). */
function limitConcepts(plan: QueryPlan, vocab: Vocabulary): QueryPlan {
  if (plan.concepts.length <= MAX_CONCEPTS) return plan;
  const frequency = (c: Concept) => Math.max(...c.terms.map((t) => vocab.counts[t.termId] ?? 0));
  const droppable = plan.slots
    .filter((s) => s.alternatives.length === 1 && s.alternatives[0]?.concepts.length === 1)
    .sort(
      (a, b) =>
        frequency(plan.concepts[b.alternatives[0]?.concepts[0] ?? 0] as Concept) -
        frequency(plan.concepts[a.alternatives[0]?.concepts[0] ?? 0] as Concept),
    );
  const drop = new Set<Slot>();
  let remaining = plan.concepts.length;
  for (const slot of droppable) {
    if (remaining <= MAX_CONCEPTS) break;
    drop.add(slot);
    remaining--;
  }
  let slots = plan.slots.filter((s) => !drop.has(s));
  const used = [...new Set(slots.flatMap((s) => s.alternatives.flatMap((a) => a.concepts)))].sort(
    (a, b) => a - b,
  );
  const keep = used.slice(0, MAX_CONCEPTS);
  const renumber = new Map(keep.map((old, i) => [old, i]));
  slots = slots
    .map((s) => ({
      span: s.span,
      soft: s.soft,
      alternatives: s.alternatives.map((a) => ({
        units: a.units,
        weight: a.weight,
        concepts: a.concepts.filter((c) => renumber.has(c)).map((c) => renumber.get(c) as number),
      })),
    }))
    .filter((s) => s.alternatives.some((a) => a.concepts.length > 0));
  return { ...plan, concepts: keep.map((i) => plan.concepts[i] as Concept), slots };
}
