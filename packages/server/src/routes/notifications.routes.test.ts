import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';

describeEachDatabase('HTTP notifications', (db) => {
  const city = useCity(db, { logins: ['agent', 'dispatcher', 'handler', 'admin', 'supervisor'] });
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, user?: string, payload?: unknown) =>
    city.app.inject({
      method,
      url,
      headers: user ? await city.auth(user) : {},
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  it('a dispatch reaches the unit as an in-app notice the handler can mark read', async () => {
    const created = await call('POST', '/api/work-orders', 'agent', {
      channel: 'phone',
      callerName: '张先生',
      callerPhone: '13912345678',
      appealType: 'complaint',
      title: '通知测试：噪音扰民',
      content: '反映小区附近工地夜间施工噪音扰民，希望处理。',
      address: '东城区和平路18号',
      urgency: 'normal',
    });
    expect(created.statusCode, created.body).toBe(201);
    let order = created.json<{ id: string; version: number; orderNo: string }>();
    const move = async (user: string, event: string, input: Record<string, unknown> = {}) => {
      const res = await call('POST', `/api/work-orders/${order.id}/transitions`, user, {
        event,
        input,
        version: order.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      order = res.json();
    };
    const before = (await call('GET', '/api/notices', 'handler')).json<{ unread: number }>().unread;
    await move('agent', 'submit_for_dispatch');
    await move('dispatcher', 'dispatch', { leadUnitId: 'city-housing' });

    const list = await call('GET', '/api/notices?unread=true', 'handler');
    expect(list.statusCode, list.body).toBe(200);
    const notices = list.json<{ items: { id: string; orderId: string; text: string }[]; unread: number }>();
    expect(notices.unread).toBe(before + 1);
    const notice = notices.items.find((n) => n.orderId === order.id)!;
    expect(notice.text).toContain(order.orderNo);

    const read = await call('POST', `/api/notices/${notice.id}/read`, 'handler');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().unread).toBe(before);
    expectError(await call('POST', `/api/notices/${notice.id}/read`, 'agent'), 404, 'NOT_FOUND');
    expectError(await call('GET', '/api/notices'), 401);
    expectError(await call('GET', '/api/notices?limit=abc', 'handler'), 400, 'VALIDATION_FAILED');
  });

  it('admins manage webhooks; others may not', async () => {
    expectError(await call('GET', '/api/webhooks', 'supervisor'), 403, 'ROLE_NOT_PERMITTED');
    const created = await call('POST', '/api/webhooks', 'admin', {
      unitId: 'city-housing',
      url: 'https://example.org/hook',
      kinds: ['order_dispatched'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const hook = created.json<{ id: string; secret: string; secretHint: string }>();
    expect(hook.secret).toMatch(/^[0-9a-f]{48}$/);
    const list = (await call('GET', '/api/webhooks', 'admin')).json<{ items: Record<string, unknown>[] }>();
    expect(list.items[0]).toMatchObject({
      id: hook.id,
      active: true,
      secretHint: `…${hook.secret.slice(-4)}`,
    });
    expect(list.items[0]).not.toHaveProperty('secret');

    const updated = await call('PUT', `/api/webhooks/${hook.id}`, 'admin', {
      unitId: null,
      url: 'https://example.org/other',
      active: false,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ unitId: null, active: false, kinds: ['order_dispatched'] });

    const bad = expectError(
      await call('POST', '/api/webhooks', 'admin', {
        url: 'ftp://x',
        secret: 'short',
        kinds: ['nope'],
        unitId: 'zz',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(bad).sort()).toEqual(['kinds[0]', 'secret', 'unitId', 'url']);
    expectError(
      await call('PUT', '/api/webhooks/missing', 'admin', { url: 'https://x.org' }),
      404,
      'NOT_FOUND',
    );
  });

  it('admins edit templates with known placeholders and see the delivery log', async () => {
    const list = await call('GET', '/api/notification-templates', 'admin');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ kind: 'order_dispatched', channel: 'sms', custom: false }),
    );
    const put = await call('PUT', '/api/notification-templates', 'admin', {
      kind: 'order_dispatched',
      channel: 'sms',
      text: '新工单{orderNo}，时限{deadline}',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      text: '新工单{orderNo}，时限{deadline}',
      custom: true,
      updatedBy: 'demo-admin',
    });
    const bad = expectError(
      await call('PUT', '/api/notification-templates', 'admin', {
        kind: 'order_dispatched',
        channel: 'sms',
        text: '{phone}',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(bad)).toEqual(['text']);
    const reset = await call('PUT', '/api/notification-templates', 'admin', {
      kind: 'order_dispatched',
      channel: 'sms',
      text: null,
    });
    expect(reset.json()).toMatchObject({ custom: false });
    expectError(
      await call('PUT', '/api/notification-templates', 'handler', { kind: 'x', channel: 'y', text: 'z' }),
      403,
    );

    const log = await call('GET', '/api/notifications/deliveries?limit=10', 'admin');
    expect(log.statusCode, log.body).toBe(200);
    expect(Array.isArray(log.json().items)).toBe(true);
    expectError(await call('GET', '/api/notifications/deliveries', 'agent'), 403, 'ROLE_NOT_PERMITTED');
  });
});
