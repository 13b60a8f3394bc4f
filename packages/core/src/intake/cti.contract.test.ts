import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../create-core.js';
import { A, expectAppError, fieldsOf, manualClock, seedPeople } from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import type { CallEvent } from './call-event-bus.js';
import { listCurrentCalls } from './list-current-calls.js';
import { isCtiToken, postCtiEvent } from './post-cti-event.js';

const SWITCH = { kind: 'switch' } as const;
const asUser = (actor: (typeof A)[keyof typeof A]) => ({ kind: 'user', actor }) as const;

/** Collects what the bus delivers to one agent. */
function collect(core: TestCore, userId: string) {
  const events: CallEvent[] = [];
  const stop = core.calls.subscribe(userId, (e) => events.push(e));
  return { events, stop };
}

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describeEachDatabase('CTI events (screen pop)', (db) => {
  let core: TestCore;
  const clock = manualClock('2026-06-01T02:00:00.000Z');
  beforeAll(async () => {
    core = await db.newCore({ now: clock.now, config: { ctiToken: 'switch-secret' } });
    await seedPeople(core);
  });

  it('a call rings, is answered and ends; each step is pushed to the agent once', async () => {
    const { events, stop } = collect(core, 'demo-agent');
    const post = (body: Record<string, unknown>) => postCtiEvent(core, SWITCH, { agent: 'agent', ...body });
    expect(await post({ type: 'newCall', callId: 'c-1', caller: '13912345678' })).toMatchObject({
      delivered: 1,
      duplicate: false,
      call: { callId: 'c-1', state: 'ringing', caller: '13912345678', startedAt: '2026-06-01T02:00:00.000Z' },
    });
    expect((await post({ type: 'newCall', callId: 'c-1', caller: '13912345678' })).delivered).toBe(0);
    clock.set('2026-06-01T02:00:05.000Z');
    expect((await post({ type: 'answer', callId: 'c-1' })).call).toMatchObject({
      state: 'answered',
      answeredAt: '2026-06-01T02:00:05.000Z',
      caller: '13912345678',
    });
    expect((await post({ type: 'answer', callId: 'c-1' })).duplicate).toBe(true);
    const ended = await post({
      type: 'hangup',
      callId: 'c-1',
      cause: 'NORMAL_CLEARING',
      at: '2026-06-01T02:03:00Z',
    });
    expect(ended.call).toMatchObject({
      state: 'ended',
      endedAt: '2026-06-01T02:03:00.000Z',
      cause: 'NORMAL_CLEARING',
    });
    expect((await post({ type: 'hangup', callId: 'c-1' })).duplicate).toBe(true);
    expect((await post({ type: 'answer', callId: 'c-1' })).duplicate).toBe(true);
    expect(events.map((e) => [e.type, e.state])).toEqual([
      ['newCall', 'ringing'],
      ['answer', 'answered'],
      ['hangup', 'ended'],
    ]);
    expect(events[0]).toMatchObject({ agentUserId: 'demo-agent', callId: 'c-1', caller: '13912345678' });
    stop();
  });

  it('an answer or hangup for an unannounced call creates it', async () => {
    const r = await postCtiEvent(core, SWITCH, {
      type: 'answer',
      callId: 'c-2',
      agent: 'agent',
      caller: '0931-8120001',
    });
    expect(r.call).toMatchObject({ state: 'answered', caller: '0931-8120001' });
    const h = await postCtiEvent(core, SWITCH, {
      type: 'hangup',
      callId: 'c-3',
      agent: 'agent',
      cause: 'NO ANSWER',
    });
    expect(h.call).toMatchObject({ state: 'ended', answeredAt: null });
  });

  it('only the addressed agent receives the event', async () => {
    const other = collect(core, 'demo-callback');
    const mine = collect(core, 'demo-agent');
    await postCtiEvent(core, SWITCH, { type: 'newCall', callId: 'c-4', agent: 'agent' });
    expect(mine.events).toHaveLength(1);
    expect(other.events).toHaveLength(0);
    other.stop();
    mine.stop();
  });

  it('unknown agents, bad input and other users’ agents are refused', async () => {
    const unknown = await expectAppError(
      postCtiEvent(core, SWITCH, { type: 'newCall', callId: 'c-9', agent: 'ghost' }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(unknown)).toEqual(['agent']);
    const bad = await expectAppError(postCtiEvent(core, SWITCH, { type: 'ring' }), 'VALIDATION_FAILED');
    expect(fieldsOf(bad).sort()).toEqual(['agent', 'callId', 'type']);
    await expectAppError(
      postCtiEvent(core, asUser(A.agent), { type: 'newCall', callId: 'c-10', agent: 'callback' }),
      'FORBIDDEN',
    );
    expect(
      (await postCtiEvent(core, asUser(A.agent), { type: 'newCall', callId: 'c-11', agent: 'agent' }))
        .duplicate,
    ).toBe(false);
    expect(
      (await postCtiEvent(core, asUser(A.supervisor), { type: 'newCall', callId: 'c-12', agent: 'callback' }))
        .duplicate,
    ).toBe(false);
  });

  it('the switch token is checked in constant time and only when configured', () => {
    expect(isCtiToken(core, 'switch-secret')).toBe(true);
    expect(isCtiToken(core, 'switch-secreT')).toBe(false);
    expect(isCtiToken(core, undefined)).toBe(false);
    expect(isCtiToken({ ...core, config: { ...core.config, ctiToken: undefined } }, 'switch-secret')).toBe(
      false,
    );
  });

  it('current calls: live calls of the last 30 minutes and the last ended call', async () => {
    clock.set('2026-06-01T05:00:00.000Z');
    await postCtiEvent(core, SWITCH, {
      type: 'newCall',
      callId: 'old',
      agent: 'callback',
      at: '2026-06-01T04:00:00Z',
    });
    await postCtiEvent(core, SWITCH, {
      type: 'newCall',
      callId: 'live',
      agent: 'callback',
      at: '2026-06-01T04:55:00Z',
    });
    await postCtiEvent(core, SWITCH, {
      type: 'answer',
      callId: 'live',
      agent: 'callback',
      at: '2026-06-01T04:55:10Z',
    });
    await postCtiEvent(core, SWITCH, {
      type: 'newCall',
      callId: 'done',
      agent: 'callback',
      at: '2026-06-01T03:00:00Z',
    });
    await postCtiEvent(core, SWITCH, {
      type: 'hangup',
      callId: 'done',
      agent: 'callback',
      at: '2026-06-01T03:05:00Z',
    });
    const { items } = await listCurrentCalls(core, A.callback);
    expect(items.map((c) => [c.callId, c.state])).toEqual([
      ['live', 'answered'],
      ['done', 'ended'],
    ]);
  });

  if (db.name === 'postgres') {
    describe('across processes', () => {
      let other: ReturnType<typeof createCore>;
      afterAll(async () => {
        await other?.close();
      });

      it('an event posted to one process reaches an agent connected to another', async () => {
        other = createCore({ databaseUrl: core.url });
        const received: CallEvent[] = [];
        const stop = other.calls.subscribe('demo-agent', (e) => received.push(e));
        await other.calls.ready();
        const local = collect(core, 'demo-agent');
        await core.calls.ready();
        const r = await postCtiEvent(core, SWITCH, {
          type: 'newCall',
          callId: 'x-1',
          agent: 'agent',
          caller: '13800000000',
        });
        expect(r.delivered).toBe(1);
        await until(() => received.length === 1);
        expect(received[0]).toMatchObject({ callId: 'x-1', state: 'ringing', agentUserId: 'demo-agent' });
        await new Promise((r) => setTimeout(r, 100));
        expect(local.events).toHaveLength(1);
        stop();
        local.stop();
      });
    });
  }
});
