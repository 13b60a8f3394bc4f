import { randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore } from '../create-core.js';
import { insertNotifications, listOrderNotifications } from '../storage/notifications.repository.js';
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
import { describeEachDatabase } from '../test-support/databases.js';
import { applyTransition, transitionContext } from '../use-cases/transition-work-order.js';
import { findOrder, listOrderUnits } from '../storage/work-order.repository.js';
import { deliverDue } from './deliver-due.js';
import { enqueueForTransition } from './enqueue-for-transition.js';
import {
  createWebhook,
  listDeliveryLog,
  updateNotificationTemplate,
  updateWebhook,
} from './manage-notification-admin.js';
import { listAudit } from '../storage/admin.repository.js';
import { listMyNotices, readNotice } from './manage-notices.js';
import { verifyWebhookSignature } from './webhook-signature.js';

interface Hit {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real local HTTP receiver: records each request and answers with `status()`. */
function receiver() {
  const hits: Hit[] = [];
  let status = () => 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = status();
      res.end('ok');
    });
  });
  return {
    hits,
    setStatus: (f: () => number) => {
      status = f;
    },
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeEachDatabase('notifications outbox', (db) => {
  const rx = receiver();
  let url = '';
  beforeAll(async () => {
    url = await rx.start();
  });
  afterAll(() => rx.stop());

  async function setup(start = '2026-11-30T02:00:00Z') {
    const clock = manualClock(start);
    const core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    return { core, clock };
  }

  it('a dispatch enqueues one notification per recipient and channel, in its transaction', async () => {
    const { core } = await setup();
    const hook = await createWebhook(core, A.admin, { unitId: 'city-housing', url, secret: 's'.repeat(32) });
    const o = await dispatched(core, { leadUnitId: 'city-housing', coUnitIds: ['city-market'] });
    const rows = await listOrderNotifications(core.database.db, o.id);
    const seq = o.version;
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual(
      [
        `${o.id}:${seq}:order_dispatched:city-housing:in_app`,
        `${o.id}:${seq}:order_dispatched:city-housing:sms`,
        `${o.id}:${seq}:order_dispatched:city-housing:webhook@${hook.id}`,
        `${o.id}:${seq}:order_dispatched:city-market:in_app`,
        `${o.id}:${seq}:order_dispatched:city-market:sms`,
      ].sort(),
    );
    const inApp = rows.find((r) => r.recipientUnitId === 'city-housing' && r.channel === 'in_app');
    expect(inApp?.status).toBe('sent');
    expect(inApp?.payload.text).toContain(o.orderNo);
    expect(inApp?.payload.text).toContain('市住房和城乡建设局');
    expect(rows.find((r) => r.channel === 'webhook')).toMatchObject({ status: 'pending', attempts: 0 });

    // Running the hook again for the same event adds nothing (dedupe keys).
    const order = await findOrder(core.database.db, o.id);
    const units = await listOrderUnits(core.database.db, o.id);
    const again = await core.database.db.transaction().execute((tx) =>
      enqueueForTransition(tx, {
        order: order!,
        units,
        event: 'dispatch',
        seq,
        at: o.updatedAt,
        timeZone: 'Asia/Shanghai',
      }),
    );
    expect(again.written).toBe(0);
    expect(await listOrderNotifications(core.database.db, o.id)).toHaveLength(5);

    // The unit's request to extend goes to the centre.
    await step(core, o, handlerOf('city-housing'), 'sign').then((s) =>
      step(core, s, handlerOf('city-housing'), 'request_extension', { days: 3, reason: '需要现场勘查协调' }),
    );
    const centre = (await listOrderNotifications(core.database.db, o.id)).filter(
      (r) => r.recipientUnitId === 'centre',
    );
    expect(centre.map((r) => [r.kind, r.channel])).toEqual([['extension_requested', 'in_app']]);

    // Notices: the handler sees the unit's notice, unread, and marks it read; the centre sees its own.
    const mine = await listMyNotices(core, A.handler);
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({ kind: 'order_dispatched', orderId: o.id, read: false });
    expect((await readNotice(core, A.handler, mine.items[0]!.id)).unread).toBe(0);
    expect((await readNotice(core, A.handler, mine.items[0]!.id)).unread).toBe(0);
    expect((await listMyNotices(core, A.market)).unread).toBe(1);
    expect((await listMyNotices(core, A.reviewer)).items.map((n) => n.kind)).toEqual(['extension_requested']);
    await expectAppError(readNotice(core, A.market, centre[0]!.id), 'NOT_FOUND');
  });

  it('webhook and template changes are audited, never with the secret', async () => {
    const { core } = await setup();
    const secret = 'x'.repeat(32);
    const hook = await createWebhook(core, A.admin, { unitId: null, url, secret });
    await updateWebhook(core, A.admin, hook.id, { unitId: null, url, active: false });
    await updateNotificationTemplate(core, A.admin, {
      kind: 'order_dispatched',
      channel: 'sms',
      text: '{orderNo} 已派单',
    });
    const rows = await listAudit(core.database.db, { targetId: hook.id, limit: 10 });
    expect(rows.map((r) => r.action).sort()).toEqual(['webhook_add', 'webhook_change']);
    expect(JSON.stringify(rows)).not.toContain(secret);
    const template = await listAudit(core.database.db, { action: 'settings_change', limit: 10 });
    expect(template.some((r) => r.targetId === 'order_dispatched:sms')).toBe(true);
  });

  it('a rolled-back transition enqueues nothing', async () => {
    const { core } = await setup();
    let o = await newOrder(core);
    o = await step(core, o, A.agent, 'submit_for_dispatch');
    const ctx = await transitionContext(core, A.dispatcher);
    await expect(
      core.database.db.transaction().execute(async (tx) => {
        const order = (await findOrder(tx, o.id))!;
        await applyTransition(core, tx, A.dispatcher, ctx, order, await listOrderUnits(tx, o.id), {
          event: 'dispatch',
          input: { leadUnitId: 'city-housing' },
        });
        expect(await listOrderNotifications(tx, o.id)).not.toHaveLength(0);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await listOrderNotifications(core.database.db, o.id)).toEqual([]);
  });

  it('delivers signed webhooks, logs SMS, retries on the back-off and fails after the schedule', async () => {
    const { core, clock } = await setup();
    const secret = 'k'.repeat(40);
    await createWebhook(core, A.admin, { unitId: null, url, secret, kinds: ['order_dispatched'] });
    rx.hits.length = 0;
    rx.setStatus(() => 200);
    const o = await dispatched(core, { leadUnitId: 'city-housing' });
    const t0 = clock.now();
    const first = await deliverDue(core, { now: t0 });
    expect(first).toEqual({ claimed: 2, sent: 2, retried: 0, failed: 0 }); // webhook + sms
    expect(rx.hits).toHaveLength(1);
    const hit = rx.hits[0]!;
    const header = hit.headers['x-huawu-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const nowSec = Math.floor(t0.getTime() / 1000);
    expect(verifyWebhookSignature(secret, header, hit.body, nowSec)).toBe(true);
    expect(verifyWebhookSignature('other-secret-xxxxxxxx', header, hit.body, nowSec)).toBe(false);
    expect(verifyWebhookSignature(secret, header, `${hit.body} `, nowSec)).toBe(false);
    expect(JSON.parse(hit.body)).toMatchObject({
      kind: 'order_dispatched',
      orderId: o.id,
      orderNo: o.orderNo,
    });
    expect(await deliverDue(core, { now: t0 })).toMatchObject({ claimed: 0 });
    const log = await listDeliveryLog(core, A.admin);
    expect(log.items.map((d) => [d.channel, d.ok]).sort()).toEqual([
      ['sms', true],
      ['webhook', true],
    ]);
    await expectAppError(listDeliveryLog(core, A.supervisor), 'ROLE_NOT_PERMITTED');

    // A failing receiver: attempts at +0, +1 min, +5 min, +30 min, +2 h, +12 h, then failed.
    rx.hits.length = 0;
    rx.setStatus(() => 503);
    let s = await step(core, o, handlerOf('city-housing'), 'sign');
    s = await step(core, s, handlerOf('city-housing'), 'request_return', { reason: '不属于本单位职责范围' });
    s = await step(core, s, A.dispatcher, 'approve_return', { leadUnitId: 'city-market' });
    let at = clock.now().getTime();
    const due = await deliverDue(core, { now: new Date(at) });
    expect(due).toMatchObject({ claimed: 2, sent: 1, retried: 1 }); // sms sent, webhook retried
    for (const waitMin of [1, 5, 30, 120, 720]) {
      expect(await deliverDue(core, { now: new Date(at + waitMin * 60_000 - 1000) })).toMatchObject({
        claimed: 0,
      });
      at += waitMin * 60_000;
      const r = await deliverDue(core, { now: new Date(at) });
      expect(r).toMatchObject({ claimed: 1, ...(waitMin === 720 ? { failed: 1 } : { retried: 1 }) });
    }
    expect(await deliverDue(core, { now: new Date(at + 86_400_000) })).toMatchObject({ claimed: 0 });
    expect(rx.hits).toHaveLength(6);
    const hook = (await listOrderNotifications(core.database.db, o.id)).find(
      (r) => r.channel === 'webhook' && r.kind === 'order_dispatched' && r.recipientUnitId === 'city-market',
    );
    expect(hook).toMatchObject({ status: 'failed', attempts: 6, lastError: 'HTTP 503' });
    const attempts = await listDeliveryLog(core, A.admin, { notificationId: hook!.id });
    expect(attempts.items.map((d) => d.attempt)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(attempts.items.every((d) => !d.ok && d.statusCode === 503)).toBe(true);
  });

  it('two workers racing over one database never deliver a row twice', async () => {
    const { core, clock } = await setup();
    const other = createCore({ databaseUrl: core.url, now: clock.now });
    try {
      const hook = await createWebhook(core, A.admin, { unitId: null, url, secret: 'r'.repeat(32) });
      const o = await newOrder(core);
      const at = clock.now().toISOString();
      const n = 40;
      await insertNotifications(
        core.database.db,
        Array.from({ length: n }, (_, i) => ({
          id: randomUUID(),
          kind: 'order_dispatched',
          orderId: o.id,
          recipientUnitId: 'city-housing',
          recipientUserId: null,
          channel: 'webhook',
          target: hook.id,
          payload: { text: `#${i}` },
          status: 'pending',
          nextAttemptAt: at,
          createdAt: at,
          sentAt: null,
          dedupeKey: `race:${i}`,
        })),
      );
      rx.hits.length = 0;
      rx.setStatus(() => 200);
      const now = clock.now();
      const rounds = await Promise.all([
        deliverDue(core, { now, limit: 7 }),
        deliverDue(other, { now, limit: 7 }),
        deliverDue(core, { now, limit: 7 }),
        deliverDue(other, { now, limit: 7 }),
      ]);
      let total = rounds.reduce((sum, r) => sum + r.sent, 0);
      while (total < n) {
        const more = await Promise.all([
          deliverDue(core, { now, limit: 7 }),
          deliverDue(other, { now, limit: 7 }),
        ]);
        const got = more.reduce((sum, r) => sum + r.sent, 0);
        if (got === 0) break;
        total += got;
      }
      expect(total).toBe(n);
      const ids = rx.hits.map((h) => h.headers['x-huawu-notification-id']);
      expect(ids).toHaveLength(n);
      expect(new Set(ids).size).toBe(n);
    } finally {
      await other.close();
    }
  });
});
