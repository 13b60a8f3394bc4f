import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Setup steps of browser tests done through the API with the page's session cookie. */

export interface OrderRef {
  id: string;
  orderNo: string;
  version: number;
  status: string;
}

/** One JSON call with the page's session cookie; fails the test on a non-2xx answer. */
export async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, path, body },
  );
  expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(300);
  return JSON.parse(answer.text) as T;
}

/** 话务员 records an order and submits it for dispatch (setup, through the API). */
export async function newOrder(agent: Page, title: string): Promise<OrderRef> {
  return call<OrderRef>(agent, 'POST', '/api/intake/orders', {
    order: {
      channel: 'phone',
      callerName: '周女士',
      callerPhone: '13700006666',
      appealType: 'complaint',
      title,
      content: `${title}，来电人希望有关部门尽快处理。`,
      address: '东城区幸福路8号',
    },
    decision: { event: 'submit_for_dispatch', input: {} },
  });
}

/** One transition through the API, on the order's current version. */
export async function transition(page: Page, id: string, event: string, input: Record<string, unknown> = {}) {
  const order = await call<OrderRef>(page, 'GET', `/api/work-orders/${id}`);
  return call<OrderRef>(page, 'POST', `/api/work-orders/${id}/transitions`, {
    event,
    input,
    version: order.version,
  });
}

/** The row of `orderNo` in a table, and the link to its order page. */
export const rowOf = (page: Page, tableTestId: string, orderNo: string) =>
  page.getByTestId(tableTestId).locator('tr.ant-table-row', { hasText: orderNo });
