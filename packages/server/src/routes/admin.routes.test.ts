import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { buildApp } from '../app.js';
import { expectError, issueFields, loginToken, useCity } from '../test-support/http.js';

describeEachDatabase('HTTP system, reference data and administration', (db) => {
  const city = useCity(db, {
    app: { version: '9.9.9-test' },
    logins: ['agent', 'admin', 'handler', 'supervisor', 'eastadmin'],
  });
  const call = async (method: 'GET' | 'PUT' | 'POST', url: string, user?: string, payload?: unknown) =>
    city.app.inject({
      method,
      url,
      headers: user ? await city.auth(user) : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  describe('system', () => {
    it('GET /api/health reports the database without a session', async () => {
      const res = await call('GET', '/api/health');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: db.name, version: '9.9.9-test' });
      expect(res.headers['x-request-id']).toBeTruthy();
    });

    it('GET /api/openapi.json is an OpenAPI 3 document with the work-order paths', async () => {
      const res = await call('GET', '/api/openapi.json');
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info).toMatchObject({ title: expect.stringContaining('Huawu'), version: '9.9.9-test' });
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/work-orders',
          '/api/work-orders/{id}',
          '/api/work-orders/{id}/transitions',
          '/api/auth/login',
        ]),
      );
      expect(
        doc.paths['/api/work-orders'].post.requestBody.content['application/json'].schema.properties.title,
      ).toMatchObject({
        type: expect.anything(),
        maxLength: 100,
      });
      expect(doc.paths).not.toHaveProperty('/api/openapi.json');
      expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearer', 'cookie']);
    });

    it('GET /api/docs serves the HTML documentation page (following a redirect)', async () => {
      let res = await call('GET', '/api/docs');
      for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
        const location = String(res.headers.location);
        res = await call(
          'GET',
          location.startsWith('/') ? location : `/api/docs/${location.replace(/^\.\//, '')}`,
        );
      }
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toMatch(/<html/i);
      const bundle = /src="([^"]*swagger-ui-bundle\.js)"/.exec(res.body)?.[1] ?? '';
      expect((await call('GET', new URL(bundle, 'http://localhost/api/docs').pathname)).statusCode).toBe(200);
    });
  });

  describe('web UI', () => {
    it('serves the single-page app for client routes and keeps unknown API paths as 404 JSON', async () => {
      const webRoot = mkdtempSync(join(tmpdir(), 'huawu-web-'));
      writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><body>话务</body></html>');
      const web = await buildApp({ core: city.core, webRoot });
      try {
        for (const url of ['/', '/orders/123', '/login?next=%2F']) {
          const res = await web.inject({ method: 'GET', url });
          expect(res.statusCode, url).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/html/);
          expect(res.body).toContain('话务');
        }
        expectError(await web.inject({ method: 'GET', url: '/api/nothing' }), 404, 'NOT_FOUND');
        expectError(await web.inject({ method: 'POST', url: '/orders/123' }), 404, 'NOT_FOUND');
      } finally {
        await web.close();
        rmSync(webRoot, { recursive: true, force: true });
      }
    });
  });

  describe('units', () => {
    it('GET /api/units needs a session and lists the organisation', async () => {
      expectError(await call('GET', '/api/units'), 401, 'UNAUTHENTICATED');
      const res = await call('GET', '/api/units', 'handler');
      expect(res.statusCode).toBe(200);
      const { items } = res.json<{ items: { id: string; kind: string; parentId: string | null }[] }>();
      expect(items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'centre', kind: 'centre', parentId: null }),
          expect.objectContaining({ id: 'city-housing', kind: 'city' }),
          expect.objectContaining({ id: 'east-heping', kind: 'street', parentId: 'east' }),
        ]),
      );
    });
  });

  describe('audit', () => {
    it("GET /api/audit shows who read a caller's data (auditors only)", async () => {
      const created = await call('POST', '/api/work-orders', 'agent', {
        channel: 'phone',
        callerName: '审计先生',
        callerPhone: '13800001111',
        appealType: 'consultation',
        title: '审计测试',
        content: '查看个人信息应留痕',
      });
      expect(created.statusCode).toBe(201);
      const id = created.json<{ id: string }>().id;
      expect((await call('GET', `/api/work-orders/${id}`, 'agent')).statusCode).toBe(200);
      expectError(await call('GET', `/api/audit?targetId=${id}`, 'agent'), 403, 'FORBIDDEN');
      expectError(await call('GET', '/api/audit?limit=0', 'supervisor'), 400, 'VALIDATION_FAILED');
      const res = await call('GET', `/api/audit?targetId=${id}&action=read_personal`, 'supervisor');
      expect(res.statusCode).toBe(200);
      const { items } = res.json<{ items: { action: string; actorId: string; targetId: string }[] }>();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ action: 'read_personal', actorId: 'demo-agent', targetId: id });
    });
  });

  describe('calendar', () => {
    it('GET /api/calendar/:year returns the bundled holidays to any user', async () => {
      expectError(await call('GET', '/api/calendar/2026'), 401, 'UNAUTHENTICATED');
      const res = await call('GET', '/api/calendar/2026', 'agent');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ year: 2026, hasData: true });
      expect(body.days).toContainEqual(expect.objectContaining({ date: '2026-01-01', kind: 'holiday' }));
      expect((await call('GET', '/api/calendar/2033', 'agent')).json()).toEqual({
        year: 2033,
        hasData: false,
        days: [],
      });
      for (const year of ['20x6', '1999', '0000']) {
        const body = expectError(
          await call('GET', `/api/calendar/${year}`, 'agent'),
          400,
          'VALIDATION_FAILED',
        );
        expect(issueFields(body), year).toEqual(['params.year']);
      }
    });

    it('PUT /api/calendar/:year replaces a year (admin only: agent gets 403 FORBIDDEN)', async () => {
      const days = [
        { date: '2030-01-01', kind: 'holiday', name: '元旦' },
        { date: '2030-01-05', kind: 'workday', name: '调休上班' },
      ];
      expectError(await call('PUT', '/api/calendar/2030', 'agent', { days }), 403, 'FORBIDDEN');
      expectError(await call('PUT', '/api/calendar/2030', 'handler', { days }), 403, 'FORBIDDEN');
      const res = await call('PUT', '/api/calendar/2030', 'admin', { days });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        year: 2030,
        hasData: true,
        days: [expect.objectContaining({ date: '2030-01-01' }), expect.anything()],
      });
      expect((await call('GET', '/api/calendar/2030', 'agent')).json().hasData).toBe(true);
    });

    it('PUT /api/calendar/:year reports bad days with field paths', async () => {
      const put = async (payload: unknown) =>
        issueFields(
          expectError(await call('PUT', '/api/calendar/2030', 'admin', payload), 400, 'VALIDATION_FAILED'),
        );
      expect(await put({ days: [{ date: '2030-01-01', kind: 'party' }] })).toEqual(['days[0].kind']);
      expect(await put({ days: [{ kind: 'holiday' }] })).toEqual(['days[0].date']);
      expect(
        await put({
          days: [
            { date: '2031-01-01', kind: 'holiday' },
            { date: '2030-02-30', kind: 'holiday' },
          ],
        }),
      ).toEqual(['days[0].date', 'days[1].date']);
      expect(await put({ days: [] })).toEqual(['days']);
      expect(await put({ days: 'all' })).toEqual(['days']);
      expect(await put({ days: [], extra: true })).toEqual(['extra']);
      const early = await call('PUT', '/api/calendar/1999', 'admin', {
        days: [{ date: '1999-01-01', kind: 'holiday' }],
      });
      expect(issueFields(expectError(early, 400, 'VALIDATION_FAILED'))).toEqual(['params.year']);
    });

    it('POST /api/calendar/import takes a holiday-cn year file (admin only)', async () => {
      const file = {
        year: 2031,
        papers: [],
        days: [
          { name: '元旦', date: '2031-01-01', isOffDay: true },
          { name: '春节', date: '2031-01-25', isOffDay: false },
        ],
      };
      expectError(await call('POST', '/api/calendar/import', 'agent', file), 403, 'FORBIDDEN');
      const res = await call('POST', '/api/calendar/import', 'admin', file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().days).toEqual([
        expect.objectContaining({ date: '2031-01-01', kind: 'holiday' }),
        expect.objectContaining({ date: '2031-01-25', kind: 'workday' }),
      ]);
      const bad = expectError(
        await call('POST', '/api/calendar/import', 'admin', {
          year: 2032,
          papers: [],
          days: [{ date: 'x' }],
        }),
        400,
      );
      expect(issueFields(bad)[0]).toMatch(/^days\[0\]/);
      expect(
        issueFields(
          expectError(await call('POST', '/api/calendar/import', 'admin', { year: '2032', days: [] }), 400),
        ),
      ).toEqual(['year']);
    });
  });

  describe('deadline policy', () => {
    it('GET returns the policy, PUT (admin) changes it and reports bad values with field paths', async () => {
      const get = await call('GET', '/api/settings/deadline-policy', 'agent');
      expect(get.statusCode).toBe(200);
      expect(get.json()).toMatchObject({ sign: { amount: 1, unit: 'working_days' }, extensionMaxDays: 10 });
      expectError(await call('GET', '/api/settings/deadline-policy'), 401, 'UNAUTHENTICATED');
      expectError(await call('PUT', '/api/settings/deadline-policy', 'agent', {}), 403, 'FORBIDDEN');
      expectError(await call('PUT', '/api/settings/deadline-policy', 'supervisor', {}), 403, 'FORBIDDEN');

      const put = await call('PUT', '/api/settings/deadline-policy', 'admin', {
        complaintExtensionMaxDays: 5,
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().complaintExtensionMaxDays).toBe(5);
      expect(
        (await call('GET', '/api/settings/deadline-policy', 'agent')).json().complaintExtensionMaxDays,
      ).toBe(5);

      const bad = async (payload: unknown) =>
        issueFields(
          expectError(
            await call('PUT', '/api/settings/deadline-policy', 'admin', payload),
            400,
            'VALIDATION_FAILED',
          ),
        );
      expect(await bad({ sign: { amount: -1, unit: 'working_days' } })).toEqual(['sign.amount']);
      expect(await bad({ handle: { byType: { complaint: { amount: 'x', unit: 'working_days' } } } })).toEqual(
        ['handle.byType.complaint.amount'],
      );
      expect(await bad({ foo: 1 })).toEqual(['foo']);
      expect(await bad([])).toEqual(['body']);
      // Back to the default for whatever runs next.
      expect(
        (await call('PUT', '/api/settings/deadline-policy', 'admin', {})).json().complaintExtensionMaxDays,
      ).toBe(7);
    });
  });

  describe('accounts', () => {
    const newUser = {
      username: 'zhang.wei',
      password: 'Secret2027x',
      role: 'agent',
      unitId: 'centre',
      displayName: '张伟',
    };

    it('POST /api/users is for admins only', async () => {
      expectError(await call('POST', '/api/users', 'agent', newUser), 403, 'FORBIDDEN');
      expectError(await call('POST', '/api/users', 'eastadmin', newUser), 403, 'FORBIDDEN');
      expectError(await call('POST', '/api/users', undefined, newUser), 401, 'UNAUTHENTICATED');
    });

    it('creates an account that can log in; a duplicate is 409 CONFLICT', async () => {
      const res = await call('POST', '/api/users', 'admin', newUser);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        id: expect.any(String),
        username: 'zhang.wei',
        role: 'agent',
        unitId: 'centre',
        displayName: '张伟',
      });
      expect(res.body).not.toContain('Secret2027x');
      expect(await loginToken(city.app, 'zhang.wei', 'Secret2027x')).toBeTruthy();
      const dup = expectError(await call('POST', '/api/users', 'admin', newUser), 409, 'CONFLICT');
      expect(issueFields(dup)).toEqual(['username']);
    });

    it('validates accounts with field paths', async () => {
      const bad = async (patch: Record<string, unknown>, status = 400) =>
        issueFields(
          expectError(
            await call('POST', '/api/users', 'admin', { ...newUser, username: 'li.si', ...patch }),
            status,
          ),
        );
      expect(await bad({ password: 'short' })).toEqual(['password']);
      expect(await bad({ username: 'a b' })).toEqual(['username']);
      expect(await bad({ role: 'king' })).toEqual(['role']);
      expect(await bad({ isAdmin: true })).toEqual(['isAdmin']);
      expect(await bad({ password: 12345678 })).toEqual(['password']);
    });

    it('reports unit problems under unitId', async () => {
      const bad = async (patch: Record<string, unknown>) =>
        issueFields(
          expectError(
            await call('POST', '/api/users', 'admin', { ...newUser, username: 'wang.wu', ...patch }),
            400,
          ),
        );
      expect(await bad({ unitId: 'atlantis' })).toEqual(['unitId']);
      expect(await bad({ role: 'unit_handler' })).toEqual(['unitId']); // a unit role must belong to a unit
    });

    it('resets a password (admin only), ending the old sessions', async () => {
      const old = await loginToken(city.app, 'zhang.wei', 'Secret2027x');
      // Used once, so the session sits in the server's cache when the password changes.
      const before = await city.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${old}` },
      });
      expect(before.statusCode).toBe(200);
      expectError(
        await call('POST', '/api/users/zhang.wei/password', 'agent', { password: 'Another2028y' }),
        403,
        'FORBIDDEN',
      );
      const res = await call('POST', '/api/users/zhang.wei/password', 'admin', { password: 'Another2028y' });
      expect(res.statusCode, res.body).toBe(204);
      const me = await city.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${old}` },
      });
      expect(me.statusCode).toBe(401);
      expectError(
        await call('POST', '/api/users/nobody/password', 'admin', { password: 'Another2028y' }),
        404,
        'NOT_FOUND',
      );
    });
  });
});
