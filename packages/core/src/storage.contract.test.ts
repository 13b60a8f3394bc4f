import type { Actor } from '@huawu/domain';
import pg from 'pg';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { insertUnit } from './storage/identity.repository.js';
import {
  A,
  dispatched,
  expectAppError,
  fieldsOf,
  manualClock,
  newOrder,
  seedPeople,
  step,
} from './test-support/contract-helpers.js';
import { listOrders } from './storage/work-order.repository.js';
import { type TestCore, describeEachDatabase } from './test-support/databases.js';
import { checkHealth } from './use-cases/check-health.js';
import { getWorkOrder } from './use-cases/get-work-order.js';
import { type ListQuery, listWorkOrders } from './use-cases/list-work-orders.js';

const START = '2026-06-01T02:00:00.000Z';

describeEachDatabase('order storage and list queries', (db) => {
  const clock = manualClock(START);
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    const at = clock.now().toISOString();
    // Ids with LIKE wildcards and a shared prefix: a scope must match whole path segments only.
    for (const id of ['zone_1', 'zoneX1', 'eastern']) {
      await insertUnit(
        core.database.db,
        { id, parentId: null, name: id, kind: 'city', path: `/${id}/`, dutyPhone: null },
        at,
      );
    }
  });
  beforeEach(() => clock.set(START));

  it('a unit scope matches its own path segments, never by wildcard or prefix', async () => {
    const zoneUser: Actor = { userId: 'demo-handler', role: 'unit_handler', unitId: 'zone_1' };
    const other = await dispatched(core, { leadUnitId: 'zoneX1', intake: { title: '通配符范围' } });
    const eastern = await dispatched(core, { leadUnitId: 'eastern', intake: { title: '通配符范围' } });
    expect((await listWorkOrders(core, zoneUser, { q: '通配符范围' })).total).toBe(0);
    await expectAppError(getWorkOrder(core, zoneUser, other.id), 'NOT_FOUND');
    expect((await listWorkOrders(core, A.eastadmin, { q: '通配符范围' })).total).toBe(0);
    await expectAppError(getWorkOrder(core, A.eastadmin, eastern.id), 'NOT_FOUND');
    const own = await dispatched(core, { leadUnitId: 'zone_1', intake: { title: '通配符范围' } });
    expect((await listWorkOrders(core, zoneUser, { q: '通配符范围' })).items.map((i) => i.id)).toEqual([
      own.id,
    ]);
  });

  it('counts at most the cap and says so (a million orders never cost an exact count)', async () => {
    const tag = '封顶计数';
    for (let i = 0; i < 4; i++) await newOrder(core, { title: `${tag} ${i}` });
    const scope = { kind: 'all' } as const;
    const base = { keyword: tag, page: 1, pageSize: 2 };
    expect(await listOrders(core.database.db, scope, { ...base, countCap: 3 })).toMatchObject({
      total: 3,
      totalCapped: true,
    });
    const exact = await listOrders(core.database.db, scope, { ...base, countCap: 4 });
    expect(exact).toMatchObject({ total: 4, totalCapped: false });
    expect(exact.items).toHaveLength(2);
  });

  it('filters by status, type, urgency, unit subtree and keyword (wildcards taken literally)', async () => {
    const tag = '筛选组合';
    const heping = await dispatched(core, {
      leadUnitId: 'east-heping',
      intake: { title: `${tag} 100%`, urgency: 'urgent' },
    });
    const housing = await dispatched(core, { intake: { title: `${tag} a_b`, appealType: 'consultation' } });
    const waiting = await newOrder(core, { title: `${tag} 等待`, address: '和平路_1号' });
    const q = (query: Record<string, unknown>) =>
      listWorkOrders(core, A.supervisor, { q: tag, ...query }).then((r) => r.items.map((i) => i.id).sort());
    expect(await q({})).toEqual([heping.id, housing.id, waiting.id].sort());
    expect(await q({ status: ['intake'] })).toEqual([waiting.id]);
    expect(await q({ status: ['intake', 'dispatched'] })).toHaveLength(3);
    expect(await q({ appealType: 'consultation' })).toEqual([housing.id]);
    expect(await q({ urgency: 'urgent' })).toEqual([heping.id]);
    expect(await q({ unitId: 'east' })).toEqual([heping.id]);
    expect(await q({ q: '100%' })).toEqual([heping.id]);
    expect(await q({ q: `${tag} a_b` })).toEqual([housing.id]);
    expect(await q({ q: '和平路_1' })).toEqual([waiting.id]);
    expect(await q({ q: waiting.orderNo })).toEqual([waiting.id]);
    expect(await q({ q: '%' })).toEqual([heping.id]);
    expect(await q({ q: '_' })).toEqual([housing.id, waiting.id].sort());
    const invalid: [ListQuery, string][] = [
      [{ status: ['lost'] }, 'status'],
      [{ from: '2026-13-01' }, 'from'],
      [{ to: 'yesterday' }, 'to'],
      [{ unitId: 'atlantis' }, 'unitId'],
    ];
    for (const [query, field] of invalid) {
      const error = await expectAppError(listWorkOrders(core, A.supervisor, query), 'VALIDATION_FAILED');
      expect(fieldsOf(error)).toEqual([field]);
    }
  });

  it('date filters use the hotline’s local dates; pages are newest first', async () => {
    const tag = '本地日期';
    clock.set('2026-11-27T15:59:59.000Z'); // 23:59:59 on the 27th in Shanghai
    const late27 = await newOrder(core, { title: tag });
    clock.set('2026-11-27T16:00:00.000Z'); // 00:00 on the 28th
    const early28 = await newOrder(core, { title: tag });
    clock.set('2026-11-28T03:00:00.000Z');
    const noon28 = await newOrder(core, { title: tag });
    const ids = (query: Record<string, unknown>) =>
      listWorkOrders(core, A.dispatcher, { q: tag, ...query }).then((r) => r.items.map((i) => i.id));
    expect(await ids({ from: '2026-11-28' })).toEqual([noon28.id, early28.id]);
    expect(await ids({ to: '2026-11-27' })).toEqual([late27.id]);
    expect(await ids({ from: '2026-11-27', to: '2026-11-28' })).toEqual([noon28.id, early28.id, late27.id]);
    expect(early28.orderNo.slice(0, 8)).toBe('20261128');
    expect(late27.orderNo.slice(0, 8)).toBe('20261127');
    const page1 = await listWorkOrders(core, A.dispatcher, { q: tag, pageSize: 2 });
    const page2 = await listWorkOrders(core, A.dispatcher, { q: tag, pageSize: 2, page: 2 });
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual([noon28.id, early28.id, late27.id]);
  });

  it('an order and its timeline read back exactly as written', async () => {
    let o = await dispatched(core, {
      coUnitIds: ['east-heping', 'city-market'],
      intake: {
        title: '往返读写',
        category: '0203',
        divisionCode: '620102',
        callId: 'CALL-1',
        callerType: 'enterprise',
      },
    });
    o = await step(core, o, A.handler, 'sign', { comment: '收到' });
    const again = await getWorkOrder(core, A.handler, o.orderNo, { audit: false });
    expect(again).toEqual(o);
    expect(again).toMatchObject({
      category: '0203',
      divisionCode: '620102',
      callId: 'CALL-1',
      callerType: 'enterprise',
    });
    expect(again.units.map((u) => [u.unitId, u.role, u.active]).sort()).toEqual([
      ['city-housing', 'lead', true],
      ['city-market', 'co', true],
      ['east-heping', 'co', true],
    ]);
    expect(again.timeline.at(-1)).toMatchObject({ comment: '收到', actorName: '刘洋（市住建局承办人）' });
  });

  if (db.name === 'postgres') {
    it('the PostgreSQL pool survives connections terminated by the server', async () => {
      await Promise.all([checkHealth(core), checkHealth(core), checkHealth(core)]); // several idle clients
      const dbName = new URL(core.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.HUAWU_TEST_PG_URL });
      await admin.connect();
      try {
        const killed = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [dbName],
        );
        expect(killed.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(await checkHealth(core)).toEqual({ status: 'ok', database: 'postgres' });
      expect((await newOrder(core, { title: '断线之后' })).status).toBe('intake');
    });
  }
});
