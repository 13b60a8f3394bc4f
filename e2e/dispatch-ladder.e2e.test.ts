import { sweepClocks } from '@huawu/core';
import { describe, expect, it } from 'vitest';
import { chooseTreeNode } from './support/antd';
import { e2eSkipReason } from './support/env';
import { call, newOrder, transition } from './support/order-api';
import { expectStatus, runAction } from './support/order-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

const HOUSING = '市住房和城乡建设局';
const DAY = 86_400_000;

interface Notice {
  kind: string;
  orderNo: string;
}

describe.skipIf(e2eSkipReason())('supervision ladder and negotiation in the browser', () => {
  const suite = useBrowserSuite();
  const { as, expectNoPageErrors } = suite;

  it('an overdue order climbs the ladder (timeline, notices, 督办) and the unit answers the 督办', async () => {
    const shot = screenshotter('ladder-');
    const agent = await as('agent');
    const order = await newOrder(agent.page, `e2e 路灯长期不亮 ${Date.now()}`);
    const dispatcher = await as('dispatcher');
    await transition(dispatcher.page, order.id, 'dispatch', {
      leadUnitId: 'east-heping',
      overrideReason: '演示：由街道直接办理。',
    });
    const heping = await as('heping');
    await transition(heping.page, order.id, 'sign');

    // Thirty days on (the server's sweeper runs every 15 s on the real clock; here one pass at a later instant).
    await sweepClocks(suite.server.core, { now: new Date(Date.now() + 30 * DAY) });

    const hp = heping.page;
    await hp.goto(`/orders/${order.id}`);
    await expectStatus(hp, 'in_progress');
    const steps = hp.getByTestId('timeline-mark');
    await steps.first().waitFor();
    const shown = await steps.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-step')));
    for (const step of ['yellow', 'red', 'remind', 'escalate']) expect(shown).toContain(step);
    const timeline = (await hp.getByTestId('order-timeline').textContent()) ?? '';
    for (const text of ['黄牌预警', '红牌超期', '督办并报上级']) expect(timeline).toContain(text);
    const supervision = hp.locator('[data-testid="supervision"][data-status="open"]');
    await supervision.waitFor();
    await shot(hp, 'escalated');

    // The unit's superior (东城区) and the centre were told of the escalation, in the bell's notices.
    const recipients = await suite.server.core.database.db
      .selectFrom('notifications')
      .select('recipient_unit_id')
      .where('order_id', '=', order.id)
      .where('kind', '=', 'clock_escalated')
      .where('channel', '=', 'in_app')
      .execute();
    expect(recipients.map((r) => r.recipient_unit_id).sort()).toEqual(['centre', 'east', 'east-heping']);
    const eastadmin = await as('eastadmin');
    const eastNotices = await call<{ items: Notice[] }>(eastadmin.page, 'GET', '/api/notices?limit=200');
    expect(eastNotices.items.some((n) => n.kind === 'clock_escalated' && n.orderNo === order.orderNo)).toBe(
      true,
    );

    // 督办回复 in the browser.
    await runAction(hp, 'reply_supervision', (p) =>
      p.getByTestId('field-reply').fill('已联系供电部门更换灯具，本周内恢复照明。'),
    );
    await hp.locator('[data-testid="supervision"][data-status="replied"]').waitFor();
    await expect(hp.getByTestId('order-supervisions').textContent()).resolves.toContain('已联系供电部门');
    await expect(hp.getByTestId('action-reply_supervision').count()).resolves.toBe(0);
    expectNoPageErrors();
  }, 120_000);

  it('after two returns the centre records a negotiation (协商定主办) and the lead can no longer return', async () => {
    const shot = screenshotter('negotiation-');
    const agent = await as('agent');
    const order = await newOrder(agent.page, `e2e 小区楼道堆物 ${Date.now()}`);
    const dispatcher = await as('dispatcher');
    const handler = await as('handler');
    const market = await as('market');
    await transition(dispatcher.page, order.id, 'dispatch', { leadUnitId: 'city-housing' });
    await transition(handler.page, order.id, 'request_return', { reason: '楼道堆物属消防安全管理。' });
    await transition(dispatcher.page, order.id, 'approve_return', {
      leadUnitId: 'city-market',
      overrideReason: '按退单理由改派。',
    });
    await transition(market.page, order.id, 'request_return', { reason: '不属于市场监管职责。' });

    const dp = dispatcher.page;
    await dp.goto(`/orders/${order.id}`);
    await expectStatus(dp, 'return_requested');
    // 改派 is no longer offered: only 协商定主办 or 驳回退单.
    await dp.getByTestId('action-negotiate').waitFor();
    await expect(dp.getByTestId('action-approve_return').count()).resolves.toBe(0);
    await runAction(dp, 'negotiate', async (p) => {
      await chooseTreeNode(p, 'field-leadUnitId', HOUSING);
      await p.getByTestId('field-participants').fill('市住建局、市市场监管局、东城区人民政府、热线中心');
      await p.getByTestId('field-conclusion').fill('由市住建局牵头，会同物业督促清理楼道堆物。');
    });
    await expectStatus(dp, 'dispatched');
    const record = dp.getByTestId('order-negotiations');
    await record.waitFor();
    await expect(record.textContent()).resolves.toContain('会同物业督促清理');
    await expect(record.textContent()).resolves.toContain(HOUSING);
    await shot(dp, 'negotiated');

    const hp = handler.page;
    await hp.goto(`/orders/${order.id}`);
    await expectStatus(hp, 'dispatched');
    await hp.getByTestId('action-sign').waitFor();
    await expect(hp.getByTestId('action-request_return').count()).resolves.toBe(0);
    expectNoPageErrors();
  }, 120_000);
});
