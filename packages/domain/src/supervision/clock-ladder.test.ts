/**
 * The supervision ladder's pure arithmetic on the shipped 2026 calendar (National Day 10-01..10-07 off,
 * Saturday 10-10 a 调休 working day; Mid-Autumn 09-25..09-27 off, Sunday 09-20 a 调休 working day).
 * Working day ends 17:30 Shanghai = 09:30Z.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_POLICY } from '../calendar/deadline-policy.js';
import type { DeadlineContext } from '../calendar/deadline.js';
import { realSchedule } from '../calendar/test-support/real-schedule.js';
import { DEFAULT_WORKING_HOURS } from '../calendar/working-hours.js';
import {
  FINAL_STAGE,
  LADDER_STEPS,
  STEP_AUDIENCE,
  clockColour,
  escalationOpensSupervision,
  planClock,
  stageAt,
  stepInstant,
  stepsBetween,
} from './clock-ladder.js';

const ctx: DeadlineContext = {
  schedule: realSchedule(),
  workingHours: DEFAULT_WORKING_HOURS,
  timeZone: 'Asia/Shanghai',
};
const policy = DEFAULT_DEADLINE_POLICY;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const plan = (due: string, p = policy) => planClock(new Date(due), p, ctx);

describe('planClock', () => {
  it('due on the 调休 Saturday: yellow from the Friday close, remind and escalate in working days after', () => {
    const t = plan('2026-10-10T09:30:00.000Z');
    expect(iso(t.dueAt)).toBe('2026-10-10T09:30:00.000Z');
    expect(iso(t.warnAt)).toBe('2026-10-09T09:30:00.000Z');
    expect(iso(t.remindAt)).toBe('2026-10-12T09:30:00.000Z'); // Sunday 10-11 is off
    expect(iso(t.escalateAt)).toBe('2026-10-16T09:30:00.000Z'); // 10-12,13,14,15,16
  });

  it('due on the first day after National Day: yellow falls back across the whole holiday', () => {
    const t = plan('2026-10-08T09:30:00.000Z');
    expect(iso(t.warnAt)).toBe('2026-09-30T09:30:00.000Z');
    expect(iso(t.remindAt)).toBe('2026-10-09T09:30:00.000Z');
    expect(iso(t.escalateAt)).toBe('2026-10-14T09:30:00.000Z'); // 10-09,10(调休),12,13,14
  });

  it('counts the Sunday 调休 day and skips Mid-Autumn', () => {
    const t = plan('2026-09-21T09:30:00.000Z'); // Monday; Sunday 09-20 is a make-up working day
    expect(iso(t.warnAt)).toBe('2026-09-20T09:30:00.000Z');
    const u = plan('2026-09-24T09:30:00.000Z'); // Thursday; 09-25..27 off
    expect(iso(u.remindAt)).toBe('2026-09-28T09:30:00.000Z');
  });

  it('an hours-based deadline (特急) gets its warning in working hours, not clock hours', () => {
    // Due 10-08 11:00 local; 1 WD before is the end of 09-30.
    const t = plan('2026-10-08T03:00:00.000Z');
    expect(iso(t.warnAt)).toBe('2026-09-30T09:30:00.000Z');
    expect(iso(t.remindAt)).toBe('2026-10-09T09:30:00.000Z');
  });

  it('with remind/escalate limits of 0 days the steps still come strictly after the deadline', () => {
    const t = plan('2026-10-09T09:30:00.000Z', {
      ...policy,
      remindAfter: { amount: 0, unit: 'working_days' },
      escalateAfter: { amount: 0, unit: 'working_days' },
    });
    expect(iso(t.remindAt)).toBe('2026-10-09T09:30:00.000Z');
    const after = new Date(t.dueAt.getTime() + 1).toISOString();
    expect(iso(stepInstant(t, 1))).toBe(after);
    expect(iso(stepInstant(t, 2))).toBe(after);
    expect(iso(stepInstant(t, 3))).toBe(after);
    expect(stageAt(t, t.dueAt)).toBe(1);
    expect(stageAt(t, new Date(after))).toBe(FINAL_STAGE);
  });
});

describe('stepInstant and stageAt', () => {
  const t = plan('2026-10-10T09:30:00.000Z');

  it('names the instant of each next step, none after the last', () => {
    expect([0, 1, 2, 3, 4, 5].map((s) => iso(stepInstant(t, s)))).toEqual([
      '2026-10-09T09:30:00.000Z',
      '2026-10-10T09:30:00.001Z', // the deadline instant itself is still yellow
      '2026-10-12T09:30:00.000Z',
      '2026-10-16T09:30:00.000Z',
      null,
      null,
    ]);
  });

  it('is the number of steps due, exactly at their instants', () => {
    const at = (s: string) => stageAt(t, new Date(s));
    expect(at('2026-09-30T02:00:00.000Z')).toBe(0);
    expect(at('2026-10-09T09:29:59.999Z')).toBe(0);
    expect(at('2026-10-09T09:30:00.000Z')).toBe(1);
    expect(at('2026-10-10T09:30:00.000Z')).toBe(1);
    expect(at('2026-10-10T09:30:00.001Z')).toBe(2);
    expect(at('2026-10-12T09:29:59.999Z')).toBe(2);
    expect(at('2026-10-12T09:30:00.000Z')).toBe(3);
    expect(at('2026-10-16T09:30:00.000Z')).toBe(4);
    expect(at('2027-06-01T00:00:00.000Z')).toBe(4);
  });

  it('never goes back as time moves forward (30-minute steps over 40 days, several deadlines)', () => {
    const dues = [
      '2026-10-10T09:30:00.000Z',
      '2026-10-08T09:30:00.000Z',
      '2026-09-30T07:30:00.000Z',
      '2026-10-27T09:30:00.000Z',
    ];
    for (const due of dues) {
      const times = plan(due);
      let last = 0;
      const seen = new Set<number>();
      for (
        let ms = Date.parse('2026-09-20T00:00:00Z');
        ms < Date.parse('2026-11-30T00:00:00Z');
        ms += 1_800_000
      ) {
        const s = stageAt(times, new Date(ms));
        expect(s, `${due} at ${new Date(ms).toISOString()}`).toBeGreaterThanOrEqual(last);
        last = s;
        seen.add(s);
      }
      expect([...seen].sort(), due).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('a stage reached at stepInstant(stage) is stage + 1', () => {
    for (let s = 0; s < FINAL_STAGE; s++) {
      const at = stepInstant(t, s)!;
      expect(stageAt(t, at)).toBeGreaterThanOrEqual(s + 1);
      expect(stageAt(t, new Date(at.getTime() - 1))).toBeLessThanOrEqual(s);
    }
  });
});

describe('stepsBetween, clockColour, audiences', () => {
  it('lists the steps a late sweeper applies, in order, never backwards', () => {
    expect(stepsBetween(0, 4)).toEqual([...LADDER_STEPS]);
    expect(stepsBetween(0, 1)).toEqual(['yellow']);
    expect(stepsBetween(1, 3)).toEqual(['red', 'remind']);
    expect(stepsBetween(2, 2)).toEqual([]);
    expect(stepsBetween(3, 1)).toEqual([]);
    expect(stepsBetween(-1, 9)).toEqual([...LADDER_STEPS]);
  });

  it('green, yellow, then red from the red card on', () => {
    expect([0, 1, 2, 3, 4].map(clockColour)).toEqual(['green', 'yellow', 'red', 'red', 'red']);
  });

  it('notifies the unit always, the centre from red, the superior only on escalation', () => {
    expect(LADDER_STEPS.filter((s) => STEP_AUDIENCE[s].unit)).toEqual([...LADDER_STEPS]);
    expect(LADDER_STEPS.filter((s) => STEP_AUDIENCE[s].centre)).toEqual(['red', 'escalate']);
    expect(LADDER_STEPS.filter((s) => STEP_AUDIENCE[s].superior)).toEqual(['escalate']);
  });

  it('only sign and handling clocks open a 督办 on escalation', () => {
    expect(
      ['sign', 'handle', 'reply', 'callback', 'supervision'].filter((k) =>
        escalationOpensSupervision(k as never),
      ),
    ).toEqual(['sign', 'handle']);
  });
});
