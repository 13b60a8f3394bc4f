import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { verifyPassword } from '../security/password.js';
import { writeAudit } from '../storage/admin.repository.js';
import { findUserByUsername } from '../storage/identity.repository.js';
import {
  clearThrottle,
  countLoginAttempt,
  deleteExpiredSessions,
  insertSession,
  lockLogin,
} from '../storage/session.repository.js';
import { type AuthUser, toAuthUser } from './auth-user.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
const DUMMY_HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$3Xr0Qz0u8Z2bY6k7n0m1T4q8Hk5Qv2mQ2b1bQm9Zx6U=';

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: AuthUser;
}

export async function login(
  deps: CoreDeps,
  input: { username: string; password: string; ip?: string | null },
): Promise<LoginResult> {
  const { db } = deps.database;
  const now = deps.now();
  const username = input.username.trim();
  const key = username.slice(0, 100);
  const at = now.toISOString();
  const windowMs = deps.config.loginLockMinutes * 60_000;
  // The attempt is counted atomically before the password is checked, so parallel guesses cannot
  // outrun the lock (a read-then-write counter lost updates and never locked under a burst).
  const attempt = await countLoginAttempt(db, key, at, new Date(now.getTime() - windowMs).toISOString());
  const locked = attempt.lockedUntil !== null && attempt.lockedUntil > at;
  if (locked || attempt.attempts > deps.config.loginMaxFailures) {
    throw new AppError('RATE_LIMITED', '登录失败次数过多，账号已临时锁定，请稍后再试');
  }
  const user = await findUserByUsername(db, username);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || !user.active) {
    if (attempt.attempts >= deps.config.loginMaxFailures) {
      await lockLogin(db, key, at, new Date(now.getTime() + windowMs).toISOString());
    }
    await writeAudit(db, {
      at,
      actorId: null,
      action: 'login_failed',
      detail: { username: key },
      ip: input.ip ?? null,
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  await clearThrottle(db, key);
  await deleteExpiredSessions(db, at); // logins are rare enough to keep the table tidy here
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000).toISOString();
  await insertSession(db, {
    id: hashToken(token),
    userId: user.id,
    createdAt: at,
    expiresAt,
    ip: input.ip ?? null,
  });
  await writeAudit(db, { at, actorId: user.id, action: 'login', ip: input.ip ?? null });
  return { token, expiresAt, user: await toAuthUser(deps, user) };
}
