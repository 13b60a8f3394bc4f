import { bigrams, isHan, normalizeText } from '@huawu/domain';
import type { SearchField } from './article-document.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Article → terms. Chinese has no spaces, so text is indexed by overlapping character pairs (bigrams)
 * of its normalised form; a Han character standing alone is its own term, Latin words and numbers stay
 * whole. Title-like fields are also indexed by single characters, so a one-character query (税) finds
 * titles holding it.
 *
 * Each (article, term) pair gets one byte: the top bit says the term occurs in a title-like field, the
 * low 7 bits hold the BM25 saturation g = tf′ / (tf′ + k1) quantised to 1..127, where tf′ sums the
 * field-weighted, length-normalised frequencies (BM25F). Constants, not corpus averages, normalise the
 * lengths, so an article's byte never depends on which other articles exist.
 */

export const K1 = 1.2;
/** A bracketed qualifier in a title: （县级）, (其他农药), 【…】. */
const BRACKETED = /[（(【[][^（）()【】[\]]*[）)】\]]/g;
export const STRONG_BIT = 0x80;
export const G_MASK = 0x7f;

export interface DocumentTerms {
  terms: Uint32Array;
  codes: Uint8Array;
}

/** The units of a text as the index and the query see them (bigrams, lone characters, Latin words). */
export function textUnits(text: string): string[] {
  return bigrams(text);
}

/** Per-term accumulators reused across documents (indexed by term id; only touched entries reset). */
class TermScratch {
  tf = new Float64Array(4096);
  strong = new Uint8Array(4096);
  seen = new Uint8Array(4096);
  touched: number[] = [];
  ensure(size: number): void {
    if (size <= this.tf.length) return;
    const n = Math.max(size, this.tf.length * 2);
    this.tf = new Float64Array(n);
    this.strong = new Uint8Array(n);
    this.seen = new Uint8Array(n);
  }
}
const scratch = new TermScratch();

export function documentTerms(fields: readonly SearchField[], vocab: Vocabulary): DocumentTerms {
  const { touched } = scratch;
  touched.length = 0;
  for (const field of fields) {
    if (!field.text) continue;
    const units = textUnits(field.text);
    if (field.strong) {
      // "食品（含保健食品）经营许可" is also read as "食品经营许可": the bracketed qualifier removed.
      const unbracketed = field.text.replace(BRACKETED, '');
      if (unbracketed !== field.text) {
        const seen = new Set(units);
        for (const unit of textUnits(unbracketed)) if (!seen.has(unit)) units.push(unit);
      }
      for (const char of normalizeText(field.text)) if (isHan(char)) units.push(char);
    }
    if (units.length === 0) continue;
    const norm = 1 - field.b + (field.b * units.length) / field.refLength;
    const add = field.weight / norm;
    for (const unit of units) {
      const id = vocab.intern(unit);
      scratch.ensure(id + 1);
      if (!scratch.seen[id]) {
        scratch.seen[id] = 1;
        touched.push(id);
      }
      scratch.tf[id] = (scratch.tf[id] ?? 0) + add;
      if (field.strong) scratch.strong[id] = 1;
    }
  }
  const terms = new Uint32Array(touched.length);
  const codes = new Uint8Array(touched.length);
  for (let i = 0; i < touched.length; i++) {
    const id = touched[i] ?? 0;
    const f = scratch.tf[id] ?? 0;
    const g = Math.min(G_MASK, Math.max(1, Math.round((G_MASK * f) / (f + K1))));
    terms[i] = id;
    codes[i] = g | (scratch.strong[id] ? STRONG_BIT : 0);
    scratch.tf[id] = 0;
    scratch.strong[id] = 0;
    scratch.seen[id] = 0;
  }
  return { terms, codes };
}
