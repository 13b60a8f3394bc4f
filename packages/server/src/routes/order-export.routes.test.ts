import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatched, seedPeople } from '../../../core/src/test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { buildApp } from '../app.js';
import { expectError, issueFields, loginToken } from '../test-support/http.js';

describeEachDatabase('HTTP order print and exports', (db) => {
  const city = {} as { app: FastifyInstance; core: TestCore; tokens: Map<string, string> };
  let orderId: string;
  let orderNo: string;

  beforeAll(async () => {
    city.core = await db.newCore();
    await seedPeople(city.core);
    const order = await dispatched(city.core, { leadUnitId: 'east-heping' });
    orderId = order.id;
    orderNo = order.orderNo;
    city.app = await buildApp({ core: city.core });
    const users = ['supervisor', 'heping', 'market'];
    city.tokens = new Map(
      await Promise.all(users.map(async (u) => [u, await loginToken(city.app, u)] as const)),
    );
  });
  afterAll(async () => {
    await city.app?.close();
  });

  const get = (url: string, who?: string) =>
    city.app.inject({
      method: 'GET',
      url,
      headers: who ? { authorization: `Bearer ${city.tokens.get(who)}` } : {},
    });

  it('prints HTML inline (no script allowed) and PDF as an attachment with an RFC 6266 name', async () => {
    const html = await get(`/api/work-orders/${orderId}/print`, 'supervisor');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toBe(
      `inline; filename="__-${orderNo}.html"; filename*=UTF-8''%E5%B7%A5%E5%8D%95-${orderNo}.html`,
    );
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).toContain('来电信息');

    const pdf = await get(`/api/work-orders/${orderNo}/print?format=pdf`, 'heping');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /^attachment; filename="__-\d+\.pdf"; filename\*=UTF-8''/,
    );
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('404 for another unit and unknown orders, 400 for a bad format, 401 without a session', async () => {
    expectError(await get(`/api/work-orders/${orderId}/print`, 'market'), 404, 'NOT_FOUND');
    expectError(await get('/api/work-orders/nope/print?format=pdf', 'supervisor'), 404, 'NOT_FOUND');
    const bad = expectError(
      await get(`/api/work-orders/${orderId}/print?format=docx`, 'supervisor'),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(bad)).toEqual(['querystring.format']);
    expectError(await get(`/api/work-orders/${orderId}/print`), 401);
  });

  it('exports the list as CSV and XLSX (not captured by /:id), with the list filters', async () => {
    const csv = await get('/api/work-orders/export?status=dispatched', 'supervisor');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''/);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain(orderNo);
    expect(csv.body).toContain('139****5678');

    const xlsx = await get('/api/work-orders/export?format=xlsx&q=噪音', 'heping');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');

    const other = await get('/api/work-orders/export', 'market');
    expect(other.body).not.toContain(orderNo);
  });

  it('400 for a bad format or filter, 401 without a session', async () => {
    const bad = expectError(
      await get('/api/work-orders/export?format=pdf', 'supervisor'),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(bad)).toEqual(['querystring.format']);
    const status = expectError(
      await get('/api/work-orders/export?status=nope', 'supervisor'),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(status)).toEqual(['querystring.status']);
    expectError(await get('/api/work-orders/export?evil=1', 'supervisor'), 400, 'VALIDATION_FAILED');
    expectError(await get('/api/work-orders/export'), 401);
  });
});
