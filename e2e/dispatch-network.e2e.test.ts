import { describe, expect, it } from 'vitest';
import { chooseOption, chooseTreeNode } from './support/antd';
import { e2eSkipReason } from './support/env';
import { expectStatus, runAction, timelineEvents } from './support/order-page';
import { screenshotter } from './support/screenshots';
import { newOrder, rowOf, transition } from './support/order-api';
import { useBrowserSuite } from './support/suite';

const HOUSING = '市住房和城乡建设局';
const MARKET = '市市场监督管理局';
const EAST = '东城区人民政府';
const HEPING = '东城区和平街道办事处';

describe.skipIf(e2eSkipReason())('dispatch network in the browser', () => {
  const { as, expectNoPageErrors } = useBrowserSuite();

  it('sign → return → reassign: the dispatcher approves a return on 派单台 and the new lead sees it in 单位工作台', async () => {
    const shot = screenshotter('network-return-');
    const agent = await as('agent');
    const order = await newOrder(agent.page, `e2e 商铺占道经营 ${Date.now()}`);
    const orderUrl = `/orders/${order.id}`;

    // 派单 to 市住建局 in the browser.
    const dispatcher = await as('dispatcher');
    const dp = dispatcher.page;
    await dp.goto(orderUrl);
    await expectStatus(dp, 'pending_dispatch');
    await runAction(dp, 'dispatch', (p) => chooseTreeNode(p, 'field-leadUnitId', HOUSING));
    await expectStatus(dp, 'dispatched');

    // 市住建局 signs, then asks for a return.
    const handler = await as('handler');
    const hp = handler.page;
    await hp.goto(orderUrl);
    await expectStatus(hp, 'dispatched');
    await hp
      .locator('[data-testid="order-unit"][data-role="lead"] [data-testid="clock-tag"]')
      .first()
      .waitFor();
    await runAction(hp, 'sign');
    await expectStatus(hp, 'in_progress');
    await runAction(hp, 'request_return', (p) =>
      p.getByTestId('field-reason').fill('占道经营属市场监管职责，不属本局职责范围。'),
    );
    await expectStatus(hp, 'return_requested');
    await shot(hp, 'return-requested');

    // The dispatcher finds it on 派单台 · 退单审核 and approves with a new lead.
    await dp.getByTestId('nav-dispatch-desk').click();
    await dp.waitForURL('**/dispatch-desk');
    await dp.getByTestId('desk-tab-returns').click();
    await dp.waitForURL(/tab=returns/);
    const row = rowOf(dp, 'queue-table-returns', order.orderNo);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('不属本局职责范围');
    await expect(row.textContent()).resolves.toContain(HOUSING);
    await shot(dp, 'returns-queue');
    await row.getByTestId('queue-order-link').click();
    await dp.waitForURL(`**${orderUrl}`);
    await expectStatus(dp, 'return_requested');
    await runAction(dp, 'approve_return', (p) => chooseTreeNode(p, 'field-leadUnitId', MARKET));
    await expectStatus(dp, 'dispatched');
    const lead = dp.locator('[data-testid="order-unit"][data-role="lead"]').first();
    await expect(lead.textContent()).resolves.toContain(MARKET);

    // 市市场监管局 sees the order in 单位工作台.
    const market = await as('market');
    const mp = market.page;
    await mp.getByTestId('nav-unit-inbox').click();
    await mp.waitForURL('**/unit-inbox');
    await mp.goto('/unit-inbox?pageSize=100');
    let inboxRow = rowOf(mp, 'inbox-table', order.orderNo);
    await inboxRow.waitFor();
    await expect(inboxRow.textContent()).resolves.toContain('主办');
    await expect(inboxRow.textContent()).resolves.toContain('签收');
    // The colour filter (in the URL) keeps the row under its own colour and drops it under another.
    const colour = (await inboxRow.getByTestId('colour-tag').getAttribute('data-colour')) ?? '';
    const other = colour === 'red' ? 'green' : 'red';
    await mp
      .getByTestId('inbox-colour-filter')
      .getByText(colour === 'red' ? '红牌' : colour === 'yellow' ? '黄牌' : '正常')
      .click();
    await mp.waitForURL(new RegExp(`colour=${colour}`));
    inboxRow = rowOf(mp, 'inbox-table', order.orderNo);
    await inboxRow.waitFor();
    await mp.goto(`/unit-inbox?colour=${other}&pageSize=100`);
    await mp.getByTestId('inbox-table').waitFor();
    await mp.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await expect(rowOf(mp, 'inbox-table', order.orderNo).count()).resolves.toBe(0);
    await mp.goto(`/unit-inbox?colour=${colour}&pageSize=100`);
    inboxRow = rowOf(mp, 'inbox-table', order.orderNo);
    await inboxRow.waitFor();
    await shot(mp, 'inbox');
    await inboxRow.getByTestId('inbox-order-link').click();
    await mp.waitForURL(`**${orderUrl}`);
    await expectStatus(mp, 'dispatched');
    await mp.getByTestId('action-sign').waitFor();

    // Every step is in the timeline.
    expect(await timelineEvents(mp)).toEqual([
      'create',
      'submit_for_dispatch',
      'dispatch',
      'sign',
      'request_return',
      'approve_return',
    ]);
    const timeline = (await mp.getByTestId('order-timeline').textContent()) ?? '';
    for (const text of [HOUSING, MARKET, '不属本局职责范围']) expect(timeline).toContain(text);
    expectNoPageErrors();
  }, 120_000);

  it('extension → approve → reply: the reviewer approves on the order opened from 延期审核', async () => {
    const shot = screenshotter('network-extension-');
    const agent = await as('agent');
    const order = await newOrder(agent.page, `e2e 老旧小区加装电梯 ${Date.now()}`);
    const orderUrl = `/orders/${order.id}`;
    const dispatcher = await as('dispatcher');
    await transition(dispatcher.page, order.id, 'dispatch', { leadUnitId: 'city-housing' });
    const handler = await as('handler');
    const hp = handler.page;
    await transition(hp, order.id, 'sign');

    // 申请延期 in the browser.
    await hp.goto(orderUrl);
    await expectStatus(hp, 'in_progress');
    const deadline = hp.locator('[data-testid="deadline"]').first();
    const before = (await deadline.textContent()) ?? '';
    await runAction(hp, 'request_extension', async (p) => {
      await p.getByTestId('field-days').fill('3');
      await p.getByTestId('field-reason').fill('需协调业主意见并组织听证，需延长办理期限。');
    });
    await hp.getByTestId('order-pending-extension').waitFor();

    // The reviewer opens it from 派单台 · 延期审核 and approves.
    const reviewer = await as('reviewer');
    const rp = reviewer.page;
    await rp.goto('/dispatch-desk?tab=extensions&pageSize=100');
    const row = rowOf(rp, 'queue-table-extensions', order.orderNo);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('3 个工作日');
    await expect(row.textContent()).resolves.toContain('组织听证');
    await shot(rp, 'extensions-queue');
    await row.getByTestId('queue-order-link').click();
    await rp.waitForURL(`**${orderUrl}`);
    await expectStatus(rp, 'in_progress');
    await runAction(rp, 'approve_extension');
    await rp.getByTestId('order-pending-extension').waitFor({ state: 'detached' });
    const after = (await rp.locator('[data-testid="deadline"]').first().textContent()) ?? '';
    expect(after).not.toBe(before);
    await shot(rp, 'extension-approved');

    // The handler sees the new deadline and replies.
    await hp.getByTestId('order-reload').click();
    await expect.poll(() => hp.locator('[data-testid="deadline"]').first().textContent()).toBe(after);
    await runAction(hp, 'reply', async (p) => {
      await chooseOption(p, 'field-result', '已解决');
      await p.getByTestId('field-publicReply').fill('经协调，加装电梯方案已获业主同意，将于下月开工。');
      await p.getByTestId('field-signedOffBy').fill('李主任');
    });
    await expectStatus(hp, 'unit_replied');
    expect(await timelineEvents(hp)).toEqual([
      'create',
      'submit_for_dispatch',
      'dispatch',
      'sign',
      'request_extension',
      'approve_extension',
      'reply',
    ]);
    await expect(hp.getByTestId('order-timeline').textContent()).resolves.toContain(
      '加装电梯方案已获业主同意',
    );
    expectNoPageErrors();
  }, 120_000);

  it('co-unit: the co-unit signs and reports, and the lead unit reads the report on its order page', async () => {
    const shot = screenshotter('network-co-');
    const agent = await as('agent');
    const order = await newOrder(agent.page, `e2e 小区商铺油烟扰民 ${Date.now()}`);
    const orderUrl = `/orders/${order.id}`;
    const dispatcher = await as('dispatcher');
    await transition(dispatcher.page, order.id, 'dispatch', {
      leadUnitId: 'city-housing',
      coUnitIds: ['city-market'],
    });

    const market = await as('market');
    const mp = market.page;
    await mp.goto(orderUrl);
    await expectStatus(mp, 'dispatched');
    const coUnit = mp.locator('[data-testid="order-unit"][data-role="co"]');
    await expect(coUnit.getByTestId('task-status').getAttribute('data-status')).resolves.toBe('pending_sign');
    await runAction(mp, 'co_sign');
    await expect.poll(() => coUnit.getByTestId('task-status').getAttribute('data-status')).toBe('signed');
    const report = '已对涉事商铺油烟净化设施进行检查，责令其限期整改。';
    await runAction(mp, 'co_report', (p) => p.getByTestId('field-report').fill(report));
    await expect.poll(() => coUnit.getByTestId('task-status').getAttribute('data-status')).toBe('reported');
    await shot(mp, 'co-reported');

    const handler = await as('handler');
    const hp = handler.page;
    await hp.goto(orderUrl);
    await expectStatus(hp, 'dispatched');
    const shown = hp.locator('[data-testid="order-unit"][data-role="co"] [data-testid="unit-report"]');
    await shown.waitFor();
    await expect(shown.textContent()).resolves.toContain(report);
    await expect(hp.getByTestId('order-timeline').textContent()).resolves.toContain(report);
    expect(await timelineEvents(hp)).toEqual([
      'create',
      'submit_for_dispatch',
      'dispatch',
      'co_sign',
      'co_report',
    ]);
    await shot(hp, 'lead-sees-report');
    expectNoPageErrors();
  }, 120_000);

  it('sub_dispatch: the lead district picks a street in the unit picker; the street shows as 下派承办 under it', async () => {
    const agent = await as('agent');
    const order = await newOrder(agent.page, `e2e 背街小巷路灯不亮 ${Date.now()}`);
    const orderUrl = `/orders/${order.id}`;
    const dispatcher = await as('dispatcher');
    await transition(dispatcher.page, order.id, 'dispatch', { leadUnitId: 'east' });
    const eastadmin = await as('eastadmin');
    const ep = eastadmin.page;
    await transition(ep, order.id, 'sign');

    await ep.goto(orderUrl);
    await expectStatus(ep, 'in_progress');
    const instructions = '请和平街道核实路灯故障并联系维修，办结后向区政府反馈。';
    await runAction(ep, 'sub_dispatch', async (p) => {
      await chooseTreeNode(p, 'field-unitId', HEPING);
      await p.getByTestId('field-instructions').fill(instructions);
    });
    const delegate = ep.locator('[data-testid="order-unit"][data-role="delegate"]');
    await delegate.waitFor();
    const text = (await delegate.textContent()) ?? '';
    for (const part of [HEPING, '下派承办', `上级：${EAST}`, instructions]) expect(text).toContain(part);
    await expect(delegate.getByTestId('task-status').getAttribute('data-status')).resolves.toBe(
      'pending_sign',
    );
    expect(await timelineEvents(ep)).toEqual([
      'create',
      'submit_for_dispatch',
      'dispatch',
      'sign',
      'sub_dispatch',
    ]);
    await expect(ep.getByTestId('order-timeline').textContent()).resolves.toContain(HEPING);
    expectNoPageErrors();
  }, 120_000);
});
