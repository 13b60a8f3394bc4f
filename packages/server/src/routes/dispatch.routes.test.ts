import { expect, it } from 'vitest';
import { newOrder, step, A } from '../../../core/src/test-support/contract-helpers.js';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';

describeEachDatabase('HTTP dispatch catalogue (派单目录)', (db) => {
  const city = useCity(db, { logins: ['agent', 'dispatcher', 'supervisor', 'admin', 'handler'] });
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, user?: string, payload?: unknown) =>
    city.app.inject({
      method,
      url,
      headers: user ? await city.auth(user) : {},
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  it('lists the demo catalogue for dispatchers; agents, units and strangers are refused', async () => {
    const res = await call('GET', '/api/dispatch/catalogue', 'dispatcher');
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json<{ items: { categoryCode: string; divisionCode: string | null }[] }>();
    expect(items.length).toBeGreaterThanOrEqual(15);
    expect(items.some((i) => i.divisionCode === '620102')).toBe(true);
    expectError(await call('GET', '/api/dispatch/catalogue', 'agent'), 403, 'ROLE_NOT_PERMITTED');
    expectError(await call('GET', '/api/dispatch/catalogue', 'handler'), 403, 'ROLE_NOT_PERMITTED');
    expectError(await call('GET', '/api/dispatch/catalogue'), 401, 'UNAUTHENTICATED');
  });

  it('supervisors add and edit entries; dispatchers cannot; bad input names the field', async () => {
    const created = await call('POST', '/api/dispatch/catalogue', 'supervisor', {
      categoryCode: '0104',
      leadUnitId: 'city-housing',
      coUnitIds: ['east'],
      note: '园林绿化',
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json<{ id: string; leadUnitName: string }>();
    expect(entry.leadUnitName).toBe('市住房和城乡建设局');
    expectError(
      await call('POST', '/api/dispatch/catalogue', 'dispatcher', {
        categoryCode: '0106',
        leadUnitId: 'east',
      }),
      403,
      'FORBIDDEN',
    );
    let body = expectError(
      await call('POST', '/api/dispatch/catalogue', 'admin', {
        categoryCode: '0106',
        leadUnitId: 'east',
        coUnitIds: ['east'],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body)).toEqual(['coUnitIds']);
    expectError(
      await call('POST', '/api/dispatch/catalogue', 'admin', { categoryCode: '0104', leadUnitId: 'east' }),
      409,
      'CONFLICT',
    );
    const off = await call('PUT', `/api/dispatch/catalogue/${entry.id}`, 'admin', {
      categoryCode: '0104',
      leadUnitId: 'city-housing',
      active: false,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, coUnitIds: [] });
    body = expectError(
      await call('PUT', '/api/dispatch/catalogue/nope', 'admin', {
        categoryCode: '0104',
        leadUnitId: 'east',
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('suggests a lead for an order; a different lead needs a reason and lands in the override log', async () => {
    const order = await newOrder(city.core, { category: '0105', divisionCode: '620102' });
    const res = await call('GET', `/api/work-orders/${order.id}/dispatch-suggestion`, 'dispatcher');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().suggestion).toMatchObject({ leadUnitId: 'east', divisionMatch: 'exact' });
    expectError(
      await call('GET', '/api/work-orders/none/dispatch-suggestion', 'dispatcher'),
      404,
      'NOT_FOUND',
    );
    expectError(await call('GET', `/api/work-orders/${order.id}/dispatch-suggestion`, 'agent'), 403);

    const pending = await step(city.core, order, A.agent, 'submit_for_dispatch');
    const url = `/api/work-orders/${order.id}/transitions`;
    const refused = expectError(
      await call('POST', url, 'dispatcher', {
        event: 'dispatch',
        input: { leadUnitId: 'city-housing' },
        version: pending.version,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(refused)).toEqual(['input.overrideReason']);
    const ok = await call('POST', url, 'dispatcher', {
      event: 'dispatch',
      input: { leadUnitId: 'city-housing', overrideReason: '涉及在建工地，由住建局牵头' },
      version: pending.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);

    const log = await call('GET', '/api/dispatch/overrides?limit=10', 'supervisor');
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items[0]).toMatchObject({
      orderId: order.id,
      suggestedLeadUnitId: 'east',
      chosenLeadUnitId: 'city-housing',
      reason: '涉及在建工地，由住建局牵头',
    });
    expectError(await call('GET', '/api/dispatch/overrides', 'dispatcher'), 403, 'FORBIDDEN');
    const bad = expectError(await call('GET', '/api/dispatch/overrides?limit=x', 'admin'), 400);
    expect(issueFields(bad)).toEqual(['querystring.limit']);
  });
});
