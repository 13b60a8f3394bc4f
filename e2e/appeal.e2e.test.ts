import { DEFAULT_REQUIRED_CHECKS } from '@huawu/domain';
import { describe, expect, it } from 'vitest';
import { chooseOption } from './support/antd';
import { e2eSkipReason } from './support/env';
import { newOrder, rowOf, transition } from './support/order-api';
import { expectStatus, runAction } from './support/order-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

/**
 * 申诉核减 in the browser: a closed order rated 不满意 — the lead unit appeals from the order page, the
 * reviewer finds it under 回访台 → 申诉审核 and upholds it; the order shows the decision and, with the
 * appeal decided, may be archived.
 */
describe.skipIf(e2eSkipReason())('appeal against a bad rating in the browser', () => {
  const { as, expectNoPageErrors } = useBrowserSuite();

  it('the unit appeals, the reviewer upholds it from 回访台, the order may then be archived', async () => {
    const shot = screenshotter('appeal-');
    const { page: agent } = await as('agent');
    const order = await newOrder(agent, `e2e 申诉 夜间施工噪音 ${Date.now()}`);
    const { page: dispatcher } = await as('dispatcher');
    await transition(dispatcher, order.id, 'dispatch', { leadUnitId: 'city-housing' });
    const { page: handler } = await as('handler');
    await transition(handler, order.id, 'sign');
    await transition(handler, order.id, 'reply', {
      result: 'resolved',
      publicReply: '已责令施工方夜间停工，违规行为已立案处罚。',
      signedOffBy: '王科长',
    });
    const { page: reviewer } = await as('reviewer');
    await transition(reviewer, order.id, 'approve_reply', { checks: [...DEFAULT_REQUIRED_CHECKS] });
    const { page: callback } = await as('callback');
    await transition(callback, order.id, 'reply_to_caller', { method: 'phone', content: '已告知办理结果' });
    await transition(callback, order.id, 'callback', {
      satisfaction: 'dissatisfied',
      resolved: 'no',
      comment: '来电人要求施工方赔偿',
    });

    // The supervisor cannot archive yet: the unit's appeal window is open.
    const { page: supervisor } = await as('supervisor');
    await supervisor.goto(`/orders/${order.id}`);
    await expectStatus(supervisor, 'closed');
    await expect(supervisor.getByTestId('action-archive').count()).resolves.toBe(0);

    // 申诉核减 by the lead unit.
    await handler.goto(`/orders/${order.id}`);
    await expectStatus(handler, 'closed');
    await runAction(handler, 'appeal_rating', async (p) => {
      await p.getByTestId('field-reason').fill('已按规定责令停工并立案处罚，赔偿诉求不属于本单位职权。');
      await p.getByTestId('field-evidence').fill('停工通知书、立案决定书');
    });
    await expect.poll(() => handler.getByTestId('closure-appeal').textContent()).toContain('申诉待审');
    await shot(handler, 'filed');

    // 回访台 → 申诉审核 → 审核申诉: upheld.
    await reviewer.goto('/callback-desk');
    await reviewer.getByTestId('closure-tab-appeals').click();
    const row = rowOf(reviewer, 'closure-table-appeals', order.orderNo);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('赔偿诉求不属于本单位职权');
    await row.getByTestId('queue-order-link').click();
    await reviewer.waitForURL(`**/orders/${order.id}`);
    await runAction(reviewer, 'decide_appeal', async (p) => {
      await chooseOption(p, 'field-decision', '申诉成立，核减该评价');
      await p.getByTestId('field-reason').fill('承办单位已依职权处理，赔偿属民事纠纷。');
    });
    await expect.poll(() => reviewer.getByTestId('closure-appeal').textContent()).toContain('核减');
    await shot(reviewer, 'upheld');

    // With the appeal decided the case may be archived.
    await supervisor.reload();
    await runAction(supervisor, 'archive');
    await expectStatus(supervisor, 'archived');
    expectNoPageErrors();
  }, 180_000);
});
