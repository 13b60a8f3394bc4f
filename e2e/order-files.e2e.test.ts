import { describe, expect, it } from 'vitest';
import { e2eSkipReason } from './support/env';
import { expectStatus } from './support/order-page';
import { screenshotter } from './support/screenshots';
import { useBrowserSuite } from './support/suite';

const NOTE = '已到现场核实，施工方承诺夜间停工。';
const FILE = '现场照片.txt';

describe.skipIf(e2eSkipReason())('办理记录 and 附件 in the browser', () => {
  const { as, expectNoPageErrors } = useBrowserSuite();

  it('a unit handler adds a note and a file on an order dispatched to the unit; the supervisor sees both', async () => {
    const shot = screenshotter('order-files-');

    // 话务员 records an order and 派单员 dispatches it to 和平街道 (through the API).
    const agent = await as('agent');
    const created = await agent.page.evaluate(async () => {
      const response = await fetch('/api/intake/orders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          order: {
            channel: 'phone',
            callerName: '钱先生',
            callerPhone: '13600007777',
            appealType: 'complaint',
            title: `e2e 工地夜间施工 ${Date.now()}`,
            content: '来电人反映和平路工地夜间施工噪音扰民，希望有关部门处理。',
            address: '东城区和平路20号',
          },
          decision: { event: 'submit_for_dispatch', input: {} },
        }),
      });
      return (await response.json()) as { id: string; version: number; status: string };
    });
    expect(created.status).toBe('pending_dispatch');
    const dispatcher = await as('dispatcher');
    const dispatched = await dispatcher.page.evaluate(async (order) => {
      const response = await fetch(`/api/work-orders/${order.id}/transitions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          event: 'dispatch',
          input: { leadUnitId: 'east-heping', overrideReason: 'e2e 派给和平街道' },
          version: order.version,
        }),
      });
      return { status: response.status, body: await response.text() };
    }, created);
    expect(dispatched.status, dispatched.body).toBe(200);

    // 和平街道's handler opens it, adds a work note and uploads a file.
    const heping = await as('heping');
    const hp = heping.page;
    await hp.goto(`/orders/${created.id}`);
    await expectStatus(hp, 'dispatched');
    const panel = hp.getByTestId('order-files');
    await panel.waitFor();
    await panel.getByRole('tab', { name: '办理记录' }).click();
    await hp.getByTestId('work-note-input').fill(NOTE);
    await hp.getByTestId('work-note-submit').click();
    await hp.getByTestId('work-note').filter({ hasText: NOTE }).waitFor();
    await shot(hp, 'note');

    await panel.getByRole('tab', { name: '附件' }).click();
    await hp
      .getByTestId('attachment-upload')
      .locator('input[type="file"]')
      .setInputFiles({ name: FILE, mimeType: 'text/plain', buffer: Buffer.from('照片说明\u0000二进制') });
    const row = hp.locator('[data-testid="attachments"] tr.ant-table-row', { hasText: FILE });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('内部');
    await shot(hp, 'attachment');

    // 值班长 sees both on the same order, and downloads the file.
    const supervisor = await as('supervisor');
    const sp = supervisor.page;
    await sp.goto(`/orders/${created.id}`);
    await expectStatus(sp, 'dispatched');
    const notes = sp.getByTestId('work-note').filter({ hasText: NOTE });
    await notes.waitFor();
    await expect(notes.textContent()).resolves.toContain('和平');
    await sp.getByTestId('order-files').getByRole('tab', { name: '附件' }).click();
    const seen = sp.locator('[data-testid="attachments"] tr.ant-table-row', { hasText: FILE });
    await seen.waitFor();
    const [download] = await Promise.all([
      sp.waitForEvent('download'),
      seen.getByTestId('attachment-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe(FILE);
    await shot(sp, 'supervisor');
    expectNoPageErrors();
  }, 90_000);
});
