import { beforeAll, beforeEach, expect, it } from 'vitest';
import {
  A,
  dispatched,
  handlerOf,
  manualClock,
  newOrder,
  seedPeople,
  step,
} from './test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from './test-support/databases.js';
import { getWorkOrder } from './use-cases/get-work-order.js';
import { listWorkOrders } from './use-cases/list-work-orders.js';

/**
 * Deadlines set by dispatch under the default policy and the bundled 2026 calendar. Working day ends at
 * 17:30 Shanghai (09:30Z). National Day 2026: 10-01..10-07 off, Saturday 10-10 a make-up working day.
 * Dispatch on Wednesday 2026-09-30 10:00 local: working days after it are 10-08, 10-09, 10-10, 10-12, …
 */
const DISPATCH_AT = '2026-09-30T02:00:00.000Z';

describeEachDatabase('deadlines', (db) => {
  // One database for the file; each test sets the clock and lists only its own orders (by title tag).
  const clock = manualClock(DISPATCH_AT);
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
  });
  beforeEach(() => clock.set(DISPATCH_AT));

  it('dispatch sets sign and handling deadlines per policy across National Day', async () => {
    const cases = [
      { intake: { appealType: 'complaint' }, deadline: '2026-10-27T09:30:00.000Z' }, // 15 WD
      { intake: { appealType: 'consultation' }, deadline: '2026-10-10T09:30:00.000Z' }, // 3 WD, make-up Saturday
      { intake: { appealType: 'help' }, deadline: '2026-10-13T09:30:00.000Z' }, // 5 WD
      { intake: { appealType: 'complaint', urgency: 'urgent' }, deadline: '2026-10-08T09:30:00.000Z' }, // 1 WD
      { intake: { appealType: 'complaint', urgency: 'critical' }, deadline: '2026-09-30T07:30:00.000Z' }, // 4 working h
    ];
    for (const c of cases) {
      const o = await dispatched(core, { intake: c.intake });
      expect(o.signDeadlineAt, JSON.stringify(c.intake)).toBe('2026-10-08T09:30:00.000Z');
      expect(o.deadlineAt, JSON.stringify(c.intake)).toBe(c.deadline);
      expect(o.timeline.at(-1)?.payload).not.toHaveProperty('calendarMissingYears');
    }
    const waiting = await newOrder(core);
    expect(waiting).toMatchObject({ deadlineAt: null, signDeadlineAt: null, deadlineState: null });
  });

  it('approve_return restarts both clocks from the moment of re-dispatch', async () => {
    let o = await dispatched(core, { intake: { appealType: 'consultation' } });
    clock.set('2026-10-09T02:00:00.000Z'); // Friday
    o = await step(core, o, A.handler, 'request_return', { reason: '非本单位职责' });
    o = await step(core, o, A.dispatcher, 'approve_return', { leadUnitId: 'city-market' });
    expect(o.signDeadlineAt).toBe('2026-10-10T09:30:00.000Z');
    expect(o.deadlineAt).toBe('2026-10-13T09:30:00.000Z');
  });

  it('deadlineState turns warning, then overdue, as the clock moves; null once the unit replied', async () => {
    const o = await dispatched(core, { intake: { appealType: 'consultation', title: '黄牌红牌测试' } });
    const stateAt = async (iso: string) => {
      clock.set(iso);
      const list = await listWorkOrders(core, A.dispatcher, { q: '黄牌红牌测试' });
      expect(list.items.map((i) => i.id)).toEqual([o.id]);
      const item = list.items[0];
      const detail = await getWorkOrder(core, A.dispatcher, o.id);
      expect(detail.deadlineState).toBe(item?.deadlineState);
      return item?.deadlineState;
    };
    expect(await stateAt('2026-09-30T03:00:00.000Z')).toBe('ok');
    expect(await stateAt('2026-10-05T02:00:00.000Z')).toBe('ok'); // holiday: the clock does not run
    expect(await stateAt('2026-10-09T09:29:59.000Z')).toBe('ok');
    expect(await stateAt('2026-10-09T09:30:00.000Z')).toBe('warning'); // one working day before
    expect(await stateAt('2026-10-10T09:30:00.000Z')).toBe('warning'); // the deadline itself
    expect(await stateAt('2026-10-10T09:30:00.001Z')).toBe('overdue');
    expect(await stateAt('2026-11-02T02:00:00.000Z')).toBe('overdue');

    let signed = await step(core, await getWorkOrder(core, A.handler, o.id), A.handler, 'sign');
    signed = await step(core, signed, A.handler, 'reply', {
      result: 'resolved',
      publicReply: '已答复',
      signedOffBy: '王科长',
    });
    expect(signed.deadlineState).toBeNull();
    expect(await stateAt('2026-11-03T02:00:00.000Z')).toBeNull();
  });

  it('the overdue filter returns only overdue orders in handling statuses, within scope', async () => {
    const tag = '超期筛选';
    const intake = (appealType: string) => ({ appealType, title: `${tag}-${appealType}` });
    const late = await dispatched(core, { intake: intake('consultation') });
    const lateSigned = await dispatched(core, {
      leadUnitId: 'city-market',
      sign: true,
      intake: intake('help'),
    });
    let returning = await dispatched(core, { leadUnitId: 'east-heping', intake: intake('consultation') });
    returning = await step(core, returning, handlerOf('east-heping'), 'request_return', {
      reason: '不归我管',
    });
    await dispatched(core, { intake: intake('complaint') }); // due 10-27
    await newOrder(core, intake('consultation')); // intake: no clock
    let replied = await dispatched(core, { sign: true, intake: intake('consultation') });
    replied = await step(core, replied, A.handler, 'reply', {
      result: 'resolved',
      publicReply: '已答复',
      signedOffBy: '王科长',
    });

    clock.set('2026-10-14T02:00:00.000Z');
    const overdue = await listWorkOrders(core, A.supervisor, { overdue: true, q: tag });
    expect(overdue.total).toBe(3);
    expect(overdue.items.map((i) => i.id).sort()).toEqual([late.id, lateSigned.id, returning.id].sort());
    expect(overdue.items.every((i) => i.deadlineState === 'overdue')).toBe(true);
    const all = await listWorkOrders(core, A.supervisor, { q: tag });
    expect(all.total).toBe(6);
    expect(all.items.find((i) => i.id === replied.id)?.deadlineState).toBeNull();

    const forHousing = await listWorkOrders(core, A.handler, { overdue: true, q: tag });
    expect(forHousing.items.map((i) => i.id)).toEqual([late.id]);
    const forEast = await listWorkOrders(core, A.eastadmin, { overdue: true, q: tag });
    expect(forEast.items.map((i) => i.id)).toEqual([returning.id]);

    clock.set('2026-10-09T02:00:00.000Z');
    expect((await listWorkOrders(core, A.supervisor, { overdue: true, q: tag })).total).toBe(0);
  });

  it('a year without holiday data is recorded in the event payload, not a failure', async () => {
    clock.set('2027-12-10T02:00:00.000Z'); // Friday; 2027 is not bundled
    const o = await dispatched(core, { intake: { appealType: 'consultation', title: '缺年度日历' } });
    expect(o.status).toBe('dispatched');
    expect(o.signDeadlineAt).toBe('2027-12-13T09:30:00.000Z'); // plain weekends assumed
    expect(o.deadlineAt).toBe('2027-12-15T09:30:00.000Z');
    const event = o.timeline.at(-1);
    expect(event?.event).toBe('dispatch');
    expect(event?.payload).toMatchObject({ leadUnitId: 'city-housing', calendarMissingYears: [2027] });
    expect(o.timeline.filter((t) => 'calendarMissingYears' in t.payload)).toHaveLength(1);
    const stored = await core.database.db
      .selectFrom('work_order_events')
      .select('payload')
      .where('order_id', '=', o.id)
      .where('event', '=', 'dispatch')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.payload).calendarMissingYears).toEqual([2027]);
    const list = await listWorkOrders(core, A.dispatcher, { q: '缺年度日历' });
    expect(list.items.map((i) => [i.id, i.deadlineState])).toEqual([[o.id, 'ok']]);
  });
});
