import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../core/src/test-support/databases.js';
import { expectError, issueFields, useCity } from '../test-support/http.js';

const HEADER = 'department,main_item,item_name,item_code,area_code,task_type,dept_code,link';
const row = (name: string, code: string, link = 'http://www.sczwfw.gov.cn/x') =>
  `"市住房和城乡建设局","未分类","${name}","${code}","511602000000","1","0001","${link}"`;

const guide = {
  kind: 'guide',
  title: '住房公积金提取（租房）',
  keywords: '公积金 租房',
  fields: { materials: '身份证、租赁合同', onlineUrl: 'https://gjj.example.gov.cn/zf' },
  ownerUnitId: 'city-housing',
};

describeEachDatabase('HTTP knowledge base', (db) => {
  const city = useCity(db, { logins: ['agent', 'handler', 'market', 'supervisor', 'admin'] });
  const call = async (
    method: 'GET' | 'POST',
    url: string,
    user?: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    city.app.inject({
      method,
      url,
      headers: { ...(user ? await city.auth(user) : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  const csv = (user: string, body: string | Buffer, query = '', type = 'text/csv; charset=utf-8') =>
    call('POST', `/api/kb/import${query}`, user, body, { 'content-type': type });

  describe('reading', () => {
    it('GET /api/kb/search finds the demo knowledge and reports tookMs', async () => {
      const res = await call('GET', `/api/kb/search?q=${encodeURIComponent('社保卡')}&limit=5`, 'agent');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        terms: expect.any(Array),
        total: expect.any(Number),
        tookMs: expect.any(Number),
      });
      expect(body.items.length).toBeGreaterThan(0);
      expect(body.items[0]).toMatchObject({ articleId: expect.any(String), status: 'published' });
      expectError(await call('GET', '/api/kb/search?q=x'), 401, 'UNAUTHENTICATED');
      const missing = expectError(await call('GET', '/api/kb/search', 'agent'), 400, 'VALIDATION_FAILED');
      expect(issueFields(missing)).toEqual(['querystring.q']);
      expectError(await call('GET', '/api/kb/search?q=x&limit=99', 'agent'), 400, 'VALIDATION_FAILED');
      expectError(
        await call('GET', '/api/kb/search?q=x&includeDrafts=1', 'handler'),
        403,
        'ROLE_NOT_PERMITTED',
      );
    });

    it('GET /api/kb/articles filters and pages; bad filters name the query field', async () => {
      const res = await call('GET', '/api/kb/articles?kind=faq&status=published&pageSize=5', 'agent');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items).toHaveLength(5);
      expect(body.total).toBe(25);
      expect(body.items[0]).toMatchObject({
        kind: 'faq',
        kindLabel: '知识点',
        statusLabel: '已发布',
        stale: expect.any(Array),
      });
      const stale = await call('GET', '/api/kb/articles?stale=1', 'supervisor');
      expect(stale.json().total).toBeGreaterThanOrEqual(3);
      const bad = expectError(
        await call('GET', '/api/kb/articles?status=nope', 'agent'),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(bad)).toEqual(['querystring.status']);
      expectError(await call('GET', '/api/kb/articles?pageSize=500', 'agent'), 400, 'VALIDATION_FAILED');
      expectError(await call('GET', '/api/kb/articles?colour=red', 'agent'), 400, 'VALIDATION_FAILED');
      const hits = await call('GET', `/api/kb/articles?q=${encodeURIComponent('失业保险金')}`, 'agent');
      expect(hits.json().total).toBeGreaterThan(0);
    });

    it('GET /api/kb/stale, /review-queue and /stats', async () => {
      const stale = (await call('GET', '/api/kb/stale', 'supervisor')).json();
      expect(stale.items.length).toBeGreaterThanOrEqual(3);
      expect(stale.items[0].stale[0]).toContain('复核日期已过');
      const queue = (await call('GET', '/api/kb/review-queue', 'supervisor')).json();
      expect(queue.items[0]).toMatchObject({
        article: { kind: 'faq' },
        version: { status: 'in_review', version: 2 },
      });
      const stats = await call('GET', '/api/kb/stats', 'supervisor');
      expect(stats.statusCode).toBe(200);
      expect(stats.json()).toMatchObject({
        articles: { byKind: { guide: 1135, faq: 25 } },
        pendingReviews: 1,
        hitRate: expect.anything(),
        hitRateFormula: expect.stringContaining('÷'),
      });
      expectError(await call('GET', '/api/kb/stats', 'handler'), 403, 'ROLE_NOT_PERMITTED');
    });

    it('GET /api/kb/articles/:id and versions; unknown ids are 404', async () => {
      const queue = (await call('GET', '/api/kb/review-queue', 'supervisor')).json();
      const id = queue.items[0].article.id;
      const detail = (await call('GET', `/api/kb/articles/${id}`, 'supervisor')).json();
      expect(detail).toMatchObject({
        pendingVersion: { version: 2, status: 'in_review' },
        allowedActions: ['approve', 'reject', 'withdraw', 'expire'],
        fieldSpecs: { question: { label: '问题' }, answer: { kind: 'text' } },
      });
      const versions = (await call('GET', `/api/kb/articles/${id}/versions`, 'supervisor')).json();
      expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      const v1 = await call('GET', `/api/kb/articles/${id}/versions/1`, 'agent');
      expect(v1.json()).toMatchObject({
        version: 1,
        status: 'published',
        fields: { question: expect.any(String) },
      });
      expectError(await call('GET', `/api/kb/articles/${id}/versions/2`, 'market'), 404, 'NOT_FOUND');
      expect((await call('GET', `/api/kb/articles/${id}/versions/2`, 'agent')).statusCode).toBe(200);
      expectError(await call('GET', '/api/kb/articles/nope', 'agent'), 404, 'NOT_FOUND');
      expectError(await call('GET', `/api/kb/articles/${id}/versions/x`, 'agent'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('writing', () => {
    it('creates, submits, approves; refuses the wrong roles with 403 and stale bases with 409', async () => {
      const created = await call('POST', '/api/kb/articles', 'handler', guide);
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      expect(created.json()).toMatchObject({
        status: 'draft',
        latestVersion: 1,
        allowedActions: ['edit', 'submit', 'withdraw'],
      });
      expectError(
        await call('POST', '/api/kb/articles', 'market', { ...guide, title: '别的单位' }),
        403,
        'ROLE_NOT_PERMITTED',
      );
      const submitted = await call('POST', `/api/kb/articles/${id}/versions/1/submit`, 'handler');
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json().status).toBe('in_review');
      expectError(
        await call('POST', `/api/kb/articles/${id}/versions/1/approve`, 'handler', {}),
        403,
        'ROLE_NOT_PERMITTED',
      );
      const rejectNoReason = expectError(
        await call('POST', `/api/kb/articles/${id}/versions/1/reject`, 'supervisor', {}),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(rejectNoReason)).toEqual(['comment']);
      const approved = await call('POST', `/api/kb/articles/${id}/versions/1/approve`, 'supervisor', {
        comment: '同意',
      });
      expect(approved.json()).toMatchObject({ status: 'published', publishedVersion: 1 });
      expectError(
        await call('POST', `/api/kb/articles/${id}/versions/1/approve`, 'supervisor', {}),
        409,
        'TRANSITION_NOT_ALLOWED',
      );

      const proposal = {
        title: guide.title,
        fields: { materials: '身份证' },
        changeNote: '精简材料',
        baseVersion: 1,
      };
      const p = await call('POST', `/api/kb/articles/${id}/versions`, 'handler', proposal);
      expect(p.statusCode, p.body).toBe(201);
      expect(p.json().pendingVersion).toMatchObject({ version: 2, status: 'draft' });
      const stale = expectError(
        await call('POST', `/api/kb/articles/${id}/versions`, 'supervisor', proposal),
        409,
        'CONFLICT',
      );
      expect(issueFields(stale)).toEqual(['baseVersion']);
      expectError(
        await call('POST', `/api/kb/articles/${id}/versions`, 'market', { ...proposal, baseVersion: 2 }),
        403,
        'ROLE_NOT_PERMITTED',
      );
      const withdrawn = await call('POST', `/api/kb/articles/${id}/versions/2/withdraw`, 'handler', {
        comment: '重写',
      });
      expect(withdrawn.json()).toMatchObject({ pendingVersion: null, status: 'published' });
      expectError(
        await call('POST', `/api/kb/articles/${id}/expire`, 'supervisor', {}),
        400,
        'VALIDATION_FAILED',
      );
      const expired = await call('POST', `/api/kb/articles/${id}/expire`, 'supervisor', {
        reason: '政策调整',
      });
      expect(expired.json()).toMatchObject({
        status: 'expired',
        statusLabel: '已失效',
        expiredReason: '政策调整',
      });
    });

    it('validates bodies: over-long text, unknown fields, bad dates, bad addresses', async () => {
      const long = expectError(
        await call('POST', '/api/kb/articles', 'supervisor', { ...guide, title: '长'.repeat(201) }),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(long)).toEqual(['title']);
      const longField = expectError(
        await call('POST', '/api/kb/articles', 'supervisor', {
          ...guide,
          fields: { materials: '材'.repeat(4001) },
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(longField)).toEqual(['fields.materials']);
      const domain = expectError(
        await call('POST', '/api/kb/articles', 'supervisor', {
          ...guide,
          fields: { promisedDays: '天'.repeat(101), colour: '红', onlineUrl: 'javascript:alert(1)' },
          validFrom: '2026-02-30',
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect(issueFields(domain)).toEqual(
        expect.arrayContaining(['fields.colour', 'fields.promisedDays', 'validFrom']),
      );
      expectError(
        await call('POST', '/api/kb/articles', 'supervisor', { ...guide, extra: 1 }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await call('POST', '/api/kb/articles', 'supervisor', { ...guide, ownerUnitId: 'nope' }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await call('POST', '/api/kb/articles', 'supervisor', 'kind=guide', { 'content-type': 'text/plain' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      // The CSV parser belongs to the import route only.
      expectError(
        await call('POST', '/api/kb/gaps', 'agent', 'question\nx', { 'content-type': 'text/csv' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('gaps: record, list grouped, resolve', async () => {
      const g = await call('POST', '/api/kb/gaps', 'agent', {
        question: '电动自行车上牌在哪里办？',
        query: '电动车 上牌',
      });
      expect(g.statusCode, g.body).toBe(201);
      expect(g.json()).toMatchObject({
        status: 'open',
        statusLabel: '待补充',
        count: 1,
        askedByName: '李娜（话务员）',
      });
      await call('POST', '/api/kb/gaps', 'agent', { question: '电动自行车上牌在哪里办' });
      const open = (await call('GET', '/api/kb/gaps?status=open', 'supervisor')).json();
      const grouped = open.items.find((x: { question: string }) => x.question.startsWith('电动自行车上牌'));
      expect(grouped.count).toBe(2);
      expectError(await call('GET', '/api/kb/gaps?status=closed', 'supervisor'), 400, 'VALIDATION_FAILED');
      expectError(
        await call('POST', `/api/kb/gaps/${g.json().id}/resolve`, 'agent', { dismiss: true }),
        403,
        'ROLE_NOT_PERMITTED',
      );
      const done = await call('POST', `/api/kb/gaps/${g.json().id}/resolve`, 'supervisor', {
        dismiss: true,
        note: '非本市事项',
      });
      expect(done.json()).toMatchObject({ status: 'dismissed', count: 2 });
      expectError(
        await call('POST', '/api/kb/gaps', 'agent', { question: '问'.repeat(501) }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('import and export', () => {
    it('POST /api/kb/import takes text/csv: dry run, per-row errors, then idempotent re-import', async () => {
      const body = [
        HEADER,
        row('房屋交易网签备案', 'HTTP-1'),
        row('', 'HTTP-2'),
        row('坏网址', 'HTTP-3', 'ftp:/x'),
      ].join('\r\n');
      const dry = await csv('supervisor', body, '?dryRun=1');
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({ created: 1, updated: 0, unchanged: 0, total: 3, dryRun: true });
      const res = await csv('supervisor', body, '?kind=guide');
      expect(res.json()).toMatchObject({
        created: 1,
        rejected: [
          { row: 3, field: 'item_name', message: '缺少事项名称' },
          { row: 4, field: 'link', message: expect.stringContaining('网址') },
        ],
      });
      expect((await csv('supervisor', body)).json()).toMatchObject({ created: 0, unchanged: 1 });
      expectError(await csv('agent', body), 403, 'ROLE_NOT_PERMITTED');
      expectError(await csv('supervisor', body, '?kind=faq'), 400, 'VALIDATION_FAILED');
    });

    it('refuses non-CSV bodies (415), other encodings (400) and files over 10 MiB (413)', async () => {
      expectError(
        await csv('supervisor', JSON.stringify({ a: 1 }), '', 'application/json'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectError(await csv('supervisor', 'a,b', '', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const gbk = Buffer.from([0x69, 0x74, 0x65, 0x6d, 0x0a, 0xc9, 0xe7, 0xb1, 0xa3]);
      const bad = expectError(await csv('supervisor', gbk), 400, 'VALIDATION_FAILED');
      expect(bad.error.message).toContain('UTF-8');
      const huge = `${HEADER}\n${'x'.repeat(10 * 1024 * 1024)}`;
      expectError(await csv('supervisor', huge), 413, 'PAYLOAD_TOO_LARGE');
      expectError(await csv('supervisor', ''), 400);
      const header = expectError(await csv('supervisor', 'name,code\nx,y'), 400, 'VALIDATION_FAILED');
      expect(header.error.details?.issues?.[0]?.field).toBe('file');
    });

    it('GET /api/kb/export answers CSV, audited', async () => {
      const res = await call('GET', '/api/kb/export?kind=faq', 'supervisor');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="knowledge-faq-\d{8}\.csv"/);
      expect(res.body).toContain('12345热线受理哪些事项？');
      const audit = await call('GET', '/api/audit?action=export', 'admin');
      expect(audit.statusCode).toBe(200);
      expect(audit.json().items[0]).toMatchObject({
        action: 'export',
        targetType: 'kb_articles',
        detail: { kind: 'faq', rows: 25 },
      });
      expectError(await call('GET', '/api/kb/export?status=nope', 'supervisor'), 400, 'VALIDATION_FAILED');
    });
  });
});
