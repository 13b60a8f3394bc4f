import { describe, expect, it } from 'vitest';
import { chooseTreeNode } from './support/antd';
import { e2eSkipReason } from './support/env';
import { call, newOrder } from './support/order-api';
import { expectStatus, runAction } from './support/order-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

const COMMUNITY = '和平街道幸福里社区居委会';
const COMMUNITY_ID = 'heping-xingfuli';

describe.skipIf(e2eSkipReason())('单位管理 in the browser', () => {
  const { as, expectNoPageErrors } = useBrowserSuite();

  it('admin adds a community under 和平街道 with a liaison, edits its duty phone; dispatchers can pick it', async () => {
    const shot = screenshotter('units-');
    const admin = await as('admin');
    const ap = admin.page;
    await ap.getByTestId('nav-units').click();
    await ap.waitForURL('**/units');
    const street = ap.locator('[data-testid="unit-row"][data-unit="east-heping"]');
    await street.waitFor();

    // 新增下级单位 under 和平街道: a bad id is refused in the form, then the community is added.
    await street.getByTestId('unit-add-child').click();
    await ap.getByTestId('unit-form').waitFor();
    await ap.getByTestId('unit-field-id').fill('Bad Id');
    await ap.getByTestId('unit-field-name').fill(COMMUNITY);
    await ap.getByTestId('unit-save').click();
    await ap.locator('.ant-modal .ant-form-item-explain-error', { hasText: '小写字母' }).waitFor();
    // A taken id is refused by the server; its issue path puts the message under the id field.
    await ap.getByTestId('unit-field-id').fill('east');
    await ap.getByTestId('unit-save').click();
    await ap.locator('.ant-modal .ant-form-item-explain-error', { hasText: '单位编号已存在' }).waitFor();
    await ap.getByTestId('unit-field-id').fill(COMMUNITY_ID);
    await ap.getByTestId('unit-field-liaison-name').fill('刘洋');
    await ap.getByTestId('unit-field-liaison-phone').fill('139 0000 1111');
    await shot(ap, 'new-community');
    await ap.getByTestId('unit-save').click();
    await ap.getByTestId('unit-form').waitFor({ state: 'detached' });
    const row = ap.locator(`[data-testid="unit-row"][data-unit="${COMMUNITY_ID}"]`);
    await row.waitFor();
    await expect(row.getByTestId('unit-liaison').textContent()).resolves.toBe('刘洋 139 0000 1111');

    // 编辑: the duty phone is set.
    await row.getByTestId('unit-edit').click();
    await ap.getByTestId('unit-form').waitFor();
    await ap.getByTestId('unit-field-duty-phone').fill('0931-8230155');
    await ap.getByTestId('unit-save').click();
    await ap.getByTestId('unit-form').waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('unit-duty-phone').textContent()).toBe('0931-8230155');
    await shot(ap, 'tree');

    const stored = await call<{
      items: { id: string; dutyPhone: string; liaisonName: string; path: string }[];
    }>(ap, 'GET', '/api/units');
    expect(stored.items.find((u) => u.id === COMMUNITY_ID)).toMatchObject({
      dutyPhone: '0931-8230155',
      liaisonName: '刘洋',
      path: '/east/east-heping/heping-xingfuli/',
    });

    // The dispatcher's 派单 form offers the new community.
    const agent = await as('agent');
    const order = await newOrder(agent.page, `e2e 社区楼道堆物 ${Date.now()}`);
    const dispatcher = await as('dispatcher');
    const dp = dispatcher.page;
    await dp.goto(`/orders/${order.id}`);
    await expectStatus(dp, 'pending_dispatch');
    await runAction(dp, 'dispatch', (p) => chooseTreeNode(p, 'field-leadUnitId', COMMUNITY));
    await expectStatus(dp, 'dispatched');
    const detail = await call<{ units: { unitId: string; active: boolean }[] }>(
      dp,
      'GET',
      `/api/work-orders/${order.id}`,
    );
    expect(detail.units.filter((u) => u.active).map((u) => u.unitId)).toEqual([COMMUNITY_ID]);
    expectNoPageErrors();
  }, 120_000);
});
