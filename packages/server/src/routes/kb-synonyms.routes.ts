import { createSynonymGroup, deleteSynonymGroup, listSynonyms, updateSynonymGroup } from '@huawu/core';
import { KB_SYNONYM_LIMITS } from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { IdParams } from './knowledge.routes.schemas.js';

/**
 * Request shape of a synonym group. The domain has the precise rules (2–20 terms of 1–20 characters,
 * no duplicates, note ≤ 200) and reports them per term (`terms[3]`); this only bounds the size.
 */
const SynonymBody = Type.Object(
  {
    terms: Type.Array(Type.String({ maxLength: 100 }), {
      maxItems: 100,
      description: `同义词（${KB_SYNONYM_LIMITS.minTerms}–${KB_SYNONYM_LIMITS.maxTerms} 个，第一个为规范用语）`,
    }),
    note: Type.Optional(
      Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 1000, description: '备注' }),
    ),
  },
  { additionalProperties: false },
);

type Id = { id: string };
const tags = ['knowledge'];

/** 同义词/口语词: the centre's synonym groups of the knowledge search (supervisor, admin). */
export function kbSynonymRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const actorOf = async (request: FastifyRequest) => (await requireUser(ctx, request)).actor;

  app.get(
    '/api/kb/synonyms',
    { schema: { tags, summary: '同义词组（中心自定义在前，内置只读；值班长、管理员）' } },
    async (request) => listSynonyms(ctx.core, await actorOf(request)),
  );

  app.post(
    '/api/kb/synonyms',
    {
      schema: {
        tags,
        summary: '新增同义词组（下一次检索即生效；词语已在其他组中时返回 warnings）',
        body: SynonymBody,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSynonymGroup(ctx.core, await actorOf(request), request.body)),
  );

  app.put<{ Params: Id }>(
    '/api/kb/synonyms/:id',
    {
      schema: { tags, summary: '修改同义词组（整体替换；内置组只读）', params: IdParams, body: SynonymBody },
    },
    async (request) => updateSynonymGroup(ctx.core, await actorOf(request), request.params.id, request.body),
  );

  app.delete<{ Params: Id }>(
    '/api/kb/synonyms/:id',
    { schema: { tags, summary: '删除同义词组（内置组只读）', params: IdParams } },
    async (request, reply) => {
      await deleteSynonymGroup(ctx.core, await actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
