import {
  actOnAccuracyRound,
  actOnCorrectionTask,
  exportRoundReport,
  getAccuracyItem,
  getAccuracyRound,
  getAccuracySettings,
  getCorrectionTask,
  getPeriodReport,
  getRoundReport,
  listAccuracyCheckers,
  listAccuracyRounds,
  listCorrectionTasks,
  listGuideCandidates,
  planAccuracyRound,
  putAccuracySettings,
  recordAccuracyCheck,
} from '@huawu/core';
import { CHECK_FIELDS, PLAN_LIMITS, ROUND_STATUSES, TASK_ACTION_NAMES, TASK_STATUSES } from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { fieldSpecsToSchema } from '../http/field-schema.js';
import { inQuerystring, withIssuePaths } from '../http/issue-paths.js';

const tags = ['accuracy'];
const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const ItemParams = Type.Object({ id: Id, itemId: Id });
const PageQuery = {
  page: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
  pageSize: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
};
const list = (text: string | undefined) => (text ? text.split(',').map((s) => s.trim()) : undefined);
const num = (text: string | undefined) => (text ? Number(text) : undefined);

/** Text that may be left empty (null): one JSON type list, so a too-long value is reported once. */
const OptionalText = (maxLength: number) =>
  Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength }));
const PlanBody = Type.Object(
  {
    name: Type.String({ maxLength: PLAN_LIMITS.nameLength, description: '检查名称' }),
    periodStart: Type.String({ maxLength: 10, description: '检查期间起（YYYY-MM-DD）' }),
    periodEnd: Type.String({ maxLength: 10, description: '检查期间止（YYYY-MM-DD）' }),
    unitIds: Type.Array(Id, { maxItems: PLAN_LIMITS.maxUnits, description: '被检查单位' }),
    checkerId: Type.String({ maxLength: 64, description: '检查人（用户编号）' }),
    items: Type.Optional(
      Type.Array(
        Type.Object(
          {
            articleId: Id,
            question: OptionalText(PLAN_LIMITS.questionLength),
            phone: OptionalText(PLAN_LIMITS.phoneLength),
            checkerId: OptionalText(64),
          },
          { additionalProperties: false },
        ),
        { maxItems: PLAN_LIMITS.maxItems, description: '手动选择的办事指南（与 samplePerUnit 二选一）' },
      ),
    ),
    samplePerUnit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: PLAN_LIMITS.maxSamplePerUnit, description: '每单位随机抽查数量' }),
    ),
  },
  { additionalProperties: false },
);
const RoundActionBody = Type.Object(
  {
    action: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'start（开始检查）或 complete（完成本轮）',
    }),
  },
  { additionalProperties: false },
);
const TaskActionBody = Type.Object(
  {
    action: Type.String({
      minLength: 1,
      maxLength: 40,
      description: `操作：${TASK_ACTION_NAMES.join(', ')}`,
    }),
    input: Type.Optional(
      Type.Object(
        {},
        { additionalProperties: true, description: '该操作的输入（见 allowedActions[].input）' },
      ),
    ),
  },
  { additionalProperties: false },
);
const SettingsBody = Type.Object(
  {
    partlyWeight: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: '部分准确计分权重' })),
    correctionDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 60, description: '整改时限（工作日）' }),
    ),
    warningDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, description: '到期预警（工作日）' })),
    samplePerUnit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: '每单位抽查指南数' })),
  },
  { additionalProperties: false },
);

/** 办事指南准确度检查: rounds, items and check calls, reports, correction tasks (docs/ACCURACY.md). */
export function accuracyRoutes(app: FastifyInstance, ctx: AuthContext): void {
  app.get('/api/accuracy/settings', { schema: { tags, summary: '准确度检查设置' } }, async (request) => {
    await requireUser(ctx, request);
    return getAccuracySettings(ctx.core);
  });

  app.put(
    '/api/accuracy/settings',
    { schema: { tags, summary: '修改准确度检查设置', body: SettingsBody } },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return putAccuracySettings(ctx.core, actor, request.body);
    },
  );

  app.get('/api/accuracy/checkers', { schema: { tags, summary: '可安排的检查人' } }, async (request) => {
    const { actor } = await requireUser(ctx, request);
    return listAccuracyCheckers(ctx.core, actor);
  });

  app.get<{ Querystring: { unitIds?: string } }>(
    '/api/accuracy/guides',
    {
      schema: {
        tags,
        summary: '所选单位已发布的办事指南（含默认问题与拨打号码）',
        querystring: Type.Object(
          { unitIds: Type.Optional(Type.String({ maxLength: 6_500, description: '逗号分隔的单位编号' })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return withIssuePaths(inQuerystring, () =>
        listGuideCandidates(ctx.core, actor, list(request.query.unitIds) ?? []),
      );
    },
  );

  app.get<{ Querystring: { status?: string; page?: string; pageSize?: string } }>(
    '/api/accuracy/rounds',
    {
      schema: {
        tags,
        summary: '检查轮次列表',
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.String({ maxLength: 100, description: `逗号分隔：${ROUND_STATUSES.join(', ')}` }),
            ),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      const q = request.query;
      return withIssuePaths(inQuerystring, () =>
        listAccuracyRounds(ctx.core, actor, {
          status: list(q.status),
          page: num(q.page),
          pageSize: num(q.pageSize),
        }),
      );
    },
  );

  app.post(
    '/api/accuracy/rounds',
    { schema: { tags, summary: '安排一轮检查', body: PlanBody } },
    async (request, reply) => {
      const { actor } = await requireUser(ctx, request);
      return reply.status(201).send(await planAccuracyRound(ctx.core, actor, request.body));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/accuracy/rounds/:id',
    { schema: { tags, summary: '检查轮次详情（检查项、检查结果、整改任务）', params: IdParams } },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return getAccuracyRound(ctx.core, actor, request.params.id);
    },
  );

  app.post<{ Params: { id: string }; Body: { action: string } }>(
    '/api/accuracy/rounds/:id/actions',
    { schema: { tags, summary: '开始检查 / 完成本轮', params: IdParams, body: RoundActionBody } },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return actOnAccuracyRound(ctx.core, actor, request.params.id, request.body.action);
    },
  );

  app.get<{ Params: { id: string; itemId: string } }>(
    '/api/accuracy/rounds/:id/items/:itemId',
    { schema: { tags, summary: '检查项（含预期答复：指南版本内容）', params: ItemParams } },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return getAccuracyItem(ctx.core, actor, request.params.id, request.params.itemId);
    },
  );

  app.post<{ Params: { id: string; itemId: string } }>(
    '/api/accuracy/rounds/:id/items/:itemId/checks',
    { schema: { tags, summary: '记录检查结果', params: ItemParams, body: fieldSpecsToSchema(CHECK_FIELDS) } },
    async (request, reply) => {
      const { actor } = await requireUser(ctx, request);
      const { id, itemId } = request.params;
      return reply.status(201).send(await recordAccuracyCheck(ctx.core, actor, id, itemId, request.body));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/accuracy/rounds/:id/report',
    { schema: { tags, summary: '本轮分单位报告', params: IdParams } },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return getRoundReport(ctx.core, actor, request.params.id);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/accuracy/rounds/:id/report.csv',
    { schema: { tags, summary: '导出本轮分单位报告（CSV，记入审计）', params: IdParams } },
    async (request, reply) => {
      const { actor } = await requireUser(ctx, request);
      const { filename, csv } = await exportRoundReport(ctx.core, actor, request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(csv);
    },
  );

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/api/accuracy/report',
    {
      schema: {
        tags,
        summary: '期间分单位报告（按首次检查日期）',
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD（含）' })),
            to: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD（含）' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return withIssuePaths(inQuerystring, () => getPeriodReport(ctx.core, actor, request.query));
    },
  );

  app.get<{
    Querystring: {
      status?: string;
      unitId?: string;
      roundId?: string;
      overdue?: string;
      page?: string;
      pageSize?: string;
    };
  }>(
    '/api/accuracy/tasks',
    {
      schema: {
        tags,
        summary: '整改任务列表（承办单位只看本单位及下级）',
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.String({ maxLength: 100, description: `逗号分隔：${TASK_STATUSES.join(', ')}` }),
            ),
            unitId: Type.Optional(Id),
            roundId: Type.Optional(Id),
            overdue: Type.Optional(Type.String({ enum: ['true', 'false'] })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      const q = request.query;
      return withIssuePaths(inQuerystring, () =>
        listCorrectionTasks(ctx.core, actor, {
          status: list(q.status),
          unitId: q.unitId,
          roundId: q.roundId,
          overdue: q.overdue === 'true',
          page: num(q.page),
          pageSize: num(q.pageSize),
        }),
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/accuracy/tasks/:id',
    { schema: { tags, summary: '整改任务详情（检查记录、处理过程、可执行操作）', params: IdParams } },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return getCorrectionTask(ctx.core, actor, request.params.id);
    },
  );

  app.post<{ Params: { id: string }; Body: { action: string; input?: unknown } }>(
    '/api/accuracy/tasks/:id/actions',
    { schema: { tags, summary: '提交整改 / 安排复查 / 记录复查', params: IdParams, body: TaskActionBody } },
    async (request) => {
      const { actor } = await requireUser(ctx, request);
      return actOnCorrectionTask(ctx.core, actor, request.params.id, request.body);
    },
  );
}
