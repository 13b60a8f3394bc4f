import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './env';

/** Helpers for the 受理配置 page (/intake-settings). */

/** A modal still zooming in moves its buttons, and a click aimed at the moving button can be lost. */
const SETTLED_MODAL = '.ant-modal:not([class*="-appear"]):not([class*="-enter"])';

const PATHS: Record<string, string> = {
  phrases: '/intake-settings',
  'scope-rules': '/intake-settings/scope-rules',
  categories: '/intake-settings/categories',
  'caller-flags': '/intake-settings/caller-flags',
};

/** Opens 受理配置 from the menu, then the sub-page `tab` with the segmented control. */
export async function openIntakeTab(page: Page, tab: keyof typeof PATHS & string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/intake-settings')) {
    await page.getByTestId('nav-intake-settings').click();
    await page.waitForURL((url) => url.pathname === '/intake-settings');
  }
  await page.getByTestId(`intake-tab-${tab}`).click();
  await page.waitForURL((url) => url.pathname === PATHS[tab]);
}

/** Waits until the modal holding `form` has finished opening. */
export async function settledModal(page: Page, form: Locator): Promise<void> {
  await page.locator(SETTLED_MODAL, { has: form }).waitFor();
}

/** The texts of the field errors shown in the open modal. */
export function modalFieldErrors(page: Page): Locator {
  return page.locator('.ant-modal .ant-form-item-explain-error');
}

/**
 * Clicks the modal's save button and waits until the modal is gone; a field error or alert shown instead
 * fails here with its text (and a screenshot).
 */
export async function saveModal(page: Page, form: Locator, saveTestId: string, name: string): Promise<void> {
  const errors = page.locator('.ant-modal .ant-form-item-explain-error, .ant-modal .ant-alert-error');
  // An error from an earlier attempt fades out once the field is fixed: let it go first.
  await errors
    .first()
    .waitFor({ state: 'detached', timeout: 3_000 })
    .catch(() => {});
  await page.getByTestId(saveTestId).click();
  const outcome = await Promise.race([
    form.waitFor({ state: 'detached', timeout: 15_000 }).then(() => 'done' as const),
    errors
      .first()
      .waitFor({ timeout: 15_000 })
      .then(() => 'error' as const),
  ]).catch(() => 'timeout' as const);
  if (outcome === 'done') return;
  await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-intake-${name}.png`) }).catch(() => {});
  const shown = await errors.allTextContents();
  throw new Error(`saving ${name} did not complete: ${shown.join('; ') || outcome}`);
}

/** Types tags into an antd tags Select (each ended with Enter). */
export async function addTags(page: Page, testId: string, words: readonly string[]): Promise<void> {
  const input = page.getByTestId(testId).locator('input');
  for (const word of words) {
    await input.fill(word);
    await input.press('Enter');
    await page
      .getByTestId(testId)
      .locator(`.ant-select-selection-item[title="${word}"], [title="${word}"]`)
      .first()
      .waitFor();
  }
}
