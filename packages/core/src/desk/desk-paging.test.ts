import { describe, expect, it } from 'vitest';
import { planSegments } from './desk-paging.js';

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
});
