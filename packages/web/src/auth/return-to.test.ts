import { describe, expect, it } from 'vitest';
import { currentPath, returnPath } from './return-to';

describe('returnPath', () => {
  it('returns to the in-app page the user came from', () => {
    expect(returnPath({ from: '/orders/abc' })).toBe('/orders/abc');
    expect(returnPath({ from: '/orders?overdue=true' })).toBe('/orders?overdue=true');
  });

  it('falls back to the order list for missing, foreign or login targets', () => {
    for (const state of [null, undefined, {}, { from: 42 }, { from: 'https://evil.example' }]) {
      expect(returnPath(state)).toBe('/orders');
    }
    expect(returnPath({ from: '//evil.example/x' })).toBe('/orders');
    expect(returnPath({ from: '/login' })).toBe('/orders');
    expect(returnPath({ from: '/' })).toBe('/orders');
  });
});

describe('currentPath', () => {
  it('keeps the query string', () => {
    expect(currentPath({ pathname: '/orders', search: '?page=2' })).toBe('/orders?page=2');
  });
});
