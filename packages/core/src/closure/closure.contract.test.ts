import { DEFAULT_REQUIRED_CHECKS } from '@huawu/domain';
import { beforeAll, expect, it } from 'vitest';
import { deliverDue } from '../notifications/deliver-due.js';
import { listAudit } from '../storage/admin.repository.js';
import {
  A,
  dispatched,
  expectAppError,
  expectRefused,
  handlerOf,
  manualClock,
  newOrder,
  seedPeople,
  step,
} from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { getWorkOrder } from '../use-cases/get-work-order.js';
import type { WorkOrderDetail } from '../views/work-order.view.js';
import { getClosurePolicy, putClosurePolicy } from './closure-policy.js';

/** Reply, callback, closure and appeals through the use cases, on both databases. */
const START = '2026-09-14T02:00:00.000Z'; // Monday 10:00 in Shanghai

describeEachDatabase('reply, callback and closure', (db) => {
  let core: TestCore;
  const clock = manualClock(START);
  const later = (minutes: number) =>
    clock.set(new Date(clock.now().getTime() + minutes * 60_000).toISOString());

  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
  });

  /** A dispatched order brought to 待回复 (the unit replied, the centre approved the reply). */
  async function toPendingReply(reply: Record<string, unknown> = {}, intake: Record<string, unknown> = {}) {
    let o = await dispatched(core, { sign: true, intake });
    o = await step(core, o, handlerOf('city-housing'), 'reply', {
      result: 'resolved',
      publicReply: '已责令施工方夜间停工，并安排夜间巡查。',
      internalNotes: '内部：施工方为区重点项目',
      signedOffBy: '王科长',
      ...reply,
    });
    return step(core, o, A.reviewer, 'approve_reply', { checks: [...DEFAULT_REQUIRED_CHECKS] });
  }

  const told = (o: WorkOrderDetail, method = 'phone') =>
    step(core, o, A.callback, 'reply_to_caller', { method, content: '已告知来电人承办单位的办理结果。' });

  it('the review checklist gates the approval and the reply scripts follow the unit result', async () => {
    let o = await dispatched(core, { sign: true });
    o = await step(core, o, handlerOf('city-housing'), 'reply', {
      result: 'not_our_duty',
      publicReply: '该事项属市场监管部门职责。',
      rightChannel: '拨打 12315',
      signedOffBy: '王科长',
      internalNotes: '机密备注：不要告诉来电人',
    });
    const refused = await expectRefused(
      core,
      o,
      A.reviewer,
      'approve_reply',
      { checks: ['answers_appeal'] },
      'GUARD_FAILED',
    );
    expect(refused.message).toContain('审核清单未通过');
    o = await step(core, o, A.reviewer, 'approve_reply', { checks: [...DEFAULT_REQUIRED_CHECKS] });
    expect(o.status).toBe('pending_reply');
    expect(o.closure.unitReply).toMatchObject({
      result: 'not_our_duty',
      rightChannel: '拨打 12315',
      signedOffBy: '王科长',
    });
    expect(o.closure.scripts?.reply?.phone.join('')).toContain('拨打 12315');
    expect(JSON.stringify(o.closure)).not.toContain('机密备注');
    // Units see their reply but not the centre's scripts (they name the caller).
    const asUnit = await getWorkOrder(core, handlerOf('city-housing'), o.id, { audit: false });
    expect(asUnit.closure.scripts).toBeNull();
  });

  it('an SMS reply writes one outbox SMS to the caller, delivered by the worker', async () => {
    let o = await toPendingReply();
    await expectRefused(
      core,
      o,
      A.callback,
      'reply_to_caller',
      { method: 'fax', content: 'x' },
      'VALIDATION_FAILED',
    );
    o = await told(o, 'sms');
    expect(o).toMatchObject({
      status: 'pending_callback',
      closure: { callerRepliedAt: clock.now().toISOString() },
    });
    const rows = await core.database.db
      .selectFrom('notifications')
      .select(['channel', 'target', 'payload', 'status', 'kind'])
      .where('order_id', '=', o.id)
      .where('kind', '=', 'caller_reply')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'sms', target: '13912345678', status: 'pending' });
    expect(JSON.parse(rows[0]!.payload).text).toBe('已告知来电人承办单位的办理结果。');
    await deliverDue(core);
    const after = await core.database.db
      .selectFrom('notifications')
      .select('status')
      .where('order_id', '=', o.id)
      .where('kind', '=', 'caller_reply')
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('sent');
  });

  it('callback rules: no callback for anonymous callers; dispatched orders always', async () => {
    let anon = await newOrder(core, {
      anonymous: true,
      callerName: null,
      callerPhone: null,
      wantsCallback: false,
    });
    anon = await step(core, anon, A.agent, 'answer_directly', { answer: '已告知办理渠道' });
    expect(anon).toMatchObject({
      status: 'closed',
      closure: { closeReason: 'no_callback_needed', callbackRequired: false },
    });
    const o = await told(await toPendingReply());
    expect(o.status).toBe('pending_callback');
  });

  it('attempts at different times, then 无法联系 after three', async () => {
    let o = await told(await toPendingReply());
    await expectRefused(core, o, A.callback, 'close', { reasonCode: 'unreachable' }, 'GUARD_FAILED');
    o = await step(core, o, A.callback, 'callback_attempt', { outcome: 'no_answer' });
    expect(o.closure.callback).toMatchObject({ attempts: 1, lastAttemptAt: clock.now().toISOString() });
    later(30);
    const tooSoon = await expectRefused(
      core,
      o,
      A.callback,
      'callback_attempt',
      { outcome: 'busy' },
      'GUARD_FAILED',
    );
    expect(tooSoon.message).toContain('60 分钟');
    later(31);
    o = await step(core, o, A.callback, 'callback_attempt', { outcome: 'busy' });
    later(120);
    o = await step(core, o, A.callback, 'callback_attempt', { outcome: 'powered_off' });
    later(120);
    await expectRefused(core, o, A.callback, 'callback_attempt', { outcome: 'busy' }, 'GUARD_FAILED');
    o = await step(core, o, A.callback, 'close', { reasonCode: 'unreachable' });
    expect(o).toMatchObject({
      status: 'closed',
      closure: { closeReason: 'unreachable', callback: { attempts: 3 } },
    });
  });

  it('a bad rating opens the unit appeal window; an upheld appeal is recorded; archive waits for it', async () => {
    let o = await told(await toPendingReply());
    o = await step(core, o, A.callback, 'callback', { satisfaction: 'dissatisfied', resolved: 'no' });
    expect(o.status).toBe('closed');
    expect(o.closure.appeal).toMatchObject({ status: 'none', windowOpen: true });
    expect(o.closure.appeal.deadlineAt).not.toBeNull();
    await expectRefused(core, o, A.supervisor, 'archive', {}, 'GUARD_FAILED');
    await expectRefused(core, o, handlerOf('city-market'), 'appeal_rating', { reason: 'x' }, 'NOT_FOUND');
    o = await step(core, o, handlerOf('city-housing'), 'appeal_rating', { reason: '来电人要求超出政策范围' });
    expect(o.closure.appeal.status).toBe('pending');
    await expectRefused(core, o, A.supervisor, 'archive', {}, 'GUARD_FAILED');
    o = await step(core, o, A.reviewer, 'decide_appeal', { decision: 'upheld', reason: '申诉成立' });
    expect(o.closure.appeal.status).toBe('upheld');
    o = await step(core, o, A.supervisor, 'archive', {});
    expect(o.status).toBe('archived');
  });

  it('the appeal window closes after the configured working days', async () => {
    let o = await told(await toPendingReply());
    o = await step(core, o, A.callback, 'callback', { satisfaction: 'dissatisfied', resolved: 'no' });
    const deadline = o.closure.appeal.deadlineAt!;
    clock.set(new Date(Date.parse(deadline) + 60_000).toISOString());
    await expectRefused(
      core,
      o,
      handlerOf('city-housing'),
      'appeal_rating',
      { reason: '迟到的申诉' },
      'GUARD_FAILED',
    );
    o = await step(core, o, A.supervisor, 'archive', {});
    expect(o.status).toBe('archived');
    clock.set(START);
  });

  it('redo past the limit goes to the leaders, who redo again or close', async () => {
    let o = await told(await toPendingReply());
    const redo = { satisfaction: 'dissatisfied', resolved: 'no', redo: true };
    for (let round = 1; round <= 2; round++) {
      o = await step(core, o, A.callback, 'callback', redo);
      expect(o).toMatchObject({ status: 'pending_dispatch', redoCount: round, leadUnitId: null });
      expect(o.closure.callback.attempts).toBe(0);
      o = await step(core, o, A.dispatcher, 'dispatch', { leadUnitId: 'city-housing' });
      o = await step(core, o, handlerOf('city-housing'), 'sign');
      o = await step(core, o, handlerOf('city-housing'), 'reply', {
        result: 'partly_resolved',
        publicReply: `第 ${round} 次重办：已再次督促整改。`,
        signedOffBy: '王科长',
      });
      o = await step(core, o, A.reviewer, 'approve_reply', { checks: [...DEFAULT_REQUIRED_CHECKS] });
      o = await told(o);
    }
    o = await step(core, o, A.callback, 'callback', redo);
    expect(o).toMatchObject({ status: 'escalated', redoCount: 2 });
    const notices = await core.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('order_id', '=', o.id)
      .where('kind', '=', 'escalated_to_leaders')
      .execute();
    expect(notices.length).toBeGreaterThan(0);
    await expectRefused(core, o, A.callback, 'leader_close', { reason: 'x' }, 'ROLE_NOT_PERMITTED');
    o = await step(core, o, A.supervisor, 'leader_close', { reason: '诉求超出政策范围，已充分解释。' });
    expect(o).toMatchObject({ status: 'closed', closure: { closeReason: 'leader_decision' } });
  });

  it('the policy is validated, audited and applies at once (five-level scale)', async () => {
    await expectAppError(putClosurePolicy(core, A.agent, {}), 'FORBIDDEN');
    const bad = await expectAppError(
      putClosurePolicy(core, A.admin, { satisfactionScale: 4 }),
      'VALIDATION_FAILED',
    );
    expect(bad.issues?.[0]?.field).toBe('satisfactionScale');
    await putClosurePolicy(core, A.admin, { satisfactionScale: 5, appealWindowDays: 3 });
    expect((await getClosurePolicy(core)).satisfactionScale).toBe(5);
    const audit = await listAudit(core.database.db, { action: 'settings_change', limit: 10 });
    expect(audit.some((a) => a.targetId === 'closure_policy')).toBe(true);
    let o = await told(await toPendingReply());
    const spec = o.allowedEvents.find((a) => a.name === 'callback')?.input.satisfaction;
    expect(spec).toMatchObject({ options: { values: expect.arrayContaining(['very_satisfied']) } });
    o = await step(core, o, A.callback, 'callback', { satisfaction: 'very_satisfied', resolved: 'yes' });
    expect(o.closure.callback).toMatchObject({
      satisfaction: 'very_satisfied',
      satisfactionLabel: '非常满意',
    });
    await putClosurePolicy(core, A.admin, {});
  });
});
