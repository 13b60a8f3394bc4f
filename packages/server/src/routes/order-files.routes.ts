import {
  ATTACHMENT_MAX_BYTES,
  AppError,
  addOrderNote,
  downloadOrderAttachment,
  listOrderAttachments,
  listOrderNotes,
  uploadOrderAttachment,
  WORK_NOTE_FIELDS,
} from '@huawu/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { fieldSpecsToSchema } from '../http/field-schema.js';
import { withIssuePaths } from '../http/issue-paths.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const FileParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  attachmentId: Type.String({ minLength: 1, maxLength: 64 }),
});
// Loose on purpose: the core checks the name and reports it with a message the user can act on.
const UploadQuery = Type.Object(
  {
    fileName: Type.String({ maxLength: 1000, description: '文件名（含扩展名，1–200 字符）' }),
    visibility: Type.Optional(
      Type.String({ enum: ['internal', 'public'], description: 'internal 内部（默认）/ public 可公开' }),
    ),
  },
  { additionalProperties: false },
);

type Id = { id: string };
const tags = ['work-orders'];

/** The upload's query fields are reported as `querystring.…`, its bytes as `body`. */
const uploadPath = (field: string) => (field === 'content' ? 'body' : `querystring.${field}`);

/** RFC 6266 / 5987: the UTF-8 name, with a plain ASCII fallback for old clients. */
function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** 办理记录 (work notes) and 附件 (attachments) of a work order. */
export function orderFilesRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const actorOf = async (request: FastifyRequest) => (await requireUser(ctx, request)).actor;

  app.get<{ Params: Id }>(
    '/api/work-orders/:id/notes',
    { schema: { tags, summary: '办理记录（内部，按时间先后）', params: IdParams } },
    async (request) => listOrderNotes(ctx.core, await actorOf(request), request.params.id),
  );

  app.post<{ Params: Id }>(
    '/api/work-orders/:id/notes',
    {
      schema: {
        tags,
        summary: '添加办理记录（热线中心与工单的承办单位；工单办结后不可添加）',
        params: IdParams,
        body: fieldSpecsToSchema(WORK_NOTE_FIELDS),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addOrderNote(ctx.core, await actorOf(request), request.params.id, request.body)),
  );

  app.get<{ Params: Id }>(
    '/api/work-orders/:id/attachments',
    { schema: { tags, summary: '附件列表（不含文件内容）', params: IdParams } },
    async (request) => listOrderAttachments(ctx.core, await actorOf(request), request.params.id),
  );

  app.get<{ Params: Id & { attachmentId: string } }>(
    '/api/work-orders/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载附件（记入审计日志）', params: FileParams } },
    async (request, reply) => {
      const file = await downloadOrderAttachment(
        ctx.core,
        await actorOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
    },
  );

  // Raw bytes: the octet-stream parser exists only in this scope (every other route stays JSON-only).
  // The caller is authenticated before the body is read, so an anonymous client cannot make us buffer 10 MiB.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Params: Id; Querystring: { fileName: string; visibility?: string } }>(
      '/api/work-orders/:id/attachments',
      {
        bodyLimit: ATTACHMENT_MAX_BYTES,
        onRequest: async (request) => {
          await requireUser(ctx, request);
        },
        schema: {
          tags,
          summary: '上传附件（application/octet-stream，最大 10 MB；类型按扩展名限定）',
          params: IdParams,
          querystring: UploadQuery,
        },
      },
      async (request, reply) => {
        const actor = await actorOf(request);
        const body = request.body ?? new Uint8Array(0);
        if (!(body instanceof Uint8Array)) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 application/octet-stream 上传文件内容');
        }
        const meta = await withIssuePaths(uploadPath, () =>
          uploadOrderAttachment(ctx.core, actor, request.params.id, {
            fileName: request.query.fileName,
            visibility: request.query.visibility,
            content: body,
          }),
        );
        return reply.status(201).send(meta);
      },
    );
  });
}
