/**
 * Property tests for `resumeAfterPause` (the handling clock paused while an extension request waits):
 * on the shipped 2024–2026 holiday data and random working hours and zones. Fixed seed like
 * deadline.property.test.ts: `HUAWU_PROP_SEED=<seed> npx vitest run <this file>` reproduces a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DeadlineContext, resumeAfterPause } from './deadline.js';
import { addDays, localDateTimeToInstant } from './local-date.js';
import { realSchedule } from './test-support/real-schedule.js';
import { isWorkingDay } from './working-days.js';
import { DEFAULT_WORKING_HOURS, type WorkingHours, workingHoursBetween } from './working-hours.js';

const SEED = Number(process.env.HUAWU_PROP_SEED || 20_261_128);
const RUNS = Math.max(200, Number(process.env.HUAWU_PROP_RUNS || 200));

const check = <T extends [unknown, ...unknown[]]>(property: fc.IPropertyWithHooks<T>): void => {
  try {
    fc.assert(property, { seed: SEED, numRuns: RUNS });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`HUAWU_PROP_SEED=${SEED}: ${message}`);
  }
};

const schedule = realSchedule();
const WORKING_HOURS: WorkingHours[] = [DEFAULT_WORKING_HOURS, [{ start: '08:30', end: '18:00' }]];
const ctxArb: fc.Arbitrary<DeadlineContext> = fc.record({
  schedule: fc.constant(schedule),
  workingHours: fc.constantFrom(...WORKING_HOURS),
  timeZone: fc.constantFrom('Asia/Shanghai', 'Asia/Urumqi', 'UTC'),
});

const FROM_S = Date.UTC(2024, 0, 2) / 1000;
const TO_S = Date.UTC(2026, 10, 30) / 1000;
const instantArb = fc.integer({ min: FROM_S, max: TO_S }).map((s) => new Date(s * 1000));
/** A pause of up to 20 days (often short), starting anywhere. */
const pauseArb = fc
  .record({
    start: instantArb,
    len: fc.oneof(fc.integer({ min: 0, max: 8 * 3600 }), fc.integer({ min: 0, max: 20 * 86_400 })),
  })
  .map(({ start, len }) => [start, new Date(start.getTime() + len * 1000)] as const);
/** A deadline: usually after the pause starts (as in use), sometimes anywhere. */
const deadlineArb = instantArb;

const HOUR_S = 1 / 3600;

describe(`resumeAfterPause properties (seed ${SEED}, ${RUNS} runs each)`, () => {
  it('never moves a deadline earlier', () => {
    check(
      fc.property(ctxArb, deadlineArb, pauseArb, (ctx, deadline, [pausedAt, resumedAt]) => {
        const moved = resumeAfterPause(deadline, pausedAt, resumedAt, ctx);
        expect(moved.getTime()).toBeGreaterThanOrEqual(deadline.getTime());
      }),
    );
  });

  it('the working hours between old and new deadline equal the working hours paused (within 1 s)', () => {
    check(
      fc.property(ctxArb, deadlineArb, pauseArb, (ctx, deadline, [pausedAt, resumedAt]) => {
        const moved = resumeAfterPause(deadline, pausedAt, resumedAt, ctx);
        const wh = (a: Date, b: Date) =>
          workingHoursBetween(a, b, ctx.schedule, ctx.workingHours, ctx.timeZone);
        expect(Math.abs(wh(deadline, moved) - wh(pausedAt, resumedAt))).toBeLessThanOrEqual(HOUR_S);
      }),
    );
  });

  it('a pause wholly outside working time (evening, lunch, rest day) changes nothing', () => {
    const dayArb = fc.integer({ min: 0, max: 1050 }).map((k) => addDays('2024-01-02', k));
    const outsideArb = fc
      .record({
        ctx: ctxArb,
        day: dayArb,
        kind: fc.constantFrom('evening', 'lunch', 'restday'),
        deadline: deadlineArb,
      })
      .filter(({ ctx, day, kind }) => kind !== 'restday' || !isWorkingDay(day, ctx.schedule))
      .filter(({ ctx, kind }) => kind !== 'lunch' || ctx.workingHours.length > 1);
    check(
      fc.property(outsideArb, ({ ctx, day, kind, deadline }) => {
        const at = (d: string, t: string) => localDateTimeToInstant(d, t, ctx.timeZone);
        const end = ctx.workingHours.at(-1)!.end;
        const [pausedAt, resumedAt] =
          kind === 'evening'
            ? [at(day, end), at(day, '23:59')]
            : kind === 'lunch'
              ? [at(day, ctx.workingHours[0]!.end), at(day, ctx.workingHours[1]!.start)]
              : [at(day, '00:00'), at(addDays(day, 1), '00:00')];
        expect(workingHoursBetween(pausedAt, resumedAt, ctx.schedule, ctx.workingHours, ctx.timeZone)).toBe(
          0,
        );
        expect(resumeAfterPause(deadline, pausedAt, resumedAt, ctx).getTime()).toBe(deadline.getTime());
      }),
    );
  });

  it('a pause of a whole working day moves a 17:30 deadline to the next working day’s close', () => {
    const ctx: DeadlineContext = { schedule, workingHours: DEFAULT_WORKING_HOURS, timeZone: 'Asia/Shanghai' };
    // Paused all of Friday 2026-10-09; deadline Saturday 10-10 17:30 (调休) → Monday 10-12 17:30.
    const moved = resumeAfterPause(
      new Date('2026-10-10T09:30:00.000Z'),
      new Date('2026-10-09T00:00:00.000Z'),
      new Date('2026-10-09T12:00:00.000Z'),
      ctx,
    );
    expect(moved.toISOString()).toBe('2026-10-12T09:30:00.000Z');
  });
});
