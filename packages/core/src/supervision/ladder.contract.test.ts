/**
 * The supervision ladder over simulated time: orders dispatched around National Day 2026, a manual clock
 * advanced in 30-minute steps for 32 days with one sweep per step. Calendar facts (bundled 2026 data,
 * working day ends 17:30 = 09:30Z): 10-01..10-07 off, Saturday 10-10 a make-up working day.
 */
import {
  DEFAULT_DEADLINE_POLICY,
  LADDER_STEPS,
  type LadderStep,
  isWorkingDay,
  planClock,
  stepInstant,
  toLocalDate,
} from '@huawu/domain';
import { beforeAll, expect, it } from 'vitest';
import {
  A,
  bundledCalendar,
  dispatched,
  handlerOf,
  manualClock,
  seedPeople,
  step,
} from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { getWorkOrder } from '../use-cases/get-work-order.js';
import type { WorkOrderDetail } from '../views/work-order.view.js';
import { sweepClocks } from './sweep-clocks.js';

const T0 = '2026-09-30T02:00:00.000Z'; // Wednesday 10:00 Shanghai
const STEP_MS = 30 * 60_000;
const SWEEPS = 32 * 48;
const calendar = bundledCalendar();
const policy = DEFAULT_DEADLINE_POLICY;

interface Mark {
  clock_id: string;
  order_id: string;
  unit_id: string;
  clock_kind: string;
  generation: number;
  step: string;
  due_at: string;
  at: string;
  detail: string;
}

/** The first sweep instant (T0 + k·30 min) at or after `at`. */
const firstSweepAtOrAfter = (at: string) => {
  const k = Math.ceil((Date.parse(at) - Date.parse(T0)) / STEP_MS);
  return new Date(Date.parse(T0) + Math.max(0, k) * STEP_MS).toISOString();
};

describeEachDatabase('supervision ladder over 32 days of simulated time', (db) => {
  const clock = manualClock(T0);
  let core: TestCore;
  const orders: Record<'street' | 'city' | 'replied' | 'extended' | 'unsigned', WorkOrderDetail> =
    {} as never;
  let marks: Mark[] = [];
  const sweptAt = new Map<string, string>(); // mark id → sweep instant that wrote it

  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    const consult = { appealType: 'consultation' };
    // Handling due 10-10 17:30 (3 WD: 10-08, 10-09, 10-10 make-up Saturday).
    orders.street = await dispatched(core, {
      leadUnitId: 'east-heping',
      sign: true,
      intake: { ...consult, title: '阶梯-街道' },
    });
    // Urgent: due 10-08 17:30, the first working day after the holiday; a city unit with no superior.
    orders.city = await dispatched(core, {
      leadUnitId: 'city-housing',
      sign: true,
      intake: { appealType: 'complaint', urgency: 'urgent', title: '阶梯-市级' },
    });
    orders.replied = await dispatched(core, {
      leadUnitId: 'city-market',
      sign: true,
      intake: { ...consult, title: '阶梯-已答复' },
    });
    orders.extended = await dispatched(core, {
      leadUnitId: 'city-housing',
      sign: true,
      intake: { ...consult, title: '阶梯-延期' },
    });
    // Never signed: sign clock due 10-08 17:30 and handling clock due 10-10 17:30.
    orders.unsigned = await dispatched(core, {
      leadUnitId: 'east-xinhua',
      intake: { ...consult, title: '阶梯-未签收' },
    });

    const actions = new Map<string, () => Promise<void>>([
      // After the yellow card (10-09 17:30 = 09:30Z), the unit replies: its clocks stop.
      [
        '2026-10-09T10:00:00.000Z',
        async () => {
          const o = await getWorkOrder(core, A.supervisor, orders.replied.id, { audit: false });
          orders.replied = await step(core, o, handlerOf('city-market'), 'reply', {
            result: 'resolved',
            publicReply: '已处理',
            signedOffBy: '王科长',
          });
        },
      ],
      // Extension asked Saturday 10:00 (make-up day), approved 11:00: one working hour paused.
      [
        '2026-10-10T02:00:00.000Z',
        async () => {
          const o = await getWorkOrder(core, A.supervisor, orders.extended.id, { audit: false });
          orders.extended = await step(core, o, handlerOf('city-housing'), 'request_extension', {
            days: 2,
            reason: '需现场勘查',
          });
        },
      ],
      [
        '2026-10-10T03:00:00.000Z',
        async () => {
          orders.extended = await step(core, orders.extended, A.reviewer, 'approve_extension', {});
        },
      ],
    ]);
    const seen = new Set<string>();
    for (let k = 0; k <= SWEEPS; k++) {
      const now = new Date(Date.parse(T0) + k * STEP_MS).toISOString();
      clock.set(now);
      await actions.get(now)?.();
      await sweepClocks(core, { now: new Date(now), batchSize: 3 });
      const all = await core.database.db.selectFrom('clock_marks').select(['id']).execute();
      for (const m of all) {
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        sweptAt.set(m.id, now);
      }
    }
    marks = (await core.database.db.selectFrom('clock_marks').selectAll().execute()) as unknown as Mark[];
  }, 600_000);

  const clocksOf = (orderId: string) =>
    core.database.db
      .selectFrom('order_clocks')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('started_at')
      .execute();
  const stepsOf = (clockId: string, generation: number) =>
    marks
      .filter((m) => m.clock_id === clockId && m.generation === generation)
      .map((m) => m.step)
      .sort((a, b) => LADDER_STEPS.indexOf(a as LadderStep) - LADDER_STEPS.indexOf(b as LadderStep));
  const ladderAt = (orderId: string, kind: string, generation = 1) =>
    Object.fromEntries(
      marks
        .filter((m) => m.order_id === orderId && m.clock_kind === kind && m.generation === generation)
        .map((m) => [m.step, m.at]),
    );
  const recipients = async (orderId: string, clockId: string, generation: number, s: string) =>
    (
      await core.database.db
        .selectFrom('notifications')
        .select(['recipient_unit_id', 'dedupe_key'])
        .where('order_id', '=', orderId)
        .where('channel', '=', 'in_app')
        .execute()
    )
      .filter((n) => n.dedupe_key.includes(`:c:${clockId}:${generation}:${s}:`))
      .map((n) => n.recipient_unit_id)
      .sort();

  it('each step is marked once per clock generation, at its due instant, applied by the first sweep after it', () => {
    const keys = marks.map((m) => `${m.clock_id}:${m.generation}:${m.step}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(marks.length).toBeGreaterThan(20);
    for (const m of marks) {
      const expected = stepInstant(
        planClock(new Date(m.due_at), policy, calendar),
        LADDER_STEPS.indexOf(m.step as LadderStep),
      );
      expect(m.at, `${m.clock_kind} ${m.step}`).toBe(expected?.toISOString());
      // All limits here are in working days: every step falls on a working day's close (or just after).
      expect(isWorkingDay(toLocalDate(new Date(m.at), calendar.timeZone), calendar.schedule), m.at).toBe(
        true,
      );
      expect(sweptAt.get((m as unknown as { id: string }).id), `${m.clock_kind} ${m.step}`).toBe(
        firstSweepAtOrAfter(m.at),
      );
      expect(JSON.parse(m.detail).appliedAt).toBe(firstSweepAtOrAfter(m.at));
    }
  });

  it('a street unit: yellow, red, remind, escalate at the holiday-aware instants; the district hears of escalation', async () => {
    const o = orders.street;
    expect(ladderAt(o.id, 'handle')).toEqual({
      yellow: '2026-10-09T09:30:00.000Z',
      red: '2026-10-10T09:30:00.001Z',
      remind: '2026-10-12T09:30:00.000Z',
      escalate: '2026-10-16T09:30:00.000Z',
    });
    const [handle] = (await clocksOf(o.id)).filter((c) => c.kind === 'handle');
    expect(handle).toMatchObject({ stage: 4, next_at: null, generation: 1 });
    expect(await recipients(o.id, handle!.id, 1, 'yellow')).toEqual(['east-heping']);
    expect(await recipients(o.id, handle!.id, 1, 'red')).toEqual(['centre', 'east-heping']);
    expect(await recipients(o.id, handle!.id, 1, 'remind')).toEqual(['east-heping']);
    expect(await recipients(o.id, handle!.id, 1, 'escalate')).toEqual(['centre', 'east', 'east-heping']);
  });

  it('a city unit with no non-centre parent: escalation reaches the unit and the centre only', async () => {
    const o = orders.city;
    expect(ladderAt(o.id, 'handle')).toEqual({
      yellow: '2026-09-30T09:30:00.000Z', // one working day before 10-08 is 09-30
      red: '2026-10-08T09:30:00.001Z',
      remind: '2026-10-09T09:30:00.000Z',
      escalate: '2026-10-14T09:30:00.000Z',
    });
    const [handle] = (await clocksOf(o.id)).filter((c) => c.kind === 'handle');
    expect(await recipients(o.id, handle!.id, 1, 'escalate')).toEqual(['centre', 'city-housing']);
    expect(
      JSON.parse(marks.find((m) => m.clock_id === handle!.id && m.step === 'escalate')!.detail),
    ).toMatchObject({
      superiorUnitId: null,
    });
  });

  it('escalation opens one automatic 督办 whose own clock climbs the ladder but never opens a 督办 of a 督办', async () => {
    for (const key of ['street', 'city', 'extended', 'unsigned'] as const) {
      const o = orders[key];
      const sups = await core.database.db
        .selectFrom('supervisions')
        .selectAll()
        .where('order_id', '=', o.id)
        .execute();
      expect(
        sups.map((s) => [s.kind, s.status, s.unit_id]),
        key,
      ).toEqual([['auto', 'open', o.leadUnitId]]);
      const supClocks = (await clocksOf(o.id)).filter((c) => c.kind === 'supervision');
      expect(supClocks, key).toHaveLength(1);
      expect(supClocks[0]).toMatchObject({
        supervision_id: sups[0]!.id,
        due_at: sups[0]!.deadline_at,
        stage: 4,
      });
      expect(stepsOf(supClocks[0]!.id, 1), key).toEqual([...LADDER_STEPS]);
    }
    // The street order's 督办 came with the 10-16 escalation: 2 WD → due 10-20 17:30.
    const street = (await clocksOf(orders.street.id)).find((c) => c.kind === 'supervision')!;
    expect(ladderAt(orders.street.id, 'supervision')).toMatchObject({
      yellow: '2026-10-19T09:30:00.000Z',
      red: '2026-10-20T09:30:00.001Z',
    });
    expect(await recipients(orders.street.id, street.id, 1, 'red')).toEqual(['centre', 'east-heping']);
    // Unsigned: the sign clock escalated first (10-14) and opened the 督办; the handle escalation (10-16) added none.
    const unsigned = await clocksOf(orders.unsigned.id);
    const sign = unsigned.find((c) => c.kind === 'sign')!;
    const handle = unsigned.find((c) => c.kind === 'handle')!;
    expect(stepsOf(sign.id, 1)).toEqual([...LADDER_STEPS]);
    expect(stepsOf(handle.id, 1)).toEqual([...LADDER_STEPS]);
    expect(ladderAt(orders.unsigned.id, 'sign').escalate).toBe('2026-10-14T09:30:00.000Z');
    expect(await recipients(orders.unsigned.id, sign.id, 1, 'escalate')).toEqual([
      'centre',
      'east',
      'east-xinhua',
    ]);
  });

  it('a signed-then-replied order stops its clocks after the yellow card and gets no further marks', async () => {
    const o = orders.replied;
    expect(o.status).toBe('unit_replied');
    const clocks = await clocksOf(o.id);
    expect(clocks.map((c) => [c.kind, c.open, c.next_at, c.stop_reason])).toEqual([
      ['sign', 0, null, 'sign'],
      ['handle', 0, null, 'reply'],
    ]);
    expect(marks.filter((m) => m.order_id === o.id).map((m) => m.step)).toEqual(['yellow']);
    const sups = await core.database.db
      .selectFrom('supervisions')
      .select('id')
      .where('order_id', '=', o.id)
      .execute();
    expect(sups).toEqual([]);
  });

  it('an approved extension re-arms the clock (generation 2): a second yellow for the new deadline', async () => {
    const o = orders.extended;
    expect(o.deadlineAt).toBe('2026-10-14T09:30:00.000Z'); // 10-10 17:30 + 1 working hour → 10-12 10:00, + 2 WD
    const [handle] = (await clocksOf(o.id)).filter((c) => c.kind === 'handle');
    expect(handle).toMatchObject({ generation: 2, due_at: '2026-10-14T09:30:00.000Z', stage: 4 });
    expect(stepsOf(handle!.id, 1)).toEqual(['yellow']);
    expect(stepsOf(handle!.id, 2)).toEqual([...LADDER_STEPS]);
    expect(ladderAt(o.id, 'handle', 1)).toEqual({ yellow: '2026-10-09T09:30:00.000Z' });
    expect(ladderAt(o.id, 'handle', 2)).toEqual({
      yellow: '2026-10-13T09:30:00.000Z',
      red: '2026-10-14T09:30:00.001Z',
      remind: '2026-10-15T09:30:00.000Z',
      escalate: '2026-10-21T09:30:00.000Z',
    });
    expect(await recipients(o.id, handle!.id, 2, 'yellow')).toEqual(['city-housing']);
  });

  it('a further sweep later changes nothing', async () => {
    const before = await core.database.db.selectFrom('clock_marks').select('id').execute();
    const summary = await sweepClocks(core, { now: new Date('2026-11-01T02:00:00.000Z') });
    expect(summary).toMatchObject({ steps: 0, notices: 0, supervisions: 0 });
    expect(await core.database.db.selectFrom('clock_marks').select('id').execute()).toHaveLength(
      before.length,
    );
  });
});
