import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { findUserById } from '../storage/identity.repository.js';
import { deleteSession, findSession } from '../storage/session.repository.js';
import { type AuthUser, toAuthUser } from './auth-user.js';
import { hashToken } from './login.js';

/**
 * Resolves a session token to its user. Sessions live in the database (they survive restarts and
 * work across processes); a short in-process cache spares the lookup on busy clients. Logout in this
 * process clears the cache at once; other processes notice within `ttlMs`.
 */
export interface SessionCache {
  get(id: string, nowMs: number): { user: AuthUser; expiresAt: string } | undefined;
  set(id: string, value: { user: AuthUser; expiresAt: string }, nowMs: number): void;
  delete(id: string): void;
  /** Drops every cached session of one user (after a password reset). */
  forgetUser(username: string): void;
}

export function createSessionCache(ttlMs = 5_000, maxEntries = 10_000): SessionCache {
  const entries = new Map<string, { user: AuthUser; expiresAt: string; cachedAt: number }>();
  return {
    get(id, nowMs) {
      const hit = entries.get(id);
      if (!hit || nowMs - hit.cachedAt > ttlMs) return undefined;
      return hit;
    },
    set(id, value, nowMs) {
      if (entries.size >= maxEntries) entries.clear();
      entries.set(id, { ...value, cachedAt: nowMs });
    },
    delete: (id) => entries.delete(id),
    forgetUser(username) {
      for (const [id, entry] of entries) if (entry.user.username === username) entries.delete(id);
    },
  };
}

export async function authenticate(
  deps: CoreDeps,
  cache: SessionCache,
  token: string | undefined,
): Promise<AuthUser> {
  if (!token) throw new AppError('UNAUTHENTICATED');
  const id = hashToken(token);
  const now = deps.now();
  const cached = cache.get(id, now.getTime());
  if (cached && cached.expiresAt > now.toISOString()) return cached.user;
  const session = await findSession(deps.database.db, id);
  if (!session) throw new AppError('UNAUTHENTICATED', '登录状态无效，请重新登录');
  if (session.expiresAt <= now.toISOString()) {
    await deleteSession(deps.database.db, id);
    throw new AppError('SESSION_EXPIRED');
  }
  const user = await findUserById(deps.database.db, session.userId);
  if (!user?.active) throw new AppError('UNAUTHENTICATED', '账号已停用');
  const authUser = await toAuthUser(deps, user);
  cache.set(id, { user: authUser, expiresAt: session.expiresAt }, now.getTime());
  return authUser;
}

export async function logout(deps: CoreDeps, cache: SessionCache, token: string | undefined): Promise<void> {
  if (!token) return;
  const id = hashToken(token);
  cache.delete(id);
  await deleteSession(deps.database.db, id);
}
