import { type AuthUser, type CoreDeps, type SessionCache, actorOf, authenticate } from '@huawu/core';
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

export interface AuthContext {
  core: CoreDeps;
  sessions: SessionCache;
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
