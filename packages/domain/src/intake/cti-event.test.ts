import { describe, expect, it } from 'vitest';
import { parseCtiEvent } from './cti-event.js';

describe('CTI events', () => {
  it('parses a switch event, normalising the number and the time', () => {
    expect(
      parseCtiEvent({
        type: 'newCall',
        callId: '1718000000.42',
        caller: '139 1234 5678',
        agent: 'agent',
        at: '2026-06-01T10:00:00+08:00',
      }),
    ).toEqual({
      ok: true,
      value: {
        type: 'newCall',
        callId: '1718000000.42',
        caller: '13912345678',
        agent: 'agent',
        at: '2026-06-01T02:00:00.000Z',
        cause: null,
      },
    });
  });

  it('a withheld number and a missing time are allowed', () => {
    const r = parseCtiEvent({ type: 'hangup', callId: 'c1', agent: 'agent', cause: 'NORMAL_CLEARING' });
    expect(r.ok && r.value).toMatchObject({ caller: null, at: null, cause: 'NORMAL_CLEARING' });
  });

  it('reports each bad field', () => {
    const r = parseCtiEvent({ type: 'ring', callId: 'a b', caller: 'abc', at: 'yesterday', x: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues?.map((i) => i.field).sort()).toEqual([
      'agent',
      'at',
      'callId',
      'caller',
      'type',
      'x',
    ]);
  });
});
