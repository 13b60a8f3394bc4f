import { DEFAULT_REQUIRED_CHECKS } from '@huawu/domain';
import { expect, it } from 'vitest';
import { createWorkOrder } from './use-cases/create-work-order.js';
import { transitionWorkOrder } from './use-cases/transition-work-order.js';
import { describeEachDatabase } from './test-support/databases.js';
import { DEMO_ACTORS, VALID_INTAKE, seedCity } from './test-support/fixtures.js';

describeEachDatabase('work-order lifecycle', (db) => {
  it('takes an order through the whole loop with a full timeline', async () => {
    const core = await db.newCore();
    await seedCity(core);
    const a = DEMO_ACTORS;
    let o = await createWorkOrder(core, a.agent, VALID_INTAKE);
    expect(o.status).toBe('intake');
    expect(o.orderNo).toMatch(/^\d{12}$/);
    const step = async (
      actor: (typeof a)[keyof typeof a],
      event: string,
      input: Record<string, unknown> = {},
    ) => {
      o = await transitionWorkOrder(core, actor, o.id, { event, input, version: o.version });
      return o;
    };
    await step(a.agent, 'submit_for_dispatch');
    await step(a.dispatcher, 'dispatch', { leadUnitId: 'city-housing', coUnitIds: ['east-heping'] });
    expect(o.deadlineAt).not.toBeNull();
    await step(a.handler, 'sign');
    await step(a.handler, 'reply', { result: 'resolved', publicReply: '已处理', signedOffBy: '王科长' });
    await step(a.reviewer, 'approve_reply', { checks: [...DEFAULT_REQUIRED_CHECKS] });
    await step(a.callback, 'reply_to_caller', { method: 'phone', content: '已告知' });
    await step(a.callback, 'callback', { satisfaction: 'satisfied', resolved: 'yes' });
    expect(o.status).toBe('closed');
    await step(a.supervisor, 'archive');
    expect(o.status).toBe('archived');
    expect(o.timeline.map((t) => t.event)).toEqual([
      'create',
      'submit_for_dispatch',
      'dispatch',
      'sign',
      'reply',
      'approve_reply',
      'reply_to_caller',
      'callback',
      'archive',
    ]);
    expect(o.allowedEvents).toEqual([]);
  });
});
