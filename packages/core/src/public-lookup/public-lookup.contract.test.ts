import { NOT_ACCEPTED_REASONS } from '@huawu/domain';
import { beforeAll, expect, it } from 'vitest';
import { isAppError } from '../app-error.js';
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
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import type { WorkOrderDetail } from '../views/work-order.view.js';
import { lookupCase } from './lookup-case.js';
import { LOOKUP_FAILED_MESSAGE } from './lookup-limits.js';

/** Distinctive texts that must never reach the public view. */
const SECRET = {
  internalNotes: '内部说明-绝密甲乙丙',
  comment: '派单备注-不可外传丁戊',
  approveComment: '审核意见-己庚辛',
  policyBasis: '政策依据-壬癸',
  signedOffBy: '签发人李主任',
  callerName: '欧阳秘密',
  address: '东城区保密路99号',
};
const PUBLIC_REPLY = '经核实，施工方已承诺夜间停工，请您监督。';

describeEachDatabase('public lookup of a case', (db) => {
  const clock = manualClock('2026-11-30T02:00:00.000Z'); // a Monday, 10:00 in Shanghai
  let core: TestCore;
  let handling: WorkOrderDetail;
  let replied: WorkOrderDetail;
  let secret: WorkOrderDetail;
  let anonymous: WorkOrderDetail;
  let rejected: WorkOrderDetail;
  let ipSeq = 0;
  /** A fresh client address per test, so the address limit of one test does not leak into another. */
  const freshIp = () => `198.51.100.${++ipSeq}`;
  const last4 = '5678'; // VALID_INTAKE's 13912345678

  const failure = async (orderNo: string, digits: string, ip: string) => {
    const error = await lookupCase(core, { orderNo, phoneLast4: digits, ip }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
    return { code: error.code, message: error.message };
  };

  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    handling = await dispatched(core, { leadUnitId: 'city-housing', sign: true });

    let o = await newOrder(core, { callerName: SECRET.callerName, address: SECRET.address });
    o = await step(core, o, A.agent, 'submit_for_dispatch', { comment: SECRET.comment });
    o = await step(core, o, A.dispatcher, 'dispatch', {
      leadUnitId: 'city-housing',
      comment: SECRET.comment,
    });
    o = await step(core, o, handlerOf('city-housing'), 'sign', { comment: SECRET.comment });
    o = await step(core, o, handlerOf('city-housing'), 'reply', {
      result: 'resolved',
      publicReply: '单位答复原文',
      internalNotes: SECRET.internalNotes,
      policyBasis: SECRET.policyBasis,
      signedOffBy: SECRET.signedOffBy,
    });
    o = await step(core, o, A.reviewer, 'approve_reply', {
      checks: core.config.machine.reviewChecklist.map((c) => c.id),
      comment: SECRET.approveComment,
    });
    replied = await step(core, o, A.callback, 'reply_to_caller', { method: 'phone', content: PUBLIC_REPLY });

    secret = await dispatched(core, { leadUnitId: 'city-housing', intake: { confidential: true } });
    anonymous = await newOrder(core, { anonymous: true });
    rejected = await step(core, await newOrder(core), A.agent, 'reject', {
      reasonCode: NOT_ACCEPTED_REASONS.values[0],
      channelTold: '请向区法院咨询',
      comment: SECRET.comment,
    });
  });

  it('shows a handled order to the right digits: phase, expected date, unit, steps', async () => {
    const view = await lookupCase(core, { orderNo: handling.orderNo, phoneLast4: last4, ip: freshIp() });
    expect(view).toMatchObject({
      orderNo: handling.orderNo,
      phase: 'handling',
      phaseLabel: '办理中',
      appealType: 'complaint',
      appealTypeLabel: '投诉',
      title: handling.title,
      createdAt: handling.createdAt,
      handlingUnit: '市住房和城乡建设局',
      reply: null,
    });
    expect(view.expectedBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(view.steps.map((s) => s.label)).toEqual(['受理', '转办', '单位办理']);
    expect(Object.keys(view).sort()).toEqual(
      [
        'orderNo',
        'phase',
        'phaseLabel',
        'appealType',
        'appealTypeLabel',
        'title',
        'createdAt',
        'expectedBy',
        'handlingUnit',
        'reply',
        'steps',
      ].sort(),
    );
  });

  it('shows the reply told to the caller and never internal notes, comments or the caller', async () => {
    const view = await lookupCase(core, { orderNo: replied.orderNo, phoneLast4: last4, ip: freshIp() });
    expect(view.phase).toBe('replied');
    expect(view.expectedBy).toBeNull();
    expect(view.reply?.text).toBe(PUBLIC_REPLY);
    expect(view.steps.map((s) => s.label)).toEqual(['受理', '转办', '单位办理', '答复']);
    const json = JSON.stringify(view);
    for (const text of [...Object.values(SECRET), '单位答复原文', '13912345678', 'demo-', '张先生']) {
      expect(json).not.toContain(text);
    }
    for (const step of view.steps) expect(Object.keys(step).sort()).toEqual(['at', 'label', 'step']);
  });

  it('hides the handling unit of a confidential order; shows the channel told for 不予受理', async () => {
    const view = await lookupCase(core, { orderNo: secret.orderNo, phoneLast4: last4, ip: freshIp() });
    expect(view.handlingUnit).toBeNull();
    expect(view.phase).toBe('handling');
    const no = await lookupCase(core, { orderNo: rejected.orderNo, phoneLast4: last4, ip: freshIp() });
    expect(no).toMatchObject({ phase: 'not_accepted', phaseLabel: '不予受理', expectedBy: null });
    expect(no.reply?.text).toBe('请向区法院咨询');
    expect(JSON.stringify(no)).not.toContain(SECRET.comment);
  });

  it('answers wrong digits, an unknown order and an anonymous order identically', async () => {
    const wrong = await failure(handling.orderNo, '0000', freshIp());
    const unknown = await failure('202611309999', last4, freshIp());
    const anon = await failure(anonymous.orderNo, last4, freshIp());
    expect(wrong).toEqual({ code: 'NOT_FOUND', message: LOOKUP_FAILED_MESSAGE });
    expect(unknown).toEqual(wrong);
    expect(anon).toEqual(wrong);
  });

  it('validates the input before counting anything', async () => {
    const e = await expectAppError(
      lookupCase(core, { orderNo: '2026113', phoneLast4: last4, ip: freshIp() }),
      'VALIDATION_FAILED',
    );
    expect(e.issues?.map((i) => i.field)).toEqual(['orderNo']);
    const both = await expectAppError(
      lookupCase(core, { orderNo: '20261399000a', phoneLast4: '12a4', ip: freshIp() }),
      'VALIDATION_FAILED',
    );
    expect(both.issues?.map((i) => i.field)).toEqual(['orderNo', 'phoneLast4']);
    const rows = await core.database.db
      .selectFrom('public_lookup_throttle')
      .selectAll()
      .where('key', 'in', ['order:2026113', 'order:20261399000a'])
      .execute();
    expect(rows).toEqual([]);
  });

  it('locks an order after 5 failures, even for the right digits, until the lock runs out', async () => {
    const target = await dispatched(core);
    for (let i = 0; i < 5; i++) {
      expect((await failure(target.orderNo, `000${i}`, freshIp())).code).toBe('NOT_FOUND');
    }
    const locked = await failure(target.orderNo, last4, freshIp());
    expect(locked.code).toBe('RATE_LIMITED');
    // 10:00 Shanghai + 60 min
    expect(locked.message).toContain('11月30日 11:00');
    clock.set('2026-11-30T02:59:00.000Z');
    expect((await failure(target.orderNo, last4, freshIp())).code).toBe('RATE_LIMITED');
    clock.set('2026-11-30T03:00:01.000Z');
    const view = await lookupCase(core, { orderNo: target.orderNo, phoneLast4: last4, ip: freshIp() });
    expect(view.orderNo).toBe(target.orderNo);
    clock.set('2026-11-30T02:00:00.000Z');
  });

  it('a success resets the order count', async () => {
    const target = await dispatched(core);
    const ip = freshIp();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await failure(target.orderNo, '0000', ip)).code).toBe('NOT_FOUND');
      await lookupCase(core, { orderNo: target.orderNo, phoneLast4: last4, ip });
    }
    const row = await core.database.db
      .selectFrom('public_lookup_throttle')
      .selectAll()
      .where('key', '=', `order:${target.orderNo}`)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('limits one address across different orders (20 failures), other addresses still work', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) {
      const orderNo = `20261130${String(5000 + i).padStart(4, '0')}`;
      expect((await failure(orderNo, '1111', ip)).code).toBe('NOT_FOUND');
    }
    expect((await failure(handling.orderNo, last4, ip)).code).toBe('RATE_LIMITED');
    const elsewhere = await lookupCase(core, { orderNo: handling.orderNo, phoneLast4: last4, ip: freshIp() });
    expect(elsewhere.orderNo).toBe(handling.orderNo);
  });

  it('parallel guesses cannot outrun the lock', async () => {
    const target = await dispatched(core);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => failure(target.orderNo, String(1000 + i), freshIp())),
    );
    const notFound = results.filter((r) => r.code === 'NOT_FOUND').length;
    expect(notFound).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.code === 'RATE_LIMITED').length).toBe(12 - notFound);
  });

  it('audits each success with the order and the address, and nothing for a failure', async () => {
    const target = await dispatched(core);
    const ip = freshIp();
    await failure(target.orderNo, '0000', ip);
    await lookupCase(core, { orderNo: target.orderNo, phoneLast4: last4, ip });
    const rows = await core.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', target.id)
      .where('action', '=', 'public_lookup')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: null, target_type: 'work_order', ip });
  });
});
