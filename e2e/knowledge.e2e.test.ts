import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSkipReason } from './support/env';
import {
  articleIdOf,
  confirmKbAction,
  expectArticleStatus,
  searchHitIds,
  typeSlowly,
} from './support/knowledge-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

const HOUSING = '市住房和城乡建设局';
const TITLE = '琥珀巷老旧小区加装电梯补贴申请';
const OLD_MATERIALS = '1. 申请表；2. 业主同意书';
const NEW_MATERIALS = '1. 申请表；2. 业主同意书；3. 琥珀色回执单（街道盖章）';

describe.skipIf(e2eSkipReason())('knowledge base in headless Chromium', () => {
  /** A logged-in context per user, kept for the whole file (each has its own session cookie). */
  const { as } = useBrowserSuite();

  const openKnowledge = async (page: Page) => {
    await page.getByTestId('nav-knowledge').click();
    await page.waitForURL((url) => url.pathname === '/knowledge');
    await page.getByTestId('kb-search').waitFor();
  };

  /** The supervisor approves the proposal of `articleId` in the review queue (after looking at its diff). */
  const approveInQueue = async (page: Page, articleId: string, check?: (page: Page) => Promise<void>) => {
    await page.goto('/knowledge/review');
    const row = page.locator(`[data-testid="kb-review-row"][data-article-id="${articleId}"]`);
    await row.waitFor();
    await row.getByTestId('kb-review-diff').click();
    await page.getByTestId('kb-diff').waitFor();
    await check?.(page);
    await confirmKbAction(
      page,
      'approve',
      () => row.getByTestId('kb-review-approve').click(),
      async (p) => {
        await p.getByTestId('kb-action-comment').fill('内容核实无误，同意发布。');
      },
    );
    await row.waitFor({ state: 'detached' });
  };

  it('a unit proposes a guide change, the centre reviews the diff and publishes it, search and history show it', async () => {
    const shot = screenshotter('kb-');
    const unit = await as('handler');
    const centre = await as('supervisor');
    const desk = await as('agent');

    // 承办单位 writes a guide for its own unit and submits it.
    const { page } = unit;
    await openKnowledge(page);
    await expect(page.getByTestId('kb-import').count()).resolves.toBe(0);
    await expect(page.getByTestId('kb-tab-review').count()).resolves.toBe(0);
    await page.getByTestId('kb-new').click();
    await page.waitForURL('**/knowledge/new');
    await expect.poll(() => page.getByTestId('kb-editor-owner').textContent()).toContain(HOUSING);
    await page.getByTestId('kb-editor-title').fill(TITLE);
    await page.getByTestId('kb-editor-keywords').fill('加装电梯 电梯补贴');
    await page.getByTestId('kb-field-input-conditions').fill('本市既有住宅，同一单元业主三分之二以上同意。');
    await page.getByTestId('kb-field-input-materials').fill(OLD_MATERIALS);
    await page.getByTestId('kb-field-input-promisedDays').fill('20个工作日');
    await page.getByTestId('kb-field-input-phone').fill('0931-8120001');
    await page.getByTestId('kb-editor-changeNote').fill('新增办事指南');
    await shot(page, 'unit-new-guide');
    await page.getByTestId('kb-editor-submit').click();
    await page.waitForURL(/\/knowledge\/(?!new)[^/]+$/);
    const articleId = articleIdOf(page.url());
    await expectArticleStatus(page, 'in_review');
    await expect(page.getByTestId('kb-owner').textContent()).resolves.toContain(HOUSING);

    // 值班长 publishes the first version from the review queue.
    await centre.page.goto('/knowledge');
    await centre.page.getByTestId('kb-tab-review').waitFor();
    await approveInQueue(centre.page, articleId);

    // The unit proposes new wording for the published guide and submits it.
    await page.goto(`/knowledge/${articleId}`);
    await expectArticleStatus(page, 'published');
    await page.getByTestId('kb-action-edit').click();
    await page.waitForURL(`**/knowledge/${articleId}/edit`);
    const materials = page.getByTestId('kb-field-input-materials');
    await expect(materials.inputValue()).resolves.toBe(OLD_MATERIALS);
    await materials.fill(NEW_MATERIALS);
    await page.getByTestId('kb-editor-changeNote').fill('按新规定增加街道盖章的回执单');
    await shot(page, 'unit-proposal');
    await page.getByTestId('kb-editor-submit').click();
    await page.waitForURL((url) => url.pathname === `/knowledge/${articleId}`);
    await page.locator('[data-testid="kb-pending"][data-status="in_review"]').waitFor();
    // Until approved, the published wording stays.
    await expect(page.getByTestId('kb-field-materials').textContent()).resolves.toBe(OLD_MATERIALS);
    await shot(page, 'unit-proposal-submitted');

    // 值班长 sees exactly the changed field in the diff and approves.
    await approveInQueue(centre.page, articleId, async (p) => {
      const changed = p.locator('[data-testid="kb-diff-row"][data-changed="true"]');
      await expect
        .poll(() => changed.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field'))))
        .toEqual(['fields.materials']);
      const text = (await changed.first().textContent()) ?? '';
      expect(text).toContain(OLD_MATERIALS);
      expect(text).toContain('琥珀色回执单');
      await shot(p, 'centre-review-diff');
    });
    await centre.page.goto(`/knowledge/${articleId}`);
    await expectArticleStatus(centre.page, 'published');
    await expect(centre.page.getByTestId('kb-field-materials').textContent()).resolves.toBe(NEW_MATERIALS);

    // 话务员 finds the new wording while typing (no Enter), highlighted.
    await openKnowledge(desk.page);
    await typeSlowly(desk.page.getByTestId('kb-search').locator('input'), '琥珀色回执单');
    await expect.poll(() => searchHitIds(desk.page), { timeout: 10_000 }).toContain(articleId);
    const hit = desk.page.locator(`[data-testid="kb-search-hit"][data-article-id="${articleId}"]`);
    await expect(hit.getByTestId('kb-highlight').count()).resolves.toBeGreaterThan(0);
    await expect(hit.textContent()).resolves.toContain(TITLE);
    expect(new URL(desk.page.url()).searchParams.get('q')).toBe('琥珀色回执单');
    await shot(desk.page, 'agent-search');

    // The history shows both versions; the old one opens read-only with its diff against the current one.
    await hit.getByTestId('kb-search-hit-title').click();
    await desk.page.waitForURL(`**/knowledge/${articleId}`);
    const versions = desk.page.getByTestId('kb-version');
    await expect
      .poll(() =>
        versions.evaluateAll((nodes) =>
          nodes.map((node) => `${node.getAttribute('data-version')}:${node.getAttribute('data-status')}`),
        ),
      )
      .toEqual(['2:published', '1:superseded']);
    await desk.page.getByTestId('kb-version-open-1').click();
    const view = desk.page.locator('[data-testid="kb-version-view"][data-version="1"]');
    await view.getByTestId('kb-version-fields').waitFor();
    await expect(view.getByTestId('kb-version-fields').textContent()).resolves.toContain(OLD_MATERIALS);
    await view.getByTestId('kb-version-tab-diff').click();
    const diffRow = view.locator('[data-testid="kb-diff-row"][data-field="fields.materials"]');
    await expect(diffRow.textContent()).resolves.toContain('琥珀色回执单');
    await shot(desk.page, 'agent-old-version');

    for (const session of [unit, centre, desk]) expect(session.errors).toEqual([]);
  }, 120_000);

  it('lists stale articles, works the knowledge gaps and rejects a proposal with a reason', async () => {
    const shot = screenshotter('kb-centre-');
    const { page, errors } = await as('supervisor');
    await openKnowledge(page);

    // 待复审 filter: only articles with reasons; passed review dates are red.
    await page.getByTestId('kb-filter-stale').click();
    await page.waitForURL(/stale=1/);
    const rows = page.locator('[data-testid="kb-table"] tr.ant-table-row');
    // Every listed row carries its reasons (polled: the unfiltered rows show until the reply arrives).
    await expect
      .poll(() =>
        rows.evaluateAll((trs) =>
          trs.map(
            (tr) =>
              `${tr.querySelector('a')?.textContent}: ${tr.querySelector('[data-testid="kb-stale-reasons"]')?.textContent ?? '-'}`,
          ),
        ),
      )
      .toSatisfy((lines: string[]) => lines.length >= 3 && lines.every((line) => !line.endsWith(': -')));
    await expect(
      page.locator('[data-testid="kb-table"] [data-testid="kb-review-date"][data-past="true"]').count(),
    ).resolves.toBeGreaterThan(0);
    await shot(page, 'stale-filter');
    await page.getByTestId('kb-tab-stale').click();
    await page.waitForURL('**/knowledge/stale');
    await expect
      .poll(() => page.locator('[data-testid="kb-stale-table"] tr.ant-table-row').count())
      .toBeGreaterThanOrEqual(3);

    // 知识缺口: one question linked to an article, the other dismissed.
    await page.getByTestId('kb-tab-gaps').click();
    await page.waitForURL('**/knowledge/gaps');
    const gapRow = (text: string) =>
      page.locator('[data-testid="kb-gap-table"] tr.ant-table-row', { hasText: text });
    await gapRow('养犬登记').waitFor();
    await page.locator('[data-testid="kb-gap-table"] .ant-spin-spinning').waitFor({ state: 'detached' });
    await shot(page, 'gaps');
    await gapRow('养犬登记').getByTestId('kb-gap-dismiss').click();
    await page.getByTestId('kb-gap-submit').click();
    await gapRow('养犬登记').waitFor({ state: 'detached' });
    await gapRow('充电桩').getByTestId('kb-gap-link').click();
    const picker = page.getByTestId('kb-article-picker');
    await picker.click();
    await picker.locator('input').fill('住房公积金');
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    await option.click();
    await page.getByTestId('kb-gap-submit').click();
    await gapRow('充电桩').waitFor({ state: 'detached' });
    await page.getByTestId('kb-gap-status').getByText('已忽略').click();
    await gapRow('养犬登记').waitFor();

    // 退回 needs a reason; with one, the proposal leaves the queue and the published version stays.
    await page.getByTestId('kb-tab-review').click();
    await page.waitForURL('**/knowledge/review');
    const proposal = page.locator('[data-testid="kb-review-row"]', { hasText: '住房公积金' }).first();
    await proposal.waitFor();
    const articleId = (await proposal.getAttribute('data-article-id')) ?? '';
    await proposal.getByTestId('kb-review-reject').click();
    await page.getByTestId('kb-action-form-reject').waitFor();
    await page.getByTestId('kb-action-submit').click();
    await expect(page.locator('.ant-modal .ant-form-item-explain-error').textContent()).resolves.toContain(
      '请填写',
    );
    await page.getByTestId('kb-action-comment').fill('租房提取的线上渠道尚未开通，请核实后再提交。');
    await shot(page, 'reject-form');
    await page.getByTestId('kb-action-submit').click();
    await page.getByTestId('kb-action-form-reject').waitFor({ state: 'detached' });
    await page
      .locator(`[data-testid="kb-review-row"][data-article-id="${articleId}"]`)
      .waitFor({ state: 'detached' });
    await page.goto(`/knowledge/${articleId}`);
    await expectArticleStatus(page, 'published');
    await page.locator('[data-testid="kb-version"][data-version="2"][data-status="rejected"]').waitFor();
    await expect(page.getByTestId('kb-pending').count()).resolves.toBe(0);
    await shot(page, 'rejected');
    expect(errors).toEqual([]);
  }, 90_000);

  it('imports a guide CSV after a dry run: good rows are imported, the bad row is reported', async () => {
    const shot = screenshotter('kb-import-');
    const { page, errors } = await as('supervisor');
    await openKnowledge(page);
    await page.getByTestId('kb-import').click();
    await page.waitForURL('**/knowledge/import');

    const csv = [
      'item_code,item_name,department,promised_days,link',
      `E2E-KB-0001,琉璃巷共享书屋登记,${HOUSING},5个工作日,https://zwfw.example.gov.cn/e2e/1`,
      `E2E-KB-0002,琉璃巷共享书屋注销,${HOUSING},即办,https://zwfw.example.gov.cn/e2e/2`,
      `E2E-KB-0003,琉璃巷共享书屋变更,${HOUSING},3个工作日,ftp://not-a-web-address`,
    ].join('\n');
    await page
      .getByTestId('kb-import-file')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'guides.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') });
    await expect(page.getByTestId('kb-import-file-name').textContent()).resolves.toContain('guides.csv');

    // Dry run: counts and the rejected row, nothing saved.
    await page.getByTestId('kb-import-dry-run').click();
    const preview = page.getByTestId('kb-import-preview');
    await preview.waitFor();
    await expect(preview.getAttribute('data-created')).resolves.toBe('2');
    await expect(preview.getAttribute('data-rejected')).resolves.toBe('1');
    const rejected = page.getByTestId('kb-import-rejected');
    await expect(rejected.count()).resolves.toBe(1);
    const cells = await rejected.first().locator('td').allTextContents();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('link');
    expect(cells[2]).toContain('网址');
    await shot(page, 'dry-run');

    // Import: the two good rows go in, the bad one is listed again.
    await page.getByTestId('kb-import-run').click();
    const done = page.getByTestId('kb-import-done');
    await done.waitFor();
    await expect(done.getAttribute('data-created')).resolves.toBe('2');
    await expect(done.getAttribute('data-rejected')).resolves.toBe('1');
    await shot(page, 'imported');

    // Export downloads the guides as CSV, the imported ones included.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('kb-export').click(),
    ]);
    const exported = await readFile((await download.path()) ?? '', 'utf-8');
    expect(exported).toContain('E2E-KB-0001');
    expect(exported).toContain('E2E-KB-0002');
    expect(exported).not.toContain('E2E-KB-0003');

    // The imported guides are published and searchable.
    await openKnowledge(page);
    await typeSlowly(page.getByTestId('kb-search').locator('input'), '琉璃巷共享书屋');
    const titles = page.locator('[data-testid="kb-search-results"] [data-testid="kb-search-hit-title"]');
    await expect
      .poll(async () => (await titles.allTextContents()).sort())
      .toEqual(['琉璃巷共享书屋注销', '琉璃巷共享书屋登记']);
    await shot(page, 'search-imported');
    expect(errors).toEqual([]);
  }, 90_000);
});
