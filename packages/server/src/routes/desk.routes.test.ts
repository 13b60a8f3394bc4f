import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';

describeEachDatabase('HTTP desk: unit inbox, dispatch-desk queues, unit statistics', (db) => {
  const city = useCity(db, { logins: ['agent', 'dispatcher', 'reviewer', 'supervisor', 'handler'] });
  const get = async (url: string, user?: string) =>
    city.app.inject({ method: 'GET', url, headers: user ? await city.auth(user) : {} });

  it('a unit handler reads its inbox; centre roles and strangers are refused', async () => {
    const res = await get('/api/desk/inbox?pageSize=5', 'handler');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      items: { colour: string }[];
      counts: Record<string, number>;
      totalCapped: boolean;
      pageSize: number;
    }>();
    expect(body.pageSize).toBe(5);
    expect(Object.keys(body.counts).sort()).toEqual(['green', 'red', 'yellow']);
    expect(body.items.length).toBeLessThanOrEqual(5);
    expectError(await get('/api/desk/inbox', 'dispatcher'), 403, 'ROLE_NOT_PERMITTED');
    expectError(await get('/api/desk/inbox'), 401, 'UNAUTHENTICATED');
  });

  it('bad query parameters are 400s naming the field', async () => {
    let body = expectError(await get('/api/desk/inbox?colour=blue', 'handler'), 400, 'VALIDATION_FAILED');
    expect(issueFields(body)).toEqual(['colour']);
    expectError(await get('/api/desk/inbox?pageSize=500', 'handler'), 400, 'VALIDATION_FAILED');
    body = expectError(
      await get('/api/desk/queues/pending_dispatch?pageSize=101', 'dispatcher'),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body)).toEqual(['pageSize']);
    expectError(await get('/api/desk/queues/overdue?page=0', 'dispatcher'), 400, 'VALIDATION_FAILED');
    expectError(await get('/api/desk/queues/overdue?sort=x', 'dispatcher'), 400, 'VALIDATION_FAILED');
    body = expectError(await get('/api/desk/queues/nope', 'dispatcher'), 400, 'VALIDATION_FAILED');
    expect(issueFields(body)).toEqual(['queue']);
    body = expectError(
      await get('/api/dispatch/unit-stats?from=2026-13-01&to=2026-12-01', 'supervisor'),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body)).toEqual(['from']);
    expectError(await get('/api/dispatch/unit-stats?to=2026-12-01', 'supervisor'), 400, 'VALIDATION_FAILED');
    expectError(
      await get('/api/dispatch/unit-stats?from=2026-01-01&to=2026-12-01&format=xls', 'supervisor'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('centre queues for desk roles, refused for agents and units', async () => {
    for (const queue of ['pending_dispatch', 'returns', 'extensions', 'overdue', 'supervisions']) {
      const res = await get(`/api/desk/queues/${queue}`, 'reviewer');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ queue, page: 1, pageSize: 20, totalCapped: false });
    }
    expectError(await get('/api/desk/queues/overdue', 'agent'), 403, 'ROLE_NOT_PERMITTED');
    expectError(await get('/api/desk/queues/overdue', 'handler'), 403, 'ROLE_NOT_PERMITTED');
  });

  it('unit statistics as JSON and as an audited CSV download', async () => {
    const json = await get('/api/dispatch/unit-stats?from=2020-01-01&to=2030-12-31', 'supervisor');
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json()).toMatchObject({ from: '2020-01-01', to: '2030-12-31' });
    const csv = await get('/api/dispatch/unit-stats?from=2020-01-01&to=2030-12-31&format=csv', 'dispatcher');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('unit-dispatch-stats-2020-01-01-2030-12-31.csv');
    expect(csv.body.startsWith('\uFEFF单位,')).toBe(true);
    expectError(
      await get('/api/dispatch/unit-stats?from=2020-01-01&to=2030-12-31', 'agent'),
      403,
      'ROLE_NOT_PERMITTED',
    );
    expectError(
      await get('/api/dispatch/unit-stats?from=2020-01-01&to=2030-12-31', 'reviewer'),
      403,
      'ROLE_NOT_PERMITTED',
    );
  });
});
