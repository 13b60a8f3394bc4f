import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOT_DIR } from './env';

/** Waits until the detail page's status tag shows `status`. */
export async function expectStatus(page: Page, status: string): Promise<void> {
  const tag = page.getByTestId('order-status');
  await page.locator(`[data-testid="order-status"][data-status="${status}"]`).waitFor();
  expect(await tag.getAttribute('data-status')).toBe(status);
}

/** A modal still zooming in moves its buttons, and a click aimed at the moving button can be lost. */
const SETTLED_MODAL = '.ant-modal:not([class*="-appear"]):not([class*="-enter"])';

/**
 * Clicks the action button `action-<event>`, lets `fill` complete its form, confirms, and waits for
 * the modal to close (a successful transition closes it; an error keeps it open and fails here).
 */
export async function runAction(
  page: Page,
  event: string,
  fill: (page: Page) => Promise<void> = async () => {},
): Promise<void> {
  await page.getByTestId(`action-${event}`).click();
  const form = page.getByTestId(`action-form-${event}`);
  await page.locator(SETTLED_MODAL, { has: form }).waitFor();
  await fill(page);
  const submit = page.getByTestId('action-submit');
  const errors = page.locator(
    '.ant-modal [data-testid="action-modal-error"], .ant-modal .ant-form-item-explain-error',
  );
  for (let clicks = 1; ; clicks++) {
    await submit.click();
    // Done when the modal goes; keep waiting while the request runs; click again if the click was lost.
    const outcome = await Promise.race([
      form.waitFor({ state: 'detached', timeout: 15_000 }).then(() => 'done' as const),
      errors
        .first()
        .waitFor({ timeout: 15_000 })
        .then(() => 'error' as const),
      page.waitForTimeout(3_000).then(() => 'idle' as const),
    ]).catch(() => 'timeout' as const);
    if (outcome === 'done') return;
    if (outcome === 'idle') {
      const busy = (await submit.getAttribute('class').catch(() => ''))?.includes('ant-btn-loading');
      if (busy) {
        const finished = await form
          .waitFor({ state: 'detached', timeout: 15_000 })
          .then(() => true)
          .catch(() => false);
        if (finished) return;
      } else if ((await form.count()) === 0) {
        return;
      } else if (clicks < 3) {
        continue;
      }
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-${event}.png`) }).catch(() => {});
    const shown = await errors.allTextContents();
    throw new Error(`action ${event} did not complete: ${shown.join('; ') || 'no error shown'}`);
  }
}

/** The events of the timeline, oldest first. */
export async function timelineEvents(page: Page): Promise<string[]> {
  const entries = page.getByTestId('timeline-entry');
  return entries.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-event') ?? ''));
}

/** Ticks every box of a checklist field (e.g. the review checklist `field-checks`). */
export async function tickAll(page: Page, testId: string): Promise<void> {
  const boxes = page.getByTestId(testId).locator('input[type="checkbox"]');
  const n = await boxes.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
  }
}
