import { getClosurePolicy, putClosurePolicy } from '@huawu/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';

const tags = ['settings'];

/**
 * 办结与归档规则 (the closure policy): review checklist, satisfaction scale, callback attempts and gap,
 * direct-answer sample rate, appeal window, retention years. Everyone signed in reads it (forms and
 * pages follow it); supervisors and admins change it (core checks the role, validates field by field
 * and writes the audit row in the same transaction).
 */
export function closureRoutes(app: FastifyInstance, ctx: AuthContext): void {
  app.get('/api/admin/closure-policy', { schema: { tags, summary: '办结与归档规则' } }, async (request) => {
    await requireUser(ctx, request);
    return getClosurePolicy(ctx.core);
  });

  app.put(
    '/api/admin/closure-policy',
    {
      schema: {
        tags,
        summary: '修改办结与归档规则（值班长、管理员）',
        // Validated by domain parseClosurePolicy (field-level Chinese issues).
        body: Type.Object({}, { additionalProperties: true }),
      },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return putClosurePolicy(ctx.core, actor, request.body);
    },
  );
}
