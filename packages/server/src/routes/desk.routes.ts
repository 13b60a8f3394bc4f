import { exportUnitDispatchStats, listDeskQueue, listUnitInbox, unitDispatchStats } from '@huawu/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';

const paging = {
  page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$', description: '页码，从 1 开始' })),
  pageSize: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '每页条数，1–100' })),
};
const InboxQuery = Type.Object(
  { colour: Type.Optional(Type.String({ maxLength: 10, description: 'red / yellow / green' })), ...paging },
  { additionalProperties: false },
);
const QueueQuery = Type.Object(paging, { additionalProperties: false });
const QueueParams = Type.Object({ queue: Type.String({ minLength: 1, maxLength: 40 }) });
const StatsQuery = Type.Object(
  {
    from: Type.String({ maxLength: 10, description: '开始日期 YYYY-MM-DD（本地）' }),
    to: Type.String({ maxLength: 10, description: '结束日期 YYYY-MM-DD（含）' }),
    format: Type.Optional(Type.String({ enum: ['json', 'csv'] })),
  },
  { additionalProperties: false },
);

type Paging = { page?: string; pageSize?: string };
const toPaging = (q: Paging) => ({
  page: q.page ? Number(q.page) : undefined,
  pageSize: q.pageSize ? Number(q.pageSize) : undefined,
});
const tags = ['desk'];

/** 单位待办, 派单台队列 and 承办单位考核 (docs/DISPATCH.md "Desk queues and unit assessment"). */
export function deskRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const actorOf = async (request: FastifyRequest) => (await requireUser(ctx, request)).actor;

  app.get<{ Querystring: Paging & { colour?: string } }>(
    '/api/desk/inbox',
    { schema: { tags, summary: '单位待办：按红黄绿牌和期限排序（承办单位）', querystring: InboxQuery } },
    async (request) =>
      listUnitInbox(ctx.core, await actorOf(request), {
        colour: request.query.colour,
        ...toPaging(request.query),
      }),
  );

  app.get<{ Params: { queue: string }; Querystring: Paging }>(
    '/api/desk/queues/:queue',
    {
      schema: {
        tags,
        summary:
          '派单台队列 pending_dispatch / returns / extensions / overdue / supervisions；回访台队列 review / reply / callback / escalated / appeals',
        params: QueueParams,
        querystring: QueueQuery,
      },
    },
    async (request) =>
      listDeskQueue(ctx.core, await actorOf(request), request.params.queue, toPaging(request.query)),
  );

  app.get<{ Querystring: { from: string; to: string; format?: string } }>(
    '/api/dispatch/unit-stats',
    { schema: { tags, summary: '承办单位考核统计（?format=csv 导出，记入审计）', querystring: StatsQuery } },
    async (request, reply) => {
      const actor = await actorOf(request);
      const period = { from: request.query.from, to: request.query.to };
      if (request.query.format !== 'csv') return unitDispatchStats(ctx.core, actor, period);
      const { filename, csv } = await exportUnitDispatchStats(ctx.core, actor, period);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(csv);
    },
  );
}
