import {
  createDispatchEntry,
  listDispatchCatalogue,
  listDispatchOverrides,
  suggestForOrder,
  updateDispatchEntryById,
} from '@huawu/core';
import { DISPATCH_ENTRY_FIELDS, DISPATCH_ENTRY_UPDATE_FIELDS } from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { fieldSpecsToSchema } from '../http/field-schema.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CatalogueQuery = Type.Object(
  {
    active: Type.Optional(Type.String({ enum: ['0', '1', 'true', 'false'], description: '只看启用的条目' })),
  },
  { additionalProperties: false },
);
const OverridesQuery = Type.Object(
  {
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
    offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
  },
  { additionalProperties: false },
);

type Id = { id: string };
const tags = ['dispatch'];

/** 派单目录: the dispatch catalogue, an order's suggestion and the override log (docs/DISPATCH.md). */
export function dispatchRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const actorOf = async (request: FastifyRequest) => (await requireUser(ctx, request)).actor;

  app.get<{ Querystring: { active?: string } }>(
    '/api/dispatch/catalogue',
    { schema: { tags, summary: '派单目录（派单员、值班长、管理员）', querystring: CatalogueQuery } },
    async (request) => {
      const active = request.query.active;
      return listDispatchCatalogue(ctx.core, await actorOf(request), {
        activeOnly: active === '1' || active === 'true',
      });
    },
  );

  app.post(
    '/api/dispatch/catalogue',
    {
      schema: {
        tags,
        summary: '新增派单目录条目（值班长、管理员；同一分类与区划只能有一个启用条目）',
        body: fieldSpecsToSchema(DISPATCH_ENTRY_FIELDS),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createDispatchEntry(ctx.core, await actorOf(request), request.body)),
  );

  app.put<{ Params: Id }>(
    '/api/dispatch/catalogue/:id',
    {
      schema: {
        tags,
        summary: '修改派单目录条目（整体替换；active=false 停用）',
        params: IdParams,
        body: fieldSpecsToSchema(DISPATCH_ENTRY_UPDATE_FIELDS),
      },
    },
    async (request) =>
      updateDispatchEntryById(ctx.core, await actorOf(request), request.params.id, request.body),
  );

  app.get<{ Params: Id }>(
    '/api/work-orders/:id/dispatch-suggestion',
    {
      schema: { tags, summary: '按派单目录给出的派单建议（无匹配时 suggestion 为 null）', params: IdParams },
    },
    async (request) => suggestForOrder(ctx.core, await actorOf(request), request.params.id),
  );

  app.get<{ Querystring: { limit?: string; offset?: string } }>(
    '/api/dispatch/overrides',
    {
      schema: {
        tags,
        summary: '未按派单目录派单的记录（值班长、管理员；用于维护派单目录）',
        querystring: OverridesQuery,
      },
    },
    async (request) =>
      listDispatchOverrides(ctx.core, await actorOf(request), {
        limit: request.query.limit === undefined ? undefined : Number(request.query.limit),
        offset: request.query.offset === undefined ? undefined : Number(request.query.offset),
      }),
  );
}
