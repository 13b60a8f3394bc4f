import { describe, expect, it } from 'vitest';
import { buildSchedule } from './holiday-schedule.js';
import { addDays } from './local-date.js';
import { realSchedule } from './test-support/real-schedule.js';
import {
  addWorkingDays,
  coverage,
  isWorkingDay,
  missingYears,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from './working-days.js';

const s = realSchedule();

describe('isWorkingDay (2024–2026 holidays and 调休)', () => {
  it.each([
    ['2024-02-04', true, 'Sunday 调休 before Spring Festival'],
    ['2024-02-09', true, 'Friday before the holiday block (not listed)'],
    ['2024-02-10', false, 'Saturday inside Spring Festival'],
    ['2024-02-12', false, 'Monday, Spring Festival'],
    ['2024-02-18', true, 'Sunday 调休 after Spring Festival'],
    ['2025-09-28', true, 'Sunday 调休 before National Day'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-08', false, 'Wednesday, last day of National Day + Mid-Autumn'],
    ['2025-10-09', true, 'first day back'],
    ['2025-10-11', true, 'Saturday 调休'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2025-12-31', true, 'Wednesday'],
    ['2026-01-01', false, 'New Year'],
    ['2026-01-02', false, 'Friday, New Year'],
    ['2026-01-04', true, 'Sunday 调休 after New Year'],
    ['2026-02-14', true, 'Saturday 调休'],
    ['2026-02-23', false, 'Monday, last day of Spring Festival'],
    ['2026-02-24', true, 'first day back'],
    ['2026-03-07', false, 'ordinary Saturday'],
    ['2027-01-01', true, 'missing year: plain weekday fallback'],
    ['2027-01-02', false, 'missing year: Saturday still a rest day'],
    ['2023-12-30', false, 'missing year: Saturday'],
  ])('%s → %s (%s)', (d, expected) => {
    expect(isWorkingDay(d, s)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-12-31', 0, '2025-12-31'],
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 2, '2026-01-05'],
    ['2025-12-30', 3, '2026-01-05'],
    ['2026-01-01', 0, '2026-01-04'],
    ['2026-01-01', 1, '2026-01-04'],
    ['2026-01-03', 1, '2026-01-04'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-09-30', 4, '2025-10-13'],
    ['2025-09-25', 15, '2025-10-22'],
    ['2024-02-02', 1, '2024-02-04'],
    ['2024-02-08', 1, '2024-02-09'],
    ['2024-02-09', 1, '2024-02-18'],
    ['2024-02-09', 2, '2024-02-19'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-14', 5, '2026-02-28'],
    ['2026-03-27', 2, '2026-03-31'],
    ['2026-03-27', 3, '2026-04-01'],
    ['2026-12-30', 2, '2027-01-01'],
    ['2026-01-05', -1, '2026-01-04'],
    ['2026-01-04', -1, '2025-12-31'],
    ['2026-02-24', -1, '2026-02-14'],
  ])('addWorkingDays(%s, %i) = %s', (d, n, expected) => {
    expect(addWorkingDays(d, n, s)).toBe(expected);
  });

  it('rejects fractional counts', () => {
    expect(() => addWorkingDays('2026-01-05', 1.5, s)).toThrow(RangeError);
  });

  it('stops instead of looping on a schedule without working days', () => {
    const days = Array.from({ length: 4000 }, (_, i) => ({
      date: addDays('2030-01-01', i),
      kind: 'holiday' as const,
      name: 'x',
    }));
    expect(() => nextWorkingDay('2030-01-01', buildSchedule([2030], days))).toThrow(RangeError);
  });
});

describe('nextWorkingDay / previousWorkingDay', () => {
  it.each([
    ['2025-09-30', '2025-10-09', '2025-09-29'],
    ['2026-01-02', '2026-01-04', '2025-12-31'],
    ['2024-02-17', '2024-02-18', '2024-02-09'],
  ])('around %s: next %s, previous %s', (d, next, prev) => {
    expect(nextWorkingDay(d, s)).toBe(next);
    expect(previousWorkingDay(d, s)).toBe(prev);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2025-12-31', '2026-01-05', 2],
    ['2025-09-30', '2025-10-08', 0],
    ['2025-09-30', '2025-10-09', 1],
    ['2024-02-09', '2024-02-18', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['2026-02-01', '2026-03-01', 16],
    ['2023-12-31', '2024-12-31', 251],
    ['2024-12-31', '2025-12-31', 248],
    ['2025-12-31', '2026-12-31', 248],
  ])('(%s, %s] has %i working days, and the reverse is negative', (a, b, expected) => {
    expect(workingDaysBetween(a, b, s)).toBe(expected);
    expect(workingDaysBetween(b, a, s)).toBe(0 - expected);
  });

  it('inverts addWorkingDays for every start date in 2024–2026', () => {
    for (let d = '2024-01-01'; d <= '2026-12-10'; d = addDays(d, 1)) {
      for (const n of [1, 2, 5, 15]) {
        expect(workingDaysBetween(d, addWorkingDays(d, n, s), s)).toBe(n);
      }
    }
  });
});

describe('missingYears / coverage', () => {
  it.each([
    ['2026-12-30', '2027-01-05', [2027]],
    ['2027-01-05', '2026-12-30', [2027]],
    ['2023-12-28', '2024-01-03', [2023]],
    ['2023-01-01', '2028-01-01', [2023, 2027, 2028]],
    ['2024-01-01', '2026-12-31', []],
  ])('%s … %s misses %j', (from, to, expected) => {
    expect(missingYears(s, from, to)).toEqual(expected);
    expect(coverage(s, from, to)).toEqual({ missingYears: expected });
  });
});
