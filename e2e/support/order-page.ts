import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { expect } from 'vitest';
import { SCREENSHOT_DIR } from './env';

const failureShot = (event: string) => join(SCREENSHOT_DIR, `failed-${event}.png`);

/** Waits until the detail page's status tag shows `status`. */
export async function expectStatus(page: Page, status: string): Promise<void> {
  const tag = page.getByTestId('order-status');
  await page.locator(`[data-testid="order-status"][data-status="${status}"]`).waitFor();
  expect(await tag.getAttribute('data-status')).toBe(status);
}

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
  await form.waitFor();
  await fill(page);
  await page.getByTestId('action-submit').click();
  try {
    await form.waitFor({ state: 'detached' });
  } catch (error) {
    await page.screenshot({ path: failureShot(event) }).catch(() => {});
    const classes = await page.locator('.ant-modal').evaluateAll((nodes) => nodes.map((n) => n.className));
    console.log('MODAL', classes, await page.getByTestId('action-submit').getAttribute('class'));
    const shown = await page
      .getByTestId('action-modal-error')
      .textContent({ timeout: 500 })
      .catch(() => null);
    const fieldErrors = await page.locator('.ant-modal .ant-form-item-explain-error').allTextContents();
    throw new Error(
      `action ${event} did not complete: ${shown ?? 'no error shown'} ${fieldErrors.join('; ')}`.trim(),
      { cause: error },
    );
  }
}

/** The events of the timeline, oldest first. */
export async function timelineEvents(page: Page): Promise<string[]> {
  const entries = page.getByTestId('timeline-entry');
  return entries.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-event') ?? ''));
}
