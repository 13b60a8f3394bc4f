import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrderNotifications } from '../storage/notifications.repository.js';
import { A, dispatched, expectAppError, manualClock, seedPeople } from '../test-support/contract-helpers.js';
import { describeEachDatabase } from '../test-support/databases.js';
import { deliverDue } from './deliver-due.js';
import { listDeliveryLog } from './manage-notification-admin.js';
import { createHttpSmsGateway, loggingSmsGateway, smsGatewayFor, validateSmsConfig } from './sms-gateway.js';

interface Hit {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A local SMS provider: records each request and answers with `status`. */
function provider() {
  const hits: Hit[] = [];
  const state = { status: 200 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({
        method: req.method ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.statusCode = state.status;
      res.end('{}');
    });
  });
  return {
    hits,
    state,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('SMS gateway settings', () => {
  it('accepts http/https URLs only, without credentials; the token is optional', async () => {
    expect(validateSmsConfig({ url: 'https://sms.example.org/send', token: ' t ' })).toEqual({
      url: 'https://sms.example.org/send',
      token: 't',
    });
    expect(validateSmsConfig({ url: 'http://10.0.0.5:8080/x', token: '' })).toEqual({
      url: 'http://10.0.0.5:8080/x',
    });
    for (const url of [
      'sms.example.org',
      'ftp://sms.example.org/',
      'file:///etc/passwd',
      'https://u:p@x.org/',
    ]) {
      await expectAppError(
        Promise.resolve().then(() => validateSmsConfig({ url })),
        'VALIDATION_FAILED',
      );
    }
    expect(() => validateSmsConfig({ url: 'ftp://x' })).toThrow(/HUAWU_SMS_URL|http/);
    expect(smsGatewayFor({})).toBe(loggingSmsGateway);
    expect(smsGatewayFor({ sms: { url: 'https://sms.example.org/' } }).name).toBe('http');
  });
});

describeEachDatabase('HTTP SMS gateway', (db) => {
  const sms = provider();
  let url = '';
  beforeAll(async () => {
    url = await sms.start();
  });
  afterAll(() => sms.stop());

  it('posts {to, text, id} with the bearer token; 2xx is sent, 500 is retried on the back-off', async () => {
    const clock = manualClock('2026-11-30T02:00:00Z');
    const core = await db.newCore({ now: clock.now, config: { sms: { url, token: 'sms-secret' } } });
    await seedPeople(core);
    const gateway = smsGatewayFor(core.config);
    const o = await dispatched(core, { leadUnitId: 'city-housing' });
    const row = (await listOrderNotifications(core.database.db, o.id)).find((r) => r.channel === 'sms')!;
    expect(row.target).toBeTruthy();

    sms.state.status = 500;
    const t0 = clock.now();
    expect(await deliverDue(core, { now: t0, sms: gateway })).toMatchObject({ claimed: 1, retried: 1 });
    expect(sms.hits).toHaveLength(1);
    const hit = sms.hits[0]!;
    expect(hit.method).toBe('POST');
    expect(hit.headers.authorization).toBe('Bearer sms-secret');
    expect(hit.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(hit.body)).toEqual({ to: row.target, text: row.payload.text, id: row.id });
    let after = (await listOrderNotifications(core.database.db, o.id)).find((r) => r.id === row.id)!;
    expect(after).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    expect(after.nextAttemptAt).toBe(new Date(t0.getTime() + 60_000).toISOString());

    // Not due before the first back-off step; at it, the provider answers 200 and the row is sent.
    const early = new Date(t0.getTime() + 59_000);
    expect(await deliverDue(core, { now: early, sms: gateway })).toMatchObject({ claimed: 0 });
    sms.state.status = 200;
    const t1 = new Date(t0.getTime() + 60_000);
    expect(await deliverDue(core, { now: t1, sms: gateway })).toMatchObject({ claimed: 1, sent: 1 });
    expect(sms.hits).toHaveLength(2);
    expect(JSON.parse(sms.hits[1]!.body).id).toBe(row.id);
    after = (await listOrderNotifications(core.database.db, o.id)).find((r) => r.id === row.id)!;
    expect(after).toMatchObject({ status: 'sent', attempts: 2 });
    const log = (await listDeliveryLog(core, A.admin, { notificationId: row.id })).items;
    expect(log.map((d) => [d.attempt, d.ok, d.error]).sort()).toEqual([
      [1, false, 'HTTP 500'],
      [2, true, null],
    ]);
  });

  it('a network error or a missing token: failed attempt, no Authorization header', async () => {
    const down = createHttpSmsGateway({ url: 'http://127.0.0.1:1/sms' });
    const failed = await down.send({ to: '13800000000', text: 'x', notificationId: 'n-1' });
    expect(failed.ok).toBe(false);
    expect(failed.error).toBeTruthy();
    sms.hits.length = 0;
    sms.state.status = 204;
    const open = createHttpSmsGateway({ url });
    expect(await open.send({ to: '13800000000', text: '测试', notificationId: 'n-2' })).toEqual({ ok: true });
    expect(sms.hits[0]?.headers.authorization).toBeUndefined();
    expect(JSON.parse(sms.hits[0]!.body)).toEqual({ to: '13800000000', text: '测试', id: 'n-2' });
  });
});
