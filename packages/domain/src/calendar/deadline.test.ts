import { describe, expect, it } from 'vitest';
import type { AppealType, Urgency } from '../work-order.fields.js';
import { computeDeadline, type DeadlineContext, deadlineState, extendDeadline } from './deadline.js';
import { DEFAULT_DEADLINE_POLICY, handlingLimit, type TimeLimit } from './deadline-policy.js';
import { realSchedule } from './test-support/real-schedule.js';
import { DEFAULT_WORKING_HOURS } from './working-hours.js';

const ctx: DeadlineContext = {
  schedule: realSchedule(),
  workingHours: DEFAULT_WORKING_HOURS,
  timeZone: 'Asia/Shanghai',
};
/** Beijing wall-clock time as an instant. */
const bj = (local: string) => new Date(local.length === 16 ? `${local}:00+08:00` : `${local}+08:00`);
const wd = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });

describe('computeDeadline: handling limit for each appeal type (start Thu 2025-09-25 10:00, before National Day)', () => {
  it.each<[AppealType, Urgency, string]>([
    ['consultation', 'normal', '2025-09-29T17:30'],
    ['help', 'normal', '2025-10-09T17:30'],
    ['suggestion', 'normal', '2025-10-09T17:30'],
    ['praise', 'normal', '2025-10-09T17:30'],
    ['complaint', 'normal', '2025-10-22T17:30'],
    ['report', 'normal', '2025-10-22T17:30'],
    ['complaint', 'urgent', '2025-09-26T17:30'],
    ['help', 'critical', '2025-09-25T15:30'],
  ])('%s / %s → %s', (type, urgency, expected) => {
    const limit = handlingLimit(DEFAULT_DEADLINE_POLICY, type, urgency);
    const r = computeDeadline(bj('2025-09-25T10:00'), limit, ctx);
    expect(r).toEqual({ deadline: bj(expected), missingYears: [] });
  });
});

describe('computeDeadline: semantics', () => {
  it.each<[string, string, TimeLimit, string, number[]]>([
    ['start on a holiday counts from that day', '2026-01-01T10:00', wd(3), '2026-01-06T17:30', []],
    ['a start after hours still counts from its date', '2026-01-05T20:00', wd(1), '2026-01-06T17:30', []],
    ['the local date is Beijing’s (00:30 on New Year)', '2026-01-01T00:30', wd(1), '2026-01-04T17:30', []],
    ['0 working days: end of today', '2026-01-05T10:00', wd(0), '2026-01-05T17:30', []],
    ['0 working days on a Saturday: next working day', '2026-01-10T10:00', wd(0), '2026-01-12T17:30', []],
    ['across New Year to the Sunday 调休', '2025-12-31T09:00', wd(1), '2026-01-04T17:30', []],
    [
      '2024: Friday before Spring Festival to the Sunday 调休',
      '2024-02-02T09:00',
      wd(1),
      '2024-02-04T17:30',
      [],
    ],
    ['2024 Spring Festival to the 调休 Sunday after', '2024-02-08T09:00', wd(2), '2024-02-18T17:30', []],
    ['2026 Spring Festival', '2026-02-13T09:00', wd(2), '2026-02-24T17:30', []],
    ['month end', '2026-03-27T09:00', wd(3), '2026-04-01T17:30', []],
    ['into a missing year (2027)', '2026-12-28T10:00', wd(15), '2027-01-18T17:30', [2027]],
    ['from a missing year (2023)', '2023-12-28T10:00', wd(3), '2024-01-03T17:30', [2023]],
    [
      'working hours into 2027',
      '2026-12-31T15:00',
      { amount: 4, unit: 'working_hours' },
      '2027-01-01T10:30',
      [2027],
    ],
    [
      'working hours over a holiday',
      '2025-09-30T16:00',
      { amount: 4, unit: 'working_hours' },
      '2025-10-09T11:30',
      [],
    ],
    [
      'calendar hours ignore the calendar',
      '2026-12-31T15:00',
      { amount: 24, unit: 'calendar_hours' },
      '2027-01-01T15:00',
      [],
    ],
  ])('%s', (_label, start, limit, expected, missing) => {
    expect(computeDeadline(bj(start), limit, ctx)).toEqual({ deadline: bj(expected), missingYears: missing });
  });

  it('the sign, return and callback steps use the policy', () => {
    const p = DEFAULT_DEADLINE_POLICY;
    const start = bj('2025-09-26T11:00');
    expect(computeDeadline(start, p.sign, ctx).deadline).toEqual(bj('2025-09-28T17:30'));
    expect(computeDeadline(start, p.return, ctx).deadline).toEqual(bj('2025-09-29T17:30'));
    expect(computeDeadline(start, p.callback, ctx).deadline).toEqual(bj('2025-09-28T17:30'));
  });

  it('rejects a negative limit', () => {
    expect(() => computeDeadline(bj('2026-01-05T10:00'), wd(-1), ctx)).toThrow(RangeError);
  });
});

describe('extendDeadline', () => {
  it.each<[string, number, string, number[]]>([
    ['2025-09-29T17:30', 10, '2025-10-20T17:30', []],
    ['2025-09-25T15:30', 1, '2025-09-26T17:30', []],
    ['2025-12-31T17:30', 7, '2026-01-12T17:30', []],
    ['2026-12-30T17:30', 2, '2027-01-01T17:30', [2027]],
  ])('%s + %i working days → %s', (deadline, days, expected, missing) => {
    expect(extendDeadline(bj(deadline), days, ctx)).toEqual({
      deadline: bj(expected),
      missingYears: missing,
    });
  });

  it('rejects zero and fractional extensions', () => {
    expect(() => extendDeadline(bj('2026-01-05T17:30'), 0, ctx)).toThrow(RangeError);
    expect(() => extendDeadline(bj('2026-01-05T17:30'), 1.5, ctx)).toThrow(RangeError);
  });
});

describe('deadlineState: yellow card (warning) and red card (overdue)', () => {
  it.each<[string, string, TimeLimit, 'ok' | 'warning' | 'overdue']>([
    ['2026-01-06T17:30', '2026-01-05T10:00', wd(1), 'ok'],
    ['2026-01-06T17:30', '2026-01-05T17:29', wd(1), 'ok'],
    ['2026-01-06T17:30', '2026-01-05T17:30', wd(1), 'warning'],
    ['2026-01-06T17:30', '2026-01-06T09:00', wd(1), 'warning'],
    ['2026-01-06T17:30', '2026-01-06T17:30', wd(1), 'warning'],
    ['2026-01-06T17:30', '2026-01-06T17:30:01', wd(1), 'overdue'],
    ['2026-01-06T17:30', '2026-01-07T09:00', wd(1), 'overdue'],
    ['2026-01-06T17:30', '2026-01-05T10:00', wd(2), 'warning'],
    ['2026-01-04T17:30', '2025-12-31T12:00', wd(1), 'ok'],
    ['2026-01-04T17:30', '2026-01-02T10:00', wd(1), 'warning'],
    ['2025-10-09T17:30', '2025-09-30T12:00', wd(1), 'ok'],
    ['2025-10-09T17:30', '2025-10-03T12:00', wd(1), 'warning'],
    ['2026-01-06T10:00', '2026-01-05T16:00', { amount: 2, unit: 'working_hours' }, 'ok'],
    ['2026-01-06T10:00', '2026-01-05T16:30', { amount: 2, unit: 'working_hours' }, 'warning'],
    ['2026-01-06T10:00', '2026-01-05T17:00', { amount: 2, unit: 'working_hours' }, 'warning'],
    ['2026-01-06T17:30', '2026-01-05T17:29', { amount: 24, unit: 'calendar_hours' }, 'ok'],
    ['2026-01-06T17:30', '2026-01-05T17:30', { amount: 24, unit: 'calendar_hours' }, 'warning'],
    ['2026-01-06T17:30', '2026-01-06T17:00', wd(0), 'ok'],
    ['2026-01-06T17:30', '2026-01-06T18:00', wd(0), 'overdue'],
  ])('deadline %s, now %s, warn %j → %s', (deadline, now, before, expected) => {
    expect(deadlineState(bj(now), bj(deadline), before, ctx)).toBe(expected);
  });

  it('a 15-working-day complaint walks ok → warning → overdue', () => {
    const limit = handlingLimit(DEFAULT_DEADLINE_POLICY, 'complaint', 'normal');
    const { deadline } = computeDeadline(bj('2025-09-25T10:00'), limit, ctx);
    const state = (now: string) =>
      deadlineState(bj(now), deadline, DEFAULT_DEADLINE_POLICY.warningBefore, ctx);
    expect([state('2025-10-09T10:00'), state('2025-10-21T18:00'), state('2025-10-23T09:00')]).toEqual([
      'ok',
      'warning',
      'overdue',
    ]);
  });
});
