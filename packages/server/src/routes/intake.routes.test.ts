import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { VALID_INTAKE } from '../../../core/src/test-support/fixtures.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';

interface Detail {
  id: string;
  orderNo: string;
  status: string;
  version: number;
  category: string | null;
  related: {
    id: string;
    orderNo: string;
    title: string;
    status: string;
    statusLabel: string;
    kind: string;
  }[];
  mergedCallers: number;
  knowledgeAnswer: unknown;
  timeline: { event: string; payload: Record<string, unknown> }[];
}

describeEachDatabase('HTTP intake desk', (db) => {
  const city = useCity(db, { logins: ['agent', 'dispatcher', 'supervisor', 'admin', 'handler', 'callback'] });

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, user: string | null, payload?: unknown) =>
    city.app.inject({
      method,
      url,
      headers: user ? await city.auth(user) : {},
      ...(payload === undefined ? {} : { payload }),
    });

  describe('intake check and one-transaction intake', () => {
    it('POST /api/intake/check returns five elements, scope and duplicates', async () => {
      const res = await call('POST', '/api/intake/check', 'agent', {
        appealType: 'complaint',
        content: '邻居家着火了，冒烟很大',
        callerName: '张先生',
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        fiveElements: { key: string; present: boolean; required: boolean; label: string; hint: string }[];
        missing: string[];
        scope: {
          decision: string;
          matches: { ruleId: string; target: string; script: string; matched: string[] }[];
        };
        duplicates: { sameCaller: unknown[]; similar: unknown[] };
      }>();
      expect(body.fiveElements.map((e) => e.label)).toEqual(['姓名', '时间', '地址', '起因', '经过']);
      expect(body.scope.decision).toBe('emergency');
      expect(body.scope.matches[0]).toMatchObject({
        ruleId: 'em-fire',
        target: '119',
        matched: ['着火', '冒烟'],
      });
      expect(body.duplicates).toEqual({ sameCaller: [], similar: [] });
    });

    it('POST /api/intake/check refuses unknown fields and wrong types by path; units may not use it', async () => {
      const bad = expectError(
        await call('POST', '/api/intake/check', 'agent', { colour: 1, title: 5 }),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(bad).sort()).toEqual(['colour', 'title']);
      expectError(await call('POST', '/api/intake/check', 'handler', {}), 403, 'ROLE_NOT_PERMITTED');
      expectError(await call('POST', '/api/intake/check', null, {}), 401, 'UNAUTHENTICATED');
    });

    it('POST /api/intake/orders creates and decides in one go (201, WorkOrderDetail)', async () => {
      const res = await call('POST', '/api/intake/orders', 'agent', {
        order: { ...VALID_INTAKE, category: '0108' },
        decision: { event: 'submit_for_dispatch', input: {} },
      });
      expect(res.statusCode).toBe(201);
      const o = res.json<Detail>();
      expect(o).toMatchObject({
        status: 'pending_dispatch',
        version: 2,
        category: '0108',
        related: [],
        mergedCallers: 0,
        knowledgeAnswer: null,
      });
      expect(o.timeline.map((t) => t.event)).toEqual(['create', 'submit_for_dispatch']);
    });

    it('the one-click emergency transfer succeeds with an empty form', async () => {
      const res = await call('POST', '/api/intake/orders', 'agent', {
        order: {},
        decision: { event: 'transfer_out', input: { target: '120' } },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json<Detail>()).toMatchObject({ status: 'transferred_out' });
    });

    it('errors name the body path; an unknown category is refused on order.category', async () => {
      const bad = expectError(
        await call('POST', '/api/intake/orders', 'agent', { order: { ...VALID_INTAKE, category: '住房' } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(bad)).toEqual(['order.category']);
      const decision = expectError(
        await call('POST', '/api/intake/orders', 'agent', {
          order: VALID_INTAKE,
          decision: { event: 'merge', input: {} },
        }),
        400,
      );
      expect(issueFields(decision)).toEqual(['decision.input.targetOrderId']);
      const shape = expectError(await call('POST', '/api/intake/orders', 'agent', { decision: {} }), 400);
      expect(issueFields(shape).sort()).toEqual(['decision.event', 'order']);
    });

    it('POST /api/work-orders also refuses free-text categories on `category`', async () => {
      const res = await call('POST', '/api/work-orders', 'agent', {
        ...VALID_INTAKE,
        category: '城市管理/消防通道',
      });
      expect(issueFields(expectError(res, 400, 'VALIDATION_FAILED'))).toEqual(['category']);
    });
  });

  describe('links and detail', () => {
    it('POST /api/work-orders/:id/links links two orders; the detail lists them', async () => {
      const a = (
        await call('POST', '/api/work-orders', 'agent', { ...VALID_INTAKE, title: '关联A' })
      ).json<Detail>();
      const b = (
        await call('POST', '/api/work-orders', 'agent', { ...VALID_INTAKE, title: '关联B' })
      ).json<Detail>();
      const res = await call('POST', `/api/work-orders/${a.id}/links`, 'dispatcher', {
        relatedOrderId: b.orderNo,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        items: [
          {
            id: b.id,
            orderNo: b.orderNo,
            title: '关联B',
            status: 'intake',
            statusLabel: '受理中',
            kind: 'related',
          },
        ],
      });
      const detail = (await call('GET', `/api/work-orders/${b.id}`, 'agent')).json<Detail>();
      expect(detail.related.map((r) => r.id)).toEqual([a.id]);
      expect(
        issueFields(
          expectError(await call('POST', `/api/work-orders/${a.id}/links`, 'agent', { x: 1 }), 400),
        ),
      ).toEqual(expect.arrayContaining(['relatedOrderId', 'x']));
      expectError(
        await call('POST', `/api/work-orders/${a.id}/links`, 'handler', { relatedOrderId: b.id }),
        403,
      );
    });
  });

  describe('caller history and flags', () => {
    it('GET /api/intake/caller-history for a number; PUT flag by supervisors', async () => {
      await call('POST', '/api/work-orders', 'agent', { ...VALID_INTAKE, callerPhone: '13300000003' });
      const res = await call('GET', '/api/intake/caller-history?phone=13300000003', 'agent');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        phone: '13300000003',
        flag: { harassment: false },
        stats: { total: 1, open: 1 },
        orders: [{ open: true, statusLabel: '受理中' }],
      });
      const bad = expectError(await call('GET', '/api/intake/caller-history?phone=x', 'agent'), 400);
      expect(issueFields(bad)).toEqual(['querystring.phone']);
      expectError(await call('GET', '/api/intake/caller-history?phone=13300000003', 'dispatcher'), 403);
      expectError(
        await call('PUT', '/api/intake/callers/13300000003/flag', 'agent', { harassment: true }),
        403,
      );
      const flag = await call('PUT', '/api/intake/callers/13300000003/flag', 'supervisor', {
        harassment: true,
        note: '骚扰',
      });
      expect(flag.json()).toMatchObject({ phone: '13300000003', flag: { harassment: true, note: '骚扰' } });
      const badPhone = expectError(
        await call('PUT', '/api/intake/callers/abc/flag', 'supervisor', { harassment: true }),
        400,
      );
      expect(issueFields(badPhone)).toEqual(['params.phone']);
    });
  });

  describe('editors', () => {
    it('phrases: list for agents, create and update for supervisors', async () => {
      const list = (await call('GET', '/api/intake/phrases', 'agent')).json<{
        items: { step: string; stepLabel: string }[];
      }>();
      expect(list.items[0]).toMatchObject({ step: 'opening', stepLabel: '开场' });
      expectError(
        await call('POST', '/api/intake/phrases', 'agent', { step: 'hold', title: 't', text: 'x' }),
        403,
      );
      const created = await call('POST', '/api/intake/phrases', 'supervisor', {
        step: 'closing',
        title: '祝福',
        text: '祝您生活愉快。',
      });
      expect(created.statusCode).toBe(201);
      const id = created.json<{ id: string }>().id;
      const updated = await call('PUT', `/api/intake/phrases/${id}`, 'admin', {
        title: '祝福',
        text: '祝您生活愉快！',
        active: false,
      });
      expect(updated.json()).toMatchObject({ id, text: '祝您生活愉快！', active: false });
      expectError(
        await call('PUT', '/api/intake/phrases/nope', 'admin', { title: 'a', text: 'b' }),
        404,
        'NOT_FOUND',
      );
    });

    it('scope rules: list, create and replace', async () => {
      const list = (await call('GET', '/api/intake/scope-rules', 'agent')).json<{
        items: { id: string; kind: string }[];
      }>();
      expect(list.items.some((r) => r.id === 'em-fire')).toBe(true);
      const body = {
        kind: 'not_accept',
        label: '彩票兑奖',
        keywords: ['彩票兑奖'],
        reasonCode: 'excluded_by_law',
        script: '抱歉，这个问题不属于12345热线受理范围，建议您咨询彩票销售机构。',
      };
      const created = await call('POST', '/api/intake/scope-rules', 'supervisor', body);
      expect(created.statusCode).toBe(201);
      const id = created.json<{ id: string }>().id;
      const check = await call('POST', '/api/intake/check', 'agent', { content: '咨询彩票兑奖流程' });
      expect(check.json<{ scope: { decision: string } }>().scope.decision).toBe('not_accept');
      const replaced = await call('PUT', `/api/intake/scope-rules/${id}`, 'supervisor', {
        ...body,
        active: false,
      });
      expect(replaced.json()).toMatchObject({ id, active: false });
      expectError(
        await call('POST', '/api/intake/scope-rules', 'supervisor', { ...body, kind: 'maybe' }),
        400,
      );
      expectError(await call('POST', '/api/intake/scope-rules', 'agent', body), 403);
    });

    it('categories: list for everyone, CSV import with per-row errors, update', async () => {
      const list = await call('GET', '/api/categories', 'handler');
      expect(list.statusCode).toBe(200);
      const items = list.json<{
        items: { code: string; path: string; level: number; parentCode: string | null }[];
      }>().items;
      expect(items.find((c) => c.code === '0101')).toMatchObject({
        path: '城乡建设/市政道路',
        level: 2,
        parentCode: '01',
      });
      const anonymous = await city.app.inject({
        method: 'POST',
        url: '/api/categories/import',
        headers: { 'content-type': 'text/csv' },
        payload: 'x',
      });
      expectError(anonymous, 401, 'UNAUTHENTICATED');
      const ok = await city.app.inject({
        method: 'POST',
        url: '/api/categories/import',
        headers: { ...(await city.auth('admin')), 'content-type': 'text/csv' },
        payload: 'code,name,parent_code,emergency_hint\n0110,桥梁隧道,01,桥梁垮塌请立即转110\n0111,,01,\n',
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({
        created: 1,
        updated: 0,
        total: 2,
        rejected: [{ row: 3, field: 'name', message: '请填写分类名称' }],
      });
      const json = await city.app.inject({
        method: 'POST',
        url: '/api/categories/import',
        headers: await city.auth('admin'),
        payload: { code: '01' },
      });
      expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const forbidden = await city.app.inject({
        method: 'POST',
        url: '/api/categories/import',
        headers: { ...(await city.auth('agent')), 'content-type': 'text/csv' },
        payload: '0112,x,01',
      });
      expectError(forbidden, 403, 'FORBIDDEN');
      const updated = await call('PUT', '/api/categories/0110', 'supervisor', { active: false });
      expect(updated.json()).toMatchObject({
        code: '0110',
        active: false,
        emergencyHint: '桥梁垮塌请立即转110',
      });
      expectError(await call('PUT', '/api/categories/zz99', 'supervisor', { active: false }), 404);
      // Other routes stay JSON-only.
      const plain = await city.app.inject({
        method: 'POST',
        url: '/api/intake/check',
        headers: { ...(await city.auth('agent')), 'content-type': 'text/csv' },
        payload: 'a,b',
      });
      expectError(plain, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });
});
