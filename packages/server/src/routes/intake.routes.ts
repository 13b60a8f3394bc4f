import {
  AppError,
  CATEGORY_IMPORT_MAX_BYTES,
  checkIntake,
  createPhrase,
  createScopeRule,
  getCallerHistory,
  importCategories,
  exportCategories,
  listCallerFlags,
  listCategories,
  listPhrases,
  listScopeRules,
  setCallerFlag,
  takeCall,
  updateCategoryEntry,
  updatePhrase,
  updateScopeRule,
} from '@huawu/core';
import {
  CALLER_FLAG_FIELDS,
  CATEGORY_UPDATE_FIELDS,
  EMERGENCY_TARGETS,
  INTAKE_DRAFT_FIELDS,
  NOT_ACCEPTED_REASONS,
  PHRASE_CREATE_FIELDS,
  PHRASE_UPDATE_FIELDS,
  SCOPE_RULE_KINDS,
} from '@huawu/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { fieldSpecsToSchema } from '../http/field-schema.js';
import { inQuerystring, withIssuePaths } from '../http/issue-paths.js';

const tags = ['intake'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) });
const PhoneParams = Type.Object({ phone: Type.String({ minLength: 1, maxLength: 20 }) });
const inParams = (field: string) => (field === 'phone' ? 'params.phone' : field);
const ImportQuery = Type.Object(
  { dryRun: Type.Optional(Type.String({ enum: ['0', '1', 'true', 'false'] })) },
  { additionalProperties: false },
);

const TakeCallBody = Type.Object(
  {
    order: Type.Object(
      {},
      { additionalProperties: true, description: '受理内容（字段同 POST /api/work-orders）' },
    ),
    decision: Type.Optional(
      Type.Object(
        {
          event: Type.String({
            maxLength: 64,
            description: 'answer_directly | reject | transfer_out | merge | submit_for_dispatch',
          }),
          input: Type.Optional(Type.Object({}, { additionalProperties: true, description: '该事件的输入' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const Words = (description: string) =>
  Type.Array(Type.String({ maxLength: 30 }), { maxItems: 100, description });

const ScopeRuleBody = Type.Object(
  {
    kind: Type.String({
      enum: [...SCOPE_RULE_KINDS],
      description: 'emergency 紧急转接 | not_accept 不予受理',
    }),
    label: Type.String({ maxLength: 50 }),
    keywords: Type.Optional(Words('触发关键词')),
    exclusions: Type.Optional(Words('排除短语（如“火灾隐患”）')),
    categories: Type.Optional(Words('诉求分类编码（含下级）')),
    target: Type.Optional(Type.Union([Type.String({ enum: [...EMERGENCY_TARGETS] }), Type.Null()])),
    reasonCode: Type.Optional(
      Type.Union([Type.String({ enum: [...NOT_ACCEPTED_REASONS.values] }), Type.Null()]),
    ),
    script: Type.String({ maxLength: 500, description: '话术' }),
    priority: Type.Optional(Type.Integer({ minimum: -1000, maximum: 1000 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Intake desk (受理台): checks, one-transaction intake with decision, caller history, editors. */
export function intakeRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const actorOf = async (request: FastifyRequest) => (await requireUser(ctx, request)).actor;

  app.get<{ Querystring: { phone?: string } }>(
    '/api/intake/caller-history',
    {
      schema: {
        tags,
        summary: '来电人历史（来电号码的工单与满意度；记入审计日志）',
        querystring: Type.Object({ phone: Type.String({ maxLength: 20 }) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const actor = await actorOf(request);
      return withIssuePaths(inQuerystring, () => getCallerHistory(ctx.core, actor, request.query.phone));
    },
  );

  app.post(
    '/api/intake/check',
    {
      schema: {
        tags,
        summary: '受理检查：五要素、受理范围（紧急/不予受理）与重复工单',
        body: fieldSpecsToSchema(INTAKE_DRAFT_FIELDS),
      },
    },
    async (request) => checkIntake(ctx.core, await actorOf(request), request.body ?? {}),
  );

  app.post(
    '/api/intake/orders',
    {
      schema: {
        tags,
        summary: '受理并当场处置（建单与直办/不予受理/转外线/并单/转办在同一事务中完成）',
        body: TakeCallBody,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await takeCall(ctx.core, await actorOf(request), request.body)),
  );

  app.get('/api/intake/phrases', { schema: { tags, summary: '服务用语（按通话环节）' } }, async (request) =>
    listPhrases(ctx.core, await actorOf(request)),
  );
  app.post(
    '/api/intake/phrases',
    {
      schema: {
        tags,
        summary: '新增服务用语（值班长、管理员）',
        body: fieldSpecsToSchema(PHRASE_CREATE_FIELDS),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPhrase(ctx.core, await actorOf(request), request.body)),
  );
  app.put<{ Params: { id: string } }>(
    '/api/intake/phrases/:id',
    {
      schema: {
        tags,
        summary: '修改服务用语（值班长、管理员）',
        params: IdParams,
        body: fieldSpecsToSchema(PHRASE_UPDATE_FIELDS),
      },
    },
    async (request) => updatePhrase(ctx.core, await actorOf(request), request.params.id, request.body),
  );

  app.get('/api/intake/scope-rules', { schema: { tags, summary: '受理范围规则' } }, async (request) =>
    listScopeRules(ctx.core, await actorOf(request)),
  );
  app.post(
    '/api/intake/scope-rules',
    { schema: { tags, summary: '新增受理范围规则（值班长、管理员）', body: ScopeRuleBody } },
    async (request, reply) =>
      reply.status(201).send(await createScopeRule(ctx.core, await actorOf(request), request.body)),
  );
  app.put<{ Params: { id: string } }>(
    '/api/intake/scope-rules/:id',
    { schema: { tags, summary: '修改受理范围规则（整体替换）', params: IdParams, body: ScopeRuleBody } },
    async (request) => updateScopeRule(ctx.core, await actorOf(request), request.params.id, request.body),
  );

  app.put<{ Params: { phone: string } }>(
    '/api/intake/callers/:phone/flag',
    {
      schema: {
        tags,
        summary: '标记骚扰来电（值班长、管理员）',
        params: PhoneParams,
        body: fieldSpecsToSchema(CALLER_FLAG_FIELDS),
      },
    },
    async (request) => {
      const actor = await actorOf(request);
      return withIssuePaths(inParams, () =>
        setCallerFlag(ctx.core, actor, request.params.phone, request.body),
      );
    },
  );

  app.get('/api/categories', { schema: { tags, summary: '诉求分类目录' } }, async (request) => {
    await actorOf(request);
    return listCategories(ctx.core);
  });
  app.get<{ Querystring: { all?: string } }>(
    '/api/categories/export',
    {
      schema: {
        tags,
        summary: '导出诉求分类（CSV，可修改后再导入；记入审计日志）',
        querystring: Type.Object(
          { all: Type.Optional(Type.String({ enum: ['0', '1', 'true', 'false'] })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = await actorOf(request);
      const all = request.query.all === '1' || request.query.all === 'true';
      const file = await exportCategories(ctx.core, actor, { all });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.csv);
    },
  );
  app.put<{ Params: { code: string } }>(
    '/api/categories/:code',
    {
      schema: {
        tags,
        summary: '修改诉求分类（名称、紧急提示、启用）',
        params: CodeParams,
        body: fieldSpecsToSchema(CATEGORY_UPDATE_FIELDS),
      },
    },
    async (request) =>
      updateCategoryEntry(ctx.core, await actorOf(request), request.params.code, request.body),
  );

  // CSV upload: the text/csv parser exists only in this scope; every other route stays JSON-only (415).
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'application/csv'],
      { parseAs: 'buffer', bodyLimit: CATEGORY_IMPORT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Querystring: { dryRun?: string } }>(
      '/api/categories/import',
      {
        bodyLimit: CATEGORY_IMPORT_MAX_BYTES,
        schema: {
          tags,
          summary: '导入诉求分类（text/csv：code,name,parent_code[,emergency_hint]；dryRun=1 只检查不保存）',
          querystring: ImportQuery,
        },
      },
      async (request) => {
        const actor = await actorOf(request);
        if (!(request.body instanceof Uint8Array)) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 text/csv 上传 CSV 文件（UTF-8）');
        }
        const dryRun = request.query.dryRun === '1' || request.query.dryRun === 'true';
        return importCategories(ctx.core, actor, request.body, { dryRun });
      },
    );
  });

  app.get(
    '/api/intake/caller-flags',
    { schema: { tags, summary: '已标记的骚扰来电号码（值班长、管理员；记入审计日志）' } },
    async (request) => listCallerFlags(ctx.core, await actorOf(request)),
  );
}
