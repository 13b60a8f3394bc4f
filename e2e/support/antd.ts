import type { Locator, Page } from 'playwright-core';

/** The open dropdown of an antd Select / TreeSelect (rendered in a portal under <body>). */
const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible';
/** …once its opening animation has finished (a click during the motion can miss the option). */
const SETTLED_DROPDOWN = `${OPEN_DROPDOWN}:not([class*="-appear"]):not([class*="-enter"])`;

/**
 * Picks `option` in the Select `select` and waits until `selected` shows it. Clicks again when a click
 * was lost (a slow machine can re-render the list between mousedown and mouseup).
 */
async function pick(page: Page, select: Locator, option: Locator, selected: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if ((await page.locator(OPEN_DROPDOWN).count()) === 0) await select.click();
    await page.locator(SETTLED_DROPDOWN).waitFor();
    await option.click();
    try {
      await selected.waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await page.locator(OPEN_DROPDOWN).waitFor({ state: 'hidden' });
}

/** Opens the Select whose root carries `data-testid` and clicks the option with exactly this label. */
export async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  await pick(
    page,
    select,
    page.locator(`${SETTLED_DROPDOWN} .ant-select-item-option[title="${label}"]`),
    select.locator(`.ant-select-content-has-value[title="${label}"]`),
  );
}

/** Opens a TreeSelect, types to filter (the list is virtual), and clicks the node with this title. */
export async function chooseTreeNode(page: Page, testId: string, title: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await select.locator('input').fill(title);
  await pick(
    page,
    select,
    page.locator(`${SETTLED_DROPDOWN} .ant-select-tree-node-content-wrapper[title="${title}"]`),
    select.locator(`.ant-select-content-has-value[title="${title}"]`),
  );
}

/** The node titles a TreeSelect shows when opened (first screenful of its virtual list); closes it again. */
export async function unitOptions(page: Page, testId: string): Promise<string[]> {
  await page.getByTestId(testId).click();
  const nodes = page.locator(`${SETTLED_DROPDOWN} .ant-select-tree-node-content-wrapper`);
  await nodes.first().waitFor();
  const titles = await nodes.evaluateAll((items) => items.map((item) => item.getAttribute('title') ?? ''));
  await page.keyboard.press('Escape');
  await page.locator(OPEN_DROPDOWN).waitFor({ state: 'hidden' });
  return titles;
}
