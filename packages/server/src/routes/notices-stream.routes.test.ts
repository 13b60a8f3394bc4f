import { randomUUID } from 'node:crypto';
import { publishNewNotices } from '@huawu/core';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { DEMO_PASSWORD, expectError, useCity } from '../test-support/http.js';
import { type SseEvent, openStream } from '../test-support/sse.js';

const PATH = '/api/notices/stream';
const isNotices = (e: SseEvent) => e.event === 'notices';

/** Waits for the `notices` event with this unread count; returns how many `notices` events came before it. */
async function eventsBefore(stream: Awaited<ReturnType<typeof openStream>>, unread: number) {
  const found = await stream.waitFor((e) => isNotices(e) && e.data.unread === unread);
  return stream.events.slice(0, stream.events.indexOf(found)).filter(isNotices).length;
}

/** An in-app notice written directly into the outbox table (as another writer would), for one unit. */
const marker = (orderId: string, unitId: string) => {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    kind: 'order_dispatched',
    order_id: orderId,
    recipient_unit_id: unitId,
    recipient_user_id: null,
    channel: 'in_app',
    target: null,
    payload: JSON.stringify({ text: '测试通知' }),
    status: 'sent',
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    claim_token: null,
    created_at: now,
    sent_at: now,
    dedupe_key: `marker:${randomUUID()}`,
  };
};

describeEachDatabase('HTTP notices stream (live bell)', (db) => {
  const city = useCity(db, { logins: ['agent', 'dispatcher', 'handler', 'heping', 'reviewer'] });
  let baseUrl: string;
  beforeAll(async () => {
    baseUrl = await city.app.listen({ port: 0, host: '127.0.0.1' });
  });

  const call = async (method: 'GET' | 'POST', url: string, user: string, payload?: unknown) =>
    city.app.inject({
      method,
      url,
      headers: await city.auth(user),
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  it('a transition that notifies a unit pushes `notices` to that unit’s users only (centre users via the centre)', async () => {
    expectError(await city.app.inject({ method: 'GET', url: PATH }), 401);
    const handler = await openStream(baseUrl, PATH, await city.token('handler'));
    const heping = await openStream(baseUrl, PATH, await city.token('heping'));
    const reviewer = await openStream(baseUrl, PATH, await city.token('reviewer'));
    expect(handler.res.status).toBe(200);
    expect(handler.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // Each stream starts with the current count (a reconnecting browser reloads what it missed).
    const first = await handler.waitFor(isNotices);
    const hepingFirst = await heping.waitFor(isNotices);
    const reviewerFirst = await reviewer.waitFor(isNotices);

    const created = await call('POST', '/api/work-orders', 'agent', {
      channel: 'phone',
      callerName: '张先生',
      callerPhone: '13912345678',
      appealType: 'complaint',
      title: '推送测试：噪音扰民',
      content: '反映小区附近工地夜间施工噪音扰民，希望处理。',
      address: '东城区和平路18号',
      urgency: 'normal',
    });
    expect(created.statusCode, created.body).toBe(201);
    let order = created.json<{ id: string; version: number }>();
    const move = async (user: string, event: string, input: Record<string, unknown> = {}) => {
      const res = await call('POST', `/api/work-orders/${order.id}/transitions`, user, {
        event,
        input,
        version: order.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      order = res.json();
    };
    await move('agent', 'submit_for_dispatch');
    await move('dispatcher', 'dispatch', { leadUnitId: 'city-housing' });
    // The handler's next event carries the new count, and only the opening event came before it.
    expect(await eventsBefore(handler, (first.data.unread as number) + 1)).toBe(1);

    await move('handler', 'sign');
    await move('handler', 'request_extension', { days: 3, reason: '需要现场勘查协调' });
    expect(await eventsBefore(reviewer, (reviewerFirst.data.unread as number) + 1)).toBe(1);

    // A notice of 和平街道's own: its stream's first event after the opening one is for it (nothing
    // for the other units reached it); the handler got nothing for the centre's notice either.
    await city.core.database.db.insertInto('notifications').values(marker(order.id, 'east-heping')).execute();
    await publishNewNotices(city.core, ['east-heping']);
    expect(await eventsBefore(heping, (hepingFirst.data.unread as number) + 1)).toBe(1);
    await city.core.database.db
      .insertInto('notifications')
      .values(marker(order.id, 'city-housing'))
      .execute();
    await publishNewNotices(city.core, ['city-housing']);
    expect(await eventsBefore(handler, (first.data.unread as number) + 2)).toBe(2);
    for (const s of [handler, heping, reviewer]) s.close();
  });

  it('a stream whose session ended says so and closes instead of announcing', async () => {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'handler', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const stream = await openStream(baseUrl, PATH, token);
    await stream.waitFor(isNotices);
    const out = await fetch(`${baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    await publishNewNotices(city.core, ['city-housing']);
    await stream.waitFor((e) => e.event === 'session_ended');
    expect(stream.events.filter(isNotices)).toHaveLength(1);
    const end = Date.now() + 5000;
    while (!stream.ended() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(stream.ended()).toBe(true);
    stream.close();
  });
});
