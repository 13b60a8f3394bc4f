import { beforeAll, describe, expect, it } from 'vitest';
import {
  A,
  countRows,
  dispatched,
  expectAppError,
  expectRefused,
  newOrder,
  seedPeople,
  step,
} from './test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from './test-support/databases.js';
import { getWorkOrder } from './use-cases/get-work-order.js';
import { type ListQuery, listWorkOrders } from './use-cases/list-work-orders.js';
import type { WorkOrderDetail } from './views/work-order.view.js';
import type { Actor } from '@huawu/domain';

const NOW = new Date('2026-06-01T02:00:00.000Z');
/** Title of the orders made in beforeAll: lists are narrowed to them so later tests' orders do not count. */
const TAG = '权限范围测试';

const readPersonalRows = (core: TestCore, orderId: string) =>
  core.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'read_personal')
    .where('target_id', '=', orderId)
    .execute();

describeEachDatabase('access scope and caller privacy', (db) => {
  let core: TestCore;
  let housing: WorkOrderDetail;
  let heping: WorkOrderDetail;
  let shared: WorkOrderDetail;
  let secret: WorkOrderDetail;
  let fresh: WorkOrderDetail;
  beforeAll(async () => {
    core = await db.newCore({ now: () => NOW });
    await seedPeople(core);
    const intake = { title: TAG };
    housing = await dispatched(core, { leadUnitId: 'city-housing', intake });
    heping = await dispatched(core, { leadUnitId: 'east-heping', intake });
    shared = await dispatched(core, { leadUnitId: 'city-housing', coUnitIds: ['east-heping'], intake });
    secret = await dispatched(core, { leadUnitId: 'east-heping', intake: { ...intake, confidential: true } });
    const s = await getWorkOrder(core, A.dispatcher, secret.id, { audit: false });
    secret = await step(core, s, A.heping, 'sign', { comment: '已签收' });
    fresh = await newOrder(core, intake);
  });

  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
  const list = (actor: Actor, query: ListQuery = {}) => listWorkOrders(core, actor, { q: TAG, ...query });

  describe('scope', () => {
    it('unit users list only orders involving their unit or its sub-units', async () => {
      const centre = await list(A.inspector);
      expect(ids(centre.items)).toEqual(ids([housing, heping, shared, secret, fresh]));
      const east = await list(A.eastadmin);
      expect(ids(east.items)).toEqual(ids([heping, shared, secret]));
      expect(east.total).toBe(3);
      const street = await list(A.heping);
      expect(ids(street.items)).toEqual(ids([heping, shared, secret]));
      const cityHousing = await list(A.handler);
      expect(ids(cityHousing.items)).toEqual(ids([housing, shared]));
      const market = await list(A.market);
      expect(market).toMatchObject({ items: [], total: 0 });
      // A unit filter cannot widen the scope.
      const widened = await list(A.market, { unitId: 'city-housing' });
      expect(widened.total).toBe(0);
    });

    it('get reports orders out of scope as NOT_FOUND, by id and by number', async () => {
      await expectAppError(getWorkOrder(core, A.eastadmin, housing.id), 'NOT_FOUND');
      await expectAppError(getWorkOrder(core, A.eastadmin, housing.orderNo), 'NOT_FOUND');
      await expectAppError(getWorkOrder(core, A.market, housing.id), 'NOT_FOUND');
      await expectAppError(getWorkOrder(core, A.handler, fresh.id), 'NOT_FOUND');
      expect((await getWorkOrder(core, A.eastadmin, heping.orderNo)).id).toBe(heping.id);
      expect((await getWorkOrder(core, A.heping, shared.id)).id).toBe(shared.id);
      await expectAppError(getWorkOrder(core, A.dispatcher, 'no-such-order'), 'NOT_FOUND');
    });

    it('units cannot act on orders out of scope, nor for an order led by another unit', async () => {
      await expectRefused(core, housing, A.market, 'sign', {}, 'NOT_FOUND');
      await expectRefused(
        core,
        housing,
        A.eastadmin,
        'request_return',
        { reason: '不是我们的' },
        'NOT_FOUND',
      );
      await expectRefused(core, shared, A.heping, 'sign', {}, 'ROLE_NOT_PERMITTED'); // co-unit only
      await expectRefused(core, heping, A.eastadmin, 'sign', {}, 'ROLE_NOT_PERMITTED'); // lead is the sub-unit
      // The co-unit signs its own task (co_sign), never the order.
      expect((await getWorkOrder(core, A.heping, shared.id)).allowedEvents.map((e) => e.name)).toEqual([
        'co_sign',
      ]);
      const mine = await getWorkOrder(core, A.handler, housing.id);
      expect(mine.allowedEvents.map((e) => e.name)).toEqual(['sign', 'request_return']);
    });
  });

  describe('caller data', () => {
    it('is masked for dispatcher and inspector, full for agent and for units on open orders', async () => {
      for (const actor of [A.dispatcher, A.inspector]) {
        const detail = await getWorkOrder(core, actor, housing.id);
        expect(detail).toMatchObject({ callerName: '张**', callerPhone: '139****5678' });
        const item = (await list(actor)).items.find((i) => i.id === housing.id);
        expect(item).toMatchObject({ callerName: '张**', callerPhone: '139****5678' });
      }
      expect(await getWorkOrder(core, A.agent, housing.id)).toMatchObject({
        callerName: '张先生',
        callerPhone: '13912345678',
      });
      expect(await getWorkOrder(core, A.handler, housing.id)).toMatchObject({ callerPhone: '13912345678' });
    });

    it('is hidden from units (and dispatchers) on confidential orders; event inputs stay visible', async () => {
      for (const actor of [A.heping, A.eastadmin]) {
        const detail = await getWorkOrder(core, actor, secret.id);
        expect(detail).toMatchObject({ callerName: '保密', callerPhone: null, confidential: true });
        expect(detail.timeline.find((t) => t.event === 'dispatch')?.payload).toEqual({
          leadUnitId: 'east-heping',
        });
        const item = (await list(actor)).items.find((i) => i.id === secret.id);
        expect(item).toMatchObject({ callerName: '保密', callerPhone: null });
      }
      expect(await getWorkOrder(core, A.dispatcher, secret.id)).toMatchObject({
        callerName: '保密',
        callerPhone: null,
      });
      const agentItem = (await list(A.agent)).items.find((i) => i.id === secret.id);
      expect(agentItem).toMatchObject({ callerPhone: '139****5678' }); // lists never carry full numbers
      const agent = await getWorkOrder(core, A.agent, secret.id);
      expect(agent).toMatchObject({ callerName: '张先生', callerPhone: '13912345678' });
      expect(agent.timeline.find((t) => t.event === 'dispatch')?.payload).toEqual({
        leadUnitId: 'east-heping',
      });
      expect(agent.timeline.find((t) => t.event === 'create')?.payload).toMatchObject({ channel: 'phone' });
      // Non-confidential orders keep their payloads for units.
      const open = await getWorkOrder(core, A.heping, heping.id);
      expect(open.timeline.find((t) => t.event === 'dispatch')?.payload).toEqual({
        leadUnitId: 'east-heping',
      });
    });

    it('an unmasked read is audited as read_personal; masked reads and writes are not', async () => {
      const before = await readPersonalRows(core, fresh.id);
      await getWorkOrder(core, A.dispatcher, fresh.id);
      await getWorkOrder(core, A.inspector, fresh.id);
      expect(await readPersonalRows(core, fresh.id)).toHaveLength(before.length);
      await getWorkOrder(core, A.agent, fresh.id);
      const after = await readPersonalRows(core, fresh.id);
      expect(after).toHaveLength(before.length + 1);
      const row = after.find((r) => !before.some((b) => b.id === r.id));
      expect(row).toMatchObject({
        actor_id: 'demo-agent',
        action: 'read_personal',
        target_type: 'work_order',
        target_id: fresh.id,
        at: NOW.toISOString(),
      });
      expect(JSON.parse(row?.detail ?? '{}')).toEqual({ fields: ['callerName', 'callerPhone'] });
    });

    it('an anonymous caller is 匿名 with no phone, and reading it is not audited', async () => {
      const anon = await newOrder(core, { anonymous: true, callerName: '李四', callerPhone: undefined });
      expect(anon).toMatchObject({
        anonymous: true,
        wantsCallback: false,
        callerName: '匿名',
        callerPhone: null,
      });
      const audits = await countRows(core, 'audit_log');
      expect(await getWorkOrder(core, A.dispatcher, anon.id)).toMatchObject({
        callerName: '匿名',
        callerPhone: null,
      });
      await getWorkOrder(core, A.agent, anon.id);
      expect(await countRows(core, 'audit_log')).toBe(audits);
    });
  });

  describe('scope after re-dispatch', () => {
    it('a former lead unit still sees the order but may no longer act on it', async () => {
      let o = await dispatched(core, { leadUnitId: 'city-housing', intake: { title: '改派后的范围' } });
      await expectAppError(getWorkOrder(core, A.heping, o.id), 'NOT_FOUND');
      o = await step(core, o, A.handler, 'request_return', { reason: '属街道职责' });
      o = await step(core, o, A.dispatcher, 'approve_return', { leadUnitId: 'east-heping' });
      const former = await getWorkOrder(core, A.handler, o.id);
      expect(former.allowedEvents).toEqual([]);
      await expectRefused(core, o, A.handler, 'sign', {}, 'ROLE_NOT_PERMITTED');
      expect((await getWorkOrder(core, A.eastadmin, o.id)).leadUnitId).toBe('east-heping');
      o = await step(core, await getWorkOrder(core, A.heping, o.id), A.heping, 'sign');
      expect(o.status).toBe('in_progress');
      const eastList = await listWorkOrders(core, A.eastadmin, { q: '改派后的范围' });
      expect(eastList.items.map((i) => i.id)).toEqual([o.id]);
    });
  });
});
