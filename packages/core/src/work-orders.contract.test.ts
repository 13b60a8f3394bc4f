import { DEFAULT_REQUIRED_CHECKS, extendDeadline } from '@huawu/domain';
import { beforeAll, expect, it } from 'vitest';
import { putClosurePolicy } from './closure/closure-policy.js';
import {
  A,
  bundledCalendar,
  dispatched,
  expectRefused,
  handlerOf,
  newOrder,
  seedPeople,
  step,
} from './test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from './test-support/databases.js';
import type { WorkOrderDetail } from './views/work-order.view.js';

/** Every branch of the lifecycle through the use cases (the pure machine has its own tests). */
const NOW = new Date('2026-09-10T02:00:00.000Z'); // Thursday 10:00 in Shanghai, before 中秋/国庆

/** in_progress → unit_replied → pending_reply → pending_callback (wantsCallback is the default). */
async function toCallback(core: TestCore, o: WorkOrderDetail, unit = 'city-housing') {
  o = await step(core, o, handlerOf(unit), 'reply', {
    result: 'resolved',
    publicReply: '已处理',
    signedOffBy: '王科长',
  });
  o = await step(core, o, A.reviewer, 'approve_reply', { checks: [...DEFAULT_REQUIRED_CHECKS] });
  return step(core, o, A.callback, 'reply_to_caller', { method: 'phone', content: '已告知' });
}

describeEachDatabase('work-order lifecycle branches', (db) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore({ now: () => NOW });
    await seedPeople(core);
  });

  it('the detail names the category by its place in the taxonomy, beside the code', async () => {
    const order = await newOrder(core, { category: '1001' });
    expect(order).toMatchObject({ category: '1001', categoryPath: expect.stringContaining('消防安全') });
    expect((await newOrder(core, { category: null })).categoryPath).toBeNull();
  });

  it('直办 without callback closes at once; with callback it waits and can close without one', async () => {
    let quick = await newOrder(core, { wantsCallback: false });
    quick = await step(core, quick, A.agent, 'answer_directly', { answer: '已告知办事指南' });
    expect(quick).toMatchObject({ status: 'closed', closedAt: NOW.toISOString(), leadUnitId: null });
    expect(quick.timeline.at(-1)?.payload).toEqual({ answer: '已告知办事指南' });
    expect(quick.knowledgeAnswer).toBeNull();

    // Direct answers are called back by sample (closure policy); here every one is sampled.
    await putClosurePolicy(core, A.admin, { directAnswerSampleRate: 1 });
    let slow = await newOrder(core);
    expect(slow.wantsCallback).toBe(true);
    slow = await step(core, slow, A.agent, 'answer_directly', { answer: '已告知' });
    await putClosurePolicy(core, A.admin, {});
    expect(slow.status).toBe('pending_callback');
    expect(slow.closedAt).toBeNull();
    await expectRefused(core, slow, A.callback, 'close', { reasonCode: 'bored' }, 'VALIDATION_FAILED');
    // 无法联系 needs the configured number of failed attempts first (closure tests cover the attempts).
    await expectRefused(core, slow, A.callback, 'close', { reasonCode: 'unreachable' }, 'GUARD_FAILED');
    slow = await step(core, slow, A.callback, 'close', {
      reasonCode: 'caller_declined',
      comment: '来电人表示无需回访',
    });
    expect(slow).toMatchObject({ status: 'closed', closedAt: NOW.toISOString(), satisfaction: null });
    expect(slow.timeline.at(-1)?.comment).toBe('来电人表示无需回访');
  });

  it('不予受理 and 转外线 end the order; both can be archived, only by supervisor or admin', async () => {
    let rejected = await newOrder(core);
    const error = await expectRefused(
      core,
      rejected,
      A.agent,
      'reject',
      { reasonCode: 'legal_channel' },
      'VALIDATION_FAILED',
    );
    expect(error.issues?.map((i) => i.field)).toEqual(['input.channelTold']);
    rejected = await step(core, rejected, A.agent, 'reject', {
      reasonCode: 'legal_channel',
      channelTold: '法院',
    });
    expect(rejected.status).toBe('not_accepted');
    await expectRefused(core, rejected, A.agent, 'archive', {}, 'ROLE_NOT_PERMITTED');
    rejected = await step(core, rejected, A.admin, 'archive');
    expect(rejected).toMatchObject({ status: 'archived', archivedAt: NOW.toISOString(), allowedEvents: [] });

    let out = await newOrder(core);
    await expectRefused(
      core,
      out,
      A.agent,
      'transfer_out',
      { target: 'other_hotline', method: 'one_click' },
      'GUARD_FAILED',
    );
    out = await step(core, out, A.agent, 'transfer_out', {
      target: 'other_hotline',
      method: 'three_way',
      otherHotline: '12315',
    });
    expect(out.status).toBe('transferred_out');
    expect(out.timeline.at(-1)?.payload).toMatchObject({ target: 'other_hotline', otherHotline: '12315' });
    out = await step(core, out, A.supervisor, 'archive');
    expect(out.status).toBe('archived');
  });

  it('并单 needs an existing, open target other than itself, and records mergedIntoId', async () => {
    let order = await newOrder(core);
    const closed = await step(
      core,
      await newOrder(core, { wantsCallback: false }),
      A.agent,
      'answer_directly',
      { answer: '好' },
    );
    const missing = await expectRefused(
      core,
      order,
      A.agent,
      'merge',
      { targetOrderId: 'no-such-order' },
      'VALIDATION_FAILED',
    );
    expect(missing.issues?.[0]?.field).toBe('input.targetOrderId');
    await expectRefused(core, order, A.agent, 'merge', { targetOrderId: order.id }, 'VALIDATION_FAILED');
    await expectRefused(core, order, A.agent, 'merge', { targetOrderId: closed.id }, 'VALIDATION_FAILED');

    const target = await step(core, await newOrder(core), A.agent, 'submit_for_dispatch');
    order = await step(core, order, A.agent, 'merge', { targetOrderId: target.orderNo });
    expect(order).toMatchObject({ status: 'merged', mergedIntoId: target.id });
    expect(order.timeline.at(-1)?.payload).toMatchObject({ targetOrderNo: target.orderNo });

    let queued = await step(core, await newOrder(core), A.agent, 'submit_for_dispatch');
    queued = await step(core, queued, A.dispatcher, 'merge', { targetOrderId: target.id });
    expect(queued.mergedIntoId).toBe(target.id);
    queued = await step(core, queued, A.supervisor, 'archive');
    expect(queued.status).toBe('archived');
  });

  it('approve_return re-dispatches: old unit row inactive, new unit active, only the new unit may sign', async () => {
    let o = await dispatched(core, { leadUnitId: 'city-housing' });
    const firstDeadline = o.deadlineAt;
    o = await step(core, o, A.handler, 'request_return', {
      reason: '不属于本单位职责',
      suggestedUnit: '市场监管局',
    });
    expect(o.status).toBe('return_requested');
    const unknown = await expectRefused(
      core,
      o,
      A.dispatcher,
      'approve_return',
      { leadUnitId: 'nowhere' },
      'VALIDATION_FAILED',
    );
    expect(unknown.issues?.[0]?.field).toBe('input.leadUnitId');
    await expectRefused(
      core,
      o,
      A.dispatcher,
      'approve_return',
      { leadUnitId: 'centre' },
      'VALIDATION_FAILED',
    );
    await expectRefused(
      core,
      o,
      A.dispatcher,
      'approve_return',
      { leadUnitId: 'city-market', coUnitIds: ['nowhere'] },
      'VALIDATION_FAILED',
    );
    o = await step(core, o, A.dispatcher, 'approve_return', { leadUnitId: 'city-market' });
    expect(o).toMatchObject({ status: 'dispatched', leadUnitId: 'city-market', signedAt: null });
    expect(o.deadlineAt).toBe(firstDeadline); // same clock, same policy: recomputed to the same instant
    const rows = Object.fromEntries(o.units.map((u) => [u.unitId, { role: u.role, active: u.active }]));
    expect(rows).toEqual({
      'city-housing': { role: 'lead', active: false },
      'city-market': { role: 'lead', active: true },
    });
    await expectRefused(core, o, A.handler, 'sign', {}, 'ROLE_NOT_PERMITTED');
    o = await step(core, o, A.market, 'sign');
    expect(o).toMatchObject({ status: 'in_progress', signedAt: NOW.toISOString() });
  });

  it('reject_return keeps the unit on the order and its clock; an unsigned order counts as signed', async () => {
    let signed = await dispatched(core, { sign: true });
    signed = await step(core, signed, A.handler, 'request_return', { reason: '理由' });
    await expectRefused(core, signed, A.dispatcher, 'reject_return', {}, 'VALIDATION_FAILED');
    signed = await step(core, signed, A.dispatcher, 'reject_return', { reason: '属于职责' });
    expect(signed).toMatchObject({
      status: 'in_progress',
      leadUnitId: 'city-housing',
      signedAt: NOW.toISOString(),
    });

    let unsigned = await dispatched(core);
    expect(unsigned.signedAt).toBeNull();
    unsigned = await step(core, unsigned, A.handler, 'request_return', { reason: '理由' });
    unsigned = await step(core, unsigned, A.supervisor, 'reject_return', { reason: '驳回' });
    expect(unsigned.signedAt).toBe(NOW.toISOString());
    expect(unsigned.units.filter((u) => u.active).map((u) => u.unitId)).toEqual(['city-housing']);
  });

  it('extension: approve moves the deadline by working days, refuse leaves it, caps are enforced', async () => {
    let o = await dispatched(core, { sign: true }); // complaint: 15 working days, extension cap 7
    const original = o.deadlineAt as string;
    const over = await expectRefused(
      core,
      o,
      A.handler,
      'request_extension',
      { days: 8, reason: '复杂' },
      'VALIDATION_FAILED',
    );
    expect(over.issues?.[0]?.field).toBe('input.days');
    await expectRefused(core, o, A.reviewer, 'approve_extension', {}, 'GUARD_FAILED');
    o = await step(core, o, A.handler, 'request_extension', { days: 5, reason: '需协调' });
    expect(o).toMatchObject({ pendingExtension: true, pendingExtensionDays: 5, deadlineAt: original });
    await expectRefused(core, o, A.handler, 'request_extension', { days: 2, reason: '再延' }, 'GUARD_FAILED');
    await expectRefused(core, o, A.handler, 'approve_extension', {}, 'ROLE_NOT_PERMITTED');
    o = await step(core, o, A.reviewer, 'approve_extension');
    const expected = extendDeadline(new Date(original), 5, bundledCalendar()).deadline.toISOString();
    expect(o).toMatchObject({
      deadlineAt: expected,
      extensionCount: 1,
      pendingExtension: false,
      pendingExtensionDays: null,
    });
    expect(Date.parse(expected)).toBeGreaterThan(Date.parse(original));

    o = await step(core, o, A.handler, 'request_extension', { days: 3, reason: '还需时间' });
    o = await step(core, o, A.reviewer, 'refuse_extension', { reason: '不批准' });
    expect(o).toMatchObject({ deadlineAt: expected, extensionCount: 1, pendingExtensionDays: null });

    o = await step(core, o, A.handler, 'request_extension', { days: 7, reason: '最后一次' });
    o = await step(core, o, A.supervisor, 'approve_extension', { days: 2 }); // the approver may grant fewer days
    expect(o.deadlineAt).toBe(
      extendDeadline(new Date(expected), 2, bundledCalendar()).deadline.toISOString(),
    );
    expect(o.extensionCount).toBe(2);
    await expectRefused(core, o, A.handler, 'request_extension', { days: 1, reason: '超限' }, 'GUARD_FAILED');
  });

  it('reject_reply sends the order back to the unit, which replies again', async () => {
    let o = await dispatched(core, { sign: true });
    o = await step(core, o, A.handler, 'reply', {
      result: 'resolved',
      publicReply: '已处理',
      signedOffBy: '王科长',
      internalNotes: '内部',
    });
    expect(o).toMatchObject({ status: 'unit_replied', repliedAt: NOW.toISOString() });
    await expectRefused(core, o, A.handler, 'approve_reply', {}, 'ROLE_NOT_PERMITTED');
    o = await step(core, o, A.reviewer, 'reject_reply', { reason: '请补充措施' });
    expect(o.status).toBe('in_progress');
    o = await toCallback(core, o);
    expect(o.status).toBe('pending_callback');
    o = await step(core, o, A.callback, 'callback', { satisfaction: 'satisfied', resolved: 'yes' });
    expect(o).toMatchObject({ status: 'closed', satisfaction: 'satisfied', closedAt: NOW.toISOString() });
    o = await step(core, o, A.supervisor, 'archive');
    expect(o.status).toBe('archived');
  });

  it('a failed transition of any kind writes nothing', async () => {
    const o = await newOrder(core);
    await expectRefused(core, o, A.agent, 'teleport', {}, 'UNKNOWN_EVENT');
    await expectRefused(core, o, A.handler, 'sign', {}, 'NOT_FOUND');
    await expectRefused(
      core,
      o,
      A.dispatcher,
      'dispatch',
      { leadUnitId: 'city-housing' },
      'TRANSITION_NOT_ALLOWED',
    );
    await expectRefused(core, o, A.dispatcher, 'submit_for_dispatch', {}, 'ROLE_NOT_PERMITTED');
    await expectRefused(core, o, A.agent, 'submit_for_dispatch', { colour: 'red' }, 'VALIDATION_FAILED');
    const q = await step(core, o, A.agent, 'submit_for_dispatch');
    const input = { leadUnitId: 'city-housing', coUnitIds: ['city-housing'] };
    await expectRefused(core, q, A.dispatcher, 'dispatch', input, 'GUARD_FAILED');
    await expectRefused(
      core,
      q,
      A.dispatcher,
      'dispatch',
      { leadUnitId: 'x'.repeat(65) },
      'VALIDATION_FAILED',
    );
  });

  it('a dissatisfied callback sends the order back for redo, at most config.machine.maxRedoCount times', async () => {
    const max = core.config.machine.maxRedoCount;
    expect(max).toBeGreaterThan(0);
    let o = await toCallback(core, await dispatched(core, { sign: true, coUnitIds: ['east-heping'] }));
    const satisfiedRedo = { satisfaction: 'satisfied', resolved: 'yes', redo: true };
    await expectRefused(core, o, A.callback, 'callback', satisfiedRedo, 'GUARD_FAILED');
    const redo = { satisfaction: 'dissatisfied', resolved: 'no', redo: true };
    const units = ['city-market', 'east-heping'];
    for (let n = 1; n <= max; n++) {
      o = await step(core, o, A.callback, 'callback', redo);
      expect(o).toMatchObject({
        status: 'pending_dispatch',
        redoCount: n,
        leadUnitId: null,
        deadlineAt: null,
        signDeadlineAt: null,
        signedAt: null,
        repliedAt: null,
        satisfaction: 'dissatisfied',
      });
      expect(o.units.every((u) => !u.active)).toBe(true);
      const unit = units[(n - 1) % units.length] as string;
      o = await step(core, o, A.dispatcher, 'dispatch', { leadUnitId: unit });
      expect(o.units.filter((u) => u.active).map((u) => u.unitId)).toEqual([unit]);
      o = await step(core, o, handlerOf(unit), 'sign');
      o = await toCallback(core, o, unit);
    }
    // Past the limit the case goes to the leaders (待领导研判) rather than round again.
    const escalated = await step(core, o, A.callback, 'callback', redo);
    expect(escalated).toMatchObject({ status: 'escalated', redoCount: max, satisfaction: 'dissatisfied' });
    await expectRefused(core, escalated, A.callback, 'callback', redo, 'TRANSITION_NOT_ALLOWED');
    o = await step(core, escalated, A.supervisor, 'leader_close', { reason: '已充分解释，诉求超出政策范围' });
    expect(o).toMatchObject({ status: 'closed', redoCount: max, satisfaction: 'dissatisfied' });
    await expectRefused(core, o, A.callback, 'callback', redo, 'TRANSITION_NOT_ALLOWED');
  });
});
