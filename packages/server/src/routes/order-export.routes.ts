import { type ExportedFile, exportOrderDocument, exportOrders } from '@huawu/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { inQuerystring, withIssuePaths } from '../http/issue-paths.js';
import { parseListQuery } from './work-orders.query.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
// The format is checked by the use case, so a wrong one is a VALIDATION_FAILED naming `querystring.format`.
const PrintQuery = Type.Object(
  { format: Type.Optional(Type.String({ maxLength: 10, description: 'html（默认，浏览器打印）或 pdf' })) },
  { additionalProperties: false },
);
// The list's filters, as GET /api/work-orders takes them (paging is accepted and ignored).
const ExportQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ maxLength: 400 })),
    appealType: Type.Optional(Type.String({ maxLength: 40 })),
    urgency: Type.Optional(Type.String({ maxLength: 40 })),
    unitId: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Type.String({ description: 'YYYY-MM-DD（本地日期，含）', maxLength: 10 })),
    to: Type.Optional(Type.String({ description: 'YYYY-MM-DD（本地日期，含）', maxLength: 10 })),
    overdue: Type.Optional(Type.String({ enum: ['true', 'false'] })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
    pageSize: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
    format: Type.Optional(Type.String({ maxLength: 10, description: 'csv（默认）或 xlsx' })),
  },
  { additionalProperties: false },
);

/** RFC 6266 / 5987: the UTF-8 name, with a plain ASCII fallback for old clients. */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function sendFile(reply: FastifyReply, file: ExportedFile, kind: 'inline' | 'attachment') {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(kind, file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  // The printable HTML is ours and holds no script: forbid any, and any loading from elsewhere.
  if (kind === 'inline') {
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  }
  return reply.send(file.body);
}

/**
 * Printable 工单 of one order and bulk exports of the order list; every export is audited by the core.
 * `/api/work-orders/export` is a static segment, so Fastify matches it before `/api/work-orders/:id`.
 */
export function orderExportRoutes(app: FastifyInstance, ctx: AuthContext): void {
  app.get<{ Params: { id: string }; Querystring: { format?: string } }>(
    '/api/work-orders/:id/print',
    {
      schema: {
        tags: ['work-orders'],
        summary: '打印工单（HTML 在浏览器中打开；PDF 下载，内嵌中文字体）',
        params: IdParams,
        querystring: PrintQuery,
      },
    },
    async (request, reply) => {
      const { actor } = await requireUser(ctx, request);
      const format = request.query.format ?? 'html';
      const file = await withIssuePaths(inQuerystring, () =>
        exportOrderDocument(ctx.core, actor, request.params.id, format),
      );
      return sendFile(reply, file, format === 'html' ? 'inline' : 'attachment');
    },
  );

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/api/work-orders/export',
    {
      schema: {
        tags: ['work-orders'],
        summary: '导出工单列表（CSV/Excel；筛选条件同工单列表，最多 50000 条，号码脱敏）',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const { actor } = await requireUser(ctx, request);
      const { format = 'csv', ...query } = request.query;
      const file = await withIssuePaths(inQuerystring, () =>
        exportOrders(ctx.core, actor, parseListQuery(query), format),
      );
      return sendFile(reply, file, 'attachment');
    },
  );
}
