import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR, e2eSkipReason } from './support/env';
import { useBrowserSuite } from './support/suite';

/**
 * Regenerates the committed README screenshots (docs/screenshot.png, docs/screenshot-list.png).
 * Opt-in, because the demo's dates move with the clock:
 *   HUAWU_DOCS_SCREENSHOTS=1 npx vitest run e2e/readme-screenshots.e2e.test.ts
 */
const wanted = process.env.HUAWU_DOCS_SCREENSHOTS === '1';
const MAX_BYTES = 400 * 1024;

interface Summary {
  id: string;
  status: string;
}

describe.skipIf(!wanted || e2eSkipReason())('README screenshots', () => {
  const { as } = useBrowserSuite();

  it('saves the order list and an order with a rich timeline, as the supervisor sees them', async () => {
    const { page, errors } = await as('supervisor');
    await page.locator('[data-testid="order-table"] tr.ant-table-row').first().waitFor();
    await page.mouse.move(0, 0);
    const listShot = await page.screenshot({ path: join(DOCS_DIR, 'screenshot-list.png') });
    expect(listShot.byteLength).toBeLessThan(MAX_BYTES);

    // The open order with the longest history (the whole timeline fits the viewport next to its details).
    const orderId = await page.evaluate(async () => {
      const list = (await (await fetch('/api/work-orders?pageSize=100')).json()) as { items: Summary[] };
      let best = { id: '', length: 0 };
      for (const item of list.items.filter((order) => order.status === 'pending_callback')) {
        const detail = (await (await fetch(`/api/work-orders/${item.id}`)).json()) as { timeline: unknown[] };
        if (detail.timeline.length > best.length) best = { id: item.id, length: detail.timeline.length };
      }
      return best.id;
    });
    expect(orderId).not.toBe('');
    await page.goto(`/orders/${orderId}`);
    await page.getByTestId('order-timeline').waitFor();
    await page.getByTestId('order-actions').waitFor();
    await page.mouse.move(0, 0);
    const detailShot = await page.screenshot({ path: join(DOCS_DIR, 'screenshot.png') });
    expect(detailShot.byteLength).toBeLessThan(MAX_BYTES);
    expect(errors).toEqual([]);
  }, 60_000);
});
