import { describe, expect, it } from 'vitest';
import { chooseOption, chooseTreeNode, unitOptions } from './support/antd';
import { fillLogin, submitLogin, switchUser } from './support/browser';
import { e2eSkipReason } from './support/env';
import { expectStatus, runAction, tickAll, timelineEvents } from './support/order-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

const HOUSING = '市住房和城乡建设局';
const HEPING = '东城区和平街道办事处';

describe.skipIf(e2eSkipReason())('web UI in headless Chromium', () => {
  /** A logged-in context per user (`as`) or a fresh one (`open`), kept for the whole file. */
  const { as, open, expectNoPageErrors } = useBrowserSuite();

  it('walks one order through the whole lifecycle, each step by its own role', async () => {
    const shot = screenshotter();
    const title = `e2e 楼道堆放杂物堵塞消防通道 ${Date.now()}`;

    // 受理: the agent records the call.
    const desk = await open();
    const { page } = desk;
    await switchUser(page, 'agent');
    await page.getByTestId('nav-new-order').click();
    await page.waitForURL('**/orders/new');
    await page.getByTestId('field-callerName').fill('钱先生');
    await page.getByTestId('field-callerPhone').fill('13800138000');
    await chooseOption(page, 'field-appealType', '投诉');
    await chooseTreeNode(page, 'field-category', '消防安全');
    await page.getByTestId('field-title').fill(title);
    await page
      .getByTestId('field-content')
      .fill('来电人反映幸福里小区5号楼楼道长期堆放杂物，堵塞消防通道，存在安全隐患，希望尽快清理。');
    await page.getByTestId('field-address').fill('东城区幸福里小区5号楼');
    await shot(page, 'create-form');
    await page.getByTestId('create-submit').click();
    await page.waitForURL(/\/orders\/(?!new)[^/]+$/);
    const orderUrl = new URL(page.url()).pathname;
    await expectStatus(page, 'intake');
    await expect(page.getByTestId('order-content').textContent()).resolves.toContain('堵塞消防通道');
    await shot(page, 'intake');

    await runAction(page, 'submit_for_dispatch');
    await expectStatus(page, 'pending_dispatch');
    await shot(page, 'pending-dispatch');

    // 派单: the dispatcher picks the lead unit.
    await switchUser(page, 'dispatcher', orderUrl);
    await expectStatus(page, 'pending_dispatch');
    // Dispatchers see the caller's number masked.
    await expect(page.getByTestId('order-descriptions').textContent()).resolves.toContain('138****8000');
    await runAction(page, 'dispatch', async (p) => {
      // Every handling unit is offered, the hotline centre itself is not.
      const titles = await unitOptions(p, 'field-leadUnitId');
      expect(titles).toContain('东城区人民政府');
      expect(titles.filter((title) => title.includes('12345'))).toEqual([]);
      await chooseTreeNode(p, 'field-leadUnitId', HOUSING);
      await expect(p.getByTestId('field-leadUnitId').textContent()).resolves.toContain(HOUSING);
      await shot(p, 'dispatch-form');
    });
    await expectStatus(page, 'dispatched');
    await expect(page.getByTestId('order-units').textContent()).resolves.toContain(HOUSING);
    await shot(page, 'dispatched');

    // 签收 and 答复 by the lead unit's handler.
    await switchUser(page, 'handler', orderUrl);
    await expectStatus(page, 'dispatched');
    await runAction(page, 'sign');
    await expectStatus(page, 'in_progress');
    await shot(page, 'signed');
    await runAction(page, 'reply', async (p) => {
      await chooseOption(p, 'field-result', '已解决');
      await p
        .getByTestId('field-publicReply')
        .fill('经现场核查，已联系物业于当日清理楼道杂物，消防通道已恢复畅通。');
      await p.getByTestId('field-signedOffBy').fill('王科长');
      await shot(p, 'reply-form');
    });
    await expectStatus(page, 'unit_replied');
    await shot(page, 'unit-replied');

    // 审核 by the reviewer.
    await switchUser(page, 'reviewer', orderUrl);
    await expectStatus(page, 'unit_replied');
    await runAction(page, 'approve_reply', (p) => tickAll(p, 'field-checks'));
    await expectStatus(page, 'pending_reply');
    await shot(page, 'reply-approved');

    // 回复来电人 and 回访 by the callback agent.
    await switchUser(page, 'callback', orderUrl);
    await expectStatus(page, 'pending_reply');
    await runAction(page, 'reply_to_caller', async (p) => {
      await chooseOption(p, 'field-method', '电话');
      await p.getByTestId('field-content').fill('已电话告知来电人楼道杂物已清理完毕。');
    });
    await expectStatus(page, 'pending_callback');
    await shot(page, 'caller-told');
    await runAction(page, 'callback', async (p) => {
      await chooseOption(p, 'field-satisfaction', '满意');
      await chooseOption(p, 'field-resolved', '是');
      await shot(p, 'callback-form');
    });
    await expectStatus(page, 'closed');
    await shot(page, 'closed');

    // 归档 by the supervisor.
    await switchUser(page, 'supervisor', orderUrl);
    await expectStatus(page, 'closed');
    await runAction(page, 'archive');
    await expectStatus(page, 'archived');
    await expect(page.getByTestId('order-actions').count()).resolves.toBe(0);

    expect(await timelineEvents(page)).toEqual([
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
    const timeline = (await page.getByTestId('order-timeline').textContent()) ?? '';
    for (const text of [HOUSING, '已解决', '满意', '刘洋（市住建局承办人）', '孙伟（值班长）']) {
      expect(timeline).toContain(text);
    }
    await page.getByTestId('order-timeline').scrollIntoViewIfNeeded();
    await shot(page, 'archived');

    // The archived order is in the list with its final status.
    await page.getByTestId('nav-orders').click();
    await page.getByTestId('filter-q').locator('input').fill(title);
    await page.getByTestId('filter-q').locator('input').press('Enter');
    const rows = page.locator('[data-testid="order-table"] tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().locator('[data-status]').getAttribute('data-status')).resolves.toBe('archived');
    expectNoPageErrors();
  }, 90_000);

  it('rejects a wrong password, lists the demo orders with deadline colours and filters overdue ones', async () => {
    const shot = screenshotter('list-');
    const session = await open();
    const { page } = session;

    await submitLogin(page, 'supervisor', 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot(page, 'wrong-password');

    await page.getByTestId('field-password').fill('Huawu2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/orders');
    const rows = page.locator('[data-testid="order-table"] tr.ant-table-row');
    await rows.first().waitFor();
    await expect(page.locator('.ant-pagination-total-text').textContent()).resolves.toMatch(/共 \d+ 条/);
    const total = Number((await page.locator('.ant-pagination-total-text').textContent())?.match(/\d+/)?.[0]);
    expect(total).toBeGreaterThanOrEqual(30);
    expect(await rows.count()).toBe(20);

    // Every row has a status tag; deadline cards are red / gold / green by state.
    for (const row of await rows.all()) {
      await expect(row.locator('[data-status]').count()).resolves.toBe(1);
    }
    const colours = { overdue: 'ant-tag-red', warning: 'ant-tag-gold', ok: 'ant-tag-green' } as const;
    const states = await page
      .locator('[data-testid="order-table"] [data-testid="deadline"]')
      .evaluateAll((cells) =>
        cells.map((cell) => ({
          state: cell.getAttribute('data-state') as 'overdue' | 'warning' | 'ok',
          tag: cell.querySelector('.ant-tag')?.className ?? '',
        })),
      );
    expect(states.length).toBeGreaterThan(0);
    for (const { state, tag } of states) expect(tag).toContain(colours[state]);
    await shot(page, 'all-orders');

    // 仅超期: only overdue rows remain.
    await page.getByTestId('filter-overdue').click();
    await page.waitForURL(/overdue=true/);
    await expect
      .poll(() => page.locator('.ant-pagination-total-text').textContent())
      .not.toBe(`共 ${total} 条`);
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    const overdueRows = await rows.count();
    expect(overdueRows).toBeGreaterThan(0);
    expect(overdueRows).toBeLessThan(total);
    await expect(
      page.locator('[data-testid="order-table"] [data-testid="deadline"][data-state="overdue"]').count(),
    ).resolves.toBe(overdueRows);
    for (const row of await rows.all()) {
      await expect(row.locator('.ant-tag-red', { hasText: '已超期' }).count()).resolves.toBe(1);
    }
    await shot(page, 'overdue-only');
    expect(session.errors).toEqual([]);
  }, 60_000);

  it('shows a unit handler only the orders of their unit and no intake menu', async () => {
    const shot = screenshotter('unit-');
    const session = await as('heping');
    const { page } = session;
    await expect(page.getByTestId('current-user-name').textContent()).resolves.toContain('吴芳');
    await expect(page.getByTestId('nav-orders').count()).resolves.toBe(1);
    await expect(page.getByTestId('nav-new-order').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '新建工单' }).count()).resolves.toBe(0);

    const rows = page.locator('[data-testid="order-table"] tr.ant-table-row');
    await rows.first().waitFor();
    const headers = await page.locator('[data-testid="order-table"] thead th').allTextContents();
    const leadColumn = headers.indexOf('主办单位');
    expect(leadColumn).toBeGreaterThan(-1);
    const leads = await rows.evaluateAll(
      (trs, column) => trs.map((tr) => tr.querySelectorAll('td')[column]?.textContent?.trim() ?? ''),
      leadColumn,
    );
    expect(leads.length).toBeGreaterThan(0);
    // Orders the unit was once involved in may have no current lead unit (—) or, after its return was
    // approved, the unit it was reassigned to (the demo reassigns to 市住建局); an order its district
    // leads and re-dispatched to it (下派) shows the district; never an unrelated unit.
    for (const lead of leads) expect([HEPING, '—', '东城区人民政府', HOUSING]).toContain(lead);
    expect(leads).toContain(HEPING);
    const total = Number((await page.locator('.ant-pagination-total-text').textContent())?.match(/\d+/)?.[0]);
    expect(total).toBe(leads.length);
    await shot(page, 'heping-orders');

    // Logging out from an order and in as someone else starts on the list, not on that order.
    await rows.first().getByTestId('order-link').click();
    await page.getByTestId('order-status').waitFor();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await fillLogin(page, 'agent');
    await page.waitForURL((url) => url.pathname === '/orders');
    await page.getByTestId('nav-new-order').waitFor();
    await expect(page.getByTestId('current-user-name').textContent()).resolves.toContain('李娜');
    expect(session.errors).toEqual([]);
  }, 60_000);
});
