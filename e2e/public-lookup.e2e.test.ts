import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { e2eSkipReason } from './support/env';
import { call, newOrder, transition } from './support/order-api';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

/** A phone: the page must work one-handed at this size (and at 375 px, checked below). */
const PHONE = { width: 390, height: 844 };
const ANSWER = '您咨询的公积金提取，可携带身份证到市住房公积金中心办理，当日可取。';
const LAST4 = '6666'; // newOrder()'s caller number ends so

describe.skipIf(e2eSkipReason())('市民办件查询 on a phone', () => {
  const suite = useBrowserSuite();
  const { as } = suite;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
  });

  /** A fresh phone-sized context without any session. */
  const phone = async (viewport = PHONE): Promise<Page> => {
    const context = await suite.browser.newContext({
      baseURL: suite.server.url,
      viewport,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    return page;
  };

  const lookUp = async (page: Page, orderNo: string, last4: string) => {
    await page.getByTestId('lookup-order-no').fill(orderNo);
    await page.getByTestId('lookup-last4').fill(last4);
    await page.getByTestId('lookup-submit').click();
  };

  it('a caller looks up their answered case, then a handled one; wrong digits and guessing are refused', async () => {
    const shot = screenshotter('public-lookup-');
    const agent = await as('agent');
    // An order answered at once (直办) and one dispatched to a unit, through the API.
    const answered = await call<{ orderNo: string }>(agent.page, 'POST', '/api/intake/orders', {
      order: {
        channel: 'phone',
        callerName: '周女士',
        callerPhone: '13700006666',
        appealType: 'consultation',
        title: 'e2e 公积金提取咨询',
        content: '来电人咨询公积金提取需要哪些材料。',
        wantsCallback: false,
      },
      decision: { event: 'answer_directly', input: { answer: ANSWER, comment: '内部备注不可见' } },
    });
    const handled = await newOrder(agent.page, `e2e 路灯不亮 ${Date.now()}`);
    const dispatcher = await as('dispatcher');
    await transition(dispatcher.page, handled.id, 'dispatch', {
      leadUnitId: 'city-housing',
      overrideReason: 'e2e 派单',
    });

    const page = await phone();
    await page.goto('/query');
    await page.getByRole('heading', { name: '金城市12345 办件查询' }).waitFor();
    // The number pad on phones, and nothing wider than the screen.
    await expect(page.getByTestId('lookup-order-no').getAttribute('inputmode')).resolves.toBe('numeric');
    await expect(page.getByTestId('lookup-last4').getAttribute('inputmode')).resolves.toBe('numeric');
    await shot(page, 'form');

    await lookUp(page, answered.orderNo, LAST4);
    const result = page.getByTestId('lookup-result');
    await result.waitFor();
    await expect(page.getByTestId('lookup-phase').textContent()).resolves.toMatch(/^(已办结|已答复)$/);
    await expect(page.getByTestId('lookup-reply').textContent()).resolves.toContain(ANSWER);
    const text = (await result.textContent()) ?? '';
    expect(text).not.toContain('内部备注不可见');
    expect(text).not.toContain('周女士');
    expect(text).not.toContain('13700006666');
    await expect(page.getByTestId('lookup-steps').textContent()).resolves.toContain('受理');
    await shot(page, 'answered');

    await lookUp(page, handled.orderNo, LAST4);
    await page.getByTestId('lookup-phase').filter({ hasText: '办理中' }).waitFor();
    await expect(page.getByTestId('lookup-expected').textContent()).resolves.toMatch(
      /^\d{4}年\d{1,2}月\d{1,2}日前$/,
    );
    await expect(result.textContent()).resolves.toContain('市住房和城乡建设局');
    await expect(page.getByTestId('lookup-steps').textContent()).resolves.toContain('转办');
    await shot(page, 'handling');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Wrong digits: the one Chinese message, and the previous result is gone.
    await lookUp(page, handled.orderNo, '0000');
    await expect(page.getByTestId('lookup-error').textContent()).resolves.toContain(
      '工单号或手机号后四位不正确',
    );
    await expect(page.getByTestId('lookup-result').count()).resolves.toBe(0);
    await shot(page, 'wrong-digits');

    // Four more wrong guesses lock the order: the throttle message names when to try again.
    for (let i = 1; i <= 4; i++) {
      await lookUp(page, handled.orderNo, `000${i}`);
      await page.getByTestId('lookup-error').waitFor();
    }
    await lookUp(page, handled.orderNo, LAST4);
    const limited = page.getByTestId('lookup-limited');
    await limited.waitFor();
    await expect(limited.textContent()).resolves.toMatch(/查询过于频繁.*请于 \d+月\d+日 \d\d:\d\d 后再试/);
    await shot(page, 'limited');

    // The narrowest common phone still fits, and the login page is one tap away.
    const small = await phone({ width: 375, height: 667 });
    await small.goto('/query');
    await small.getByTestId('lookup-submit').waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await small.getByRole('link', { name: '工作人员登录' }).click();
    await small.waitForURL('**/login');
    expect(errors).toEqual([]);
  }, 120_000);
});
