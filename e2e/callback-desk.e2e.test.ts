import { DEFAULT_CLOSURE_POLICY, DEFAULT_REQUIRED_CHECKS } from '@huawu/domain';
import { describe, expect, it } from 'vitest';
import { chooseOption } from './support/antd';
import { e2eSkipReason } from './support/env';
import { call, newOrder, type OrderRef, rowOf, transition } from './support/order-api';
import { expectStatus, runAction, timelineEvents } from './support/order-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible';

describe.skipIf(e2eSkipReason())('回访台 and 办结与归档规则 in the browser', () => {
  const { as, expectNoPageErrors } = useBrowserSuite();
  let order: OrderRef;

  it('回访台 → 待回访 → 回访未接通: the attempt is recorded and shown 1/3', async () => {
    const shot = screenshotter('callback-desk-');
    // Setup through the API: dispatched, signed, replied, approved, answered to the caller.
    const agent = await as('agent');
    order = await newOrder(agent.page, `e2e 回访 楼道堆物 ${Date.now()}`);
    const dispatcher = await as('dispatcher');
    await transition(dispatcher.page, order.id, 'dispatch', { leadUnitId: 'city-housing' });
    const handler = await as('handler');
    await transition(handler.page, order.id, 'sign');
    await transition(handler.page, order.id, 'reply', {
      result: 'resolved',
      publicReply: '已督促物业清理楼道堆物。',
      signedOffBy: '王科长',
    });
    const reviewer = await as('reviewer');
    await transition(reviewer.page, order.id, 'approve_reply', { checks: [...DEFAULT_REQUIRED_CHECKS] });
    const callback = await as('callback');
    const cp = callback.page;
    await transition(cp, order.id, 'reply_to_caller', { method: 'phone', content: '已电话告知办理结果' });

    await cp.goto('/callback-desk');
    await cp.getByTestId('callback-desk').waitFor();
    await cp.getByTestId('closure-tab-callback').click();
    await cp.waitForURL(/tab=callback/);
    const row = rowOf(cp, 'closure-table-callback', order.orderNo);
    await row.waitFor();
    await expect(row.getByTestId('callback-attempts').textContent()).resolves.toBe('0/3');
    await expect(row.getByTestId('callback-next').textContent()).resolves.toContain('现在可回访');
    await shot(cp, 'queue');

    await row.getByTestId('queue-order-link').click();
    await cp.waitForURL(`**/orders/${order.id}`);
    await expectStatus(cp, 'pending_callback');
    await runAction(cp, 'callback_attempt', (p) => chooseOption(p, 'field-outcome', '无人接听'));
    await expectStatus(cp, 'pending_callback');
    expect((await timelineEvents(cp)).at(-1)).toBe('callback_attempt');

    await cp.goto('/callback-desk?tab=callback');
    const after = rowOf(cp, 'closure-table-callback', order.orderNo);
    await after.getByTestId('callback-attempts').filter({ hasText: '1/3' }).waitFor();
    // The next attempt must come at a different time (60 minutes by default).
    await expect(after.getByTestId('callback-next').textContent()).resolves.toMatch(/\d{2}:\d{2} 后/);
    await shot(cp, 'after-attempt');
    expectNoPageErrors();
  }, 180_000);

  it('办结与归档规则: a five-level scale is offered by the callback form (非常满意)', async () => {
    const supervisor = await as('supervisor');
    const sp = supervisor.page;
    await sp.goto('/closure-settings');
    await sp.getByTestId('closure-settings').waitFor();
    await sp.getByTestId('checklist-item').first().waitFor();
    await sp.getByTestId('closure-scale').getByText('五级').click();
    await sp.getByTestId('closure-save').click();
    await sp.getByText('办结与归档规则已保存').waitFor();
    const saved = await call<{ satisfactionScale: number }>(sp, 'GET', '/api/admin/closure-policy');
    expect(saved.satisfactionScale).toBe(5);

    const callback = await as('callback');
    const cp = callback.page;
    await cp.goto(`/orders/${order.id}`);
    await expectStatus(cp, 'pending_callback');
    await cp.getByTestId('action-callback').click();
    await cp.getByTestId('action-form-callback').waitFor();
    await cp.getByTestId('field-satisfaction').click();
    const options = cp.locator(`${OPEN_DROPDOWN} .ant-select-item-option`);
    await options.first().waitFor();
    const titles = await options.evaluateAll((items) => items.map((i) => i.getAttribute('title')));
    expect(titles).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    await cp.keyboard.press('Escape');
    await call(sp, 'PUT', '/api/admin/closure-policy', DEFAULT_CLOSURE_POLICY);
    expectNoPageErrors();
  }, 180_000);
});
