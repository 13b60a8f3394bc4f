import { randomBytes } from 'node:crypto';
import { DEFAULT_REQUIRED_CHECKS, STATUSES } from '@huawu/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { VALID_INTAKE } from '../../../core/src/test-support/fixtures.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';

interface Detail {
  id: string;
  orderNo: string;
  version: number;
  status: string;
  appealType: string;
  urgency: string;
  callerPhone: string | null;
  leadUnitId: string | null;
  createdAt: string;
  deadlineAt: string | null;
  deadlineState: string | null;
  units: { unitId: string; role: string; active: boolean }[];
  timeline: { seq: number; event: string; eventLabel: string; fromStatus: string | null; toStatus: string }[];
  allowedEvents: {
    name: string;
    label: string;
    tone: string;
    input: Record<string, { kind: string; required: boolean }>;
  }[];
}
interface ListBody {
  items: Detail[];
  total: number;
  page: number;
  pageSize: number;
}

const localToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describeEachDatabase('HTTP work orders', (db) => {
  const city = useCity(db, {
    logins: [
      'agent',
      'dispatcher',
      'handler',
      'heping',
      'eastadmin',
      'reviewer',
      'callback',
      'supervisor',
      'market',
      'inspector',
    ],
  });
  // A marker in every title this file creates, so list assertions can ignore the demo orders.
  const marker = `HTTP${randomBytes(4).toString('hex')}`;

  const create = async (user: string, body: Record<string, unknown>) =>
    city.app.inject({
      method: 'POST',
      url: '/api/work-orders',
      headers: await city.auth(user),
      payload: body,
    });
  const get = async (user: string, url: string) =>
    city.app.inject({ method: 'GET', url, headers: await city.auth(user) });
  const send = async (
    user: string,
    o: { id: string; version: number },
    event: string,
    input?: unknown,
    version = o.version,
  ) =>
    city.app.inject({
      method: 'POST',
      url: `/api/work-orders/${o.id}/transitions`,
      headers: await city.auth(user),
      payload: { event, ...(input === undefined ? {} : { input }), version },
    });
  /** Sends an event that must succeed; returns the new detail. */
  const step = async (user: string, o: Detail, event: string, input?: Record<string, unknown>) => {
    const res = await send(user, o, event, input);
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json<Detail>();
    expect(next.version).toBe(o.version + 1);
    return next;
  };
  const newOrder = async (overrides: Record<string, unknown> = {}) => {
    const res = await create('agent', { ...VALID_INTAKE, title: `${marker} 噪音`, ...overrides });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Detail>();
  };
  const list = async (user: string, query: string) => {
    const res = await get(user, `/api/work-orders?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ListBody>();
  };

  describe('intake', () => {
    it('creates an order (201) with its number, first timeline entry and allowed actions with input specs', async () => {
      const o = await newOrder();
      expect(o).toMatchObject({
        status: 'intake',
        version: 1,
        appealType: 'complaint',
        callerPhone: '13912345678',
      });
      expect(o.orderNo).toMatch(/^\d{12}$/);
      expect(o.timeline).toEqual([
        expect.objectContaining({ seq: 1, event: 'create', fromStatus: null, toStatus: 'intake' }),
      ]);
      const names = o.allowedEvents.map((e) => e.name);
      expect(names).toEqual(
        expect.arrayContaining(['submit_for_dispatch', 'answer_directly', 'reject', 'merge']),
      );
      const answer = o.allowedEvents.find((e) => e.name === 'answer_directly');
      expect(answer).toMatchObject({ label: expect.any(String), tone: 'primary' });
      expect(answer?.input.answer).toMatchObject({ kind: 'text', required: true });
      // Detail by id and by order number; the dispatcher sees the phone masked.
      const byNo = await get('dispatcher', `/api/work-orders/${o.orderNo}`);
      expect(byNo.statusCode).toBe(200);
      expect(byNo.json()).toMatchObject({ id: o.id, callerPhone: '139****5678' });
    });

    it('refuses intake by unit roles and the inspector with 403 ROLE_NOT_PERMITTED', async () => {
      expectError(await create('handler', VALID_INTAKE), 403, 'ROLE_NOT_PERMITTED');
      expectError(await create('inspector', VALID_INTAKE), 403, 'ROLE_NOT_PERMITTED');
    });

    it('reports validation failures with field paths and Chinese messages', async () => {
      const { title: _t, ...noTitle } = VALID_INTAKE;
      expect(issueFields(expectError(await create('agent', noTitle), 400, 'VALIDATION_FAILED'))).toEqual([
        'title',
      ]);
      const typed = expectError(await create('agent', { ...VALID_INTAKE, title: 42, anonymous: 'yes' }), 400);
      expect(issueFields(typed)).toEqual(expect.arrayContaining(['title', 'anonymous']));
      const extra = expectError(
        await create('agent', { ...VALID_INTAKE, priority: 'high' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(extra.error.details?.issues).toEqual([{ field: 'priority', message: '不支持的字段' }]);
      const phone = expectError(
        await create('agent', { ...VALID_INTAKE, callerPhone: '12ab' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(phone)).toEqual(['callerPhone']);
      const long = expectError(await create('agent', { ...VALID_INTAKE, title: '长'.repeat(101) }), 400);
      expect(long.error.details?.issues?.[0]).toEqual({ field: 'title', message: '不能超过 100 个字符' });
      const enumBad = expectError(await create('agent', { ...VALID_INTAKE, urgency: 'asap' }), 400);
      expect(issueFields(enumBad)).toEqual(['urgency']);
      expect(enumBad.error.details?.issues?.[0]?.message).toContain('应为以下之一');
    });
  });

  describe('the whole loop over HTTP', () => {
    it('takes an order from intake to archive with the right users, timeline and allowed events', async () => {
      let o = await newOrder({ urgency: 'urgent' });
      o = await step('agent', o, 'submit_for_dispatch', { comment: '转办' });
      expect(o.status).toBe('pending_dispatch');
      const dispatcherView = (await get('dispatcher', `/api/work-orders/${o.id}`)).json<Detail>();
      const dispatch = dispatcherView.allowedEvents.find((e) => e.name === 'dispatch');
      expect(dispatch?.input.leadUnitId).toMatchObject({ kind: 'unit', required: true });
      o = await step('dispatcher', o, 'dispatch', { leadUnitId: 'city-housing', coUnitIds: ['east-heping'] });
      expect(o).toMatchObject({ status: 'dispatched', leadUnitId: 'city-housing' });
      expect(['ok', 'warning']).toContain(o.deadlineState);
      expect(o.deadlineAt).not.toBeNull();
      expect(o.units.map((u) => [u.unitId, u.role]).sort()).toEqual([
        ['city-housing', 'lead'],
        ['east-heping', 'co'],
      ]);

      // The lead unit's handler signs the order; the co-unit signs only its own task (co_sign).
      const coView = await get('heping', `/api/work-orders/${o.id}`);
      expect(coView.statusCode).toBe(200);
      expect(coView.json<Detail>().allowedEvents.map((e) => e.name)).toEqual(['co_sign']);
      expectError(await send('heping', o, 'sign'), 403, 'ROLE_NOT_PERMITTED');
      expect((await get('eastadmin', `/api/work-orders/${o.id}`)).statusCode).toBe(200);

      const handlerView = (await get('handler', `/api/work-orders/${o.id}`)).json<Detail>();
      expect(handlerView.allowedEvents.map((e) => e.name)).toEqual(['sign', 'request_return']);
      o = await step('handler', o, 'sign');
      o = await step('handler', o, 'request_extension', { days: 2, reason: '需现场复核' });
      const before = o.deadlineAt as string;
      o = await step('reviewer', o, 'approve_extension', { comment: '同意' });
      expect(Date.parse(o.deadlineAt as string)).toBeGreaterThan(Date.parse(before));
      o = await step('handler', o, 'reply', {
        result: 'resolved',
        publicReply: '已责令工地夜间停工',
        signedOffBy: '王科长',
      });
      expect(o.status).toBe('unit_replied');
      o = await step('reviewer', o, 'approve_reply', { checks: [...DEFAULT_REQUIRED_CHECKS] });
      o = await step('callback', o, 'reply_to_caller', { method: 'phone', content: '已电话告知' });
      expect(o.status).toBe('pending_callback');
      o = await step('callback', o, 'callback', { satisfaction: 'satisfied', resolved: 'yes' });
      expect(o.status).toBe('closed');
      expectError(await send('agent', o, 'archive'), 403, 'ROLE_NOT_PERMITTED');
      o = await step('supervisor', o, 'archive');
      expect(o.status).toBe('archived');
      expect(o.allowedEvents).toEqual([]);
      expect(o.timeline.map((t) => t.event)).toEqual([
        'create',
        'submit_for_dispatch',
        'dispatch',
        'sign',
        'request_extension',
        'approve_extension',
        'reply',
        'approve_reply',
        'reply_to_caller',
        'callback',
        'archive',
      ]);
      expect(o.timeline.map((t) => t.seq)).toEqual(o.timeline.map((_, i) => i + 1));
    });
  });

  describe('transition errors', () => {
    let o: Detail;
    beforeAll(async () => {
      o = await newOrder({ appealType: 'help' });
    });

    it('answers 409 VERSION_CONFLICT to a stale version and leaves the order unchanged', async () => {
      o = await step('agent', o, 'submit_for_dispatch');
      const stale = expectError(
        await send('agent', o, 'merge', { targetOrderId: 'x' }, o.version - 1),
        409,
        'VERSION_CONFLICT',
      );
      expect(stale.error.message).toMatch(/刷新/);
      expectError(await send('dispatcher', o, 'dispatch', { leadUnitId: 'city-market' }, o.version + 5), 409);
      expect((await get('agent', `/api/work-orders/${o.id}`)).json<Detail>().version).toBe(o.version);
    });

    it('answers 409 TRANSITION_NOT_ALLOWED, 403 ROLE_NOT_PERMITTED, 400 UNKNOWN_EVENT and 422 GUARD_FAILED', async () => {
      expectError(await send('handler', o, 'sign'), 404, 'NOT_FOUND'); // not yet the handler's order
      expectError(await send('dispatcher', o, 'approve_reply'), 409, 'TRANSITION_NOT_ALLOWED');
      expectError(
        await send('agent', o, 'dispatch', { leadUnitId: 'city-market' }),
        403,
        'ROLE_NOT_PERMITTED',
      );
      expectError(await send('agent', o, 'teleport'), 400, 'UNKNOWN_EVENT');
      expectError(await send('agent', o, '__proto__'), 400, 'UNKNOWN_EVENT');
      expectError(
        await send('dispatcher', o, 'dispatch', { leadUnitId: 'city-market', coUnitIds: ['city-market'] }),
        422,
        'GUARD_FAILED',
      );
    });

    it('reports input problems with input.* field paths', async () => {
      const missing = expectError(await send('dispatcher', o, 'dispatch', {}), 400, 'VALIDATION_FAILED');
      expect(issueFields(missing)).toEqual(['input.leadUnitId']);
      expect(missing.error.details?.issues?.[0]?.message).toContain('主办单位');
      const unknownUnit = expectError(
        await send('dispatcher', o, 'dispatch', { leadUnitId: 'moon-base' }),
        400,
      );
      expect(issueFields(unknownUnit)).toEqual(['input.leadUnitId']);
      const centre = expectError(await send('dispatcher', o, 'dispatch', { leadUnitId: 'centre' }), 400);
      expect(issueFields(centre)).toEqual(['input.leadUnitId']);
      const extra = expectError(
        await send('dispatcher', o, 'dispatch', { leadUnitId: 'city-market', colour: 1 }),
        400,
      );
      expect(issueFields(extra)).toEqual(['input.colour']);
      const co = expectError(
        await send('dispatcher', o, 'dispatch', { leadUnitId: 'city-market', coUnitIds: 'east' }),
        400,
      );
      expect(issueFields(co)).toEqual(['input.coUnitIds']);
    });

    it('validates the body shape: version, event and unknown keys', async () => {
      const url = `/api/work-orders/${o.id}/transitions`;
      const post = async (payload: unknown) =>
        city.app.inject({
          method: 'POST',
          url,
          headers: await city.auth('dispatcher'),
          payload: payload as object,
        });
      expect(
        issueFields(expectError(await post({ event: 'dispatch', version: '3' }), 400, 'VALIDATION_FAILED')),
      ).toEqual(['version']);
      expect(issueFields(expectError(await post({ event: 'dispatch', version: 0 }), 400))).toEqual([
        'version',
      ]);
      expect(issueFields(expectError(await post({ event: 'dispatch', version: 1.5 }), 400))).toEqual([
        'version',
      ]);
      expect(issueFields(expectError(await post({ version: o.version }), 400))).toEqual(['event']);
      expect(issueFields(expectError(await post({ event: 'dispatch', version: 2, why: 1 }), 400))).toEqual([
        'why',
      ]);
      expect(issueFields(expectError(await post({ event: 'dispatch', version: 2, input: [] }), 400))).toEqual(
        ['input'],
      );
      expect(issueFields(expectError(await post([1, 2]), 400, 'VALIDATION_FAILED'))).toEqual(['body']);
    });
  });

  describe('visibility', () => {
    it("hides another unit's order from a unit user: 404 on read and on transition, absent from the list", async () => {
      let o = await newOrder({ title: `${marker} 市场` });
      o = await step('agent', o, 'submit_for_dispatch');
      o = await step('dispatcher', o, 'dispatch', { leadUnitId: 'city-market' });
      expectError(await get('handler', `/api/work-orders/${o.id}`), 404, 'NOT_FOUND');
      expectError(await get('handler', `/api/work-orders/${o.orderNo}`), 404, 'NOT_FOUND');
      expectError(await send('handler', o, 'sign'), 404, 'NOT_FOUND');
      expect((await list('handler', `q=${marker}&pageSize=100`)).items.map((i) => i.id)).not.toContain(o.id);
      expect((await list('market', `q=${marker}&pageSize=100`)).items.map((i) => i.id)).toContain(o.id);
      expectError(await get('agent', '/api/work-orders/does-not-exist'), 404, 'NOT_FOUND');
    });
  });

  describe('list', () => {
    const tag = `${marker}L`;
    let orders: Detail[];
    beforeAll(async () => {
      orders = [];
      for (const [appealType, urgency] of [
        ['complaint', 'normal'],
        ['help', 'urgent'],
        ['help', 'normal'],
      ] as const) {
        orders.push(await newOrder({ title: `${tag} ${appealType}`, appealType, urgency }));
      }
      const first = orders[0] as Detail;
      orders[0] = await step('dispatcher', await step('agent', first, 'submit_for_dispatch'), 'dispatch', {
        leadUnitId: 'city-housing',
      });
      orders[1] = await step('agent', orders[1] as Detail, 'submit_for_dispatch');
    });
    const ids = (b: ListBody) => b.items.map((i) => i.id).sort();
    const idsOf = (...ix: number[]) => ix.map((i) => orders[i]?.id).sort();

    it('filters by keyword, appeal type, urgency, status list and unit', async () => {
      const all = await list('agent', `q=${encodeURIComponent(tag.toLowerCase())}`);
      expect(all).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(all.items[0]?.id).toBe(orders[2]?.id); // newest first
      expect(ids(await list('agent', `q=${tag}&appealType=help`))).toEqual(idsOf(1, 2));
      expect(ids(await list('agent', `q=${tag}&urgency=urgent`))).toEqual(idsOf(1));
      expect(ids(await list('agent', `q=${tag}&status=intake,pending_dispatch`))).toEqual(idsOf(1, 2));
      expect(ids(await list('agent', `q=${tag}&status=dispatched`))).toEqual(idsOf(0));
      expect(ids(await list('agent', `q=${tag}&unitId=city-housing`))).toEqual(idsOf(0));
      expect((await list('agent', `q=${orders[1]?.orderNo}`)).items.map((i) => i.id)).toEqual(idsOf(1));
      expect((await list('handler', `q=${tag}`)).total).toBe(1);
    });

    it('filters by local creation date (from/to)', async () => {
      const today = localToday();
      expect((await list('agent', `q=${tag}&from=${today}&to=${today}`)).total).toBe(3);
      expect((await list('agent', `q=${tag}&from=${today}`)).total).toBe(3);
      expect((await list('agent', `q=${tag}&from=2020-01-01&to=2020-12-31`)).total).toBe(0);
    });

    it('pages with a total', async () => {
      const p1 = await list('agent', `q=${tag}&page=1&pageSize=2`);
      const p2 = await list('agent', `q=${tag}&page=2&pageSize=2`);
      expect([p1.items.length, p1.total, p1.page, p1.pageSize]).toEqual([2, 3, 1, 2]);
      expect([p2.items.length, p2.total, p2.page]).toEqual([1, 3, 2]);
      expect([...ids(p1), ...ids(p2)].sort()).toEqual(idsOf(0, 1, 2));
      const demo = await list('agent', 'pageSize=100');
      expect(demo.total).toBeGreaterThan(3);
      for (const item of demo.items) expect(STATUSES).toContain(item.status);
    });

    it('lists overdue orders only with overdue=true', async () => {
      const overdue = await list('supervisor', 'overdue=true&pageSize=100');
      expect(overdue.total).toBeGreaterThan(0);
      for (const item of overdue.items) {
        expect(item.deadlineState).toBe('overdue');
        expect(Date.parse(item.deadlineAt as string)).toBeLessThan(Date.now());
      }
      expect((await list('agent', `q=${tag}&overdue=true`)).total).toBe(0);
      expect((await list('agent', `q=${tag}&overdue=false`)).total).toBe(3);
    });

    it('reports bad query parameters under querystring.* with Chinese messages', async () => {
      const bad = async (query: string, field: string) => {
        const body = expectError(await get('agent', `/api/work-orders?${query}`), 400, 'VALIDATION_FAILED');
        expect(issueFields(body), query).toEqual([field]);
      };
      await bad('page=0', 'querystring.page');
      await bad('page=abc', 'querystring.page');
      await bad('page=-1', 'querystring.page');
      await bad('pageSize=101', 'querystring.pageSize');
      await bad('pageSize=0', 'querystring.pageSize');
      await bad('overdue=yes', 'querystring.overdue');
      await bad('sort=title', 'querystring.sort');
      await bad(`q=${'x'.repeat(101)}`, 'querystring.q');
      await bad('status=intake,flying', 'querystring.status');
      await bad('from=2026-13-45', 'querystring.from');
      await bad('to=yesterday', 'querystring.to');
      await bad('unitId=atlantis', 'querystring.unitId');
    });

    it('needs a session', async () => {
      expectError(await city.app.inject({ method: 'GET', url: '/api/work-orders' }), 401, 'UNAUTHENTICATED');
      expectError(await city.app.inject({ method: 'GET', url: `/api/work-orders/${orders[0]?.id}` }), 401);
    });
  });
});
