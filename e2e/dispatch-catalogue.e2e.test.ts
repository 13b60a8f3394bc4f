import { describe, expect, it } from 'vitest';
import { chooseTreeNode } from './support/antd';
import { e2eSkipReason } from './support/env';
import { expectStatus, runAction } from './support/order-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

const MARKET = '市市场监督管理局';
const HOUSING = '市住房和城乡建设局';
const CATEGORY = '医疗纠纷';
const CATEGORY_CODE = '0702';
const REASON = '涉及小区物业收费，由住建部门主办更合适';

describe.skipIf(e2eSkipReason())('派单目录 in the browser', () => {
  const { as, expectNoPageErrors } = useBrowserSuite();

  it('suggests the catalogue lead, asks for a reason when the dispatcher overrides it, and logs it', async () => {
    const shot = screenshotter('dispatch-');

    // 值班长 adds a catalogue entry for 医疗纠纷 (the demo catalogue has none).
    const supervisor = await as('supervisor');
    const sp = supervisor.page;
    await sp.getByTestId('nav-dispatch-catalogue').click();
    await sp.waitForURL('**/dispatch-catalogue');
    await sp.getByTestId('entry-row').first().waitFor();
    await sp.getByTestId('entry-new').click();
    await sp.getByTestId('entry-form').waitFor();
    await chooseTreeNode(sp, 'entry-field-category', CATEGORY);
    await chooseTreeNode(sp, 'entry-field-lead', MARKET);
    await sp.getByTestId('entry-field-note').fill('e2e：医疗纠纷由市场监管局主办');
    await shot(sp, 'entry-form');
    await sp.getByTestId('entry-save').click();
    await sp.getByTestId('entry-form').waitFor({ state: 'detached' });
    const row = sp.locator(`[data-testid="entry-row"][data-category="${CATEGORY_CODE}"][data-active="true"]`);
    await row.waitFor();
    await expect(row.getByTestId('entry-lead').textContent()).resolves.toBe(MARKET);
    await shot(sp, 'catalogue');

    // 话务员 records an order of that category and submits it for dispatch (through the API).
    const agent = await as('agent');
    const order = await agent.page.evaluate(async (category) => {
      const response = await fetch('/api/intake/orders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          order: {
            channel: 'phone',
            callerName: '郑女士',
            callerPhone: '13600006666',
            appealType: 'complaint',
            category,
            title: `e2e 诊所收费纠纷 ${Date.now()}`,
            content: '来电人反映在小区诊所就诊后被多收费用，与诊所协商未果，希望有关部门协调处理。',
            address: '东城区幸福里小区1号楼底商',
          },
          decision: { event: 'submit_for_dispatch', input: {} },
        }),
      });
      return (await response.json()) as { id: string; status: string };
    }, CATEGORY_CODE);
    expect(order.status).toBe('pending_dispatch');

    // 派单员 sees the suggestion pre-filled, picks another lead and must say why.
    const dispatcher = await as('dispatcher');
    const dp = dispatcher.page;
    await dp.goto(`/orders/${order.id}`);
    await expectStatus(dp, 'pending_dispatch');
    await runAction(dp, 'dispatch', async (p) => {
      const hint = p.getByTestId('dispatch-suggestion');
      await hint.waitFor();
      await expect(hint.textContent()).resolves.toContain(`派单目录建议：${MARKET}`);
      const lead = p.getByTestId('field-leadUnitId');
      await expect.poll(() => lead.textContent()).toContain(MARKET);
      await expect(p.getByTestId('field-overrideReason').count()).resolves.toBe(0);
      await shot(p, 'suggested');

      await chooseTreeNode(p, 'field-leadUnitId', HOUSING);
      const reason = p.getByTestId('field-overrideReason');
      await reason.waitFor();
      await p.getByTestId('action-submit').click();
      const required = p.locator('.ant-modal .ant-form-item-explain-error', {
        hasText: '未按派单目录派单的理由',
      });
      await required.waitFor();
      await shot(p, 'reason-required');
      await reason.fill(REASON);
      await required.waitFor({ state: 'detached' });
      await p.locator('.ant-modal .ant-form-item-explain-error').first().waitFor({ state: 'detached' });
    });
    await expectStatus(dp, 'dispatched');
    await expect(dp.getByTestId('order-units').textContent()).resolves.toContain(HOUSING);

    // The dispatcher reads the catalogue but cannot edit it nor see the override log.
    await dp.getByTestId('nav-dispatch-catalogue').click();
    await dp.waitForURL('**/dispatch-catalogue');
    await dp.getByTestId('entry-row').first().waitFor();
    await expect(dp.getByTestId('entry-new').count()).resolves.toBe(0);
    await expect(dp.getByTestId('dispatch-tab-overrides').count()).resolves.toBe(0);

    // 值班长 sees the override in 改派记录.
    await sp.getByTestId('dispatch-tab-overrides').click();
    await sp.waitForURL('**/dispatch-catalogue/overrides');
    const logged = sp.locator('[data-testid="override-table"] tr.ant-table-row', { hasText: REASON });
    await logged.first().waitFor();
    await expect(logged.first().getByTestId('override-suggested').textContent()).resolves.toBe(MARKET);
    await expect(logged.first().getByTestId('override-chosen').textContent()).resolves.toBe(HOUSING);
    await shot(sp, 'overrides');
    expectNoPageErrors();
  }, 90_000);
});
