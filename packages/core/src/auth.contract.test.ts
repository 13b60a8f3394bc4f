import { beforeAll, beforeEach, expect, it } from 'vitest';
import { createCore } from './create-core.js';
import { DEMO_PASSWORD } from './demo/demo-city.js';
import { A, expectAppError, fieldsOf, manualClock, seedPeople } from './test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from './test-support/databases.js';
import { authenticate, createSessionCache, logout } from './use-cases/authenticate.js';
import { login } from './use-cases/login.js';
import { addUser, resetPassword } from './use-cases/manage-users.js';

const START = '2026-06-01T02:00:00.000Z';

const auditRows = (core: TestCore, action: string) =>
  core.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute();

describeEachDatabase('login, sessions and accounts', (db) => {
  const clock = manualClock(START);
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore({ now: clock.now, config: { loginMaxFailures: 3, loginLockMinutes: 15 } });
    await seedPeople(core);
  });
  beforeEach(() => clock.set(START));

  it('a correct login returns a token that authenticates, and is audited', async () => {
    const result = await login(core, { username: ' agent ', password: DEMO_PASSWORD, ip: '10.0.0.1' });
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.expiresAt).toBe('2026-06-01T14:00:00.000Z'); // sessionTtlHours = 12
    expect(result.user).toMatchObject({
      id: 'demo-agent',
      username: 'agent',
      role: 'agent',
      unitId: 'centre',
    });
    expect(result.user.unitName).toContain('12345');
    const user = await authenticate(core, createSessionCache(), result.token);
    expect(user).toEqual(result.user);
    const stored = await core.database.db.selectFrom('sessions').selectAll().execute();
    expect(stored.some((s) => s.id === result.token)).toBe(false); // only a hash of the token is stored
    expect((await auditRows(core, 'login')).at(-1)).toMatchObject({ actor_id: 'demo-agent', ip: '10.0.0.1' });
  });

  it('a wrong password or unknown user is INVALID_CREDENTIALS and audited as login_failed', async () => {
    const before = (await auditRows(core, 'login_failed')).length;
    await expectAppError(
      login(core, { username: 'reviewer', password: 'wrong-pass1' }),
      'INVALID_CREDENTIALS',
    );
    await expectAppError(login(core, { username: 'nobody', password: DEMO_PASSWORD }), 'INVALID_CREDENTIALS');
    const rows = await auditRows(core, 'login_failed');
    expect(rows).toHaveLength(before + 2);
    expect(
      rows
        .slice(-2)
        .map((r) => JSON.parse(r.detail ?? '{}').username)
        .sort(),
    ).toEqual(['nobody', 'reviewer']);
    expect(rows.slice(-2).every((r) => r.actor_id === null)).toBe(true);
  });

  it('sessions live in the database and logout ends them at once, cache included', async () => {
    const { token, user } = await login(core, { username: 'handler', password: DEMO_PASSWORD });
    const cacheA = createSessionCache();
    expect(await authenticate(core, cacheA, token)).toEqual(user);
    // A second core on the same database (another process, a restart) accepts the token.
    const other = createCore({ databaseUrl: core.url, now: clock.now });
    try {
      const cacheB = createSessionCache();
      expect(await authenticate(other, cacheB, token)).toEqual(user);
      await logout(core, cacheA, token);
      await expectAppError(authenticate(core, cacheA, token), 'UNAUTHENTICATED');
      await expectAppError(authenticate(other, createSessionCache(), token), 'UNAUTHENTICATED');
    } finally {
      await other.close();
    }
    await expectAppError(authenticate(core, cacheA, undefined), 'UNAUTHENTICATED');
    await expectAppError(authenticate(core, cacheA, 'not-a-token'), 'UNAUTHENTICATED');
  });

  it('a session past sessionTtlHours is SESSION_EXPIRED, then gone', async () => {
    const cache = createSessionCache();
    const { token } = await login(core, { username: 'callback', password: DEMO_PASSWORD });
    clock.set('2026-06-01T13:59:59.000Z');
    await authenticate(core, cache, token);
    clock.set('2026-06-01T14:00:00.000Z');
    await expectAppError(authenticate(core, cache, token), 'SESSION_EXPIRED');
    await expectAppError(authenticate(core, cache, token), 'UNAUTHENTICATED');
  });

  it('passwords are stored as scrypt hashes, never in plain text', async () => {
    const rows = await core.database.db.selectFrom('users').select(['username', 'password_hash']).execute();
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(r.password_hash).not.toContain(DEMO_PASSWORD);
    }
  });

  it('locks the account after loginMaxFailures failures until loginLockMinutes have passed', async () => {
    for (let i = 0; i < 3; i++) {
      await expectAppError(
        login(core, { username: 'agent', password: `wrong${i}pass` }),
        'INVALID_CREDENTIALS',
      );
    }
    await expectAppError(login(core, { username: 'agent', password: DEMO_PASSWORD }), 'RATE_LIMITED');
    clock.set('2026-06-01T02:14:59.000Z');
    await expectAppError(login(core, { username: 'agent', password: DEMO_PASSWORD }), 'RATE_LIMITED');
    clock.set('2026-06-01T02:15:01.000Z');
    const ok = await login(core, { username: 'agent', password: DEMO_PASSWORD });
    expect(ok.user.username).toBe('agent');
  });

  it('a burst of parallel wrong passwords cannot outrun the lock', async () => {
    const burst = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => login(core, { username: 'inspector', password: `guess${i}abc` })),
    );
    const codes = burst.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    // At most loginMaxFailures (3) passwords are checked; the rest are refused unchecked.
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(3);
    await expectAppError(login(core, { username: 'inspector', password: DEMO_PASSWORD }), 'RATE_LIMITED');
    expect(
      await auditRows(core, 'login_failed').then((r) => r.filter((x) => x.detail?.includes('inspector'))),
    ).toHaveLength(3);
  });

  it('addUser validates username, password, role and unit, and refuses duplicates', async () => {
    const base = { username: 'newagent', password: 'Secret123', role: 'agent', unitId: 'centre' };
    const cases: [Record<string, string>, string][] = [
      [{ username: 'bad name!' }, 'username'],
      [{ username: 'x' }, 'username'],
      [{ password: 'short1' }, 'password'],
      [{ password: 'lettersonly' }, 'password'],
      [{ role: 'mayor' }, 'role'],
      [{ unitId: 'atlantis' }, 'unitId'],
      [{ role: 'unit_handler' }, 'unitId'], // a unit role in the centre
      [{ unitId: 'city-housing' }, 'unitId'], // a centre role in a unit
    ];
    for (const [patch, field] of cases) {
      const error = await expectAppError(addUser(core, A.admin, { ...base, ...patch }), 'VALIDATION_FAILED');
      expect(fieldsOf(error), JSON.stringify(patch)).toEqual([field]);
    }
    await expectAppError(addUser(core, A.supervisor, base), 'FORBIDDEN');
    const dup = await expectAppError(addUser(core, A.admin, { ...base, username: 'handler' }), 'CONFLICT');
    expect(fieldsOf(dup)).toEqual(['username']);
    const users = await core.database.db.selectFrom('users').select('username').execute();
    expect(users.map((u) => u.username)).not.toContain('newagent');
  });

  it('addUser stores a hashed password the new user can log in with', async () => {
    const added = await addUser(core, A.admin, {
      username: 'housing2',
      password: 'Secret123',
      role: 'unit_admin',
      unitId: 'city-housing',
      displayName: ' 住建局管理员 ',
    });
    expect(added).toMatchObject({ username: 'housing2', role: 'unit_admin', displayName: '住建局管理员' });
    const row = await core.database.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'housing2')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('scrypt$')).toBe(true);
    expect(row.password_hash).not.toContain('Secret123');
    const session = await login(core, { username: 'housing2', password: 'Secret123' });
    expect(session.user).toMatchObject({ role: 'unit_admin', unitId: 'city-housing' });
    expect((await auditRows(core, 'user_add')).map((r) => r.target_id)).toContain(added.id);
  });

  it('resetPassword ends every session of the user and only the new password works', async () => {
    const cache = createSessionCache();
    const first = await login(core, { username: 'market', password: DEMO_PASSWORD });
    await authenticate(core, cache, first.token);
    await expectAppError(
      resetPassword(core, A.admin, { username: 'market', password: 'weak' }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      resetPassword(core, A.agent, { username: 'market', password: 'Fresh2026x' }),
      'FORBIDDEN',
    );
    await expectAppError(
      resetPassword(core, A.admin, { username: 'ghost', password: 'Fresh2026x' }),
      'NOT_FOUND',
    );
    const hashOf = async () =>
      (
        await core.database.db
          .selectFrom('users')
          .select('password_hash')
          .where('username', '=', 'market')
          .executeTakeFirstOrThrow()
      ).password_hash;
    const oldHash = await hashOf();
    await resetPassword(core, null, { username: 'market', password: 'Fresh2026x' });
    await expectAppError(authenticate(core, createSessionCache(), first.token), 'UNAUTHENTICATED');
    expect(await hashOf()).not.toBe(oldHash);
    expect((await hashOf()).startsWith('scrypt$')).toBe(true);
    const again = await login(core, { username: 'market', password: 'Fresh2026x' });
    expect(await authenticate(core, cache, again.token)).toMatchObject({ username: 'market' });
  });
});
