import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseTreeNode } from './support/antd';
import type { Session } from './support/browser';
import { e2eSkipReason } from './support/env';
import { expectStatus, runAction } from './support/order-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

const HOUSING = '市住房和城乡建设局';

/**
 * Notifications in the browser: a dispatch reaches the lead unit's bell (pushed live over
 * /api/notices/stream, without a reload), clicking the notice opens the order and marks it read; admins
 * edit templates and see the delivery log.
 */
describe.skipIf(e2eSkipReason())('notifications (通知) in headless Chromium', () => {
  const suite = useBrowserSuite();
  const shot = screenshotter('notifications-');
  let orderId = '';

  const count = async (page: Page) => Number((await page.getByTestId('notice-count').textContent()) ?? '0');

  let dispatcher: Session;
  beforeAll(async () => {
    dispatcher = await suite.as('dispatcher');
  });

  it('dispatches a demo order to 市住建局', async () => {
    const { page } = dispatcher;
    const response = await page.request.get('/api/work-orders?status=pending_dispatch&page=1&pageSize=5');
    expect(response.ok()).toBe(true);
    const list = (await response.json()) as { items: { id: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    orderId = list.items[0]?.id ?? '';
    await page.goto(`/orders/${orderId}`);
    await expectStatus(page, 'pending_dispatch');
    await runAction(page, 'dispatch', async (p) => {
      await chooseTreeNode(p, 'field-leadUnitId', HOUSING);
      const reason = p.getByTestId('field-overrideReason');
      if ((await reason.count()) > 0) await reason.fill('演示：由市住建局牵头办理。');
      await shot(p, 'dispatch-form');
    });
    await expectStatus(page, 'dispatched');
  });

  it('the handler sees the notice, opens the order from it and the count drops', async () => {
    const { page } = await suite.as('handler');
    await page.goto('/orders');
    await expect.poll(() => count(page), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = await count(page);
    await page.getByTestId('notice-bell').click();
    const item = page.locator(`[data-testid="notice-item"][data-order-id="${orderId}"]`).first();
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    await shot(page, 'bell-open');
    await item.click();
    await page.waitForURL(`**/orders/${orderId}`);
    await expect.poll(() => count(page)).toBe(before - 1);
    await page.getByTestId('notice-bell').click();
    await page
      .locator(`[data-testid="notice-item"][data-order-id="${orderId}"] [data-testid="notice-read"]`)
      .first()
      .waitFor();
    await shot(page, 'notice-read');
  });

  it('another user’s dispatch reaches the open bell live, without a reload', async () => {
    const { page } = await suite.as('handler');
    const streamOpen = page.waitForResponse((r) => r.url().includes('/api/notices/stream'));
    await page.goto('/orders');
    expect((await streamOpen).status()).toBe(200);
    const unread = async () =>
      ((await (await page.request.get('/api/notices?limit=1')).json()) as { unread: number }).unread;
    const before = await unread();
    await expect.poll(() => count(page), { timeout: 15_000 }).toBe(before);

    // The dispatcher acts in another session, through the API.
    const api = dispatcher.page.request;
    const list = (await (
      await api.get('/api/work-orders?status=pending_dispatch&page=1&pageSize=5')
    ).json()) as { items: { id: string }[] };
    const id = list.items.find((o) => o.id !== orderId)?.id ?? '';
    expect(id).not.toBe('');
    const detail = (await (await api.get(`/api/work-orders/${id}`)).json()) as { version: number };
    const moved = await api.post(`/api/work-orders/${id}/transitions`, {
      data: {
        event: 'dispatch',
        version: detail.version,
        input: { leadUnitId: 'city-housing', overrideReason: '演示：由市住建局牵头办理。' },
      },
    });
    expect(moved.status(), await moved.text()).toBe(200);

    // Well before the bell's 2-minute fallback refresh, and with no reload or focus change.
    await expect.poll(() => count(page), { timeout: 15_000 }).toBe(before + 1);
    await page.getByTestId('notice-bell').click();
    await page.locator(`[data-testid="notice-item"][data-order-id="${id}"]`).first().waitFor();
    await shot(page, 'bell-live');
  });

  it('an admin edits a template and sees the delivery log', async () => {
    const { page } = await suite.as('admin');
    await page.goto('/orders');
    await page.getByTestId('nav-notifications').click();
    await page.getByTestId('template-table').waitFor();
    const row = page.locator('[data-testid="template-row"][data-key="order_dispatched:in_app"]');
    await row.getByTestId('template-edit').click();
    const text = page.getByTestId('template-text');
    await text.fill('工单{orderNo}已派至{unitName}，请于{deadline}前办结。');
    await shot(page, 'template-edit');
    await page.getByTestId('template-submit').click();
    await text.waitFor({ state: 'detached' });
    await expect
      .poll(() => row.getByTestId('template-row-text').textContent())
      .toContain('请于{deadline}前办结');
    await shot(page, 'template-saved');

    await page.getByTestId('notifications-tab-deliveries').click();
    await page.getByTestId('delivery-table').waitFor();
    await page.locator('[data-testid="delivery-table"] .ant-spin-spinning').waitFor({ state: 'detached' });
    await shot(page, 'deliveries');
    suite.expectNoPageErrors();
  });
});
