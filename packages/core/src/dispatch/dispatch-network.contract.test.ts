import { LADDER_STEPS, type LadderStep } from '@huawu/domain';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import {
  A,
  dispatched,
  expectRefused,
  handlerOf,
  manualClock,
  newOrder,
  seedPeople,
  step,
} from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { getWorkOrder } from '../use-cases/get-work-order.js';
import { activateUnit, deactivateUnit } from '../units/manage-units.js';
import { sweepClocks } from '../supervision/sweep-clocks.js';
import type { WorkOrderFull } from '../use-cases/get-work-order.js';

/** Wednesday 2026-09-30 10:00 Shanghai; working days after it: 10-08, 10-09, 10-10 (make-up Saturday), 10-12… */
const T0 = '2026-09-30T02:00:00.000Z';
const eastAdmin = { userId: 'demo-eastadmin', role: 'unit_admin' as const, unitId: 'east' };

const openClocks = (o: WorkOrderFull) =>
  o.network.clocks
    .filter((c) => c.open)
    .map((c) => `${c.kind}:${c.unitId}${c.paused ? ':paused' : ''}`)
    .sort();

describeEachDatabase('dispatch network: tasks, returns, negotiation, extensions, supervision', (db) => {
  const clock = manualClock(T0);
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
  });
  beforeEach(() => clock.set(T0));

  it('lead and co-unit each get a task with their own clocks; co-unit signs and reports to the lead', async () => {
    let o = await dispatched(core, { leadUnitId: 'city-housing', coUnitIds: ['city-market'] });
    expect(openClocks(o)).toEqual(['handle:city-housing', 'sign:city-housing', 'sign:city-market']);
    o = await step(core, o, handlerOf('city-market'), 'co_sign');
    expect(openClocks(o)).toEqual(['handle:city-housing', 'handle:city-market', 'sign:city-housing']);
    o = await step(core, o, handlerOf('city-housing'), 'sign');
    o = await step(core, o, handlerOf('city-market'), 'co_report', { report: '已查处无照经营' });
    expect(openClocks(o)).toEqual(['handle:city-housing']);
    const net = o.network;
    expect(net.tasks.find((t) => t.unitId === 'city-market')).toMatchObject({
      taskStatus: 'reported',
      report: '已查处无照经营',
    });
    o = await step(core, o, handlerOf('city-housing'), 'reply', {
      result: 'resolved',
      publicReply: '已处理',
      signedOffBy: '王科长',
    });
    expect(openClocks(o)).toEqual([]);
  });

  it('a district re-dispatches down to its street, never sideways', async () => {
    let o = await dispatched(core, { leadUnitId: 'east', intake: { appealType: 'complaint' } });
    o = await step(core, o, eastAdmin, 'sign');
    await expectRefused(
      core,
      o,
      eastAdmin,
      'sub_dispatch',
      { unitId: 'west-binhe', instructions: '去看看' },
      'VALIDATION_FAILED',
    );
    o = await step(core, o, eastAdmin, 'sub_dispatch', { unitId: 'east-heping', instructions: '请现场核实' });
    expect(openClocks(o)).toContain('sign:east-heping');
    o = await step(core, o, handlerOf('east-heping'), 'co_sign');
    o = await step(core, o, handlerOf('east-heping'), 'co_report', { report: '已现场核实' });
    expect(o.leadUnitId).toBe('east');
  });

  it('repeated returns require a negotiation, after which the lead cannot return', async () => {
    let o = await dispatched(core, { leadUnitId: 'city-housing' });
    o = await step(core, o, handlerOf('city-housing'), 'request_return', { reason: '非本单位职责' });
    o = await step(core, o, A.dispatcher, 'approve_return', { leadUnitId: 'city-market' });
    o = await step(core, o, handlerOf('city-market'), 'request_return', { reason: '也不是我们' });
    await expectRefused(
      core,
      o,
      A.dispatcher,
      'approve_return',
      { leadUnitId: 'city-housing' },
      'GUARD_FAILED',
    );
    o = await step(core, o, A.dispatcher, 'negotiate', {
      leadUnitId: 'city-housing',
      coUnitIds: ['city-market'],
      participants: '市住建局、市市场监管局',
      conclusion: '市住建局主办',
    });
    expect(o.status).toBe('dispatched');
    await expectRefused(
      core,
      o,
      handlerOf('city-housing'),
      'request_return',
      { reason: '再退' },
      'GUARD_FAILED',
    );
  });

  it('never dispatches or re-dispatches to a deactivated unit', async () => {
    const admin = { userId: 'demo-admin', role: 'admin' as const, unitId: 'centre' };
    await deactivateUnit(core, admin, 'city-eco');
    let o = await newOrder(core);
    o = await step(core, o, A.agent, 'submit_for_dispatch');
    const error = await expectRefused(
      core,
      o,
      A.dispatcher,
      'dispatch',
      { leadUnitId: 'city-eco' },
      'VALIDATION_FAILED',
    );
    expect(error.issues?.[0]?.field).toBe('input.leadUnitId');
    await activateUnit(core, admin, 'city-eco');
    o = await step(core, o, A.dispatcher, 'dispatch', { leadUnitId: 'city-eco' });
    expect(o.status).toBe('dispatched');
  });

  it('returns are refused after the return limit', async () => {
    const o = await dispatched(core, { leadUnitId: 'city-housing' });
    clock.set('2026-10-12T02:00:00.000Z'); // return limit (2 WD) ended 10-09 17:30
    await expectRefused(
      core,
      o,
      handlerOf('city-housing'),
      'request_return',
      { reason: '晚了' },
      'GUARD_FAILED',
    );
  });

  it('the handling clock pauses while an extension waits and resumes with the lost working time', async () => {
    let o = await dispatched(core, {
      leadUnitId: 'city-housing',
      sign: true,
      intake: { appealType: 'consultation' },
    });
    expect(o.deadlineAt).toBe('2026-10-10T09:30:00.000Z');
    clock.set('2026-10-08T02:00:00.000Z'); // Thursday 10:00
    o = await step(core, o, handlerOf('city-housing'), 'request_extension', {
      days: 2,
      reason: '需现场勘查',
    });
    expect(openClocks(o)).toEqual(['handle:city-housing:paused']);
    clock.set('2026-10-08T06:00:00.000Z'); // 14:00: 2.5 working hours later (lunch 12:00–13:30)
    o = await step(core, o, A.reviewer, 'approve_extension', {});
    // 10-10 17:30 + 2.5 working hours → 10-12 11:00, then + 2 working days → end of 10-14
    expect(o.deadlineAt).toBe('2026-10-14T09:30:00.000Z');
    expect(openClocks(o)).toEqual(['handle:city-housing']);
  });

  it('the sweeper applies yellow, red, reminder and escalation once each, with notices and an automatic 督办', async () => {
    const o = await dispatched(core, {
      leadUnitId: 'east-heping',
      sign: true,
      intake: { appealType: 'consultation', title: '阶梯测试' },
    });
    const marks = async () =>
      (await core.database.db.selectFrom('clock_marks').select('step').where('order_id', '=', o.id).execute())
        .map((m) => m.step)
        .sort((a, b) => LADDER_STEPS.indexOf(a as LadderStep) - LADDER_STEPS.indexOf(b as LadderStep));
    const sweepAt = async (iso: string) => {
      await sweepClocks(core, { now: new Date(iso), batchSize: 2 });
      return marks();
    };
    expect(await sweepAt('2026-10-09T09:00:00.000Z')).toEqual([]);
    expect(await sweepAt('2026-10-09T09:31:00.000Z')).toEqual(['yellow']);
    expect(await sweepAt('2026-10-09T09:31:00.000Z')).toEqual(['yellow']);
    // A sweeper that was down applies the missed steps in order: red, reminder, escalation.
    expect(await sweepAt('2026-10-20T02:00:00.000Z')).toEqual(['yellow', 'red', 'remind', 'escalate']);
    const detail = await getWorkOrder(core, A.supervisor, o.id, { audit: false });
    const net = detail.network;
    expect(net.ladder.map((m) => m.step)).toEqual(['yellow', 'red', 'remind', 'escalate']);
    expect(net.supervisions).toMatchObject([{ kind: 'auto', status: 'open' }]);
    const notices = await core.database.db
      .selectFrom('notifications')
      .select(['kind', 'recipient_unit_id', 'channel'])
      .where('order_id', '=', o.id)
      .where('kind', 'like', 'clock_%')
      .where('channel', '=', 'in_app')
      .execute();
    const escalated = notices
      .filter((n) => n.kind === 'clock_escalated')
      .map((n) => n.recipient_unit_id)
      .sort();
    expect(escalated).toEqual(['centre', 'east', 'east-heping']);
    expect(await sweepAt('2026-10-21T02:00:00.000Z')).toEqual(['yellow', 'red', 'remind', 'escalate']);
    const heping = handlerOf('east-heping');
    const replied = await step(core, detail, heping, 'reply_supervision', { reply: '已安排专人办理' });
    const net2 = replied.network;
    expect(net2.supervisions).toMatchObject([{ status: 'replied' }]);
  });
});
