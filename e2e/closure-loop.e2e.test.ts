import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, chooseTreeNode } from './support/antd';
import { e2eSkipReason } from './support/env';
import { newOrder, rowOf, transition } from './support/order-api';
import { expectStatus, runAction, tickAll, timelineEvents } from './support/order-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

const HOUSING = '市住房和城乡建设局';

/**
 * The six steps of the standard on one order, in the browser, each by its own role: 审核 (with the
 * checklist) → 回复 (SMS) → 回访 dissatisfied → 重办 → 回访 satisfied → 办结 → 归档 → the archive's chain
 * proved intact.
 */
describe.skipIf(e2eSkipReason())('reply, callback, redo, closure and archive in the browser', () => {
  const { as, expectNoPageErrors } = useBrowserSuite();

  it('runs review → reply → callback dissatisfied → redo → callback satisfied → close → archive → verify', async () => {
    const shot = screenshotter('closure-loop');
    const title = `e2e 小区电梯频繁故障 ${Date.now()}`;
    const { page: agent } = await as('agent');
    const order = await newOrder(agent, title);
    const url = `/orders/${order.id}`;

    // Setup through the API: dispatched to the housing bureau, signed and answered by the unit.
    const { page: dispatcher } = await as('dispatcher');
    await transition(dispatcher, order.id, 'dispatch', { leadUnitId: 'city-housing' });
    const { page: handler } = await as('handler');
    await transition(handler, order.id, 'sign');
    await transition(handler, order.id, 'reply', {
      result: 'partly_resolved',
      publicReply: '已要求物业更换电梯控制柜，配件到货后一周内完成。',
      internalNotes: '物业公司负责人已约谈',
      signedOffBy: '王科长',
    });

    // 审核: the checklist must be ticked; without it the reviewer is told which items are missing.
    const { page: reviewer } = await as('reviewer');
    await reviewer.goto(url);
    await expectStatus(reviewer, 'unit_replied');
    await reviewer.getByTestId('action-approve_reply').click();
    await reviewer.getByTestId('action-form-approve_reply').waitFor();
    await reviewer.getByTestId('action-submit').click();
    await expect
      .poll(() => reviewer.getByTestId('action-modal-error').textContent())
      .toContain('审核清单未通过');
    await tickAll(reviewer, 'field-checks');
    await shot(reviewer, 'review-checklist');
    await reviewer.getByTestId('action-submit').click();
    await expectStatus(reviewer, 'pending_reply');

    // 回复 by SMS: the outbox gets one SMS to the caller.
    const { page: callback } = await as('callback');
    await callback.goto(url);
    await expectStatus(callback, 'pending_reply');
    // The reply script comes from the unit's own words (partly solved, its public reply verbatim).
    const script = callback.getByTestId('closure-reply-script');
    await expect(script.textContent()).resolves.toContain('已要求物业更换电梯控制柜');
    await runAction(callback, 'reply_to_caller', async (p) => {
      await chooseOption(p, 'field-method', '短信');
      // Prefilled with the SMS text of the script.
      await expect
        .poll(() => p.getByTestId('field-content').inputValue())
        .toContain('已要求物业更换电梯控制柜');
    });
    await expectStatus(callback, 'pending_callback');
    await callback.getByTestId('closure-callback-script').waitFor();

    // 回访: dissatisfied → 重办.
    await runAction(callback, 'callback', async (p) => {
      await chooseOption(p, 'field-satisfaction', '不满意');
      await chooseOption(p, 'field-resolved', '否');
      await p.getByTestId('field-redo').click();
      await p.getByTestId('field-comment').fill('来电人表示电梯仍每天停运。');
    });
    await expectStatus(callback, 'pending_dispatch');

    // 重办: dispatched again (the same unit), signed, answered, reviewed, told.
    await dispatcher.goto(url);
    await expectStatus(dispatcher, 'pending_dispatch');
    await runAction(dispatcher, 'dispatch', (p) => chooseTreeNode(p, 'field-leadUnitId', HOUSING));
    await expectStatus(dispatcher, 'dispatched');
    await handler.goto(url);
    await runAction(handler, 'sign');
    await runAction(handler, 'reply', async (p) => {
      await chooseOption(p, 'field-result', '已解决');
      await p.getByTestId('field-publicReply').fill('控制柜已更换，电梯经特检院检测合格，已恢复运行。');
      await p.getByTestId('field-signedOffBy').fill('王科长');
    });
    await expectStatus(handler, 'unit_replied');
    await reviewer.goto(url);
    await runAction(reviewer, 'approve_reply', (p) => tickAll(p, 'field-checks'));
    await callback.goto(url);
    await runAction(callback, 'reply_to_caller', async (p) => {
      await chooseOption(p, 'field-method', '电话');
      const content = p.getByTestId('field-content');
      if (!(await content.inputValue())) await content.fill('已电话告知来电人电梯已恢复运行。');
    });

    // 回访 satisfied → 办结.
    await runAction(callback, 'callback', async (p) => {
      await chooseOption(p, 'field-satisfaction', '满意');
      await chooseOption(p, 'field-resolved', '是');
    });
    await expectStatus(callback, 'closed');
    await shot(callback, 'closed');

    // 归档 by the supervisor.
    const { page: supervisor } = await as('supervisor');
    await supervisor.goto(url);
    await runAction(supervisor, 'archive');
    await expectStatus(supervisor, 'archived');
    expect(await timelineEvents(supervisor)).toEqual([
      'create',
      'submit_for_dispatch',
      'dispatch',
      'sign',
      'reply',
      'approve_reply',
      'reply_to_caller',
      'callback',
      'dispatch',
      'sign',
      'reply',
      'approve_reply',
      'reply_to_caller',
      'callback',
      'archive',
    ]);

    await verifyArchive(supervisor, order.orderNo, shot);
    expectNoPageErrors();
  }, 180_000);
});

/**
 * 档案查询: the archived order is found by its number, its sealed record verifies (hash chain of its
 * events, the record as sealed), and the supervisor's 全量校验 proves every chain in the database.
 */
async function verifyArchive(page: Page, orderNo: string, shot: ReturnType<typeof screenshotter>) {
  await page.getByTestId('nav-archive').click();
  await page.waitForURL('**/archive**');
  const search = page.getByTestId('archive-filter-q').locator('input');
  await search.fill(orderNo);
  await search.press('Enter');
  const row = rowOf(page, 'archive-table', orderNo);
  await row.waitFor();
  await row.getByTestId('archive-open').click();
  const verification = page.getByTestId('archive-verification');
  await verification.waitFor();
  await expect(verification.textContent()).resolves.toContain('校验通过');
  await expect(page.getByTestId('archive-hashes').textContent()).resolves.toMatch(/[0-9a-f]{64}/);
  await shot(page, 'archive-record');
  await page.keyboard.press('Escape');
  await page.getByTestId('archive-verify-all').click();
  const result = page.getByTestId('archive-verify-result');
  await result.waitFor({ timeout: 60_000 });
  await expect(result.textContent()).resolves.toContain('哈希链完整');
  await shot(page, 'archive-verified');
}
