import { createSessionCache } from '@huawu/core';
import { beforeAll, expect, it } from 'vitest';
import { archiveOrder } from '../../../core/src/test-support/archive-helpers.js';
import { A, dispatched } from '../../../core/src/test-support/contract-helpers.js';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import type { WorkOrderFull } from '../../../core/src/use-cases/get-work-order.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';
import { archiveRoutes } from './archive.routes.js';

describeEachDatabase('HTTP archive: 档案查询, records, full verification', (db) => {
  const city = useCity(db);
  let archived: WorkOrderFull;
  const get = async (url: string, user?: string) =>
    city.app.inject({ method: 'GET', url, headers: user ? await city.auth(user) : {} });

  beforeAll(async () => {
    // Until app.ts registers the routes (before the app's first request makes it ready).
    if (!city.app.hasRoute({ method: 'GET', url: '/api/archive' })) {
      archiveRoutes(city.app, { core: city.core, sessions: createSessionCache() });
    }
    const o = await dispatched(city.core, { leadUnitId: 'east-heping' });
    await city.core.database.db
      .updateTable('work_orders')
      .set({ status: 'closed' })
      .where('id', '=', o.id)
      .execute();
    archived = await archiveOrder(city.core, { ...o, status: 'closed' }, A.supervisor);
  });

  it('searches sealed records within the reader’s scope', async () => {
    let res = await get(`/api/archive?q=${archived.orderNo}`, 'supervisor');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      total: 1,
      totalCapped: false,
      page: 1,
      items: [
        {
          orderId: archived.id,
          orderNo: archived.orderNo,
          appealType: 'complaint',
          archiveSeq: expect.any(Number),
        },
      ],
    });
    res = await get('/api/archive?expired=true&pageSize=5', 'heping');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 0, pageSize: 5 });
    const mine = (await get('/api/archive', 'heping')).json<{ items: { orderId: string }[] }>();
    expect(mine.items.map((i) => i.orderId)).toContain(archived.id);
    const other = (await get('/api/archive', 'market')).json<{ items: { orderId: string }[] }>();
    expect(other.items.map((i) => i.orderId)).not.toContain(archived.id);
    expectError(await get('/api/archive'), 401, 'UNAUTHENTICATED');
  });

  it('bad filters are 400s naming the field', async () => {
    expect(
      issueFields(expectError(await get('/api/archive?expired=yes', 'supervisor'), 400, 'VALIDATION_FAILED')),
    ).toEqual(['querystring.expired']);
    expect(
      issueFields(
        expectError(await get('/api/archive?from=2026-13-01', 'supervisor'), 400, 'VALIDATION_FAILED'),
      ),
    ).toEqual(['from']);
    expect(
      issueFields(
        expectError(await get('/api/archive?appealType=x', 'supervisor'), 400, 'VALIDATION_FAILED'),
      ),
    ).toEqual(['appealType']);
    expectError(await get('/api/archive?pageSize=500', 'supervisor'), 400, 'VALIDATION_FAILED');
    expectError(await get('/api/archive?sort=x', 'supervisor'), 400, 'VALIDATION_FAILED');
  });

  it('a record comes with its verification; out of scope or not archived is 404', async () => {
    const res = await get(`/api/archive/${archived.id}`, 'heping');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      recordHash: string;
      chainHash: string;
      verification: { ok: boolean };
      record: { order: { id: string } };
    }>();
    expect(body.recordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.chainHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.verification.ok).toBe(true);
    expect(body.record.order.id).toBe(archived.id);
    expectError(await get(`/api/archive/${archived.id}`, 'market'), 404, 'NOT_FOUND');
    expectError(await get('/api/archive/nope', 'supervisor'), 404, 'NOT_FOUND');
    const open = await dispatched(city.core, { leadUnitId: 'east-heping' });
    expectError(await get(`/api/archive/${open.id}`, 'supervisor'), 404, 'NOT_FOUND');
  });

  it('全量校验 for supervisors and administrators only, audited', async () => {
    for (const user of ['supervisor', 'admin']) {
      const res = await get('/api/admin/audit/verify', user);
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json<{
        ok: boolean;
        ordersChecked: number;
        eventsChecked: number;
        archivesChecked: number;
      }>();
      expect(report.ok).toBe(true);
      expect(report.ordersChecked).toBeGreaterThan(1);
      expect(report.archivesChecked).toBeGreaterThanOrEqual(1);
    }
    for (const user of ['agent', 'dispatcher', 'heping']) {
      expectError(await get('/api/admin/audit/verify', user), 403, 'FORBIDDEN');
    }
    expectError(await get('/api/admin/audit/verify'), 401, 'UNAUTHENTICATED');
    const audit = await city.core.database.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'audit_verify')
      .execute();
    expect(audit.map((a) => a.actor_id).sort()).toEqual(['demo-admin', 'demo-supervisor']);
  });
});
