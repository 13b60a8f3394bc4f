import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { expectError, useCity } from '../test-support/http.js';

interface FlagList {
  items: {
    phone: string;
    harassment: boolean;
    note: string | null;
    setAt: string;
    setByName: string | null;
  }[];
  total: number;
}

/** The editors' additions for the 受理配置 page: the list of flagged numbers and the import dry run. */
describeEachDatabase('HTTP intake settings', (db) => {
  const city = useCity(db, { logins: ['agent', 'supervisor', 'admin'] });

  const call = async (method: 'GET' | 'PUT', url: string, user: string | null, payload?: unknown) =>
    city.app.inject({
      method,
      url,
      headers: user ? await city.auth(user) : {},
      ...(payload === undefined ? {} : { payload }),
    });

  const csv = async (user: string, body: string, query = '') =>
    city.app.inject({
      method: 'POST',
      url: `/api/categories/import${query}`,
      headers: { ...(await city.auth(user)), 'content-type': 'text/csv' },
      payload: body,
    });

  it('GET /api/intake/caller-flags lists flagged numbers, newest first, for editors only (audited)', async () => {
    const empty = await call('GET', '/api/intake/caller-flags', 'supervisor');
    expect(empty.statusCode).toBe(200);
    expect(empty.json<FlagList>()).toEqual({ items: [], total: 0 });

    await call('PUT', '/api/intake/callers/13400000011/flag', 'supervisor', {
      harassment: true,
      note: '多次辱骂话务员',
    });
    await call('PUT', '/api/intake/callers/13400000012/flag', 'admin', { harassment: true });
    await call('PUT', '/api/intake/callers/13400000013/flag', 'admin', { harassment: true });
    await call('PUT', '/api/intake/callers/13400000013/flag', 'admin', { harassment: false });

    const res = await call('GET', '/api/intake/caller-flags', 'admin');
    expect(res.statusCode).toBe(200);
    const body = res.json<FlagList>();
    expect(body.total).toBe(2);
    expect(body.items.map((f) => f.phone).sort()).toEqual(['13400000011', '13400000012']);
    expect(body.items.find((f) => f.phone === '13400000011')).toMatchObject({
      harassment: true,
      note: '多次辱骂话务员',
      setByName: expect.any(String),
    });
    const at = body.items.map((f) => f.setAt);
    expect([...at].sort().reverse()).toEqual(at);

    const audit = await city.core.database.db
      .selectFrom('audit_log')
      .select(['action', 'target_type'])
      .where('target_type', '=', 'caller_flags')
      .execute();
    expect(audit.length).toBe(2);
    expect(audit.every((a) => a.action === 'read_personal')).toBe(true);

    expectError(await call('GET', '/api/intake/caller-flags', 'agent'), 403, 'FORBIDDEN');
    expectError(await call('GET', '/api/intake/caller-flags', null), 401, 'UNAUTHENTICATED');
  });

  it('POST /api/categories/import?dryRun=1 counts and reports rows but saves nothing', async () => {
    const body = 'code,name,parent_code\n0190,试运行分类,01\n0191,,01\n0101,市政道路,01\n';
    const dry = await csv('supervisor', body, '?dryRun=1');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      created: 1,
      updated: 1,
      total: 3,
      rejected: [{ row: 3, field: 'name', message: '请填写分类名称' }],
      dryRun: true,
    });
    const list = await call('GET', '/api/categories', 'supervisor');
    const codes = list.json<{ items: { code: string }[] }>().items.map((c) => c.code);
    expect(codes).not.toContain('0190');

    const real = await csv('supervisor', body);
    expect(real.json()).toMatchObject({ created: 1, updated: 1, total: 3 });
    expect(real.json()).not.toHaveProperty('dryRun');
    expectError(await csv('supervisor', body, '?dryRun=maybe'), 400, 'VALIDATION_FAILED');
    expectError(await csv('agent', body, '?dryRun=1'), 403, 'FORBIDDEN');
  });
});
