import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './env';

/** A modal still zooming in moves its buttons, and a click aimed at the moving button can be lost. */
const SETTLED_MODAL = '.ant-modal:not([class*="-appear"]):not([class*="-enter"])';

/** Waits until the article page's status tag shows `status`. */
export async function expectArticleStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="kb-status"][data-status="${status}"]`).waitFor();
}

/**
 * Confirms a knowledge-base action dialog opened by `open` (a button click): lets `fill` complete it,
 * clicks 确定 and waits until the dialog is gone (an error shown in it fails here with its text).
 */
export async function confirmKbAction(
  page: Page,
  action: string,
  open: () => Promise<void>,
  fill: (page: Page) => Promise<void> = async () => {},
): Promise<void> {
  await open();
  const form = page.getByTestId(`kb-action-form-${action}`);
  await page.locator(SETTLED_MODAL, { has: form }).waitFor();
  await fill(page);
  await page.getByTestId('kb-action-submit').click();
  const errors = page.locator(
    '.ant-modal [data-testid="kb-action-error"], .ant-modal .ant-form-item-explain-error',
  );
  const outcome = await Promise.race([
    form.waitFor({ state: 'detached', timeout: 15_000 }).then(() => 'done' as const),
    errors
      .first()
      .waitFor({ timeout: 15_000 })
      .then(() => 'error' as const),
  ]).catch(() => 'timeout' as const);
  if (outcome === 'done') return;
  await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-kb-${action}.png`) }).catch(() => {});
  const shown = await errors.allTextContents();
  throw new Error(`knowledge action ${action} did not complete: ${shown.join('; ') || outcome}`);
}

/** Types like a person (key by key, no Enter), so search-as-you-type has to do the searching. */
export async function typeSlowly(input: Locator, text: string): Promise<void> {
  await input.click();
  await input.pressSequentially(text, { delay: 80 });
}

/** The article ids of the hits the search panel shows once it has settled. */
export async function searchHitIds(page: Page): Promise<string[]> {
  const panel = page.locator('[data-testid="kb-search-results"][data-loading="false"]');
  await panel.waitFor();
  return panel
    .getByTestId('kb-search-hit')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-article-id') ?? ''));
}

/** The id in an article URL (/knowledge/:id). */
export function articleIdOf(url: string): string {
  const match = /\/knowledge\/([^/?#]+)/.exec(new URL(url).pathname);
  if (!match?.[1]) throw new Error(`not an article page: ${url}`);
  return decodeURIComponent(match[1]);
}
