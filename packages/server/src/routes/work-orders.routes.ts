import { createWorkOrder, getWorkOrder, linkOrders, listWorkOrders, transitionWorkOrder } from '@huawu/core';
import { EVENT_NAMES, INTAKE_FIELDS, LINK_FIELDS, STATUSES } from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { fieldSpecsToSchema } from '../http/field-schema.js';
import { inQuerystring, withIssuePaths } from '../http/issue-paths.js';
import { parseListQuery } from './work-orders.query.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ description: `逗号分隔：${STATUSES.join(', ')}`, maxLength: 400 })),
    appealType: Type.Optional(Type.String({ maxLength: 40 })),
    urgency: Type.Optional(Type.String({ maxLength: 40 })),
    unitId: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Type.String({ description: 'YYYY-MM-DD（本地日期，含）', maxLength: 10 })),
    to: Type.Optional(Type.String({ description: 'YYYY-MM-DD（本地日期，含）', maxLength: 10 })),
    overdue: Type.Optional(Type.String({ enum: ['true', 'false'] })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
    pageSize: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
  },
  { additionalProperties: false },
);

const TransitionBody = Type.Object(
  {
    event: Type.String({ minLength: 1, maxLength: 64, description: `事件：${EVENT_NAMES.join(', ')}` }),
    input: Type.Optional(
      Type.Object(
        {},
        { additionalProperties: true, description: '该事件的输入（见 allowedEvents[].input）' },
      ),
    ),
    version: Type.Integer({ minimum: 1, description: '客户端看到的工单版本号' }),
  },
  { additionalProperties: false },
);

export function workOrderRoutes(app: FastifyInstance, ctx: AuthContext): void {
  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/api/work-orders',
    { schema: { tags: ['work-orders'], summary: '工单列表（按角色与单位过滤）', querystring: ListQuery } },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      // The use case names filters bare (`status`, `from`); here they are query parameters.
      return withIssuePaths(inQuerystring, () =>
        listWorkOrders(ctx.core, actor, parseListQuery(request.query)),
      );
    },
  );

  app.post(
    '/api/work-orders',
    { schema: { tags: ['work-orders'], summary: '受理：新建工单', body: fieldSpecsToSchema(INTAKE_FIELDS) } },
    async (request, reply) => {
      const { actor } = await requireUser(ctx, request);
      return reply.status(201).send(await createWorkOrder(ctx.core, actor, request.body));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/work-orders/:id',
    { schema: { tags: ['work-orders'], summary: '工单详情（含时间线与可执行操作）', params: IdParams } },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return getWorkOrder(ctx.core, actor, request.params.id);
    },
  );

  app.post<{ Params: { id: string }; Body: { event: string; input?: unknown; version: number } }>(
    '/api/work-orders/:id/transitions',
    {
      schema: { tags: ['work-orders'], summary: '执行工单流转事件', params: IdParams, body: TransitionBody },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return transitionWorkOrder(ctx.core, actor, request.params.id, request.body);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/work-orders/:id/links',
    {
      schema: {
        tags: ['work-orders'],
        summary: '关联工单（双向；不合并）',
        params: IdParams,
        body: fieldSpecsToSchema(LINK_FIELDS),
      },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return linkOrders(ctx.core, actor, request.params.id, request.body);
    },
  );
}
