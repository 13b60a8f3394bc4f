import {
  AppError,
  KB_IMPORT_MAX_BYTES,
  approveVersion,
  createArticle,
  decodeCsv,
  expireArticle,
  exportArticles,
  getArticle,
  getArticleVersion,
  importServiceItems,
  knowledgeStats,
  listArticleVersions,
  listArticles,
  listGaps,
  listReviewQueue,
  listStaleArticles,
  proposeVersion,
  recordGap,
  rejectVersion,
  resolveGap,
  searchKnowledge,
  submitVersion,
  withdrawVersion,
} from '@huawu/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthContext, requireUser } from '../http/auth.js';
import { kbSynonymRoutes } from './kb-synonyms.routes.js';
import { inQuerystring, withIssuePaths } from '../http/issue-paths.js';
import {
  CommentBody,
  CreateBody,
  ExpireBody,
  ExportQuery,
  GapBody,
  GapsQuery,
  IdParams,
  ImportQuery,
  ListQuery,
  ProposeBody,
  ResolveGapBody,
  SearchQuery,
  VersionParams,
  isOn,
  list,
} from './knowledge.routes.schemas.js';

type Query = Record<string, string | undefined>;
type Id = { id: string };
type IdVersion = { id: string; version: string };

const tags = ['knowledge'];
const int = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** 知识库: articles and their version workflow, search, import/export, gaps and figures (API contract). */
export function knowledgeRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const actorOf = async (request: FastifyRequest) => (await requireUser(ctx, request)).actor;

  app.get<{ Querystring: Query }>(
    '/api/kb/search',
    { schema: { tags, summary: '检索知识库（默认仅已发布且在有效期内）', querystring: SearchQuery } },
    async (request) => {
      const actor = await actorOf(request);
      const q = request.query;
      return withIssuePaths(inQuerystring, () =>
        searchKnowledge(ctx.core, actor, {
          q: q.q ?? '',
          kind: q.kind,
          unitId: q.unitId,
          limit: int(q.limit),
          includeDrafts: isOn(q.includeDrafts),
        }),
      );
    },
  );

  app.get<{ Querystring: Query }>(
    '/api/kb/articles',
    { schema: { tags, summary: '知识条目列表（按状态、类型、单位、待复核筛选）', querystring: ListQuery } },
    async (request) => {
      const actor = await actorOf(request);
      const q = request.query;
      const page = await withIssuePaths(inQuerystring, () =>
        listArticles(ctx.core, actor, {
          status: list(q.status),
          kind: q.kind,
          unitId: q.unitId,
          stale: isOn(q.stale),
          q: q.q,
          page: int(q.page),
          pageSize: int(q.pageSize),
        }),
      );
      return { items: page.items, total: page.total };
    },
  );

  app.post(
    '/api/kb/articles',
    { schema: { tags, summary: '新建知识条目（第 1 版草稿）', body: CreateBody } },
    async (request, reply) => {
      const actor = await actorOf(request);
      return reply.status(201).send(await createArticle(ctx.core, actor, request.body));
    },
  );

  app.get<{ Params: Id }>(
    '/api/kb/articles/:id',
    { schema: { tags, summary: '知识条目详情（含待审版本与可执行操作）', params: IdParams } },
    async (request) => getArticle(ctx.core, await actorOf(request), request.params.id),
  );

  app.get<{ Params: Id }>(
    '/api/kb/articles/:id/versions',
    { schema: { tags, summary: '版本历史', params: IdParams } },
    async (request) => listArticleVersions(ctx.core, await actorOf(request), request.params.id),
  );

  app.post<{ Params: Id }>(
    '/api/kb/articles/:id/versions',
    { schema: { tags, summary: '提出修改（新版本草稿）', params: IdParams, body: ProposeBody } },
    async (request, reply) => {
      const actor = await actorOf(request);
      return reply.status(201).send(await proposeVersion(ctx.core, actor, request.params.id, request.body));
    },
  );

  app.get<{ Params: IdVersion }>(
    '/api/kb/articles/:id/versions/:version',
    { schema: { tags, summary: '某一版本的内容', params: VersionParams } },
    async (request) =>
      getArticleVersion(ctx.core, await actorOf(request), request.params.id, Number(request.params.version)),
  );

  const versionActions = [
    ['submit', '提交审核', submitVersion, CommentBody(false)],
    ['approve', '审核通过并发布（值班长、管理员）', approveVersion, CommentBody(false)],
    ['reject', '退回（值班长、管理员）', rejectVersion, CommentBody(true)],
    ['withdraw', '撤回待处理的版本（作者或值班长、管理员）', withdrawVersion, CommentBody(false)],
  ] as const;
  for (const [name, summary, run, body] of versionActions) {
    app.post<{ Params: IdVersion; Body: { comment?: string | null } | undefined }>(
      `/api/kb/articles/:id/versions/:version/${name}`,
      {
        schema: { tags, summary, params: VersionParams, body },
        // These take an optional body: none at all counts as an empty one.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request) => {
        const actor = await actorOf(request);
        // Submitting records no comment (the version's change note says what changed).
        const input = name === 'submit' ? {} : request.body;
        return run(ctx.core, actor, request.params.id, Number(request.params.version), input);
      },
    );
  }

  app.post<{ Params: Id }>(
    '/api/kb/articles/:id/expire',
    { schema: { tags, summary: '失效（值班长、管理员）', params: IdParams, body: ExpireBody } },
    async (request) => expireArticle(ctx.core, await actorOf(request), request.params.id, request.body),
  );

  app.get('/api/kb/review-queue', { schema: { tags, summary: '待审核的版本' } }, async (request) =>
    listReviewQueue(ctx.core, await actorOf(request)),
  );

  app.get('/api/kb/stale', { schema: { tags, summary: '需复核的知识条目' } }, async (request) =>
    listStaleArticles(ctx.core, await actorOf(request)),
  );

  // CSV upload: the text/csv parser exists only in this scope; every other route stays JSON-only (415).
  // The body stays bytes until the handler decodes it, so the JSON input guard does not refuse a whole
  // file for one cell with U+0000: the import reports that cell by row and column.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'application/csv'],
      { parseAs: 'buffer', bodyLimit: KB_IMPORT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Querystring: Query }>(
      '/api/kb/import',
      {
        bodyLimit: KB_IMPORT_MAX_BYTES,
        schema: {
          tags,
          summary: '导入事项清单（text/csv，UTF-8，首行为表头；按事项编码更新）',
          querystring: ImportQuery,
        },
      },
      async (request) => {
        const actor = await actorOf(request);
        if (!(request.body instanceof Uint8Array)) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 text/csv 上传 CSV 文件（UTF-8）');
        }
        return importServiceItems(ctx.core, actor, decodeCsv(request.body), {
          dryRun: isOn(request.query.dryRun),
        });
      },
    );
  });

  app.get<{ Querystring: Query }>(
    '/api/kb/export',
    { schema: { tags, summary: '导出知识库（CSV，记入审计日志）', querystring: ExportQuery } },
    async (request, reply) => {
      const actor = await actorOf(request);
      const q = request.query;
      const file = await withIssuePaths(inQuerystring, () =>
        exportArticles(ctx.core, actor, { kind: q.kind, status: list(q.status) }),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.csv);
    },
  );

  app.get<{ Querystring: Query }>(
    '/api/kb/gaps',
    { schema: { tags, summary: '知识缺口（按问题归并计数）', querystring: GapsQuery } },
    async (request) => {
      const actor = await actorOf(request);
      const q = request.query;
      return withIssuePaths(inQuerystring, () =>
        listGaps(ctx.core, actor, { status: q.status, page: int(q.page), pageSize: int(q.pageSize) }),
      );
    },
  );

  app.post(
    '/api/kb/gaps',
    { schema: { tags, summary: '登记知识缺口', body: GapBody } },
    async (request, reply) => {
      const actor = await actorOf(request);
      return reply.status(201).send(await recordGap(ctx.core, actor, request.body));
    },
  );

  app.post<{ Params: Id }>(
    '/api/kb/gaps/:id/resolve',
    {
      schema: { tags, summary: '处理知识缺口（关联知识条目或忽略）', params: IdParams, body: ResolveGapBody },
    },
    async (request) => resolveGap(ctx.core, await actorOf(request), request.params.id, request.body),
  );

  app.get('/api/kb/stats', { schema: { tags, summary: '知识库统计与命中率' } }, async (request) =>
    knowledgeStats(ctx.core, await actorOf(request)),
  );

  kbSynonymRoutes(app, ctx);
}
