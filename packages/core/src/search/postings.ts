/**
 * Postings in compressed sparse rows (CSR): one flat array per segment, term t's postings between
 * offsets[t] and offsets[t + 1]. No per-term JavaScript arrays: 100,000 articles × a few hundred
 * terms each stay a few tens of MB.
 *
 * - A plain segment (recent articles, rebuilt at each refresh) stores doc ids and codes as they are.
 * - A packed segment (everything else) stores, per posting, the gap to the previous doc id as a
 *   varint (7 bits a byte) followed by the one-byte code (see tokenizer.ts). Gaps are small for
 *   frequent terms, so a posting takes about 2–3 bytes.
 */

export interface PlainSegment {
  readonly kind: 'plain';
  /** Terms with ids below this may have postings here. */
  readonly termCount: number;
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly codes: Uint8Array;
}

export interface PackedSegment {
  readonly kind: 'packed';
  readonly termCount: number;
  /** Byte offsets into `bytes`. */
  readonly offsets: Uint32Array;
  readonly bytes: Uint8Array;
  /** Postings per term. */
  readonly counts: Uint32Array;
  readonly postings: number;
}

export type Segment = PlainSegment | PackedSegment;

/** Documents of a batch, in increasing doc id order, with their terms and codes. */
export interface DocBatch {
  readonly docIds: ArrayLike<number>;
  readonly terms: readonly Uint32Array[];
  readonly codes: readonly Uint8Array[];
}

export function buildPlainSegment(batch: DocBatch, termCount: number): PlainSegment {
  const offsets = new Uint32Array(termCount + 1);
  for (const terms of batch.terms) {
    for (let i = 0; i < terms.length; i++) {
      const at = (terms[i] ?? 0) + 1;
      offsets[at] = (offsets[at] ?? 0) + 1;
    }
  }
  for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t + 1] ?? 0) + (offsets[t] ?? 0);
  const total = offsets[termCount] ?? 0;
  const docs = new Uint32Array(total);
  const codes = new Uint8Array(total);
  const cursor = offsets.slice(0, termCount);
  for (let d = 0; d < batch.terms.length; d++) {
    const terms = batch.terms[d] as Uint32Array;
    const docCodes = batch.codes[d] as Uint8Array;
    const doc = batch.docIds[d] ?? 0;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i] ?? 0;
      const at = cursor[t] ?? 0;
      docs[at] = doc;
      codes[at] = docCodes[i] ?? 0;
      cursor[t] = at + 1;
    }
  }
  return { kind: 'plain', termCount, offsets, docs, codes };
}

/** Appends term t's postings in `segment` to docs/codes from index n; returns the new length. */
export function decodeInto(
  segment: Segment,
  t: number,
  docs: Int32Array,
  codes: Uint8Array,
  n: number,
): number {
  if (t >= segment.termCount) return n;
  const from = segment.offsets[t] ?? 0;
  const to = segment.offsets[t + 1] ?? 0;
  if (segment.kind === 'plain') {
    for (let i = from; i < to; i++) {
      docs[n] = segment.docs[i] ?? 0;
      codes[n++] = segment.codes[i] ?? 0;
    }
    return n;
  }
  const bytes = segment.bytes;
  let p = from;
  let doc = -1;
  while (p < to) {
    let b = bytes[p++] ?? 0;
    let gap = b & 0x7f;
    let shift = 7;
    while (b & 0x80) {
      b = bytes[p++] ?? 0;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    }
    doc += gap;
    docs[n] = doc;
    codes[n++] = bytes[p++] ?? 0;
  }
  return n;
}

/** Postings of term t in a segment (dead ones included). */
export function postingCount(segment: Segment, t: number): number {
  if (t >= segment.termCount) return 0;
  if (segment.kind === 'packed') return segment.counts[t] ?? 0;
  return (segment.offsets[t + 1] ?? 0) - (segment.offsets[t] ?? 0);
}

/**
 * Merges segments (their doc ranges in increasing order) into one packed segment. With `remap`, doc d
 * becomes remap[d] and is dropped when that is negative (compaction of replaced articles).
 */
export function packSegments(
  segments: readonly Segment[],
  termCount: number,
  remap: Int32Array | null,
  maxPostingsPerTerm: number,
): PackedSegment {
  let estimate = 16;
  for (const s of segments) estimate += s.kind === 'packed' ? s.bytes.length : s.docs.length * 3;
  let bytes = new Uint8Array(estimate);
  let p = 0;
  const offsets = new Uint32Array(termCount + 1);
  const counts = new Uint32Array(termCount);
  const docs = new Int32Array(Math.max(1, maxPostingsPerTerm));
  const codes = new Uint8Array(Math.max(1, maxPostingsPerTerm));
  let postings = 0;
  for (let t = 0; t < termCount; t++) {
    offsets[t] = p;
    let n = 0;
    for (const s of segments) n = decodeInto(s, t, docs, codes, n);
    let prev = -1;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const doc = remap ? (remap[docs[i] ?? 0] ?? -1) : (docs[i] ?? 0);
      if (doc < 0) continue;
      if (p + 6 > bytes.length) {
        const grown = new Uint8Array(Math.ceil(bytes.length * 1.5) + 64);
        grown.set(bytes);
        bytes = grown;
      }
      let gap = doc - prev;
      prev = doc;
      while (gap >= 0x80) {
        bytes[p++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      bytes[p++] = gap;
      bytes[p++] = codes[i] ?? 0;
      kept++;
    }
    counts[t] = kept;
    postings += kept;
  }
  offsets[termCount] = p;
  return { kind: 'packed', termCount, offsets, bytes: bytes.slice(0, p), counts, postings };
}
