import { describe, expect, it } from 'vitest';
import type { IndexedArticleRow } from '../storage/knowledge-search.repository.js';
import { buildPlainSegment, decodeInto, packSegments } from './postings.js';
import { SearchIndex } from './search-index.js';

function row(
  id: string,
  title: string,
  revision = 1,
  extra: Partial<IndexedArticleRow> = {},
): IndexedArticleRow {
  return {
    id,
    kind: 'guide',
    status: 'published',
    title,
    item_code: null,
    owner_unit_id: null,
    owner_unit_name: '',
    keywords: '',
    fields: '{}',
    valid_from: null,
    valid_to: null,
    search_revision: revision,
    ...extra,
  };
}

function live(index: SearchIndex, term: string): string[] {
  const t = index.vocab.get(term);
  if (t === undefined) return [];
  const docs = new Int32Array(index.docCount + 1);
  const codes = new Uint8Array(index.docCount + 1);
  const n = index.collect(t, docs, codes);
  return [...docs.subarray(0, n)].map((d) => index.articleIds[d] ?? '').sort();
}

describe('postings', () => {
  it('packs and decodes, dropping remapped-away documents', () => {
    const docIds = [0, 1, 200, 70000];
    const terms = docIds.map((d) => Uint32Array.from(d === 1 ? [0] : [0, 1]));
    const codes = docIds.map((d) => Uint8Array.from(d === 1 ? [5] : [7, 9]));
    const plain = buildPlainSegment({ docIds, terms, codes }, 2);
    const packed = packSegments([plain], 2, null, 4);
    const docs = new Int32Array(8);
    const out = new Uint8Array(8);
    expect(decodeInto(packed, 0, docs, out, 0)).toBe(4);
    expect([...docs.subarray(0, 4)]).toEqual([0, 1, 200, 70000]);
    expect([...out.subarray(0, 4)]).toEqual([7, 5, 7, 7]);
    expect(decodeInto(packed, 1, docs, out, 0)).toBe(3);
    const remap = new Int32Array(70001).fill(-1);
    remap[1] = 0;
    remap[70000] = 1;
    const compacted = packSegments([packed], 2, remap, 4);
    expect(decodeInto(compacted, 0, docs, out, 0)).toBe(2);
    expect([...docs.subarray(0, 2)]).toEqual([0, 1]);
    expect(decodeInto(compacted, 5, docs, out, 0)).toBe(0);
  });
});

describe('search index', () => {
  it('replaces a changed article: the old document becomes a tombstone', () => {
    const index = new SearchIndex();
    index.upsert(row('a', '户口迁移审批'));
    index.upsert(row('b', '居民身份证办理'));
    index.settle();
    expect(live(index, '户口')).toEqual(['a']);
    index.upsert(row('a', '居住证办理', 2));
    index.settle();
    expect(live(index, '户口')).toEqual([]);
    expect(live(index, '办理')).toEqual(['a', 'b']);
    expect(index.stats().tombstones).toBe(1);
    index.remove('b');
    index.settle();
    expect(live(index, '办理')).toEqual(['a']);
    expect(index.liveCount).toBe(1);
  });

  it('compacts when tombstones pile up, keeping every live document', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 300; i++) index.upsert(row(`x${i}`, i % 2 ? '社会保险登记' : '公司设立登记'));
    index.settle();
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 300; i += 3) index.upsert(row(`x${i}`, '公司注销登记', round + 2));
      index.settle();
    }
    const stats = index.stats();
    expect(stats.compactions).toBeGreaterThan(1);
    expect(stats.tombstones).toBeLessThan(100);
    expect(stats.live).toBe(300);
    expect(live(index, '登记')).toHaveLength(300);
    expect(live(index, '注销')).toHaveLength(100);
    // 150 even-numbered 公司设立登记, 50 of them (multiples of 6) replaced.
    expect(live(index, '设立')).toHaveLength(100);
    expect(index.docOf('x3')).toBeDefined();
  });

  it('freezes large loads into batches and merges them', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 9000; i++) index.upsert(row(`y${i}`, `事项${i % 97}号登记`));
    index.settle();
    expect(index.stats().tailDocuments).toBe(0);
    expect(live(index, '登记')).toHaveLength(9000);
  });
});
