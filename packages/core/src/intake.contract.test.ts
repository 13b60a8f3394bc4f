import { beforeAll, expect, it } from 'vitest';
import {
  A,
  countRows,
  expectAppError,
  fieldsOf,
  newOrder,
  seedPeople,
} from './test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from './test-support/databases.js';
import { VALID_INTAKE } from './test-support/fixtures.js';
import { createWorkOrder } from './use-cases/create-work-order.js';

const NOW = new Date('2026-06-01T02:00:00.000Z');

describeEachDatabase('intake (受理) validation', (db) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore({ now: () => NOW });
    await seedPeople(core);
  });

  /** Creation that must fail with VALIDATION_FAILED and write nothing; returns the issue fields. */
  async function refusedFields(raw: unknown, actor = A.agent): Promise<string[]> {
    const [orders, events] = [
      await countRows(core, 'work_orders'),
      await countRows(core, 'work_order_events'),
    ];
    const error = await expectAppError(createWorkOrder(core, actor, raw), 'VALIDATION_FAILED');
    expect(await countRows(core, 'work_orders')).toBe(orders);
    expect(await countRows(core, 'work_order_events')).toBe(events);
    return fieldsOf(error);
  }

  it('a valid intake creates version 1 in status intake with one timeline entry', async () => {
    const o = await newOrder(core, { callerPhone: '139 1234 5678' });
    expect(o).toMatchObject({
      status: 'intake',
      version: 1,
      callerPhone: '13912345678',
      callerType: 'person',
      urgency: 'normal',
      wantsCallback: true,
      confidential: false,
      createdAt: NOW.toISOString(),
      leadUnitId: null,
      deadlineAt: null,
    });
    expect(o.orderNo).toMatch(/^20260601\d{4}$/);
    expect(o.timeline).toEqual([
      expect.objectContaining({
        seq: 1,
        event: 'create',
        fromStatus: null,
        toStatus: 'intake',
        actorRole: 'agent',
        actorName: '李娜（话务员）',
        payload: { channel: 'phone', appealType: 'complaint', urgency: 'normal' },
      }),
    ]);
    expect(o.allowedEvents.map((e) => e.name)).toEqual([
      'answer_directly',
      'reject',
      'transfer_out',
      'merge',
      'submit_for_dispatch',
    ]);
  });

  it('missing title and content are reported by field', async () => {
    const { title: _t, content: _c, ...rest } = VALID_INTAKE;
    expect(await refusedFields(rest)).toEqual(['title', 'content']);
    expect(await refusedFields({ ...VALID_INTAKE, title: '   ', content: '' })).toEqual(['title', 'content']);
  });

  it('phone numbers are checked; a callback needs a phone unless anonymous', async () => {
    expect(await refusedFields({ ...VALID_INTAKE, callerPhone: '1391234567a' })).toEqual(['callerPhone']);
    expect(await refusedFields({ ...VALID_INTAKE, callerPhone: '23912345678' })).toEqual(['callerPhone']);
    expect(await refusedFields({ ...VALID_INTAKE, callerPhone: undefined })).toEqual(['callerPhone']);
    const landline = await newOrder(core, { callerPhone: '0931-8120001' });
    expect(landline.callerPhone).toBe('0931-8120001');
    const noCallback = await newOrder(core, { callerPhone: undefined, wantsCallback: false });
    expect(noCallback).toMatchObject({ callerPhone: null, wantsCallback: false });
  });

  it('unknown fields, bad enums, wrong types and oversize text are refused', async () => {
    expect(await refusedFields({ ...VALID_INTAKE, priority: 'high' })).toEqual(['priority']);
    expect(await refusedFields({ ...VALID_INTAKE, channel: 'pigeon' })).toEqual(['channel']);
    expect(await refusedFields({ ...VALID_INTAKE, urgency: 'asap' })).toEqual(['urgency']);
    expect(await refusedFields({ ...VALID_INTAKE, confidential: 'yes' })).toEqual(['confidential']);
    expect(await refusedFields({ ...VALID_INTAKE, content: '诉'.repeat(4001) })).toEqual(['content']);
    expect(await refusedFields({ ...VALID_INTAKE, title: 't'.repeat(101) })).toEqual(['title']);
    expect(await refusedFields(['not', 'an', 'object'])).toEqual(['']);
    const longest = await newOrder(core, { content: '诉'.repeat(4000) });
    expect(longest.content).toHaveLength(4000);
  });

  it('units and inspectors may not take calls', async () => {
    const before = await countRows(core, 'work_orders');
    await expectAppError(createWorkOrder(core, A.handler, VALID_INTAKE), 'ROLE_NOT_PERMITTED');
    await expectAppError(createWorkOrder(core, A.eastadmin, VALID_INTAKE), 'ROLE_NOT_PERMITTED');
    await expectAppError(createWorkOrder(core, A.inspector, VALID_INTAKE), 'ROLE_NOT_PERMITTED');
    expect(await countRows(core, 'work_orders')).toBe(before);
    expect((await newOrder(core, {}, A.supervisor)).status).toBe('intake');
  });
});
