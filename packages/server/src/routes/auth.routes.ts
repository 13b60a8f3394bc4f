import { login, logout } from '@huawu/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { type AuthContext, SESSION_COOKIE, requireUser, tokenOf } from '../http/auth.js';

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export function authRoutes(
  app: FastifyInstance,
  ctx: AuthContext & { secureCookies: boolean; loginRateLimit: number },
): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: LoginBody },
      config: { rateLimit: { max: ctx.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await login(ctx.core, { ...request.body, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.secureCookies,
        expires: new Date(result.expiresAt),
      });
      return result;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录' } },
    async (request, reply) => {
      await logout(ctx.core, ctx.sessions, tokenOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (request) => {
    const { user } = await requireUser(ctx, request);
    return { user };
  });
}
