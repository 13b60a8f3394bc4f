import { getArchiveRecord, runAuditVerify, searchArchive } from '@huawu/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';

const ArchiveQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: '工单号、标题或内容（包含）' })),
    appealType: Type.Optional(Type.String({ maxLength: 20, description: '诉求类型' })),
    unitId: Type.Optional(Type.String({ maxLength: 64, description: '主办单位' })),
    from: Type.Optional(Type.String({ maxLength: 10, description: '归档日期起 YYYY-MM-DD（本地）' })),
    to: Type.Optional(Type.String({ maxLength: 10, description: '归档日期止 YYYY-MM-DD（含）' })),
    expired: Type.Optional(Type.String({ enum: ['true', 'false'], description: '只看已到保管期限的档案' })),
    page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$', description: '页码，从 1 开始' })),
    pageSize: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '每页条数，1–100' })),
  },
  { additionalProperties: false },
);
const OrderParams = Type.Object({ orderId: Type.String({ minLength: 1, maxLength: 64 }) });

type Query = {
  q?: string;
  appealType?: string;
  unitId?: string;
  from?: string;
  to?: string;
  expired?: string;
  page?: string;
  pageSize?: string;
};
const tags = ['archive'];

/** 档案查询 and the hash-chain verification (docs/ARCHIVE.md). */
export function archiveRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const actorOf = async (request: FastifyRequest) => (await requireUser(ctx, request)).actor;

  app.get<{ Querystring: Query }>(
    '/api/archive',
    {
      schema: {
        tags,
        summary: '档案查询：已归档工单，最新在前（按角色可见范围）',
        querystring: ArchiveQuery,
      },
    },
    async (request) => {
      const { page, pageSize, expired, ...rest } = request.query;
      return searchArchive(ctx.core, await actorOf(request), {
        ...rest,
        expired: expired === 'true',
        page: page ? Number(page) : undefined,
        pageSize: pageSize ? Number(pageSize) : undefined,
      });
    },
  );

  app.get<{ Params: { orderId: string } }>(
    '/api/archive/:orderId',
    {
      schema: {
        tags,
        summary: '档案记录：封存的全案记录、记录哈希、链哈希与校验结果（读取记入审计）',
        params: OrderParams,
      },
    },
    async (request) => getArchiveRecord(ctx.core, await actorOf(request), request.params.orderId),
  );

  app.get(
    '/api/admin/audit/verify',
    { schema: { tags, summary: '全量校验事件哈希链与档案链，指出第一处断链（管理员、值班长）' } },
    async (request) => runAuditVerify(ctx.core, await actorOf(request)),
  );
}
