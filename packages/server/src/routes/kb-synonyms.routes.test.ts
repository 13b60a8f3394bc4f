import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';

const search = (q: string) => `/api/kb/search?q=${encodeURIComponent(q)}&limit=5`;

describeEachDatabase('HTTP knowledge synonyms', (db) => {
  const city = useCity(db, { logins: ['agent', 'handler', 'supervisor', 'admin'] });
  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    user?: string,
    payload?: unknown,
  ) =>
    city.app.inject({
      method,
      url,
      headers: user ? await city.auth(user) : {},
      ...(payload === undefined ? {} : { payload: payload as string }),
    });

  it('supervisors and admins list, add, edit and delete groups; the search follows at once', async () => {
    const list = await call('GET', '/api/kb/synonyms', 'supervisor');
    expect(list.statusCode, list.body).toBe(200);
    const before = list.json<{ items: { builtIn: boolean }[]; builtIn: number; custom: number }>();
    expect(before.custom).toBe(0);
    expect(before.builtIn).toBeGreaterThan(100);
    expect(before.items[0]).toMatchObject({ id: 'builtin-1', builtIn: true, terms: ['社会保险', '社保'] });

    const q = search('百年老树');
    expect((await call('GET', q, 'agent')).json().items).toEqual([]);

    const created = await call('POST', '/api/kb/synonyms', 'supervisor', {
      terms: ['古树名木', '百年老树', '老大树'],
      note: '市民常说老树',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { group, warnings } = created.json();
    expect(warnings).toEqual([]);
    expect(group).toMatchObject({
      terms: ['古树名木', '百年老树', '老大树'],
      note: '市民常说老树',
      builtIn: false,
    });
    const found = (await call('GET', q, 'agent')).json();
    expect(found.terms).toContain('古树名木');
    expect(found.items[0].title).toContain('古树名木');

    // A term already in another group is reported, not refused.
    const overlap = await call('POST', '/api/kb/synonyms', 'admin', { terms: ['古树', '老大树'] });
    expect(overlap.statusCode).toBe(201);
    expect(overlap.json().warnings).toMatchObject([{ term: '老大树', groupId: group.id }]);

    const edited = await call('PUT', `/api/kb/synonyms/${group.id}`, 'admin', {
      terms: ['古树名木', '老古树'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().group).toMatchObject({ id: group.id, terms: ['古树名木', '老古树'], note: null });
    expect((await call('GET', q, 'agent')).json().items).toEqual([]);
    expect((await call('GET', '/api/kb/synonyms', 'admin')).json().custom).toBe(2);

    const removed = await call('DELETE', `/api/kb/synonyms/${group.id}`, 'supervisor');
    expect(removed.statusCode).toBe(204);
    expectError(await call('DELETE', `/api/kb/synonyms/${group.id}`, 'supervisor'), 404, 'NOT_FOUND');
    expect((await call('GET', search('老大树'), 'agent')).json().terms).toContain('古树');
    expect((await call('GET', q, 'agent')).json().items).toEqual([]);
  });

  it('refuses other roles and anonymous callers', async () => {
    expectError(await call('GET', '/api/kb/synonyms'), 401, 'UNAUTHENTICATED');
    for (const user of ['agent', 'handler']) {
      expectError(await call('GET', '/api/kb/synonyms', user), 403, 'ROLE_NOT_PERMITTED');
      expectError(
        await call('POST', '/api/kb/synonyms', user, { terms: ['甲', '乙'] }),
        403,
        'ROLE_NOT_PERMITTED',
      );
      expectError(
        await call('PUT', '/api/kb/synonyms/x', user, { terms: ['甲', '乙'] }),
        403,
        'ROLE_NOT_PERMITTED',
      );
      expectError(await call('DELETE', '/api/kb/synonyms/x', user), 403, 'ROLE_NOT_PERMITTED');
    }
  });

  it('reports bad groups per term, and built-in or unknown ids', async () => {
    const dup = expectError(
      await call('POST', '/api/kb/synonyms', 'supervisor', {
        terms: ['供热费', '暖气费', '取暖费', '暖气费'],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(dup)).toEqual(['terms[3]']);
    const bad = expectError(
      await call('POST', '/api/kb/synonyms', 'supervisor', {
        terms: ['。。', 'x'.repeat(21)],
        note: 'n'.repeat(201),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(bad)).toEqual(['terms[0]', 'terms[1]', 'note']);
    const one = expectError(
      await call('POST', '/api/kb/synonyms', 'supervisor', { terms: ['暖气费'] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(issueFields(one)).toEqual(['terms']);
    expectError(await call('POST', '/api/kb/synonyms', 'supervisor', {}), 400, 'VALIDATION_FAILED');
    expectError(
      await call('POST', '/api/kb/synonyms', 'supervisor', { terms: ['a', 'b'], builtIn: true }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('PUT', '/api/kb/synonyms/nope', 'supervisor', { terms: ['甲', '乙'] }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('PUT', '/api/kb/synonyms/builtin-1', 'supervisor', { terms: ['甲', '乙'] }),
      403,
      'FORBIDDEN',
    );
    expectError(await call('DELETE', '/api/kb/synonyms/builtin-1', 'admin'), 403, 'FORBIDDEN');
  });
});
