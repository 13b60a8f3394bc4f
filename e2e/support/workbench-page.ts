import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Helpers for the agent workbench (受理台) page. */

/** Opens the workbench from the menu and waits for the live CTI connection. */
export async function openWorkbench(page: Page): Promise<void> {
  await page.getByTestId('nav-workbench').click();
  await page.waitForURL('**/workbench');
  await page.locator('[data-testid="cti-status"][data-status="connected"]').waitFor({ timeout: 15_000 });
}

/** Resets the desk for the next call when a result is showing. */
export async function nextCall(page: Page): Promise<void> {
  const next = page.getByTestId('next-call');
  if ((await next.count()) > 0) {
    await next.click();
    await page.getByTestId('result-card').waitFor({ state: 'detached' });
  }
}

/** A call id unique to this run. */
export const newCallId = (tag: string) => `E2E-${tag}-${Date.now().toString(36)}`;

/**
 * Posts CTI events through the API with the page's (agent) session, as a training desk or the switch
 * integration would; returns the call id.
 */
export async function postCall(page: Page, agent: string, caller: string, tag: string): Promise<string> {
  const callId = newCallId(tag);
  const statuses = await page.evaluate(
    async ({ callId, caller, agent }) => {
      const post = (body: unknown) =>
        fetch('/api/cti/events', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then((response) => response.status);
      return [
        await post({ type: 'newCall', callId, caller, agent }),
        await post({ type: 'answer', callId, agent }),
      ];
    },
    { callId, caller, agent },
  );
  expect(statuses).toEqual([202, 202]);
  return callId;
}

/** Uses the 模拟来电 button; returns the call id the page shows once the call popped. */
export async function simulateCall(page: Page, caller: string): Promise<string> {
  await page.getByTestId('simulate-number').fill(caller);
  await page.getByTestId('simulate-call').click();
  await expectPopped(page, caller);
  return (await page.getByTestId('current-call').getAttribute('data-call-id')) ?? '';
}

/** Waits for the screen pop: the call bar shows the answered call and the form holds the number. */
export async function expectPopped(page: Page, caller: string, callId?: string): Promise<void> {
  const selector = callId
    ? `[data-testid="current-call"][data-call-id="${callId}"][data-state="answered"]`
    : '[data-testid="current-call"][data-state="answered"]';
  // The previous call may still be up: wait for the one from this number.
  await page
    .locator(selector)
    .filter({ has: page.getByTestId('call-caller').getByText(caller, { exact: true }) })
    .waitFor();
  await expect.poll(() => page.getByTestId('field-callerPhone').inputValue()).toBe(caller);
  if (callId) await expect.poll(() => page.getByTestId('field-callId').inputValue()).toBe(callId);
}

/** Waits for the result card and returns the created order's id and status. */
export async function decisionResult(page: Page): Promise<{ id: string; status: string; orderNo: string }> {
  const card = page.getByTestId('result-card');
  await card.waitFor({ timeout: 15_000 });
  return {
    id: (await card.getAttribute('data-order-id')) ?? '',
    status: (await card.getAttribute('data-status')) ?? '',
    orderNo: ((await page.getByTestId('result-order-no').textContent()) ?? '').trim(),
  };
}

/** A settled modal (its zoom-in finished), so clicks land on its buttons. */
export const SETTLED_MODAL = '.ant-modal:not([class*="-appear"]):not([class*="-enter"])';

/** Waits for the decision dialog of `event` and returns when it is ready for input. */
export async function decisionDialog(page: Page, event: string): Promise<void> {
  await page.locator(SETTLED_MODAL, { has: page.getByTestId(`decision-form-${event}`) }).waitFor();
}
