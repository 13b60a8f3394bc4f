import { normalizeText } from '@huawu/domain';
import type { IndexedArticleRow } from '../storage/knowledge-search.repository.js';
import { searchFields } from './article-document.js';
import {
  type PackedSegment,
  type PlainSegment,
  buildPlainSegment,
  decodeInto,
  packSegments,
} from './postings.js';
import { documentTerms } from './tokenizer.js';
import { Vocabulary } from './vocabulary.js';

/**
 * The in-memory index of one process: per-document facts in typed arrays (status, kind, owner unit,
 * validity), postings in a packed base segment plus a small plain tail of recently added documents.
 * A changed article is a new document; the old one becomes a tombstone (alive = 0) that queries skip
 * until the next compaction renumbers the survivors and repacks the postings without them.
 */

/** Documents per frozen batch while loading many rows at once. */
const BATCH_DOCS = 4096;
const NO_DATE_FROM = 0;
const NO_DATE_TO = 99_991_231;

/** YYYY-MM-DD → yyyymmdd (a number that compares like the date). */
export function dateNumber(date: string | null | undefined, fallback: number): number {
  if (!date) return fallback;
  const n = Number(date.slice(0, 10).replace(/-/g, ''));
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
  get(value: string): number | undefined {
    return this.ids.get(value);
  }
}

function grow<T extends Uint8Array | Int32Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

export interface IndexStats {
  documents: number;
  live: number;
  tombstones: number;
  terms: number;
  postings: number;
  postingBytes: number;
  tailDocuments: number;
  compactions: number;
}

export class SearchIndex {
  readonly vocab = new Vocabulary();
  readonly statuses = new Interner();
  readonly kinds = new Interner();
  readonly units = new Interner();

  /** Next document id: documents up to the last compaction live in `base`, later ones in frozen batches or the tail. */
  docCount = 0;
  liveCount = 0;
  private deadCount = 0;
  alive = new Uint8Array(1024);
  status = new Uint8Array(1024);
  kind = new Uint8Array(1024);
  /** Interned owner unit id, or -1. */
  unit = new Int32Array(1024);
  validFrom = new Int32Array(1024);
  validTo = new Int32Array(1024);
  articleIds: string[] = [];
  /** Normalised title and keywords without spaces (exact-title and phrase bonuses). */
  titles: string[] = [];
  keywords: string[] = [];
  private readonly byArticle = new Map<string, number>();

  private base: PackedSegment | null = null;
  private frozen: PackedSegment[] = [];
  private tailTerms: Uint32Array[] = [];
  private tailCodes: Uint8Array[] = [];
  private tail: PlainSegment | null = null;
  private tailDirty = false;
  private compactions = 0;

  /** Adds or replaces an article (the previous document of the same id becomes a tombstone). */
  upsert(row: IndexedArticleRow): void {
    this.remove(row.id);
    const doc = this.docCount++;
    const size = doc + 1;
    this.alive = grow(this.alive, size);
    this.status = grow(this.status, size);
    this.kind = grow(this.kind, size);
    this.unit = grow(this.unit, size);
    this.validFrom = grow(this.validFrom, size);
    this.validTo = grow(this.validTo, size);
    this.alive[doc] = 1;
    this.status[doc] = this.statuses.id(row.status);
    this.kind[doc] = this.kinds.id(row.kind);
    this.unit[doc] = row.owner_unit_id === null ? -1 : this.units.id(row.owner_unit_id);
    this.validFrom[doc] = dateNumber(row.valid_from, NO_DATE_FROM);
    this.validTo[doc] = dateNumber(row.valid_to, NO_DATE_TO);
    this.articleIds[doc] = row.id;
    this.titles[doc] = normalizeText(row.title).replace(/ /g, '');
    this.keywords[doc] = normalizeText(row.keywords);
    this.byArticle.set(row.id, doc);
    this.liveCount++;
    const { terms, codes } = documentTerms(
      searchFields({
        kind: row.kind,
        title: row.title,
        keywords: row.keywords,
        itemCode: row.item_code,
        ownerUnitName: row.owner_unit_name,
        fields: row.fields,
      }),
      this.vocab,
    );
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i] ?? 0;
      this.vocab.counts[t] = (this.vocab.counts[t] ?? 0) + 1;
    }
    this.tailTerms.push(terms);
    this.tailCodes.push(codes);
    this.tailDirty = true;
    if (this.tailTerms.length >= BATCH_DOCS) this.freezeTail();
  }

  remove(articleId: string): void {
    const doc = this.byArticle.get(articleId);
    if (doc === undefined) return;
    this.byArticle.delete(articleId);
    this.alive[doc] = 0;
    this.liveCount--;
    this.deadCount++;
  }

  /** Article ids currently indexed (live documents). */
  articleIdSet(): Set<string> {
    return new Set(this.byArticle.keys());
  }

  docOf(articleId: string): number | undefined {
    return this.byArticle.get(articleId);
  }

  /** Packs the tail into a frozen batch (bulk loads), keeping memory flat while rows stream in. */
  private freezeTail(): void {
    const first = this.docCount - this.tailTerms.length;
    const plain = this.plainTail(first);
    this.frozen.push(packSegments([plain], this.vocab.size, null, this.tailTerms.length));
    this.tailTerms = [];
    this.tailCodes = [];
    this.tail = null;
    this.tailDirty = false;
  }

  private plainTail(first: number): PlainSegment {
    const docIds = new Uint32Array(this.tailTerms.length);
    for (let i = 0; i < docIds.length; i++) docIds[i] = first + i;
    return buildPlainSegment({ docIds, terms: this.tailTerms, codes: this.tailCodes }, this.vocab.size);
  }

  /**
   * Called after a batch of changes: merges frozen batches, compacts when tombstones or the tail grew
   * too large, otherwise rebuilds the small tail segment.
   */
  settle(): void {
    const tooManyDead = this.deadCount > 64 && this.deadCount > this.docCount * 0.2;
    const tailTooBig = this.tailTerms.length > Math.max(1024, this.liveCount * 0.05);
    if (this.frozen.length > 0 || tooManyDead || tailTooBig) this.compact();
    else if (this.tailDirty) {
      this.tail = this.tailTerms.length ? this.plainTail(this.docCount - this.tailTerms.length) : null;
      this.tailDirty = false;
    }
    this.vocab.settle(this.base === null);
  }

  /** Renumbers the live documents and repacks every segment into one. */
  compact(): void {
    const tailFirst = this.docCount - this.tailTerms.length;
    const segments = [
      ...(this.base ? [this.base] : []),
      ...this.frozen,
      ...(this.tailTerms.length ? [this.plainTail(tailFirst)] : []),
    ];
    const remap = new Int32Array(this.docCount);
    let next = 0;
    for (let d = 0; d < this.docCount; d++) remap[d] = this.alive[d] ? next++ : -1;
    this.base = packSegments(segments, this.vocab.size, this.deadCount ? remap : null, this.docCount);
    if (this.deadCount) {
      const n = next;
      const pick = <T extends Uint8Array | Int32Array>(a: T): T => {
        const out = new (a.constructor as new (n: number) => T)(Math.max(1024, n));
        for (let d = 0; d < this.docCount; d++) {
          const to = remap[d] ?? -1;
          if (to >= 0) out[to] = a[d] ?? 0;
        }
        return out;
      };
      this.alive = pick(this.alive);
      this.status = pick(this.status);
      this.kind = pick(this.kind);
      this.unit = pick(this.unit);
      this.validFrom = pick(this.validFrom);
      this.validTo = pick(this.validTo);
      const keep = <T>(a: T[]): T[] => a.filter((_, d) => (remap[d] ?? -1) >= 0);
      this.articleIds = keep(this.articleIds);
      this.titles = keep(this.titles);
      this.keywords = keep(this.keywords);
      this.byArticle.clear();
      this.articleIds.forEach((id, d) => {
        this.byArticle.set(id, d);
      });
      this.docCount = n;
      this.deadCount = 0;
    }
    this.frozen = [];
    this.tailTerms = [];
    this.tailCodes = [];
    this.tail = null;
    this.tailDirty = false;
    this.compactions++;
  }

  /** Live postings of a term into docs/codes (sized ≥ docCount); returns how many. */
  collect(t: number, docs: Int32Array, codes: Uint8Array): number {
    let n = 0;
    if (this.base) n = decodeInto(this.base, t, docs, codes, n);
    if (this.tail) n = decodeInto(this.tail, t, docs, codes, n);
    let kept = 0;
    const alive = this.alive;
    for (let i = 0; i < n; i++) {
      const d = docs[i] ?? 0;
      if (alive[d]) {
        docs[kept] = d;
        codes[kept++] = codes[i] ?? 0;
      }
    }
    return kept;
  }

  stats(): IndexStats {
    return {
      documents: this.docCount,
      live: this.liveCount,
      tombstones: this.deadCount,
      terms: this.vocab.size,
      postings: (this.base?.postings ?? 0) + (this.tail?.docs.length ?? 0),
      postingBytes: (this.base?.bytes.length ?? 0) + (this.tail ? this.tail.docs.length * 5 : 0),
      tailDocuments: this.tailTerms.length,
      compactions: this.compactions,
    };
  }
}
