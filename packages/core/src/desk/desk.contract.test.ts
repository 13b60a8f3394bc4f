import { beforeAll, expect, it } from 'vitest';
import {
  A,
  dispatched,
  expectAppError,
  handlerOf,
  manualClock,
  newOrder,
  seedPeople,
  step,
} from '../test-support/contract-helpers.js';
import { getWorkOrder } from '../use-cases/get-work-order.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { sweepClocks } from '../supervision/sweep-clocks.js';
import { listDeskQueue } from './list-desk-queue.js';
import { listUnitInbox } from './list-unit-inbox.js';
import { exportUnitDispatchStats, unitDispatchStats } from './unit-dispatch-stats.js';

/** Wednesday 2026-09-30 10:00 Shanghai (see dispatch-network.contract.test.ts for the working days). */
const T0 = '2026-09-30T02:00:00.000Z';
const LATER = '2026-10-12T02:00:00.000Z';
const RANK = { red: 0, yellow: 1, green: 2 } as const;
const housing = handlerOf('city-housing');
const market = handlerOf('city-market');
const consultation = (title: string, extra: Record<string, unknown> = {}) => ({
  appealType: 'consultation',
  title,
  ...extra,
});

describeEachDatabase('desk: unit inbox, centre queues, unit assessment', (db) => {
  const clock = manualClock(T0);
  let core: TestCore;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    // At T0: an early order for city-housing (red by LATER), a confidential one, one for city-market.
    ids.early = (
      await dispatched(core, { leadUnitId: 'city-housing', sign: true, intake: consultation('早单') })
    ).id;
    ids.secret = (
      await dispatched(core, {
        leadUnitId: 'city-housing',
        sign: true,
        intake: consultation('保密单', { confidential: true }),
      })
    ).id;
    ids.market = (
      await dispatched(core, { leadUnitId: 'city-market', sign: true, intake: consultation('市场单') })
    ).id;
    clock.set(LATER);
    // At LATER: a fresh order (green), one unsigned with sign + handling clocks (one inbox row), co-unit market.
    ids.fresh = (
      await dispatched(core, { leadUnitId: 'city-housing', sign: true, intake: consultation('新单') })
    ).id;
    ids.unsigned = (
      await dispatched(core, {
        leadUnitId: 'city-housing',
        coUnitIds: ['city-market'],
        intake: consultation('未签收'),
      })
    ).id;
  });

  it('the inbox shows one row per order, red → yellow → green then due time, colours computed at now', async () => {
    clock.set(LATER);
    const inbox = await listUnitInbox(core, housing, {});
    const orderIds = inbox.items.map((i) => i.orderId);
    expect(new Set(orderIds).size).toBe(orderIds.length);
    expect(orderIds).toEqual(expect.arrayContaining([ids.early, ids.secret, ids.fresh, ids.unsigned]));
    expect(orderIds).not.toContain(ids.market);
    // The sweeper has not run: the stored stage is 0, yet the early order is red.
    const early = inbox.items.find((i) => i.orderId === ids.early)!;
    expect(early).toMatchObject({
      colour: 'red',
      clockKind: 'handle',
      clockKindLabel: '办理',
      role: 'lead',
      roleLabel: '主办',
    });
    expect(inbox.items.find((i) => i.orderId === ids.fresh)!.colour).toBe('green');
    const keys = inbox.items.map((i) => [RANK[i.colour], i.dueAt] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    expect(keys).toEqual(sorted);
    expect(inbox.counts.red).toBe(inbox.items.filter((i) => i.colour === 'red').length);
    expect(inbox.counts.red + inbox.counts.yellow + inbox.counts.green).toBe(inbox.total);
    expect(inbox.totalCapped).toBe(false);
    expect(JSON.stringify(inbox)).not.toContain('13912345678');
    // After a sweep the answer is the same.
    await sweepClocks(core, { now: new Date(LATER) });
    const swept = await listUnitInbox(core, housing, {});
    expect(swept.items.map((i) => [i.orderId, i.colour])).toEqual(
      inbox.items.map((i) => [i.orderId, i.colour]),
    );
  });

  it('filters by colour and pages within a capped count', async () => {
    clock.set(LATER);
    const red = await listUnitInbox(core, housing, { colour: 'red' });
    expect(red.items.length).toBeGreaterThan(0);
    expect(red.items.every((i) => i.colour === 'red')).toBe(true);
    const capped = await listUnitInbox(core, housing, { pageSize: 1 }, { countCap: 2 });
    expect(capped).toMatchObject({ total: 2, totalCapped: true, counts: { red: 2 } });
    expect(capped.items).toHaveLength(1);
    const page2 = await listUnitInbox(core, housing, { pageSize: 1, page: 2 }, { countCap: 2 });
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]!.orderId).not.toBe(capped.items[0]!.orderId);
    expect((await listUnitInbox(core, housing, { pageSize: 1, page: 3 }, { countCap: 2 })).items).toEqual([]);
    await expectAppError(listUnitInbox(core, housing, { colour: 'blue' }), 'VALIDATION_FAILED');
    await expectAppError(listUnitInbox(core, housing, { pageSize: 101 }), 'VALIDATION_FAILED');
  });

  it('a unit never sees another unit’s rows, confidential orders included; centre roles are refused', async () => {
    clock.set(LATER);
    const inbox = await listUnitInbox(core, market, {});
    const orderIds = inbox.items.map((i) => i.orderId);
    expect(orderIds).toContain(ids.market);
    expect(orderIds).toContain(ids.unsigned); // its co-unit sign clock
    expect(orderIds).not.toContain(ids.secret);
    expect(orderIds).not.toContain(ids.early);
    expect(inbox.items.find((i) => i.orderId === ids.unsigned)).toMatchObject({
      role: 'co',
      clockKind: 'sign',
    });
    for (const actor of [A.dispatcher, A.supervisor, A.agent, A.admin]) {
      await expectAppError(listUnitInbox(core, actor, {}), 'ROLE_NOT_PERMITTED');
    }
  });

  it('centre queues: pending dispatch, returns, extensions, overdue and 督办', async () => {
    clock.set(LATER);

    let pending = await newOrder(core, consultation('待派单'));
    pending = await step(core, pending, A.agent, 'submit_for_dispatch');
    let ret = await dispatched(core, { leadUnitId: 'city-market', intake: consultation('要退的') });
    ret = await step(core, ret, market, 'request_return', { reason: '非本单位职责' });
    let ext = await dispatched(core, {
      leadUnitId: 'city-housing',
      sign: true,
      intake: consultation('要延期'),
    });
    ext = await step(core, ext, housing, 'request_extension', { days: 2, reason: '需现场勘查' });
    await step(
      core,
      await getWorkOrder(core, A.supervisor, ids.early!, { audit: false }),
      A.supervisor,
      'supervise',
      { requirement: '三日内答复' },
    );

    // The paused handling clock stays in the unit's inbox, merged in due order.
    const inbox = await listUnitInbox(core, housing, {});
    expect(inbox.items.find((i) => i.orderId === ext.id)).toMatchObject({
      paused: true,
      pendingExtension: true,
    });
    const keys = inbox.items.map((i) => [RANK[i.colour], i.dueAt] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])));
    const q = (queue: string) => listDeskQueue(core, A.dispatcher, queue, {});
    expect((await q('pending_dispatch')).items.map((i) => i.orderId)).toEqual([pending.id]);
    const returns = await q('returns');
    expect(returns.items).toMatchObject([
      {
        orderId: ret.id,
        requestingUnitId: 'city-market',
        reason: '非本单位职责',
        returnCount: 1,
        negotiated: false,
      },
    ]);
    expect(returns.items[0]).toHaveProperty('requestingUnitName');
    const extensions = await q('extensions');
    expect(extensions.items).toMatchObject([{ orderId: ext.id, days: 2, reason: '需现场勘查' }]);
    const overdue = await q('overdue');
    expect(overdue.items.map((i) => i.orderId)).toContain(ids.early);
    expect(overdue.items.map((i) => i.orderId)).not.toContain(ids.fresh);
    expect(overdue.items.every((i) => 'colour' in i && i.colour === 'red')).toBe(true);
    const dues = overdue.items.map((i) => ('dueAt' in i ? i.dueAt : ''));
    expect(dues).toEqual([...dues].sort());
    const sup = await listDeskQueue(core, A.reviewer, 'supervisions', {});
    expect(sup.items).toMatchObject([
      { orderId: ids.early, unitId: 'city-housing', kind: 'manual', requirement: '三日内答复' },
    ]);
    expect(sup.items[0]!.unitName).toBeTruthy();
    const capped = await listDeskQueue(core, A.admin, 'overdue', { pageSize: 1 }, { countCap: 1 });
    expect(capped).toMatchObject({ total: 1, totalCapped: true });
    await expectAppError(listDeskQueue(core, A.dispatcher, 'nope', {}), 'VALIDATION_FAILED');
    for (const actor of [A.agent, A.callback, A.inspector, housing]) {
      await expectAppError(listDeskQueue(core, actor, 'overdue', {}), 'ROLE_NOT_PERMITTED');
    }
  });

  it('unit assessment counts what each unit did in the period, and exports it audited', async () => {
    clock.set(LATER);
    const stats = await unitDispatchStats(core, A.supervisor, { from: '2026-09-30', to: '2026-10-31' });
    const housingRow = stats.units.find((u) => u.unitId === 'city-housing')!;
    const marketRow = stats.units.find((u) => u.unitId === 'city-market')!;
    expect(housingRow).toMatchObject({
      received: 5,
      extensionsRequested: 1,
      supervisions: 1,
      returnsRequested: 0,
    });
    expect(housingRow.handleOverdue).toBeGreaterThanOrEqual(1);
    expect(marketRow).toMatchObject({ received: 3, returnsRequested: 1, returnRate: 0.3333 });
    const none = await unitDispatchStats(core, A.admin, { from: '2026-01-01', to: '2026-01-31' });
    expect(none.units).toEqual([]);
    await expectAppError(
      unitDispatchStats(core, A.supervisor, { from: '2026-10-31', to: '2026-10-01' }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      unitDispatchStats(core, A.reviewer, { from: '2026-10-01', to: '2026-10-31' }),
      'ROLE_NOT_PERMITTED',
    );
    const { csv } = await exportUnitDispatchStats(core, A.dispatcher, {
      from: '2026-09-30',
      to: '2026-10-31',
    });
    expect(csv.startsWith('\uFEFF单位,收到派单')).toBe(true);
    expect(csv).toContain('33.33%');
    const audit = await core.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'unit_dispatch_stats')
      .execute();
    expect(audit).toEqual([{ action: 'export' }]);
  });
});
