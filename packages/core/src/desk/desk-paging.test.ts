import { describe, expect, it } from 'vitest';
import { mergedWindow, planSegments } from './desk-paging.js';

const row = (dueAt: string, clockId = dueAt) => ({ dueAt, clockId });

describe('desk paging', () => {
  it('splits a page over consecutive segments and never reads past the cap', () => {
    const segs = [
      { key: 'red', count: 3 },
      { key: 'yellow', count: 0 },
      { key: 'green', count: 5 },
    ];
    expect(planSegments(segs, { page: 1, pageSize: 4, offset: 0 }, 100)).toEqual([
      { key: 'red', offset: 0, limit: 3 },
      { key: 'green', offset: 0, limit: 1 },
    ]);
    expect(planSegments(segs, { page: 2, pageSize: 4, offset: 4 }, 100)).toEqual([
      { key: 'green', offset: 1, limit: 4 },
    ]);
    expect(planSegments(segs, { page: 2, pageSize: 4, offset: 4 }, 6)).toEqual([
      { key: 'green', offset: 1, limit: 2 },
    ]);
    expect(planSegments(segs, { page: 3, pageSize: 4, offset: 8 }, 100)).toEqual([]);
  });

  it('merges a short list into any window of a long one exactly as a full merge would', async () => {
    const long = Array.from({ length: 30 }, (_, i) => row(`t${String(i * 2).padStart(3, '0')}`));
    const short = [row('t005'), row('t021'), row('t022'), row('t100')];
    const full = [...long, ...short].sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
    const fetchLong = async (offset: number, limit: number) => long.slice(offset, offset + limit);
    for (let offset = 0; offset < 36; offset++) {
      for (const limit of [1, 3, 7]) {
        expect(await mergedWindow(short, fetchLong, offset, limit)).toEqual(
          full.slice(offset, offset + limit),
        );
      }
    }
    expect(await mergedWindow([], fetchLong, 5, 2)).toEqual(long.slice(5, 7));
  });
});
