import { beforeAll, expect, it } from 'vitest';
import { listAudit } from '../storage/admin.repository.js';
import {
  A,
  expectAppError,
  expectRefused,
  fieldsOf,
  handlerOf,
  newOrder,
  seedPeople,
  step,
} from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { listDispatchOverrides } from './dispatch-overrides.js';
import {
  createDispatchEntry,
  deactivateDispatchEntry,
  listDispatchCatalogue,
  updateDispatchEntryById,
} from './manage-catalogue.js';
import { suggestForOrder } from './suggest-dispatch.js';

const NOW = new Date('2026-06-01T02:00:00.000Z');

async function overrideRows(core: TestCore, orderId: string) {
  return core.database.db
    .selectFrom('dispatch_overrides')
    .selectAll()
    .where('order_id', '=', orderId)
    .execute();
}

async function pendingDispatch(core: TestCore, intake: Record<string, unknown>) {
  const o = await newOrder(core, intake);
  return step(core, o, A.agent, 'submit_for_dispatch');
}

describeEachDatabase('dispatch catalogue (派单目录)', (db) => {
  let core: TestCore;
  let anyDivision: string;
  beforeAll(async () => {
    core = await db.newCore({ now: () => NOW });
    await seedPeople(core);
    anyDivision = (
      await createDispatchEntry(core, A.supervisor, {
        categoryCode: '0108',
        leadUnitId: 'city-housing',
        coUnitIds: ['city-eco'],
        note: '建筑施工',
      })
    ).id;
    await createDispatchEntry(core, A.admin, {
      categoryCode: '0108',
      divisionCode: '6201',
      leadUnitId: 'east',
    });
    await createDispatchEntry(core, A.admin, { categoryCode: '01', leadUnitId: 'city-transport' });
  });

  it('lists entries with unit and category names; audits each change', async () => {
    const { items } = await listDispatchCatalogue(core, A.dispatcher);
    const entry = items.find((e) => e.id === anyDivision)!;
    expect(entry).toMatchObject({
      categoryCode: '0108',
      categoryName: '建筑施工管理',
      divisionCode: null,
      leadUnitName: '市住房和城乡建设局',
      coUnits: [{ id: 'city-eco', name: '市生态环境局' }],
      active: true,
    });
    const audit = await listAudit(core.database.db, { targetId: anyDivision, limit: 5 });
    expect(audit.map((a) => a.action)).toContain('dispatch_catalogue_create');
  });

  it('only supervisors and admins maintain it; units and agents cannot read it', async () => {
    await expectAppError(
      createDispatchEntry(core, A.dispatcher, { categoryCode: '0109', leadUnitId: 'east' }),
      'FORBIDDEN',
    );
    await expectAppError(listDispatchCatalogue(core, A.agent), 'ROLE_NOT_PERMITTED');
    await expectAppError(listDispatchCatalogue(core, handlerOf('city-housing')), 'ROLE_NOT_PERMITTED');
  });

  it('validates entries field by field', async () => {
    let e = await expectAppError(
      createDispatchEntry(core, A.admin, { categoryCode: '0109', leadUnitId: 'east', coUnitIds: ['east'] }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['coUnitIds']);
    e = await expectAppError(
      createDispatchEntry(core, A.admin, { categoryCode: '7777', leadUnitId: 'east' }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['categoryCode']);
    e = await expectAppError(
      createDispatchEntry(core, A.admin, { categoryCode: '0109', leadUnitId: 'centre' }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['leadUnitId']);
    e = await expectAppError(
      createDispatchEntry(core, A.admin, {
        categoryCode: '0109',
        leadUnitId: 'east',
        coUnitIds: Array.from({ length: 11 }, (_, i) => `u${i}`),
      }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['coUnitIds']);
    e = await expectAppError(
      createDispatchEntry(core, A.admin, { categoryCode: '0109', divisionCode: '62ab', leadUnitId: 'east' }),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['divisionCode']);
  });

  it('keeps one active entry per category and division; a deactivated one frees the slot', async () => {
    await expectAppError(
      createDispatchEntry(core, A.admin, { categoryCode: '0108', leadUnitId: 'west' }),
      'CONFLICT',
    );
    const a = await createDispatchEntry(core, A.admin, { categoryCode: '0301', leadUnitId: 'west' });
    const off = await deactivateDispatchEntry(core, A.admin, a.id);
    expect(off.active).toBe(false);
    const b = await createDispatchEntry(core, A.admin, {
      categoryCode: '0301',
      leadUnitId: 'city-transport',
    });
    await expectAppError(
      updateDispatchEntryById(core, A.admin, a.id, {
        categoryCode: '0301',
        leadUnitId: 'west',
        active: true,
      }),
      'CONFLICT',
    );
    const updated = await updateDispatchEntryById(core, A.supervisor, b.id, {
      categoryCode: '0301',
      leadUnitId: 'city-transport',
      coUnitIds: ['west'],
      note: '公交',
    });
    expect(updated).toMatchObject({ active: true, coUnitIds: ['west'], note: '公交' });
    await expectAppError(
      updateDispatchEntryById(core, A.admin, 'nope', { categoryCode: '0301', leadUnitId: 'west' }),
      'NOT_FOUND',
    );
    const audit = await listAudit(core.database.db, { targetId: a.id, limit: 5 });
    expect(audit.map((x) => x.action)).toContain('dispatch_catalogue_deactivate');
  });

  it('suggests by the most specific entry, with names and reason', async () => {
    const inDivision = await newOrder(core, { category: '0108', divisionCode: '620102' });
    const r = await suggestForOrder(core, A.dispatcher, inDivision.id);
    expect(r.suggestion).toMatchObject({
      leadUnitId: 'east',
      leadUnitName: '东城区人民政府',
      divisionMatch: 'prefix',
      categoryMatch: 'exact',
    });
    expect(r.suggestion?.reason).toContain('6201');
    const elsewhere = await newOrder(core, { category: '0108', divisionCode: '110101' });
    expect((await suggestForOrder(core, A.supervisor, elsewhere.id)).suggestion).toMatchObject({
      leadUnitId: 'city-housing',
      coUnits: [{ id: 'city-eco', name: '市生态环境局' }],
      divisionMatch: 'any',
    });
    const parent = await newOrder(core, { category: '0109' });
    expect((await suggestForOrder(core, A.admin, parent.id)).suggestion).toMatchObject({
      leadUnitId: 'city-transport',
      categoryMatch: 'parent',
      matchedCategory: '01',
    });
    const none = await newOrder(core, {});
    expect((await suggestForOrder(core, A.dispatcher, none.id)).suggestion).toBeNull();
    await expectAppError(suggestForOrder(core, A.dispatcher, 'no-such-order'), 'NOT_FOUND');
    await expectAppError(suggestForOrder(core, A.agent, none.id), 'ROLE_NOT_PERMITTED');
    await expectAppError(suggestForOrder(core, handlerOf('city-housing'), none.id), 'ROLE_NOT_PERMITTED');
  });

  it('a dispatch to another lead needs a reason and logs the override in the same transaction', async () => {
    const o = await pendingDispatch(core, { category: '0108', divisionCode: '110101' });
    const e = await expectRefused(
      core,
      o,
      A.dispatcher,
      'dispatch',
      { leadUnitId: 'city-market' },
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['input.overrideReason']);
    expect(await overrideRows(core, o.id)).toEqual([]);

    const next = await step(core, o, A.dispatcher, 'dispatch', {
      leadUnitId: 'city-market',
      overrideReason: '涉及商品房质量，由市场监管牵头',
    });
    const rows = await overrideRows(core, o.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      event: 'dispatch',
      suggested_entry_id: anyDivision,
      suggested_lead_unit_id: 'city-housing',
      chosen_lead_unit_id: 'city-market',
      reason: '涉及商品房质量，由市场监管牵头',
      actor_id: A.dispatcher.userId,
      at: next.timeline.at(-1)!.at,
    });
    expect(next.timeline.at(-1)!.payload).toMatchObject({ suggestedLeadUnitId: 'city-housing' });
  });

  it('following the suggestion (or having none) needs no reason and logs nothing', async () => {
    const o = await pendingDispatch(core, { category: '0108', divisionCode: '110101' });
    await step(core, o, A.dispatcher, 'dispatch', { leadUnitId: 'city-housing' });
    expect(await overrideRows(core, o.id)).toEqual([]);
    const plain = await pendingDispatch(core, {});
    await step(core, plain, A.dispatcher, 'dispatch', { leadUnitId: 'city-market' });
    expect(await overrideRows(core, plain.id)).toEqual([]);
  });

  it('reassignment after a return is checked the same way; the log is for supervisors and admins', async () => {
    let o = await pendingDispatch(core, { category: '0108', divisionCode: '110101' });
    o = await step(core, o, A.dispatcher, 'dispatch', { leadUnitId: 'city-housing' });
    o = await step(core, o, handlerOf('city-housing'), 'request_return', { reason: '不属于本单位职责' });
    const e = await expectRefused(
      core,
      o,
      A.dispatcher,
      'approve_return',
      { leadUnitId: 'west' },
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(e)).toEqual(['input.overrideReason']);
    await step(core, o, A.dispatcher, 'approve_return', { leadUnitId: 'west', overrideReason: '属地管理' });
    expect((await overrideRows(core, o.id)).map((r) => r.event)).toEqual(['approve_return']);

    const log = await listDispatchOverrides(core, A.supervisor);
    expect(log.total).toBeGreaterThanOrEqual(2);
    const mine = log.items.find((i) => i.orderId === o.id)!;
    expect(mine).toMatchObject({
      orderNo: o.orderNo,
      category: '0108',
      suggestedLeadUnitName: '市住房和城乡建设局',
      chosenLeadUnitName: '西城区人民政府',
      reason: '属地管理',
    });
    expect(mine.actorName).toBeTruthy();
    await expectAppError(listDispatchOverrides(core, A.dispatcher), 'FORBIDDEN');
  });
});
