import { type CoreDeps, createCore } from '@huawu/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { buildApp } from '../app.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';
import { openStream } from '../test-support/sse.js';

const TOKEN = 'test-switch-token';

const STREAM = '/api/cti/stream';

describeEachDatabase('HTTP CTI (screen pop)', (db) => {
  const city = useCity(db, { logins: ['agent', 'callback', 'supervisor'] });
  let baseUrl: string;
  beforeAll(async () => {
    city.core.config.ctiToken = TOKEN;
    baseUrl = await city.app.listen({ port: 0, host: '127.0.0.1' });
  });

  const post = async (body: Record<string, unknown>, auth: Record<string, string>) =>
    city.app.inject({ method: 'POST', url: '/api/cti/events', headers: auth, payload: body });
  const switchAuth = { authorization: `Bearer ${TOKEN}` };

  it('the switch posts events with its token: 202 with delivered and duplicate', async () => {
    const res = await post(
      { type: 'newCall', callId: 'h-1', caller: '13912345678', agent: 'agent' },
      switchAuth,
    );
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ delivered: 0, duplicate: false });
    const again = await post({ type: 'newCall', callId: 'h-1', agent: 'agent' }, switchAuth);
    expect(again.json()).toEqual({ delivered: 0, duplicate: true });
  });

  it('without the token a session is needed, and agents post only for themselves', async () => {
    expectError(await post({ type: 'newCall', callId: 'h-2', agent: 'agent' }, {}), 401, 'UNAUTHENTICATED');
    expectError(
      await post({ type: 'newCall', callId: 'h-2', agent: 'agent' }, { authorization: 'Bearer wrong' }),
      401,
    );
    expectError(
      await post({ type: 'newCall', callId: 'h-2', agent: 'callback' }, await city.auth('agent')),
      403,
      'FORBIDDEN',
    );
    expect(
      (await post({ type: 'newCall', callId: 'h-3', agent: 'agent' }, await city.auth('agent'))).statusCode,
    ).toBe(202);
    expect(
      (await post({ type: 'newCall', callId: 'h-4', agent: 'callback' }, await city.auth('supervisor')))
        .statusCode,
    ).toBe(202);
  });

  it('bad events are refused with field paths; an unknown agent is a validation failure', async () => {
    const unknown = expectError(
      await post({ type: 'newCall', callId: 'h-5', agent: 'ghost' }, switchAuth),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(unknown)).toEqual(['agent']);
    const bad = expectError(
      await post({ type: 'ring', callId: 'h-6', agent: 'agent', x: 1 }, switchAuth),
      400,
    );
    expect(issueFields(bad).sort()).toEqual(['type', 'x']);
  });

  it('GET /api/cti/calls/current restores the agent’s calls after a reload', async () => {
    await post({ type: 'newCall', callId: 'cur-1', caller: '13900000001', agent: 'callback' }, switchAuth);
    const res = await city.app.inject({
      method: 'GET',
      url: '/api/cti/calls/current',
      headers: await city.auth('callback'),
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { callId: string; state: string; caller: string }[] }>().items;
    expect(items[0]).toMatchObject({ callId: 'cur-1', state: 'ringing', caller: '13900000001' });
  });

  it('the stream delivers the agent’s own calls over a real connection, with pings; closing unsubscribes', async () => {
    const unauth = await fetch(`${baseUrl}/api/cti/stream`);
    expect(unauth.status).toBe(401);
    const stream = await openStream(baseUrl, STREAM, await city.token('agent'));
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.waitFor((e) => e.event === 'ping');
    const r = await post(
      { type: 'newCall', callId: 'sse-1', caller: '13812345678', agent: 'agent' },
      switchAuth,
    );
    expect(r.json()).toEqual({ delivered: 1, duplicate: false });
    await post({ type: 'newCall', callId: 'sse-other', agent: 'callback' }, switchAuth);
    await post({ type: 'answer', callId: 'sse-1', agent: 'agent' }, switchAuth);
    const answered = await stream.waitFor((e) => e.event === 'call' && e.data.state === 'answered');
    expect(answered.data).toMatchObject({
      callId: 'sse-1',
      caller: '13812345678',
      endedAt: null,
      cause: null,
    });
    expect(Object.keys(answered.data).sort()).toEqual(
      ['answeredAt', 'callId', 'caller', 'cause', 'endedAt', 'startedAt', 'state'].sort(),
    );
    const calls = stream.events.filter((e) => e.event === 'call');
    expect(calls.map((e) => [e.data.callId, e.data.state])).toEqual([
      ['sse-1', 'ringing'],
      ['sse-1', 'answered'],
    ]);
    stream.close();
    for (let i = 0; i < 100; i++) {
      const res = await post({ type: 'newCall', callId: `sse-after-${i}`, agent: 'agent' }, switchAuth);
      if (res.json<{ delivered: number }>().delivered === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const last = await post({ type: 'newCall', callId: 'sse-final', agent: 'agent' }, switchAuth);
    expect(last.json()).toEqual({ delivered: 0, duplicate: false });
  });

  it('a stream whose session ended says so and closes instead of delivering the next call', async () => {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent', password: 'Huawu2026' }),
    });
    const { token } = (await login.json()) as { token: string };
    const stream = await openStream(baseUrl, STREAM, token);
    await stream.waitFor((e) => e.event === 'ping');
    const out = await fetch(`${baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    await post(
      { type: 'newCall', callId: 'sse-after-logout', caller: '13700000009', agent: 'agent' },
      switchAuth,
    );
    await stream.waitFor((e) => e.event === 'session_ended');
    expect(stream.events.some((e) => e.event === 'call' && e.data.callId === 'sse-after-logout')).toBe(false);
    stream.close();
  });

  if (db.name === 'postgres') {
    describe('across server processes', () => {
      let other:
        | { app: FastifyInstance; core: CoreDeps & { close(): Promise<void> }; url: string }
        | undefined;
      afterAll(async () => {
        await other?.app.close();
        await other?.core.close();
      });

      it('an event posted to one server reaches an agent streaming from another', async () => {
        const core = createCore({ databaseUrl: city.core.url });
        const app = await buildApp({ core });
        other = { app, core, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
        const stream = await openStream(other.url, STREAM, await city.token('agent'));
        await stream.waitFor((e) => e.event === 'ping');
        const r = await post(
          { type: 'newCall', callId: 'pg-1', caller: '13700000000', agent: 'agent' },
          switchAuth,
        );
        expect(r.json()).toEqual({ delivered: 0, duplicate: false });
        const call = await stream.waitFor((e) => e.event === 'call');
        expect(call.data).toMatchObject({ callId: 'pg-1', state: 'ringing', caller: '13700000000' });
        stream.close();
      });
    });
  }
});
