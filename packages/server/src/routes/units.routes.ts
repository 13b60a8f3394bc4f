import { activateUnit, createUnit, deactivateUnit, listUnits, updateUnit } from '@huawu/core';
import { UNIT_CREATE_FIELDS, UNIT_UPDATE_FIELDS } from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { fieldSpecsToSchema } from '../http/field-schema.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ListQuery = Type.Object(
  { all: Type.Optional(Type.String({ enum: ['0', '1'], description: '含已停用的单位（仅系统管理员）' })) },
  { additionalProperties: false },
);
type Id = { id: string };
const tags = ['organisation'];

/** The field table's schema, with `parentId` null allowed (a top-level unit). */
function unitBody(specs: typeof UNIT_CREATE_FIELDS) {
  const schema = fieldSpecsToSchema(specs) as { properties: Record<string, Record<string, unknown>> };
  schema.properties.parentId = { ...schema.properties.parentId, type: ['string', 'null'] };
  return schema;
}

/** 承办单位: the unit tree, its contacts and its maintenance (system administrators). */
export function unitRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const actorOf = async (request: FastifyRequest) => (await requireUser(ctx, request)).actor;

  app.get<{ Querystring: { all?: string } }>(
    '/api/units',
    {
      schema: {
        tags,
        summary: '组织机构（热线中心与承办单位，含值班电话与联络人）；all=1 含已停用单位（管理员）',
        querystring: ListQuery,
      },
    },
    async (request) => {
      const actor = await actorOf(request);
      return { items: await listUnits(ctx.core, actor, { all: request.query.all === '1' }) };
    },
  );

  app.post(
    '/api/units',
    { schema: { tags, summary: '新增承办单位（系统管理员）', body: unitBody(UNIT_CREATE_FIELDS) } },
    async (request, reply) =>
      reply.status(201).send(await createUnit(ctx.core, await actorOf(request), request.body)),
  );

  app.put<{ Params: Id }>(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: '修改承办单位（整体替换；改上级单位即移动，连同下级单位）',
        params: IdParams,
        body: unitBody(UNIT_UPDATE_FIELDS),
      },
    },
    async (request) => updateUnit(ctx.core, await actorOf(request), request.params.id, request.body),
  );

  app.post<{ Params: Id }>(
    '/api/units/:id/deactivate',
    { schema: { tags, summary: '停用承办单位（连同下级单位；仍有账号或在办任务时拒绝）', params: IdParams } },
    async (request) => deactivateUnit(ctx.core, await actorOf(request), request.params.id),
  );

  app.post<{ Params: Id }>(
    '/api/units/:id/activate',
    { schema: { tags, summary: '启用承办单位（上级须已启用）', params: IdParams } },
    async (request) => activateUnit(ctx.core, await actorOf(request), request.params.id),
  );
}
