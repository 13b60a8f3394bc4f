import { DEFAULT_REQUIRED_CHECKS } from '@huawu/domain';
import { beforeAll, expect, it } from 'vitest';
import {
  A,
  dispatched,
  expectAppError,
  handlerOf,
  manualClock,
  seedPeople,
  step,
} from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import type { WorkOrderFull } from '../use-cases/get-work-order.js';
import { listDeskQueue } from './list-desk-queue.js';
import { unitDispatchStats } from './unit-dispatch-stats.js';

/** Wednesday 2026-09-30 10:00 Shanghai. */
const T0 = '2026-09-30T02:00:00.000Z';
const housing = handlerOf('city-housing');
const market = handlerOf('city-market');
const PERIOD = { from: '2026-09-01', to: '2026-10-31' };

describeEachDatabase('回访台 queues and the callback figures of the unit assessment', (db) => {
  const clock = manualClock(T0);
  let core: TestCore;
  const o: Record<string, WorkOrderFull> = {};
  const at = (minutes: number) => clock.set(new Date(Date.parse(T0) + minutes * 60_000).toISOString());

  /** The unit replies, the reviewer approves: one round from 办理中 to 待回复. */
  const replyRound = async (order: WorkOrderFull, unit = housing) => {
    let x = await step(core, order, unit, 'reply', {
      result: 'resolved',
      publicReply: '已处理',
      signedOffBy: '王科长',
    });
    x = await step(core, x, A.reviewer, 'approve_reply', { checks: [...DEFAULT_REQUIRED_CHECKS] });
    return x;
  };
  const toCallback = async (title: string, unitId = 'city-housing') => {
    const unit = handlerOf(unitId);
    let x = await dispatched(core, { leadUnitId: unitId, sign: true, intake: { title } });
    x = await replyRound(x, unit);
    return step(core, x, A.callback, 'reply_to_caller', { method: 'phone', content: '已告知' });
  };

  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    // 待审核: a unit reply; 待回复: an approved one.
    o.review = await step(
      core,
      await dispatched(core, { leadUnitId: 'city-market', sign: true, intake: { title: '待审核' } }),
      market,
      'reply',
      { result: 'not_our_duty', publicReply: '不属于本单位', rightChannel: '12315', signedOffBy: '李主任' },
    );
    at(1);
    o.reply = await replyRound(
      await dispatched(core, { leadUnitId: 'city-housing', sign: true, intake: { title: '待回复' } }),
    );
    // 待回访: two orders answered at different times, one with a failed attempt.
    at(2);
    o.callbackA = await toCallback('回访甲');
    at(3);
    o.callbackB = await toCallback('回访乙');
    at(4);
    o.callbackA = await step(core, o.callbackA, A.callback, 'callback_attempt', { outcome: 'no_answer' });
    // Rated: satisfied (housing), dissatisfied and appealed → upheld (housing), dissatisfied (market).
    at(5);
    const good = await toCallback('满意单');
    await step(core, good, A.callback, 'callback', { satisfaction: 'satisfied', resolved: 'yes' });
    const bad = await toCallback('申诉单');
    o.appealed = await step(core, bad, A.callback, 'callback', {
      satisfaction: 'dissatisfied',
      resolved: 'no',
    });
    o.appealed = await step(core, o.appealed, housing, 'appeal_rating', {
      reason: '已按政策办理，来电人诉求超出政策',
    });
    const marketBad = await toCallback('市场不满意', 'city-market');
    await step(core, marketBad, A.callback, 'callback', { satisfaction: 'dissatisfied', resolved: 'partly' });
    // 待研判: three dissatisfied callbacks with redo (the third is past maxRedoCount 2).
    let e = await toCallback('研判单');
    for (let round = 0; round < 3; round++) {
      e = await step(core, e, A.callback, 'callback', {
        satisfaction: 'dissatisfied',
        resolved: 'no',
        redo: true,
        comment: `第 ${round + 1} 次不满意`,
      });
      if (round < 2) {
        e = await step(core, e, A.dispatcher, 'dispatch', { leadUnitId: 'city-housing' });
        e = await step(core, e, housing, 'sign');
        e = await replyRound(e);
        e = await step(core, e, A.callback, 'reply_to_caller', { method: 'phone', content: '已告知' });
      }
    }
    o.escalated = e;
  });

  const q = (queue: string, actor = A.callback) => listDeskQueue(core, actor, queue, {});

  it('待审核 and 待回复 list unit replies, the oldest first, with the result and who signed off', async () => {
    const review = await q('review', A.reviewer);
    expect(review.items).toMatchObject([
      {
        orderId: o.review!.id,
        status: 'unit_replied',
        resultLabel: '不属于职责',
        signedOffBy: '李主任',
        replyUnitId: 'city-market',
      },
    ]);
    expect(review.items[0]).toHaveProperty('repliedAt');
    const reply = await q('reply');
    expect(reply).toMatchObject({ total: 1, totalCapped: false });
    expect(reply.items[0]).toMatchObject({
      orderId: o.reply!.id,
      resultLabel: '已解决',
      signedOffBy: '王科长',
    });
    expect(reply.items[0]!.approvedAt).toBeTruthy();
  });

  it('待回访 lists by the reply to the caller, with attempts, the next allowed attempt and the clock', async () => {
    at(10);
    const callback = await q('callback');
    expect(callback.items.map((i) => i.orderId)).toEqual([o.callbackA!.id, o.callbackB!.id]);
    const [a, b] = callback.items;
    expect(a).toMatchObject({
      attempts: 1,
      maxAttempts: 3,
      lastAttemptAt: new Date(Date.parse(T0) + 4 * 60_000).toISOString(),
      nextAttemptAt: new Date(Date.parse(T0) + 64 * 60_000).toISOString(),
      attemptAllowedNow: false,
      mayCloseUnreachable: false,
      colour: 'green',
    });
    expect(a!.callbackDueAt).toBeTruthy();
    expect(b).toMatchObject({ attempts: 0, nextAttemptAt: null, attemptAllowedNow: true });
    const page = await listDeskQueue(core, A.callback, 'callback', { pageSize: 1 }, { countCap: 1 });
    expect(page).toMatchObject({ total: 1, totalCapped: true });
    expect(page.items).toHaveLength(1);
  });

  it('待研判 lists orders past the redo limit; 申诉审核 the pending appeals with their reason', async () => {
    const escalated = await q('escalated', A.supervisor);
    expect(escalated.items).toMatchObject([
      {
        orderId: o.escalated!.id,
        status: 'escalated',
        redoCount: 2,
        satisfactionLabel: '不满意',
        callbackComment: '第 3 次不满意',
      },
    ]);
    const appeals = await q('appeals', A.reviewer);
    expect(appeals.items).toMatchObject([
      {
        orderId: o.appealed!.id,
        reason: '已按政策办理，来电人诉求超出政策',
        appealUnitId: 'city-housing',
        satisfactionLabel: '不满意',
      },
    ]);
    expect(appeals.items[0]!.appealDeadlineAt).toBeTruthy();
  });

  it('only callback staff, reviewers, supervisors and admins read the 回访台 queues', async () => {
    for (const actor of [A.callback, A.reviewer, A.supervisor, A.admin]) await q('appeals', actor);
    for (const actor of [A.agent, A.dispatcher, A.inspector, housing]) {
      await expectAppError(q('callback', actor), 'ROLE_NOT_PERMITTED');
    }
    // The dispatch desk stays closed to the callback staff.
    await expectAppError(q('overdue', A.callback), 'ROLE_NOT_PERMITTED');
  });

  it('the assessment counts callbacks per replying unit; an upheld appeal removes the rating', async () => {
    const row = async (unitId: string) =>
      (await unitDispatchStats(core, A.supervisor, PERIOD)).units.find((u) => u.unitId === unitId)!;
    const before = await row('city-housing');
    // housing: 满意单 (satisfied, yes), 申诉单 (dissatisfied, no), 研判单 three times (dissatisfied, redo).
    expect(before).toMatchObject({
      callbacks: 5,
      satisfied: 1,
      dissatisfied: 4,
      resolved: 1,
      redone: 3,
      appealsFiled: 1,
      appealsUpheld: 0,
      ratingsExcluded: 0,
      satisfactionRate: 0.2,
      resolvedRate: 0.2,
    });
    expect(before.redoRate).toBeGreaterThan(0);
    expect(await row('city-market')).toMatchObject({
      callbacks: 1,
      satisfied: 0,
      dissatisfied: 1,
      satisfactionRate: 0,
    });

    at(30);
    await step(core, o.appealed!, A.reviewer, 'decide_appeal', { decision: 'upheld', reason: '情况属实' });
    const after = await row('city-housing');
    expect(after).toMatchObject({
      callbacks: 5,
      ratingsExcluded: 1,
      dissatisfied: 3,
      appealsUpheld: 1,
      satisfactionRate: 0.25,
      resolvedRate: 0.25,
    });
    expect((await q('appeals', A.reviewer)).items).toEqual([]);
  });
});
