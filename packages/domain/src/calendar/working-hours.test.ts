import { describe, expect, it } from 'vitest';
import { buildSchedule } from './holiday-schedule.js';
import { realSchedule } from './test-support/real-schedule.js';
import {
  addWorkingHours,
  DEFAULT_WORKING_HOURS,
  endOfWorkingDay,
  parseWorkingHours,
  workingHoursBetween,
} from './working-hours.js';

const s = realSchedule();
/** Beijing wall-clock time as an instant. */
const bj = (local: string) => new Date(`${local}:00+08:00`);

describe('addWorkingHours (09:00–12:00, 13:30–17:30, Asia/Shanghai)', () => {
  it.each([
    ['2026-01-05T09:00', 1, '2026-01-05T10:00', 'inside the morning'],
    ['2026-01-05T11:00', 1, '2026-01-05T12:00', 'ends exactly at lunch, stays at 12:00'],
    ['2026-01-05T11:00', 2, '2026-01-05T14:30', 'across lunch'],
    ['2026-01-05T12:30', 1, '2026-01-05T14:30', 'start during lunch'],
    ['2026-01-05T11:50', 0.25, '2026-01-05T13:35', 'fraction across lunch'],
    ['2026-01-05T09:00', 7, '2026-01-05T17:30', 'a whole working day'],
    ['2026-01-05T09:00', 7.5, '2026-01-06T09:30', 'a day and a half hour'],
    ['2026-01-05T17:00', 1, '2026-01-06T09:30', 'overnight'],
    ['2026-01-05T20:00', 4, '2026-01-06T14:30', 'start after hours, across lunch next day'],
    ['2026-01-05T08:00', 0, '2026-01-05T09:00', 'zero before opening: next period start'],
    ['2026-01-05T10:00', 0, '2026-01-05T10:00', 'zero inside a period: unchanged'],
    ['2026-01-09T17:00', 1, '2026-01-12T09:30', 'over a weekend'],
    ['2025-12-31T16:00', 4, '2026-01-04T11:30', 'over New Year to the Sunday 调休'],
    ['2025-09-30T17:00', 1, '2025-10-09T09:30', 'over National Day'],
    ['2026-02-13T17:00', 1, '2026-02-14T09:30', 'into the Saturday 调休'],
    ['2026-02-14T17:00', 1, '2026-02-24T09:30', 'over Spring Festival 2026'],
  ])('%s + %s h = %s (%s)', (from, hours, expected) => {
    expect(addWorkingHours(bj(from), hours, s).toISOString()).toBe(bj(expected).toISOString());
  });

  it('rejects negative hours and empty working hours', () => {
    expect(() => addWorkingHours(bj('2026-01-05T09:00'), -1, s)).toThrow(RangeError);
    expect(() => addWorkingHours(bj('2026-01-05T09:00'), 1, s, [])).toThrow(RangeError);
  });

  it('uses the wall clock of the given zone, also across DST (New York, 09:00–17:00)', () => {
    const ny = buildSchedule([2026], []);
    const wh = [{ start: '09:00', end: '17:00' }];
    // Friday 16:00 EST + 2 h → Monday 10:00 EDT (clocks moved on Sunday 2026-03-08)
    const got = addWorkingHours(new Date('2026-03-06T21:00:00Z'), 2, ny, wh, 'America/New_York');
    expect(got.toISOString()).toBe('2026-03-09T14:00:00.000Z');
  });
});

describe('workingHoursBetween', () => {
  it.each([
    ['2026-01-05T09:00', '2026-01-05T17:30', 7],
    ['2026-01-05T11:00', '2026-01-05T14:00', 1.5],
    ['2026-01-05T12:10', '2026-01-05T13:20', 0],
    ['2026-01-05T17:00', '2026-01-06T10:00', 1.5],
    ['2026-01-09T18:00', '2026-01-12T08:00', 0],
    ['2025-12-31T16:00', '2026-01-04T11:30', 4],
    ['2025-09-30T09:00', '2025-10-09T09:00', 7],
    ['2024-02-08T09:00', '2024-02-19T09:00', 21],
  ])('%s → %s: %s h, negative in reverse', (a, b, expected) => {
    expect(workingHoursBetween(bj(a), bj(b), s)).toBeCloseTo(expected, 9);
    expect(workingHoursBetween(bj(b), bj(a), s)).toBeCloseTo(-expected, 9);
  });

  it('inverts addWorkingHours', () => {
    const starts = ['2025-12-30T10:15', '2026-02-12T12:45', '2025-09-26T16:59', '2024-02-03T03:00'];
    for (const from of starts) {
      for (const h of [0.5, 3, 7, 11.25, 40]) {
        const end = addWorkingHours(bj(from), h, s);
        expect(workingHoursBetween(bj(from), end, s)).toBeCloseTo(h, 9);
      }
    }
  });
});

describe('parseWorkingHours / endOfWorkingDay', () => {
  it('accepts the defaults; the day ends at the last period end', () => {
    expect(parseWorkingHours(DEFAULT_WORKING_HOURS)).toEqual({ ok: true, value: DEFAULT_WORKING_HOURS });
    expect(endOfWorkingDay(DEFAULT_WORKING_HOURS)).toBe('17:30');
  });

  it.each([
    ['not a list', { start: '09:00' }, ['workingHours']],
    ['empty', [], ['workingHours']],
    ['bad time', [{ start: '9:00', end: '12:00' }], ['workingHours[0].start']],
    ['end before start', [{ start: '13:00', end: '12:00' }], ['workingHours[0].end']],
    [
      'overlapping',
      [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
      ['workingHours[1].start'],
    ],
  ])('reports %s', (_label, json, fields) => {
    const r = parseWorkingHours(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.map((i) => i.field)).toEqual(fields);
  });
});
