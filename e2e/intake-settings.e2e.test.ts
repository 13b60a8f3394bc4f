import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseOption } from './support/antd';
import type { Session } from './support/browser';
import { e2eSkipReason } from './support/env';
import {
  addTags,
  modalFieldErrors,
  openIntakeTab,
  saveModal,
  settledModal,
} from './support/intake-settings-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';
import { openWorkbench, simulateCall } from './support/workbench-page';

const HOTLINE = '12345政务服务便民热线';
const OPENING = '您好，{热线名称}{工号}号话务员为您服务，请问有什么可以帮您？';
const TRIAL = '我们小区3号楼电梯困人了，里面有个老人，按了警铃没人来';
const HARASSER = '13900002222';

/**
 * 受理配置 (supervisor): edit a phrase, add an emergency rule and try it, import categories, flag a
 * harassing number — and the agent's workbench shows the flag when that number calls.
 */
describe.skipIf(e2eSkipReason())('intake settings (受理配置) in headless Chromium', () => {
  const suite = useBrowserSuite();
  let centre: Session;
  const shot = screenshotter('intake-settings-');

  beforeAll(async () => {
    centre = await suite.as('supervisor');
  });

  it('1 · edits the opening phrase; the library shows it filled in', async () => {
    const { page } = centre;
    await openIntakeTab(page, 'phrases');
    const row = page.locator('[data-testid="phrase-row"][data-phrase-id="ph-opening-1"]');
    await row.waitFor();
    await expect(row.getByTestId('phrase-preview').textContent()).resolves.toBe(
      `您好，${HOTLINE}supervisor号为您服务，请讲。`,
    );
    await row.getByTestId('phrase-edit').click();
    const form = page.getByTestId('phrase-form');
    await settledModal(page, form);
    await page.getByTestId('phrase-text').fill('');
    await page.getByTestId('phrase-text').fill(OPENING.replace('{工号}', ''));
    // Insert {工号} with the placeholder chips at the cursor (after 热线名称).
    await page.getByTestId('phrase-text').evaluate((area: HTMLTextAreaElement) => {
      const at = area.value.indexOf('号话务员');
      area.setSelectionRange(at, at);
    });
    await page.getByTestId('phrase-placeholder-工号').click();
    await expect.poll(() => page.getByTestId('phrase-text').inputValue()).toBe(OPENING);
    // A placeholder the desk does not know is called out in the live preview.
    await page.getByTestId('phrase-text').press('End');
    await page.getByTestId('phrase-text').pressSequentially('{姓名}');
    await page.getByTestId('phrase-live-preview-unknown').waitFor();
    await page.getByTestId('phrase-text').fill(OPENING);
    await expect
      .poll(() => page.getByTestId('phrase-live-preview').textContent())
      .toBe(`您好，${HOTLINE}supervisor号话务员为您服务，请问有什么可以帮您？`);
    await shot(page, 'phrase-edit');
    await saveModal(page, form, 'phrase-save', 'phrase');
    await expect
      .poll(() => row.getByTestId('phrase-preview').textContent())
      .toBe(`您好，${HOTLINE}supervisor号话务员为您服务，请问有什么可以帮您？`);
    await expect(row.getByTestId('phrase-text-raw').textContent()).resolves.toBe(OPENING);
    await shot(page, 'phrase-saved');

    // A new phrase for the closing step goes to the end of that step.
    await page.getByTestId('phrase-add-closing').click();
    await settledModal(page, form);
    await page.getByTestId('phrase-title').fill('提醒评价');
    await page.getByTestId('phrase-text').fill('稍后可能有回访电话，请{称呼}留意接听，感谢您的来电。');
    await expect
      .poll(() => page.getByTestId('phrase-live-preview').textContent())
      .toBe('稍后可能有回访电话，请张先生留意接听，感谢您的来电。');
    await saveModal(page, form, 'phrase-save', 'new-phrase');
    const closing = page.getByTestId('phrase-step-closing').getByTestId('phrase-row');
    await expect.poll(() => closing.count()).toBe(3);
    await expect(closing.last().getByTestId('phrase-preview').textContent()).resolves.toBe(
      '稍后可能有回访电话，请张先生留意接听，感谢您的来电。',
    );
    expect(centre.errors).toEqual([]);
  }, 60_000);

  it('2 · adds an emergency rule (server field errors on the form) and the 试一试 box matches it', async () => {
    const { page } = centre;
    await openIntakeTab(page, 'scope-rules');
    await page.locator('[data-testid="rule-row"][data-rule-id="em-fire"]').waitFor();

    // Before the rule, the sentence is an ordinary appeal.
    await page.getByTestId('scope-trial-input').fill(TRIAL);
    await page.getByTestId('scope-trial-run').click();
    await page.locator('[data-testid="scope-trial-result"][data-decision="accept"]').waitFor();

    await page.getByTestId('rule-new').click();
    const form = page.getByTestId('rule-form');
    await settledModal(page, form);
    await page.getByTestId('rule-label').fill('电梯困人');
    await chooseOption(page, 'rule-target', '119 火警');
    await page
      .getByTestId('rule-script')
      .fill('有人被困电梯，我现在为您转接119，请不要挂机，也请不要强行扒门。');
    // No keyword and no category: the server refuses, and says so on the keywords field.
    await page.getByTestId('rule-save').click();
    await expect
      .poll(() => modalFieldErrors(page).allTextContents())
      .toContain('请至少填写一个关键词或一个分类');
    await shot(page, 'rule-field-error');
    await addTags(page, 'rule-keywords', ['电梯困人', '困在电梯']);
    // Editing the field drops the server's error on it.
    await expect.poll(() => modalFieldErrors(page).count()).toBe(0);
    await addTags(page, 'rule-exclusions', ['电梯困人演练']);
    await page.getByTestId('rule-priority').fill('5');
    await shot(page, 'rule-new');
    await saveModal(page, form, 'rule-save', 'rule');

    const row = page.locator('[data-testid="rule-row"][data-label="电梯困人"]');
    await row.waitFor();
    await expect(row.getByTestId('rule-target-cell').textContent()).resolves.toBe('119 火警');
    const ruleId = (await row.getAttribute('data-rule-id')) ?? '';
    expect(ruleId).toMatch(/^rule-/);

    await page.getByTestId('scope-trial-run').click();
    await page.locator('[data-testid="scope-trial-result"][data-decision="emergency"]').waitFor();
    const match = page.locator(`[data-testid="scope-trial-match"][data-rule-id="${ruleId}"]`);
    await match.waitFor();
    await expect(match.getByTestId('scope-trial-word').allTextContents()).resolves.toEqual(['电梯困人']);
    await expect(row.getAttribute('data-matched')).resolves.toBe('true');
    await shot(page, 'rule-trial');

    // The exclusion works as typed: a drill is not an emergency.
    await page.getByTestId('scope-trial-input').fill('物业通知明天进行电梯困人演练，请问要不要参加');
    await page.getByTestId('scope-trial-run').click();
    await page.locator('[data-testid="scope-trial-result"][data-decision="accept"]').waitFor();
    expect(centre.errors).toEqual([]);
  }, 60_000);

  it('3 · imports a categories CSV: the bad row is reported, the good rows are in the tree', async () => {
    const { page } = centre;
    await openIntakeTab(page, 'categories');
    await page.locator('[data-testid="category-row"][data-code="01"]').waitFor();
    const csv = [
      'code,name,parent_code,emergency_hint',
      '17,养老服务,,',
      '1701,居家养老,17,',
      '1702,养老机构,17,老人走失或突发疾病时，请立即转110/120',
      '1703,,17,',
    ].join('\n');
    await page
      .getByTestId('category-import-file')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'categories.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') });
    await expect(page.getByTestId('category-import-file-name').textContent()).resolves.toContain(
      'categories.csv',
    );

    await page.getByTestId('category-import-dry-run').click();
    const preview = page.getByTestId('category-import-preview');
    await preview.waitFor();
    await expect(preview.getAttribute('data-created')).resolves.toBe('3');
    await expect(preview.getAttribute('data-rejected')).resolves.toBe('1');
    // Nothing saved by the dry run.
    await expect(page.locator('[data-testid="category-row"][data-code="17"]').count()).resolves.toBe(0);

    await page.getByTestId('category-import-run').click();
    const done = page.getByTestId('category-import-done');
    await done.waitFor();
    await expect(done.getAttribute('data-created')).resolves.toBe('3');
    await expect(done.getAttribute('data-rejected')).resolves.toBe('1');
    const rejected = page.getByTestId('category-import-rejected');
    await expect(rejected.count()).resolves.toBe(1);
    const cells = await rejected.first().locator('td').allTextContents();
    expect(cells).toEqual(['5', 'name', '请填写分类名称']);
    await shot(page, 'categories-imported');

    // The new branch is in the tree (the tree reloaded after the import).
    const root = page.locator('[data-testid="category-row"][data-code="17"]');
    await root.waitFor();
    await page.getByTestId('category-search').locator('input').fill('养老机构');
    const child = page.locator('[data-testid="category-row"][data-code="1702"]');
    await child.waitFor();
    await expect(child.textContent()).resolves.toContain('老人走失或突发疾病时');
    await shot(page, 'categories-tree');

    // Deactivate the child; it stays listed, flagged.
    await child.getByTestId('category-deactivate').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.locator('[data-testid="category-row"][data-code="1702"][data-active="false"]').waitFor();

    // The export is the importable CSV of the active categories.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('category-export').click(),
    ]);
    const exported = await readFile((await download.path()) ?? '', 'utf-8');
    expect(exported.split('\r\n')[0]).toBe('\uFEFFcode,name,parent_code,emergency_hint');
    expect(exported).toContain('1701,居家养老,17,');
    expect(exported).not.toContain('养老机构');
    expect(centre.errors).toEqual([]);
  }, 60_000);

  it('4 · flags a harassing number; the agent sees the flag when it calls', async () => {
    const { page } = centre;
    await openIntakeTab(page, 'caller-flags');
    await page.getByTestId('flag-form').waitFor();

    // A malformed number: the server's error lands on the number field.
    await page.getByTestId('flag-phone').fill('12ab');
    await page.getByTestId('flag-submit').click();
    await expect
      .poll(() => page.locator('[data-testid="flag-card"] .ant-form-item-explain-error').allTextContents())
      .toEqual([expect.stringContaining('来电号码格式不正确')]);

    await page.getByTestId('flag-phone').fill(HARASSER);
    await page.getByTestId('flag-note').fill('多次来电辱骂话务员，已警告');
    await page.getByTestId('flag-submit').click();
    const listed = page.locator(`[data-testid="flag-row"][data-phone="${HARASSER}"]`);
    await listed.waitFor();
    await expect(listed.textContent()).resolves.toContain('多次来电辱骂话务员');
    await page.getByTestId('flag-history-harassment').waitFor();
    await shot(page, 'caller-flag');
    expect(centre.errors).toEqual([]);

    const desk = await suite.as('agent');
    await openWorkbench(desk.page);
    await simulateCall(desk.page, HARASSER);
    const flag = desk.page.getByTestId('caller-harassment');
    await flag.waitFor();
    await expect(flag.textContent()).resolves.toContain('多次来电辱骂话务员，已警告');
    await shot(desk.page, 'workbench-harassment');
    expect(desk.errors).toEqual([]);
  }, 90_000);
});
