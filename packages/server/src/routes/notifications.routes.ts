import {
  createWebhook,
  listDeliveryLog,
  listMyNotices,
  listNotificationTemplates,
  listWebhooks,
  readNotice,
  updateNotificationTemplate,
  updateWebhook,
} from '@huawu/core';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { IdParams } from './knowledge.routes.schemas.js';

const WebhookBody = Type.Object(
  {
    unitId: Type.Optional(
      Type.Unsafe<string | null>({
        type: ['string', 'null'],
        maxLength: 64,
        description: '单位编号（空 = 所有接收方）',
      }),
    ),
    url: Type.String({ minLength: 1, maxLength: 1000, description: '接收地址（http/https）' }),
    secret: Type.Optional(
      Type.String({ maxLength: 1000, description: '签名密钥（16–200 字符；省略则生成）' }),
    ),
    active: Type.Optional(Type.Boolean()),
    kinds: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: 50,
        description: `订阅的通知类型（空 = 全部）：${NOTIFICATION_KINDS.join(', ')}`,
      }),
    ),
  },
  { additionalProperties: false },
);

const TemplateBody = Type.Object(
  {
    kind: Type.String({ maxLength: 64, description: NOTIFICATION_KINDS.join(', ') }),
    channel: Type.String({ maxLength: 32, description: NOTIFICATION_CHANNELS.join(', ') }),
    text: Type.Unsafe<string | null>({
      type: ['string', 'null'],
      maxLength: 2000,
      description: '模板内容（可用 {orderNo} {title} {deadline} {unitName}；null 恢复默认）',
    }),
  },
  { additionalProperties: false },
);

type Id = { id: string };
const tags = ['notifications'];

/** 通知: in-app notices of the caller's unit; webhooks, templates and the delivery log (admin). */
export function notificationRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const actorOf = async (request: FastifyRequest) => (await requireUser(ctx, request)).actor;

  app.get<{ Querystring: { limit?: string; unread?: string } }>(
    '/api/notices',
    {
      schema: {
        tags,
        summary: '本单位的站内通知（最新在前）与我的未读数',
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
            unread: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      listMyNotices(ctx.core, await actorOf(request), {
        limit: request.query.limit ? Number(request.query.limit) : undefined,
        unreadOnly: request.query.unread === 'true',
      }),
  );

  app.post<{ Params: Id }>(
    '/api/notices/:id/read',
    { schema: { tags, summary: '标记通知为已读', params: IdParams } },
    async (request) => readNotice(ctx.core, await actorOf(request), request.params.id),
  );

  app.get(
    '/api/webhooks',
    { schema: { tags, summary: 'Webhook 接收地址（管理员；密钥仅显示末四位）' } },
    async (request) => listWebhooks(ctx.core, await actorOf(request)),
  );

  app.post(
    '/api/webhooks',
    { schema: { tags, summary: '新增 Webhook 接收地址（返回完整密钥，仅此一次）', body: WebhookBody } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createWebhook(
            ctx.core,
            await actorOf(request),
            request.body as Parameters<typeof createWebhook>[2],
          ),
        ),
  );

  app.put<{ Params: Id }>(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: '修改 Webhook 接收地址（整体替换；省略密钥则保留原密钥）',
        params: IdParams,
        body: WebhookBody,
      },
    },
    async (request) =>
      updateWebhook(
        ctx.core,
        await actorOf(request),
        request.params.id,
        request.body as Parameters<typeof updateWebhook>[3],
      ),
  );

  app.get<{ Querystring: { limit?: string; notificationId?: string } }>(
    '/api/notifications/deliveries',
    {
      schema: {
        tags,
        summary: '通知发送记录（每次 Webhook/短信尝试；管理员）',
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
            notificationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      listDeliveryLog(ctx.core, await actorOf(request), {
        limit: request.query.limit ? Number(request.query.limit) : undefined,
        notificationId: request.query.notificationId,
      }),
  );

  app.get(
    '/api/notification-templates',
    { schema: { tags, summary: '通知模板（各类型 × 渠道；管理员）' } },
    async (request) => listNotificationTemplates(ctx.core, await actorOf(request)),
  );

  app.put(
    '/api/notification-templates',
    {
      schema: {
        tags,
        summary: '修改通知模板（仅可用已知占位符；text 为 null 恢复默认）',
        body: TemplateBody,
      },
    },
    async (request) =>
      updateNotificationTemplate(
        ctx.core,
        await actorOf(request),
        request.body as Parameters<typeof updateNotificationTemplate>[2],
      ),
  );
}
