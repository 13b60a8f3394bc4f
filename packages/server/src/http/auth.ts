import {
  type AuthUser,
  type CoreDeps,
  type SessionCache,
  actorOf,
  authenticate,
  createSessionCache,
} from '@huawu/core';
import type { Actor } from '@huawu/domain';
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'huawu_session';

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
  }
}

/** The token from `Authorization: Bearer …` (API clients) or the session cookie (browsers). */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  // The scheme is case-insensitive (RFC 9110 §11.1): `bearer …` is a bearer token too.
  const bearer = header ? /^bearer +(.*)$/i.exec(header) : null;
  if (bearer) return bearer[1]?.trim() || undefined;
  return request.cookies?.[SESSION_COOKIE];
}

/** The core's session cache, plus `clear()`: the cache cannot drop one user's sessions by itself. */
export interface Sessions extends SessionCache {
  clear(): void;
}

/**
 * A password reset deletes the user's sessions in the database, but tokens this process resolved in the
 * last few seconds would still be answered from the cache. Resets are rare: clearing the whole cache
 * (every client then costs one lookup) ends the old sessions here at once, as logout does.
 */
export function createSessions(): Sessions {
  let cache = createSessionCache();
  return {
    get: (id, nowMs) => cache.get(id, nowMs),
    set: (id, value, nowMs) => cache.set(id, value, nowMs),
    delete: (id) => cache.delete(id),
    clear: () => {
      cache = createSessionCache();
    },
  };
}

export interface AuthContext {
  core: CoreDeps;
  sessions: Sessions;
}

/** Resolves the caller or throws UNAUTHENTICATED / SESSION_EXPIRED. */
export async function requireUser(
  ctx: AuthContext,
  request: FastifyRequest,
): Promise<{ user: AuthUser; actor: Actor }> {
  const user = request.user ?? (await authenticate(ctx.core, ctx.sessions, tokenOf(request)));
  request.user = user;
  return { user, actor: actorOf(user) };
}
