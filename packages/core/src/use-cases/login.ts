import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { verifyPassword } from '../security/password.js';
import { writeAudit } from '../storage/admin.repository.js';
import { findUserByUsername } from '../storage/identity.repository.js';
import { clearThrottle, findThrottle, insertSession, saveThrottle } from '../storage/session.repository.js';
import { type AuthUser, toAuthUser } from './auth-user.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
const DUMMY_HASH =
  'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$3Xr0Qz0u8Z2bY6k7n0m1T4q8Hk5Qv2mQ2b1bQm9Zx6U=';

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
  const throttle = await findThrottle(db, username);
  if (throttle?.lockedUntil && throttle.lockedUntil > now.toISOString()) {
    throw new AppError('RATE_LIMITED', '登录失败次数过多，账号已临时锁定，请稍后再试');
  }
  const user = await findUserByUsername(db, username);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || !user.active) {
    await recordFailure(deps, username, throttle, now, input.ip ?? null);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (throttle) await clearThrottle(db, username);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000).toISOString();
  await insertSession(db, {
    id: hashToken(token),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt,
    ip: input.ip ?? null,
  });
  await writeAudit(db, { at: now.toISOString(), actorId: user.id, action: 'login', ip: input.ip ?? null });
  return { token, expiresAt, user: await toAuthUser(deps, user) };
}

async function recordFailure(
  deps: CoreDeps,
  username: string,
  previous: Awaited<ReturnType<typeof findThrottle>>,
  now: Date,
  ip: string | null,
): Promise<void> {
  const windowMs = deps.config.loginLockMinutes * 60_000;
  const fresh = !previous || now.getTime() - Date.parse(previous.windowStartedAt) > windowMs;
  const failures = fresh ? 1 : previous.failures + 1;
  const locked = failures >= deps.config.loginMaxFailures;
  await saveThrottle(deps.database.db, username.slice(0, 100), {
    failures: locked ? 0 : failures,
    windowStartedAt: fresh || locked ? now.toISOString() : previous.windowStartedAt,
    lockedUntil: locked ? new Date(now.getTime() + windowMs).toISOString() : null,
  });
  await writeAudit(deps.database.db, {
    at: now.toISOString(),
    actorId: null,
    action: 'login_failed',
    detail: { username: username.slice(0, 100) },
    ip,
  });
}
