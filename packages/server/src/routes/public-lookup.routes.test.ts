import type { CoreDeps } from '@huawu/core';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_INTAKE } from '../../../core/src/test-support/fixtures.js';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import {
  BAD_JSON,
  CONTENT_TYPES,
  type Json,
  checkResponse,
  describeCase,
  mulberry32,
  valueGenerator,
  withDeep,
} from '../test-support/fuzz.js';
import { buildApp } from '../app.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';
import { PUBLIC_LOOKUP_RATE_LIMIT } from './public-lookup.routes.js';

const URL = '/api/public/lookup';
const FUZZ_SEED = Number(process.env.HUAWU_FUZZ_SEED ?? 20261129);
const FUZZ_COUNT = Number(process.env.HUAWU_FUZZ_PER_GROUP ?? 300);

/** A fresh app (with its own rate-limit memory). */
async function lookupApp(core: CoreDeps): Promise<FastifyInstance> {
  return buildApp({ core });
}

describeEachDatabase('HTTP public lookup', (db) => {
  const city = useCity(db, { logins: ['agent'] });
  let app: FastifyInstance;
  let orderNo: string;
  let address = 0;
  /** One address per test (each test gets a fresh route and core budget). */
  const nextAddress = () => `203.0.113.${++address}`;
  const lookup = (payload: unknown, remoteAddress: string, extra: Partial<InjectOptions> = {}) =>
    app.inject({
      method: 'POST',
      url: URL,
      payload: payload as InjectOptions['payload'],
      remoteAddress,
      ...extra,
    });

  beforeAll(async () => {
    app = await lookupApp(city.core);
    const res = await city.app.inject({
      method: 'POST',
      url: '/api/intake/orders',
      headers: await city.auth('agent'),
      payload: { order: VALID_INTAKE, decision: { event: 'submit_for_dispatch', input: {} } },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    orderNo = res.json<{ orderNo: string }>().orderNo;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers without a session, with only the public fields, not cached', async () => {
    const res = await lookup({ orderNo, phoneLast4: '5678' }, nextAddress());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
    const body = res.json();
    expect(body).toMatchObject({ orderNo, phase: 'accepted', phaseLabel: '已受理', reply: null });
    expect(res.body).not.toContain(VALID_INTAKE.callerPhone);
    expect(res.body).not.toContain(VALID_INTAKE.callerName);
    expect(res.body).not.toContain(VALID_INTAKE.address);
  });

  it('is in the OpenAPI document as a public operation (no security)', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths[URL].post.security).toEqual([]);
  });

  it('answers wrong digits and an unknown order with the same 404', async () => {
    const ip = nextAddress();
    const wrong = expectError(await lookup({ orderNo, phoneLast4: '0000' }, ip), 404, 'NOT_FOUND');
    const unknown = expectError(await lookup({ orderNo: '202001019999', phoneLast4: '5678' }, ip), 404);
    expect(unknown.error.message).toBe(wrong.error.message);
    expect(wrong.error.message).toBe('工单号或手机号后四位不正确');
  });

  it('validates the body: 400 with field paths, extra fields refused', async () => {
    const ip = nextAddress();
    expect(issueFields(expectError(await lookup({ orderNo }, ip), 400, 'VALIDATION_FAILED'))).toContain(
      'phoneLast4',
    );
    const extra = expectError(await lookup({ orderNo, phoneLast4: '5678', name: '张' }, ip), 400);
    expect(issueFields(extra)).toContain('name');
    const format = expectError(await lookup({ orderNo: '12345', phoneLast4: '56a8' }, ip), 400);
    expect(issueFields(format).sort()).toEqual(['orderNo', 'phoneLast4']);
    expectError(await lookup({ orderNo: 202611290001, phoneLast4: 5678 }, ip), 400, 'VALIDATION_FAILED');
  });

  it('locks an order after 5 wrong guesses: 429 with the time to retry', async () => {
    const ip = nextAddress();
    const guessed = '202001020001'; // no such order: the lock does not depend on it existing
    for (let i = 0; i < 5; i++) {
      expectError(await lookup({ orderNo: guessed, phoneLast4: `111${i}` }, ip), 404);
    }
    const locked = expectError(
      await lookup({ orderNo: guessed, phoneLast4: '5678' }, ip),
      429,
      'RATE_LIMITED',
    );
    expect(locked.error.message).toMatch(/请于 \d+月\d+日 \d\d:\d\d 后再试/);
  });

  it(`answers 429 after ${PUBLIC_LOOKUP_RATE_LIMIT} requests a minute from one address`, async () => {
    const ip = nextAddress();
    for (let i = 0; i < PUBLIC_LOOKUP_RATE_LIMIT; i++) {
      const res = await lookup({ orderNo: '1', phoneLast4: '1' }, ip);
      expect(res.statusCode).toBe(400);
    }
    const res = await lookup({ orderNo: '1', phoneLast4: '1' }, ip);
    expectError(res, 429, 'RATE_LIMITED');
    expect(res.headers['retry-after']).toBeDefined();
    expect((await lookup({ orderNo: '1', phoneLast4: '1' }, nextAddress())).statusCode).toBe(400);
  });

  describe('fuzz', () => {
    it(`${FUZZ_COUNT} hostile bodies never answer 5xx`, async () => {
      const g = valueGenerator(mulberry32(FUZZ_SEED), {
        keys: ['orderNo', 'phoneLast4'],
        words: [orderNo, '5678', '0000', '202611290001', '２０２６', ' 5678 ', '1e4', '-001'],
      });
      const problems: string[] = [];
      for (let i = 0; i < FUZZ_COUNT; i++) {
        let payload: string;
        const kind = g.int(10);
        if (kind === 0) payload = g.pick(BAD_JSON);
        else if (kind < 4) payload = JSON.stringify(g.value());
        else {
          const body: { [key: string]: Json } = {};
          if (g.chance(0.9))
            g.put(body, 'orderNo', g.chance(0.5) ? g.pick([orderNo, '202611290001']) : g.value());
          if (g.chance(0.9)) g.put(body, 'phoneLast4', g.chance(0.5) ? String(g.int(10_000)) : g.value());
          if (g.chance(0.1)) g.put(body, g.pick(['__proto__', 'constructor', 'x']), g.value());
          payload = JSON.stringify(body);
        }
        const options: InjectOptions = {
          method: 'POST',
          url: URL,
          remoteAddress: `10.${g.int(256)}.${g.int(256)}.${g.int(256)}`,
          headers: { 'content-type': g.chance(0.1) ? g.pick(CONTENT_TYPES) : 'application/json' },
          payload: withDeep(payload, g.rand),
        };
        const res = await app.inject(options);
        const problem = checkResponse(res, { strict: true });
        if (problem) problems.push(`${problem}: ${describeCase(options)} → ${res.body.slice(0, 200)}`);
      }
      expect(problems).toEqual([]);
    });
  });
});
