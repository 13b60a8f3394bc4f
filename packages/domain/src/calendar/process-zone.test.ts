/**
 * The calendar must not depend on the zone of the process running it: every expectation below is a
 * UTC instant or a local date written out literally. The CI runs this whole suite twice, under
 * `TZ=UTC` and under `TZ=America/New_York` (a DST zone far from Beijing), so hidden use of the
 * process zone (`getHours()`, `new Date('2026-01-05')`, `setHours`) fails one of the two runs.
 * The last test also switches `process.env.TZ` in-process (Node re-reads it) as a quick local check.
 */
import { describe, expect, it } from 'vitest';
import { computeDeadline, type DeadlineContext, deadlineState } from './deadline.js';
import { DEFAULT_DEADLINE_POLICY, handlingLimit } from './deadline-policy.js';
import { addDays, localDateTimeToInstant, toLocalDate, weekday } from './local-date.js';
import { realSchedule } from './test-support/real-schedule.js';
import { addWorkingDays, workingDaysBetween } from './working-days.js';
import { addWorkingHours, DEFAULT_WORKING_HOURS, workingHoursBetween } from './working-hours.js';

const ctx: DeadlineContext = {
  schedule: realSchedule(),
  workingHours: DEFAULT_WORKING_HOURS,
  timeZone: 'Asia/Shanghai',
};

/** A fixed set of computations, all reduced to strings and numbers. */
const snapshot = () => {
  const s = ctx.schedule;
  const start = new Date('2025-12-31T07:30:00Z'); // 15:30 in Beijing, a Wednesday
  const late = new Date('2025-12-31T16:30:00Z'); // 00:30 on 2026-01-01 in Beijing (a holiday)
  return {
    localOfLate: toLocalDate(late),
    weekday: weekday('2026-01-04'),
    addDays: addDays('2026-02-28', 1),
    addWorkingDays: addWorkingDays('2025-12-31', 2, s),
    between: workingDaysBetween('2025-09-30', '2025-10-13', s),
    endOfDay: localDateTimeToInstant('2026-03-09', '17:30', 'Asia/Shanghai').toISOString(),
    plusHours: addWorkingHours(start, 4, s).toISOString(),
    hours: workingHoursBetween(start, new Date('2026-01-04T03:00:00Z'), s),
    complaint: computeDeadline(start, handlingLimit(DEFAULT_DEADLINE_POLICY, 'complaint', 'normal'), ctx),
    fromHoliday: computeDeadline(late, DEFAULT_DEADLINE_POLICY.sign, ctx).deadline.toISOString(),
    state: deadlineState(
      new Date('2026-01-02T02:00:00Z'),
      new Date('2026-01-04T09:30:00Z'),
      DEFAULT_DEADLINE_POLICY.warningBefore,
      ctx,
    ),
  };
};

const EXPECTED = {
  localOfLate: '2026-01-01',
  weekday: 0,
  addDays: '2026-03-01',
  addWorkingDays: '2026-01-05',
  between: 4,
  endOfDay: '2026-03-09T09:30:00.000Z',
  // 15:30–17:30 (2 h), then the Sunday 调休 2026-01-04 09:00–11:00
  plusHours: '2026-01-04T03:00:00.000Z',
  hours: 4,
  // 15 working days from 2025-12-31: 01-04 … 01-22, due 17:30 Beijing = 09:30 UTC
  complaint: { deadline: new Date('2026-01-22T09:30:00.000Z'), missingYears: [] },
  fromHoliday: '2026-01-04T09:30:00.000Z',
  state: 'warning',
};

describe('results do not depend on the process time zone', () => {
  it(`gives the literal expectations under TZ=${process.env.TZ ?? '(unset)'}`, () => {
    expect(snapshot()).toEqual(EXPECTED);
  });

  it('gives the same results after switching the process zone in-process', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = zone;
        expect(snapshot(), zone).toEqual(EXPECTED);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
