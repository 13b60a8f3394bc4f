import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../create-core.js';
import { A, dispatched, handlerOf, manualClock, seedPeople, step } from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { publishNewNotices, publishTransitionNotices } from './after-commit.js';
import type { NoticeBus, NoticeEvent } from './notice-bus.js';

/** Collects what the bus delivers for one unit. */
function collect(bus: NoticeBus, unitId: string) {
  const events: NoticeEvent[] = [];
  const stop = bus.subscribe(unitId, (e) => events.push(e));
  return { events, stop };
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describeEachDatabase('notice bus (live in-app notices)', (db) => {
  let core: TestCore;

  it('delivers to the subscribers of the unit only, once per unit; unsubscribing stops it', async () => {
    core = await db.newCore({ now: manualClock('2026-11-30T02:00:00Z').now });
    await seedPeople(core);
    const housing = collect(core.notices, 'city-housing');
    const housing2 = collect(core.notices, 'city-housing');
    const market = collect(core.notices, 'city-market');
    expect(await core.notices.publishUnits(['city-housing', 'city-housing', ''])).toBe(2);
    expect(housing.events).toEqual([{ unitId: 'city-housing' }]);
    expect(housing2.events).toHaveLength(1);
    expect(market.events).toEqual([]);
    expect(
      await core.notices.publish({ unitId: 'city-market', kind: 'order_dispatched', orderNo: 'X1' }),
    ).toBe(1);
    expect(market.events).toEqual([{ unitId: 'city-market', kind: 'order_dispatched', orderNo: 'X1' }]);
    housing2.stop();
    await publishNewNotices(core, ['city-housing', null, undefined]);
    expect(housing.events).toHaveLength(2);
    expect(housing2.events).toHaveLength(1);
    housing.stop();
    market.stop();
  });

  it('after a committed transition, the units that got in-app notices are told (centre users via the centre unit)', async () => {
    const housing = collect(core.notices, 'city-housing');
    const market = collect(core.notices, 'city-market');
    const centre = collect(core.notices, A.reviewer.unitId);
    try {
      // transitionWorkOrder announces after its commit: the dispatch notified both units.
      const o = await dispatched(core, { leadUnitId: 'city-housing', coUnitIds: ['city-market'] });
      expect(housing.events.map((e) => e.unitId)).toEqual(['city-housing']);
      expect(market.events.map((e) => e.unitId)).toEqual(['city-market']);
      expect(centre.events).toEqual([]);

      const signed = await step(core, o, handlerOf('city-housing'), 'sign'); // notifies nobody
      expect(housing.events).toHaveLength(1);
      expect(centre.events).toEqual([]);
      const asked = await step(core, signed, handlerOf('city-housing'), 'request_extension', {
        days: 3,
        reason: '需要现场勘查协调',
      });
      expect(centre.events.map((e) => e.unitId)).toEqual([A.reviewer.unitId]);
      // Announcing a transition again (e.g. a retry) only says "reload" once more; it never adds notices.
      await publishTransitionNotices(core, asked.id, asked.version);
      expect(centre.events).toHaveLength(2);
      expect(housing.events).toHaveLength(1);
    } finally {
      for (const c of [housing, market, centre]) c.stop();
    }
  });

  if (db.name === 'postgres') {
    describe('across processes', () => {
      let other: ReturnType<typeof createCore> | undefined;
      afterAll(async () => {
        await other?.close();
      });

      it('notices committed in one process reach a unit listening in another, once', async () => {
        other = createCore({ databaseUrl: core.url });
        const remote = collect(other.notices, 'city-housing');
        const remoteMarket = collect(other.notices, 'city-market');
        await other.notices.ready();
        const local = collect(core.notices, 'city-housing');
        await core.notices.ready();
        expect(await core.notices.publishUnits(['city-housing'])).toBe(1);
        await until(() => remote.events.length === 1);
        expect(remote.events[0]).toEqual({ unitId: 'city-housing' });
        // The publishing process ignores its own NOTIFY when it comes back: still one local event.
        await core.notices.publishUnits(['city-market']);
        await until(() => remoteMarket.events.length === 1);
        expect(local.events).toHaveLength(1);
        expect(remote.events).toHaveLength(1);
        remote.stop();
        remoteMarket.stop();
        local.stop();
      });
    });
  }
});
