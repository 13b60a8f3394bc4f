import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';

interface UnitBody {
  id: string;
  path: string;
  active: boolean;
  liaisonName: string | null;
  dutyPhone: string | null;
}

describeEachDatabase('HTTP unit maintenance (承办单位)', (db) => {
  const city = useCity(db, { logins: ['admin', 'dispatcher', 'supervisor', 'eastadmin', 'handler'] });
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, user?: string, payload?: unknown) =>
    city.app.inject({
      method,
      url,
      headers: user ? await city.auth(user) : {},
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  const community = {
    id: 'heping-r1',
    name: '和平路社区',
    kind: 'community',
    parentId: 'east-heping',
    liaisonName: '刘洋',
    liaisonPhone: '13900001111',
  };

  it('only admins change units; everyone signed in lists active units', async () => {
    for (const user of ['dispatcher', 'supervisor', 'eastadmin', 'handler']) {
      expectError(await call('POST', '/api/units', user, community), 403, 'ROLE_NOT_PERMITTED');
      expectError(
        await call('PUT', '/api/units/east', user, { name: '东', kind: 'district' }),
        403,
        'ROLE_NOT_PERMITTED',
      );
      expectError(await call('POST', '/api/units/west-binhe/deactivate', user), 403, 'ROLE_NOT_PERMITTED');
      expectError(await call('POST', '/api/units/west-binhe/activate', user), 403, 'ROLE_NOT_PERMITTED');
      expectError(await call('GET', '/api/units?all=1', user), 403, 'ROLE_NOT_PERMITTED');
    }
    expectError(await call('POST', '/api/units', undefined, community), 401, 'UNAUTHENTICATED');
    const res = await call('GET', '/api/units', 'handler');
    expect(res.statusCode, res.body).toBe(200);
    const east = res
      .json<{ items: (UnitBody & { kindLabel: string })[] }>()
      .items.find((u) => u.id === 'east');
    expect(east).toMatchObject({ kindLabel: '区县', active: true, liaisonName: null });
  });

  it('admin creates, edits, deactivates and re-activates a unit', async () => {
    const created = await call('POST', '/api/units', 'admin', community);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<UnitBody>()).toMatchObject({
      path: '/east/east-heping/heping-r1/',
      liaisonName: '刘洋',
    });
    const edited = await call('PUT', '/api/units/heping-r1', 'admin', {
      ...community,
      id: undefined,
      dutyPhone: '0931-8230188',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<UnitBody>().dutyPhone).toBe('0931-8230188');
    const off = await call('POST', '/api/units/heping-r1/deactivate', 'admin');
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<UnitBody>().active).toBe(false);
    const active = (await call('GET', '/api/units', 'dispatcher')).json<{ items: UnitBody[] }>().items;
    expect(active.map((u) => u.id)).not.toContain('heping-r1');
    const all = (await call('GET', '/api/units?all=1', 'admin')).json<{ items: UnitBody[] }>().items;
    expect(all.find((u) => u.id === 'heping-r1')?.active).toBe(false);
    const on = await call('POST', '/api/units/heping-r1/activate', 'admin', {}); // the web UI posts {}
    expect(on.json<UnitBody>().active).toBe(true);
  });

  it('bad input is a 400 naming the field; conflicts are 409 in Chinese', async () => {
    let body = expectError(
      await call('POST', '/api/units', 'admin', { ...community, id: 'Bad Id!' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body)).toEqual(['id']);
    body = expectError(
      await call('POST', '/api/units', 'admin', { ...community, id: 'heping-r2', liaisonPhone: 'call me' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body)).toEqual(['liaisonPhone']);
    body = expectError(
      await call('POST', '/api/units', 'admin', { ...community, id: 'heping-r3', kind: 'village' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body).join()).toContain('kind');
    body = expectError(
      await call('POST', '/api/units', 'admin', { ...community, id: 'heping-r4', color: 'red' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body).join()).toContain('color');
    body = expectError(
      await call('POST', '/api/units', 'admin', { ...community, id: 'heping-r5', name: 'x'.repeat(61) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body).join()).toContain('name');
    const malformed = await city.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { ...(await city.auth('admin')), 'content-type': 'application/json' },
      payload: '{"id": "x',
    });
    expectError(malformed, 400, 'MALFORMED_REQUEST');
    body = expectError(
      await call('PUT', '/api/units/east', 'admin', {
        name: '东城区人民政府',
        kind: 'district',
        parentId: 'east-xinhua',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(body)).toEqual(['parentId']);
    expectError(
      await call('PUT', '/api/units/nope', 'admin', { name: '无', kind: 'city' }),
      404,
      'NOT_FOUND',
    );
    expectError(await call('POST', '/api/units', 'admin', { ...community, id: 'east' }), 409, 'CONFLICT');
    const refused = expectError(await call('POST', '/api/units/east/deactivate', 'admin'), 409, 'CONFLICT');
    expect(refused.error.message).toMatch(/启用的账号/);
  });
});
