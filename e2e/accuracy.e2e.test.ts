import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { insertTestGuides } from '../packages/core/src/accuracy/test-support/guides';
import { switchUser } from './support/browser';
import { e2eSkipReason } from './support/env';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

const HOUSING = '市住房和城乡建设局';
/** A modal still zooming in moves its buttons; wait until it has settled before clicking. */
const SETTLED_MODAL = '.ant-modal:not([class*="-appear"]):not([class*="-enter"])';

/**
 * 办事指南准确度检查 in the browser: the supervisor plans a round, records an accurate and a wrong
 * answer and reads the report; the owner unit marks the correction task fixed; a passing re-check
 * closes it. The test writes the two published guides it checks through the server's core.
 */
describe.skipIf(e2eSkipReason())('guide accuracy checks in headless Chromium', () => {
  const suite = useBrowserSuite();

  const rowOf = (page: Page, testId: string, title: string): Locator =>
    page.locator(`[data-testid="${testId}"][data-title="${title}"]`);

  /** Fills the record-check modal and saves it; waits for the modal to close. */
  async function recordCheck(
    page: Page,
    fill: { reached: boolean; seconds?: number; verdict: string; notes?: string },
    shot?: () => Promise<unknown>,
  ) {
    const form = page.getByTestId('check-form');
    await page.locator(SETTLED_MODAL, { has: form }).waitFor();
    await page.getByTestId('check-expected').waitFor();
    await page
      .getByTestId('check-reached')
      .getByText(fill.reached ? '接通' : '未接通', { exact: true })
      .click();
    if (fill.seconds !== undefined) await page.getByTestId('check-seconds').fill(String(fill.seconds));
    await page.getByTestId('check-verdict').getByText(fill.verdict, { exact: true }).click();
    if (fill.notes) await page.getByTestId('check-notes').fill(fill.notes);
    await shot?.();
    await page.getByTestId('check-submit').click();
    await form.waitFor({ state: 'detached', timeout: 15_000 });
  }

  it('plans a round, records checks, reports, and closes a correction task after re-check', async () => {
    const shot = screenshotter('accuracy-');
    const stamp = Date.now().toString(36);
    const [accurate, wrong] = await insertTestGuides(suite.server.core, [
      { title: `e2e房屋租赁登记备案${stamp}`, ownerUnitId: 'city-housing', phone: '0931-8120188' },
      { title: `e2e住房公积金缴存${stamp}`, ownerUnitId: 'city-housing' },
    ]);
    if (!accurate || !wrong) throw new Error('guides not created');
    const roundName = `e2e 准确度检查 ${stamp}`;

    const desk = await suite.open();
    const { page } = desk;

    // 安排检查: the supervisor picks the unit and two of its published guides.
    await switchUser(page, 'supervisor');
    await page.getByTestId('nav-accuracy').click();
    await page.waitForURL('**/accuracy');
    await page.getByTestId('round-table').locator('.ant-table-tbody').waitFor();
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await shot(page, 'rounds');
    await page.getByTestId('accuracy-plan').click();
    await page.waitForURL('**/accuracy/new');
    await page.getByTestId('plan-name').fill(roundName);
    await page.getByTestId('plan-units').click();
    await page.keyboard.type(HOUSING);
    await page.locator('.ant-select-item-option', { hasText: HOUSING }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('plan-guide-filter').locator('input').fill(stamp);
    for (const guide of [accurate, wrong]) {
      const row = rowOf(page, 'candidate-row', guide.title);
      await row.locator('input[type="checkbox"]').check();
    }
    await expect.poll(() => page.getByTestId('plan-item-row').count()).toBe(2);
    await expect(page.getByTestId(`plan-question-${accurate.id}`).inputValue()).resolves.toBe(
      `办理${accurate.title}需要哪些材料？`,
    );
    await expect(page.getByTestId(`plan-phone-${accurate.id}`).inputValue()).resolves.toBe('0931-8120188');
    await shot(page, 'plan-form');
    await page.getByTestId('plan-submit').click();
    await page.waitForURL(/\/accuracy\/rounds\/[^/]+$/);
    const roundUrl = new URL(page.url()).pathname;
    await page.locator('[data-testid="round-status"][data-status="planned"]').waitFor();
    await expect(page.getByTestId('round-name').textContent()).resolves.toBe(roundName);
    await expect(page.getByTestId('item-row').count()).resolves.toBe(2);
    await shot(page, 'round-planned');

    // 记录检查: an accurate answer, then a wrong one (which opens a correction task).
    await rowOf(page, 'item-row', accurate.title).getByTestId('record-check').click();
    await recordCheck(page, { reached: true, seconds: 12, verdict: '准确' }, () =>
      shot(page, 'record-accurate'),
    );
    await rowOf(page, 'item-row', accurate.title).locator('[data-verdict="accurate"]').waitFor();
    await page.locator('[data-testid="round-status"][data-status="in_progress"]').waitFor();

    await rowOf(page, 'item-row', wrong.title).getByTestId('record-check').click();
    await recordCheck(
      page,
      { reached: true, seconds: 25, verdict: '错误', notes: '答复称需提供户口本原件，指南并无此要求' },
      () => shot(page, 'record-wrong'),
    );
    const wrongRow = rowOf(page, 'item-row', wrong.title);
    await wrongRow.locator('[data-verdict="wrong"]').waitFor();
    await wrongRow.locator('[data-testid="item-task-status"][data-status="open"]').waitFor();
    await expect(
      rowOf(page, 'item-row', accurate.title).getByTestId('item-task-status').count(),
    ).resolves.toBe(0);
    await shot(page, 'round-checked');

    // 分单位报告: 2 checks, both reached, accuracy (1 + 0) ÷ 2.
    await page.getByTestId('tab-report').click();
    const unitRow = page.locator(`[data-testid="report-row"][data-unit="${HOUSING}"]`);
    await unitRow.waitFor();
    await expect(unitRow.getByTestId('report-accuracy-rate').textContent()).resolves.toBe('50.0%');
    await expect(unitRow.getByTestId('report-reached-rate').textContent()).resolves.toBe('100.0%');
    await expect(page.getByTestId('discrepancy-table').textContent()).resolves.toContain(wrong.title);
    await expect(page.getByTestId('report-formula').textContent()).resolves.toContain('0.5 × 部分准确');
    const download = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    expect((await download).suggestedFilename()).toMatch(/^accuracy-report-.*\.csv$/);
    await shot(page, 'report');

    // The owner unit sees its task, records what it fixed.
    await switchUser(page, 'handler', '/accuracy/tasks');
    const taskRow = rowOf(page, 'task-row', wrong.title);
    await taskRow.waitFor();
    await expect(taskRow.getAttribute('data-status')).resolves.toBe('open');
    await expect(taskRow.locator('[data-testid="deadline"][data-state="ok"]').count()).resolves.toBe(1);
    await shot(page, 'unit-tasks');
    await taskRow.getByTestId('task-link').click();
    await page.waitForURL(/\/accuracy\/tasks\/[^/]+$/);
    const taskUrl = new URL(page.url()).pathname;
    await page.locator('[data-testid="task-status"][data-status="open"]').waitFor();
    await page.getByTestId('task-action-mark_fixed').click();
    const fixForm = page.getByTestId('task-form-mark_fixed');
    await page.locator(SETTLED_MODAL, { has: fixForm }).waitFor();
    await page
      .getByTestId('field-fixNote')
      .fill('已组织咨询电话值班人员学习现行办事指南，纠正材料清单答复口径。');
    await shot(page, 'mark-fixed-form');
    await page.getByTestId('task-action-submit').click();
    await fixForm.waitFor({ state: 'detached' });
    await page.locator('[data-testid="task-status"][data-status="fixed"]').waitFor();
    await expect(page.getByTestId('task-fix-note').textContent()).resolves.toContain('纠正材料清单答复口径');
    await expect(page.getByTestId('task-action-mark_fixed').count()).resolves.toBe(0);
    await shot(page, 'task-fixed');

    // 复查: the supervisor calls again; the answer is now accurate and the task closes.
    await switchUser(page, 'supervisor', taskUrl);
    await page.locator('[data-testid="task-status"][data-status="fixed"]').waitFor();
    await page.getByTestId('task-action-record_recheck').click();
    await recordCheck(page, { reached: true, seconds: 9, verdict: '准确' }, () => shot(page, 'recheck-form'));
    await page.locator('[data-testid="task-status"][data-status="closed"]').waitFor();
    const history = await page
      .getByTestId('task-history-entry')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')));
    expect(history).toEqual(['accuracy_task_open', 'accuracy_task_fixed', 'accuracy_task_recheck']);
    await expect(page.getByTestId('task-checks').locator('[data-verdict]').count()).resolves.toBe(2);
    await shot(page, 'task-closed');

    // Back on the round, the item shows the closed task.
    await page.goto(roundUrl);
    await rowOf(page, 'item-row', wrong.title)
      .locator('[data-testid="item-task-status"][data-status="closed"]')
      .waitFor();
    await shot(page, 'round-after-recheck');
    suite.expectNoPageErrors();
  }, 180_000);
});
