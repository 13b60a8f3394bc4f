import {
  addUser,
  checkHealth,
  getCalendarYear,
  getDeadlinePolicy,
  importHolidayCnYear,
  listAudit,
  putCalendarYear,
  putDeadlinePolicy,
  resetPassword,
} from '@huawu/core';
import { ROLES } from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { withIssuePaths } from '../http/issue-paths.js';

/** The year is a path parameter here, where the calendar use cases call it `year`. */
const yearParam = (field: string) => (field === 'year' ? 'params.year' : field);
const YearParams = Type.Object({ year: Type.String({ pattern: '^[0-9]{4}$' }) });
const CalendarDays = Type.Object(
  {
    days: Type.Array(
      Type.Object({
        date: Type.String({ maxLength: 10 }),
        kind: Type.String({ enum: ['holiday', 'workday'] }),
        name: Type.Optional(Type.String({ maxLength: 50 })),
      }),
      { maxItems: 366 },
    ),
  },
  { additionalProperties: false },
);
const UserBody = Type.Object(
  {
    username: Type.String({ maxLength: 40 }),
    password: Type.String({ maxLength: 200 }),
    role: Type.String({ enum: [...ROLES] }),
    unitId: Type.String({ maxLength: 64 }),
    displayName: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);

/** Health, organisation, calendar, settings and accounts. */
export function adminRoutes(app: FastifyInstance, ctx: AuthContext & { version: string }): void {
  app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查' } }, async () => ({
    ...(await checkHealth(ctx.core)),
    version: ctx.version,
  }));

  app.get<{ Querystring: { targetId?: string; action?: string; limit?: string } }>(
    '/api/audit',
    {
      schema: {
        tags: ['system'],
        summary: '审计日志（登录、个人信息查看、账号与设置变更）',
        querystring: Type.Object(
          {
            targetId: Type.Optional(Type.String({ maxLength: 64 })),
            action: Type.Optional(Type.String({ maxLength: 40 })),
            limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      const { limit, ...filter } = request.query;
      return listAudit(ctx.core, actor, { ...filter, limit: limit ? Number(limit) : undefined });
    },
  );

  app.get<{ Params: { year: string } }>(
    '/api/calendar/:year',
    { schema: { tags: ['calendar'], summary: '某年节假日与调休', params: YearParams } },
    async (request) => {
      await requireUser(ctx, request);
      return withIssuePaths(yearParam, () => getCalendarYear(ctx.core, Number(request.params.year)));
    },
  );

  app.put<{ Params: { year: string }; Body: { days: unknown[] } }>(
    '/api/calendar/:year',
    {
      schema: { tags: ['calendar'], summary: '替换某年节假日与调休', params: YearParams, body: CalendarDays },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return withIssuePaths(yearParam, () =>
        putCalendarYear(ctx.core, actor, Number(request.params.year), request.body.days),
      );
    },
  );

  app.post(
    '/api/calendar/import',
    {
      schema: {
        tags: ['calendar'],
        summary: '导入 holiday-cn 格式的年度节假日文件',
        body: Type.Object(
          { year: Type.Integer(), days: Type.Array(Type.Unknown(), { maxItems: 366 }) },
          { additionalProperties: true },
        ),
      },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return importHolidayCnYear(ctx.core, actor, request.body);
    },
  );

  app.get(
    '/api/settings/deadline-policy',
    { schema: { tags: ['settings'], summary: '办理时限规则' } },
    async (request) => {
      await requireUser(ctx, request);
      return getDeadlinePolicy(ctx.core);
    },
  );

  app.put(
    '/api/settings/deadline-policy',
    {
      schema: {
        tags: ['settings'],
        summary: '修改办理时限规则',
        body: Type.Object({}, { additionalProperties: true }),
      },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return putDeadlinePolicy(ctx.core, actor, request.body);
    },
  );

  app.post<{
    Body: { username: string; password: string; role: string; unitId: string; displayName?: string };
  }>(
    '/api/users',
    { schema: { tags: ['organisation'], summary: '新增账号（管理员）', body: UserBody } },
    async (request, reply) => {
      const { actor } = await requireUser(ctx, request);
      return reply.status(201).send(await addUser(ctx.core, actor, request.body));
    },
  );

  app.post<{ Params: { username: string }; Body: { password: string } }>(
    '/api/users/:username/password',
    {
      schema: {
        tags: ['organisation'],
        summary: '重置密码（管理员）',
        params: Type.Object({ username: Type.String({ maxLength: 40 }) }),
        body: Type.Object({ password: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { actor } = await requireUser(ctx, request);
      await resetPassword(ctx.core, actor, {
        username: request.params.username,
        password: request.body.password,
      });
      ctx.sessions.forgetUser(request.params.username.trim()); // cached sessions end now, not in 5 s
      return reply.status(204).send();
    },
  );
}
