import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { buildApp } from '../app.js';
import { DEMO_PASSWORD, expectError, issueFields, loginToken, useCity } from '../test-support/http.js';

describeEachDatabase('HTTP auth', (db) => {
  // The core's clock is injectable: the expiry test moves it forward, then back.
  let offsetMs = 0;
  const city = useCity(db, { now: () => new Date(Date.now() + offsetMs), logins: ['agent'] });

  const login = (username: string, password: string, extra: Record<string, unknown> = {}) =>
    city.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...extra });
  const me = (headers: Record<string, string> = {}, cookies?: Record<string, string>) =>
    city.app.inject({ method: 'GET', url: '/api/auth/me', headers, ...(cookies ? { cookies } : {}) });

  describe('login', () => {
    it('returns a token and the user, and sets an HttpOnly session cookie', async () => {
      const res = await login('dispatcher', DEMO_PASSWORD);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.token).toMatch(/^[\w-]{40,}$/);
      expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now() + 11 * 3600_000);
      expect(body.user).toMatchObject({
        id: 'demo-dispatcher',
        username: 'dispatcher',
        role: 'dispatcher',
        roleLabel: expect.any(String),
        unitId: 'centre',
        unitName: expect.any(String),
      });
      expect(body.user).not.toHaveProperty('passwordHash');
      const cookie = res.cookies.find((c) => c.name === 'huawu_session');
      expect(cookie).toMatchObject({ value: body.token, httpOnly: true, path: '/', sameSite: 'Lax' });
      expect(cookie?.secure).toBeFalsy();
      expect(new Date(cookie?.expires ?? 0).toISOString().slice(0, 19)).toBe(body.expiresAt.slice(0, 19));
    });

    it('marks the cookie Secure when the app is built with secureCookies', async () => {
      const secure = await buildApp({ core: city.core, secureCookies: true });
      try {
        const res = await secure.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'reviewer', password: DEMO_PASSWORD },
        });
        expect(res.statusCode).toBe(200);
        expect(res.cookies.find((c) => c.name === 'huawu_session')?.secure).toBe(true);
      } finally {
        await secure.close();
      }
    });

    it('refuses a wrong password and an unknown user alike with 401 INVALID_CREDENTIALS', async () => {
      const wrong = expectError(await login('agent', 'not-the-password1'), 401, 'INVALID_CREDENTIALS');
      const unknown = expectError(await login('nobody-here', DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');
      expect(unknown.error.message).toBe(wrong.error.message);
    });

    it('validates the body with field paths', async () => {
      const missing = expectError(
        await city.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'agent' } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(missing)).toContain('password');
      const extra = expectError(
        await login('agent', DEMO_PASSWORD, { payload: { username: 'agent', password: 'x', otp: 1 } }),
        400,
      );
      expect(issueFields(extra)).toContain('otp');
      const wrongType = expectError(
        await city.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 42, password: true },
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(wrongType)).toEqual(expect.arrayContaining(['username', 'password']));
    });

    it('locks a username after repeated failures (429 RATE_LIMITED from the core)', async () => {
      for (let i = 0; i < 5; i++)
        expectError(await login('ghost-user', `wrong-${i}-pass`), 401, 'INVALID_CREDENTIALS');
      const locked = expectError(await login('ghost-user', 'anything1'), 429, 'RATE_LIMITED');
      expect(locked.error.message).toContain('锁定');
    });
  });

  describe('sessions', () => {
    it('accepts the bearer token and the cookie on /api/auth/me', async () => {
      const token = await city.token('agent');
      const byBearer = await me({ authorization: `Bearer ${token}` });
      expect(byBearer.statusCode).toBe(200);
      expect(byBearer.json()).toEqual({
        user: expect.objectContaining({
          id: 'demo-agent',
          username: 'agent',
          role: 'agent',
          unitId: 'centre',
        }),
      });
      expect((await me({ authorization: `bearer  ${token}` })).statusCode).toBe(200); // scheme is case-insensitive
      const byCookie = await me({}, { huawu_session: token });
      expect(byCookie.statusCode).toBe(200);
      expect(byCookie.json().user.username).toBe('agent');
    });

    it('answers 401 UNAUTHENTICATED without a session, with a bad token and with another scheme', async () => {
      expectError(await me(), 401, 'UNAUTHENTICATED');
      expectError(await me({ authorization: 'Bearer not-a-real-token' }), 401, 'UNAUTHENTICATED');
      expectError(await me({ authorization: 'Bearer ' }), 401, 'UNAUTHENTICATED');
      expectError(
        await me({ authorization: `Basic ${Buffer.from('agent:Huawu2026').toString('base64')}` }),
        401,
      );
      expectError(await me({}, { huawu_session: 'forged' }), 401, 'UNAUTHENTICATED');
      const units = await city.app.inject({ method: 'GET', url: '/api/units' });
      expectError(units, 401, 'UNAUTHENTICATED');
    });

    it('logs out with 204, clears the cookie and ends the session in the database', async () => {
      const token = await loginToken(city.app, 'callback');
      expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
      const out = await city.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(out.statusCode).toBe(204);
      expect(out.body).toBe('');
      const cleared = out.cookies.find((c) => c.name === 'huawu_session');
      expect(cleared?.value).toBe('');
      expect(new Date(cleared?.expires ?? Date.now()).getTime()).toBeLessThan(Date.now());
      expectError(await me({ authorization: `Bearer ${token}` }), 401, 'UNAUTHENTICATED');
      expectError(await me({}, { huawu_session: token }), 401, 'UNAUTHENTICATED');
    });

    it('logs out a cookie session, and logout without a session is harmless', async () => {
      const token = await loginToken(city.app, 'heping');
      const out = await city.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        cookies: { huawu_session: token },
      });
      expect(out.statusCode).toBe(204);
      expectError(await me({ authorization: `Bearer ${token}` }), 401, 'UNAUTHENTICATED');
      expect((await city.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    });

    it('keeps the incoming x-request-id when it is well formed, and replaces it otherwise', async () => {
      const kept = expectError(await me({ 'x-request-id': 'trace-abc.123' }), 401);
      expect(kept.requestId).toBe('trace-abc.123');
      const replaced = expectError(await me({ 'x-request-id': 'bad id with spaces' }), 401);
      expect(replaced.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('expires a session after its lifetime: 401 SESSION_EXPIRED, then UNAUTHENTICATED', async () => {
      const token = await loginToken(city.app, 'inspector');
      const headers = { authorization: `Bearer ${token}` };
      expect((await me(headers)).statusCode).toBe(200);
      try {
        offsetMs = 11 * 3600_000;
        expect((await me(headers)).statusCode).toBe(200);
        offsetMs = 12 * 3600_000 + 60_000;
        expectError(await me(headers), 401, 'SESSION_EXPIRED');
        // The expired session was removed: the token is now simply unknown.
        expectError(await me(headers), 401, 'UNAUTHENTICATED');
      } finally {
        offsetMs = 0;
      }
    });
  });

  describe('per-address rate limit', () => {
    it('answers 429 RATE_LIMITED in the error format after loginRateLimit attempts from one address', async () => {
      const limited = await buildApp({ core: city.core, loginRateLimit: 3 });
      try {
        const attempt = (remoteAddress: string) =>
          limited.inject({
            method: 'POST',
            url: '/api/auth/login',
            remoteAddress,
            payload: { username: 'nobody-1', password: 'wrong-pass1' },
          });
        for (let i = 0; i < 3; i++) expectError(await attempt('10.0.0.7'), 401, 'INVALID_CREDENTIALS');
        const res = await attempt('10.0.0.7');
        const body = expectError(res, 429, 'RATE_LIMITED');
        expect(body).toEqual({
          error: { code: 'RATE_LIMITED', message: expect.any(String) },
          requestId: res.headers['x-request-id'],
        });
        expect(res.headers['retry-after']).toBeDefined();
        // Another address is not affected.
        expectError(await attempt('10.0.0.8'), 401, 'INVALID_CREDENTIALS');
      } finally {
        await limited.close();
      }
    });
  });
});
