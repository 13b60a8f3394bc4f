import { isHan } from '@huawu/domain';
import { bigramKey, queryBigramKeys } from './pinyin-keys.js';

/**
 * Every term the index has seen, numbered in order of first appearance (ids are never reused), with
 * the number of postings written for it (dead ones included: an estimate of frequency, used only to
 * order alternatives) and the homophone key of Han bigrams. A sorted (key, term) table answers
 * "which known bigrams sound like this one"; terms added after its last rebuild are scanned directly.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  counts = new Uint32Array(1024);
  private keyOf = new Int32Array(1024);
  private sortedKeys = new Float64Array(0);
  private indexedUpTo = 0;

  get size(): number {
    return this.terms.length;
  }

  get(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** The id of a term, added when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id !== undefined) return id;
    id = this.terms.length;
    this.ids.set(term, id);
    this.terms.push(term);
    if (id >= this.counts.length) {
      const counts = new Uint32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
      const keys = new Int32Array(this.keyOf.length * 2);
      keys.set(this.keyOf);
      this.keyOf = keys;
    }
    this.keyOf[id] = isHanBigram(term) ? bigramKey(term) : 0;
    return id;
  }

  /** Rebuilds the homophone table when many terms were added since the last time. */
  settle(force = false): void {
    const pending = this.terms.length - this.indexedUpTo;
    if (pending === 0 || (!force && pending < 2048)) return;
    let n = 0;
    for (let id = 0; id < this.terms.length; id++) if (this.keyOf[id]) n++;
    // key < 2^20 and id < 2^32: key * 2^32 + id is exact in a double and sorts by key, then id.
    const packed = new Float64Array(n);
    n = 0;
    for (let id = 0; id < this.terms.length; id++) {
      const key = this.keyOf[id] ?? 0;
      if (key) packed[n++] = key * 4294967296 + id;
    }
    packed.sort();
    this.sortedKeys = packed;
    this.indexedUpTo = this.terms.length;
  }

  /**
   * Known bigrams that sound like `bigram` and differ from it in one character (公基 → 公积; two
   * different characters are another word, not a typo), most frequent first, at most `max`.
   */
  homophones(bigram: string, max: number): number[] {
    if (!isHanBigram(bigram)) return [];
    const keys = queryBigramKeys(bigram);
    const found = new Set<number>();
    const sorted = this.sortedKeys;
    for (const key of keys) {
      let lo = 0;
      let hi = sorted.length;
      const from = key * 4294967296;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid] ?? 0) < from) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < sorted.length; i++) {
        const v = sorted[i] ?? 0;
        if (Math.floor(v / 4294967296) !== key) break;
        found.add(v - key * 4294967296);
      }
      for (let id = this.indexedUpTo; id < this.terms.length; id++) if (this.keyOf[id] === key) found.add(id);
    }
    const [a, b] = [...bigram];
    return [...found]
      .filter((id) => {
        const term = this.terms[id] ?? '';
        const [x, y] = [...term];
        return term !== bigram && (x === a || y === b);
      })
      .sort((x, y) => (this.counts[y] ?? 0) - (this.counts[x] ?? 0) || x - y)
      .slice(0, max);
  }
}

export function isHanBigram(term: string): boolean {
  const chars = [...term];
  return chars.length === 2 && isHan(chars[0] ?? '') && isHan(chars[1] ?? '');
}
