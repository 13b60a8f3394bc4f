import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isLocalDate,
  isLocalTime,
  localDateTimeToInstant,
  toLocalDate,
  weekday,
} from './local-date.js';

describe('isLocalDate', () => {
  it.each([
    ['2026-01-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['20260101', false],
    ['2026-01-01T00:00', false],
    ['', false],
    [20260101, false],
    [null, false],
  ])('%s → %s', (s, expected) => {
    expect(isLocalDate(s)).toBe(expected);
  });
});

describe('isLocalTime', () => {
  it.each([
    ['09:00', true],
    ['23:59', true],
    ['00:00', true],
    ['24:00', false],
    ['9:00', false],
    ['12:60', false],
  ])('%s → %s', (s, expected) => {
    expect(isLocalTime(s)).toBe(expected);
  });
});

describe('addDays / weekday / daysBetween', () => {
  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-03-31', 1, '2026-04-01'],
    ['2026-01-15', 0, '2026-01-15'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2026-03-08', 1, '2026-03-09'],
  ])('addDays(%s, %i) = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
    expect(daysBetween(d, expected)).toBe(n);
  });

  it.each([
    ['2024-02-04', 0],
    ['2025-10-01', 3],
    ['2025-12-31', 3],
    ['2026-01-01', 4],
    ['2026-01-03', 6],
    ['2026-02-14', 6],
    ['2000-02-29', 2],
  ])('weekday(%s) = %i', (d, expected) => {
    expect(weekday(d)).toBe(expected);
  });

  it('rejects malformed dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => weekday('tomorrow')).toThrow(RangeError);
  });
});

describe('toLocalDate', () => {
  it.each([
    ['2025-12-31T15:59:59Z', 'Asia/Shanghai', '2025-12-31'],
    ['2025-12-31T16:00:00Z', 'Asia/Shanghai', '2026-01-01'],
    ['2026-01-01T03:00:00Z', 'America/New_York', '2025-12-31'],
    ['2026-01-01T05:00:00Z', 'America/New_York', '2026-01-01'],
    ['2026-06-30T23:30:00Z', 'UTC', '2026-06-30'],
    ['2026-06-30T18:30:00Z', 'Asia/Kolkata', '2026-07-01'],
  ])('%s in %s is %s', (iso, zone, expected) => {
    expect(toLocalDate(new Date(iso), zone)).toBe(expected);
  });

  it('defaults to Asia/Shanghai', () => {
    expect(toLocalDate(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
  });
});

describe('localDateTimeToInstant', () => {
  it.each([
    ['2026-01-05', '17:30', 'Asia/Shanghai', '2026-01-05T09:30:00.000Z'],
    ['2026-01-01', '00:00', 'Asia/Shanghai', '2025-12-31T16:00:00.000Z'],
    ['2026-07-01', '09:00', 'UTC', '2026-07-01T09:00:00.000Z'],
    ['2026-07-01', '09:00', 'Asia/Kolkata', '2026-07-01T03:30:00.000Z'],
    ['2026-01-15', '09:00', 'America/New_York', '2026-01-15T14:00:00.000Z'],
    ['2026-07-15', '09:00', 'America/New_York', '2026-07-15T13:00:00.000Z'],
    ['2026-07-15', '09:00', 'Europe/London', '2026-07-15T08:00:00.000Z'],
    ['2026-01-15', '09:00', 'Australia/Sydney', '2026-01-14T22:00:00.000Z'],
    // spring-forward gap: 02:30 does not exist, it moves forward by the gap (03:30 EDT)
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // fall-back overlap: 01:30 happens twice, the earlier (EDT) one is chosen
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-03-29', '01:30', 'Europe/London', '2026-03-29T01:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    expect(localDateTimeToInstant(date, time, zone).toISOString()).toBe(iso);
  });

  it('round-trips with toLocalDate on every day of a DST year', () => {
    for (let d = '2026-01-01'; d < '2027-01-01'; d = addDays(d, 1)) {
      for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Shanghai']) {
        expect(toLocalDate(localDateTimeToInstant(d, '17:30', zone), zone)).toBe(d);
      }
    }
  });
});
