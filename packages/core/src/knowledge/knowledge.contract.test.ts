import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { CoreDeps } from '../deps.js';
import { SERVICE_ITEMS_CSV } from '../demo/demo-knowledge.js';
import { listAudit } from '../storage/admin.repository.js';
import { findArticle, findArticleByItemCode } from '../storage/kb-articles.repository.js';
import { currentRevision } from '../storage/kb-revision.repository.js';
import { expectAppError, fieldsOf, seedPeople } from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { DEMO_ACTORS } from '../test-support/fixtures.js';
import {
  approveVersion,
  createArticle,
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
} from './index.js';

const { agent, supervisor, admin, handler, market, eastadmin, heping, inspector } = DEMO_ACTORS;

const guide = (title: string, extra: Record<string, unknown> = {}) => ({
  kind: 'guide',
  title,
  keywords: '公积金 提取',
  fields: {
    materials: '身份证、购房合同',
    promisedDays: '5个工作日',
    onlineUrl: 'https://gjj.example.gov.cn/tq',
  },
  ownerUnitId: 'city-housing',
  ...extra,
});

/** Creates, submits and approves an article; returns its id. */
async function published(core: CoreDeps, title: string, extra: Record<string, unknown> = {}) {
  const a = await createArticle(core, supervisor, guide(title, extra));
  await submitVersion(core, supervisor, a.id, 1);
  await approveVersion(core, supervisor, a.id, 1);
  return a.id;
}

const CATALOGUE_HEADER = 'department,main_item,item_name,item_code,area_code,task_type,dept_code,link';
const line = (
  dept: string,
  name: string,
  code: string,
  link = `http://www.sczwfw.gov.cn/x?itemCode=${code}`,
) => `"${dept}","未分类","${name}","${code}","511602000000","1","0001","${link}"`;

describeEachDatabase('knowledge base', (db) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore();
    await seedPeople(core);
  });

  it('walks an article through the workflow, keeping every version', async () => {
    const created = await createArticle(core, handler, guide('住房公积金提取（购房）'));
    expect(created).toMatchObject({
      status: 'draft',
      latestVersion: 1,
      publishedVersion: null,
      kindLabel: '办事指南',
    });
    expect(created.allowedActions).toEqual(['edit', 'submit', 'withdraw']);
    expect(created.pendingVersion).toMatchObject({
      version: 1,
      status: 'draft',
      authorName: '刘洋（市住建局承办人）',
    });
    // Other units do not see a draft; nobody but editors approves.
    await expectAppError(getArticle(core, market, created.id), 'NOT_FOUND');
    await expectAppError(approveVersion(core, supervisor, created.id, 1), 'TRANSITION_NOT_ALLOWED');
    const submitted = await submitVersion(core, handler, created.id, 1);
    expect(submitted).toMatchObject({ status: 'in_review', statusLabel: '待审核' });
    await expectAppError(approveVersion(core, handler, created.id, 1), 'ROLE_NOT_PERMITTED');
    await expectAppError(approveVersion(core, agent, created.id, 1), 'ROLE_NOT_PERMITTED');
    const approved = await approveVersion(core, supervisor, created.id, 1, { comment: '同意发布' });
    expect(approved).toMatchObject({ status: 'published', publishedVersion: 1, pendingVersion: null });
    expect(approved.allowedActions).toEqual(['edit', 'expire']);

    // A proposal is rejected (a reason is required), a second one is approved.
    const v2 = await proposeVersion(core, handler, created.id, {
      title: '住房公积金提取（购房）',
      fields: { materials: '身份证', onlineUrl: 'https://gjj.example.gov.cn/tq' },
      changeNote: '精简材料',
      baseVersion: 1,
    });
    expect(v2).toMatchObject({
      status: 'published',
      latestVersion: 2,
      fields: { materials: '身份证、购房合同' },
    });
    expect(v2.pendingVersion).toMatchObject({ version: 2, status: 'draft', changeNote: '精简材料' });
    await submitVersion(core, handler, created.id, 2);
    const noReason = await expectAppError(
      rejectVersion(core, supervisor, created.id, 2, {}),
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(noReason)).toEqual(['comment']);
    await rejectVersion(core, supervisor, created.id, 2, { comment: '材料依据不足' });
    const v3 = await proposeVersion(core, supervisor, created.id, {
      title: '住房公积金提取（购买自住住房）',
      keywords: '公积金 提取 买房',
      fields: { materials: '身份证、购房合同、首付款发票', onlineUrl: 'https://gjj.example.gov.cn/tq' },
      changeNote: '补充首付款发票',
      baseVersion: 2,
    });
    await submitVersion(core, supervisor, v3.id, 3);
    const after = await approveVersion(core, admin, v3.id, 3);
    expect(after).toMatchObject({
      title: '住房公积金提取（购买自住住房）',
      publishedVersion: 3,
      fields: { materials: '身份证、购房合同、首付款发票' },
    });
    const history = await listArticleVersions(core, supervisor, created.id);
    expect(history.items.map((v) => [v.version, v.status])).toEqual([
      [3, 'published'],
      [2, 'rejected'],
      [1, 'superseded'],
    ]);
    expect(history.items[1]).toMatchObject({
      reviewComment: '材料依据不足',
      reviewedByName: '孙伟（值班长）',
    });
    // The evidence version stays readable as it was; readers outside the unit see published history only.
    const first = await getArticleVersion(core, agent, created.id, 1);
    expect(first).toMatchObject({ status: 'superseded', fields: { materials: '身份证、购房合同' } });
    expect((await listArticleVersions(core, market, created.id)).items.map((v) => v.version)).toEqual([3, 1]);
    await expectAppError(getArticleVersion(core, market, created.id, 2), 'NOT_FOUND');
  });

  it('refuses units outside the owner unit, and lets a unit admin act for its sub-units', async () => {
    const id = await published(core, '房屋维修资金使用');
    const refused = await expectAppError(
      proposeVersion(core, market, id, { title: 'x', fields: {}, changeNote: '改', baseVersion: 1 }),
      'ROLE_NOT_PERMITTED',
    );
    expect(refused.message).toContain('不属于本单位');
    await expectAppError(createArticle(core, market, guide('替别人建')), 'ROLE_NOT_PERMITTED');
    await expectAppError(
      createArticle(core, heping, guide('街道替区建', { ownerUnitId: 'east' })),
      'ROLE_NOT_PERMITTED',
    );
    const street = await createArticle(
      core,
      eastadmin,
      guide('街道便民服务', { ownerUnitId: 'east-heping' }),
    );
    expect(street.allowedActions).toContain('submit');
    // A unit may not hand its article to another unit either.
    await expectAppError(
      proposeVersion(core, handler, id, {
        title: '房屋维修资金使用',
        fields: {},
        ownerUnitId: 'city-market',
        changeNote: '移交',
        baseVersion: 1,
      }),
      'ROLE_NOT_PERMITTED',
    );
    await expectAppError(expireArticle(core, handler, id, { reason: '过时' }), 'ROLE_NOT_PERMITTED');
    // Inspectors (centre) may propose; withdrawing is for the author or an editor.
    const proposal = await proposeVersion(core, inspector, id, {
      title: '房屋维修资金使用',
      fields: { phone: '0931-8120001' },
      changeNote: '准确度检查发现电话有误',
      baseVersion: 1,
    });
    expect(proposal.pendingVersion?.version).toBe(2);
    await expectAppError(withdrawVersion(core, agent, id, 2), 'ROLE_NOT_PERMITTED');
    const withdrawn = await withdrawVersion(core, inspector, id, 2, { comment: '重新核实' });
    expect(withdrawn).toMatchObject({ status: 'published', pendingVersion: null, latestVersion: 2 });
  });

  it('detects concurrent proposals on the same base version (CONFLICT)', async () => {
    const id = await published(core, '住房租赁备案');
    const body = (note: string) => ({
      title: '住房租赁备案',
      fields: { fee: '不收费' },
      changeNote: note,
      baseVersion: 1,
    });
    const results = await Promise.allSettled([
      proposeVersion(core, handler, id, body('甲')),
      proposeVersion(core, supervisor, id, body('乙')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason.code).toBe('CONFLICT');
    expect(fieldsOf(failure.reason)).toEqual(['baseVersion']);
    // A stale base is refused too; a proposal while one is in review is not allowed.
    await submitVersion(core, handler, id, 2);
    await expectAppError(proposeVersion(core, handler, id, body('丙')), 'TRANSITION_NOT_ALLOWED');
    const versions = await listArticleVersions(core, supervisor, id);
    expect(versions.items.map((v) => v.version)).toEqual([2, 1]);
  });

  it('a new proposal replaces a pending draft (withdrawn, kept in history)', async () => {
    const id = await published(core, '公积金贷款');
    await proposeVersion(core, handler, id, {
      title: '公积金贷款',
      fields: {},
      changeNote: '草稿一',
      baseVersion: 1,
    });
    const next = await proposeVersion(core, supervisor, id, {
      title: '公积金贷款',
      fields: { fee: '不收费' },
      changeNote: '草稿二',
      baseVersion: 2,
    });
    expect(next.pendingVersion).toMatchObject({ version: 3, changeNote: '草稿二' });
    const versions = await listArticleVersions(core, supervisor, id);
    expect(versions.items.map((v) => [v.version, v.status])).toEqual([
      [3, 'draft'],
      [2, 'withdrawn'],
      [1, 'published'],
    ]);
  });

  it('bumps the search revision with every change and publishing makes an article searchable', async () => {
    const before = await currentRevision(core.database.db);
    const a = await createArticle(
      core,
      supervisor,
      guide('残疾人两项补贴申领', { keywords: '两项补贴 护理补贴' }),
    );
    const r1 = await currentRevision(core.database.db);
    expect(r1).toBe(before + 1);
    expect((await findArticle(core.database.db, a.id))?.searchRevision).toBe(r1);
    const hidden = await searchKnowledge(core, agent, { q: '残疾人两项补贴' });
    expect(hidden.items.map((h) => h.articleId)).not.toContain(a.id);
    const drafts = await searchKnowledge(core, supervisor, { q: '残疾人两项补贴', includeDrafts: true });
    expect(drafts.items.map((h) => h.articleId)).toContain(a.id);
    await submitVersion(core, supervisor, a.id, 1);
    await approveVersion(core, supervisor, a.id, 1);
    const r3 = await currentRevision(core.database.db);
    expect(r3).toBe(before + 3);
    expect((await findArticle(core.database.db, a.id))?.searchRevision).toBe(r3);
    const found = await searchKnowledge(core, agent, { q: '残疾人两项补贴' });
    expect(found.items.map((h) => h.articleId)).toContain(a.id);
    expect(found.tookMs).toBeGreaterThanOrEqual(0);
    await expectAppError(
      searchKnowledge(core, handler, { q: '补贴', includeDrafts: true }),
      'ROLE_NOT_PERMITTED',
    );
    await expectAppError(searchKnowledge(core, agent, { q: '  ' }), 'VALIDATION_FAILED');

    // Expired articles leave the agents' search; a later approval publishes again.
    await expectAppError(expireArticle(core, supervisor, a.id, {}), 'VALIDATION_FAILED');
    const expired = await expireArticle(core, supervisor, a.id, { reason: '政策调整' });
    expect(expired).toMatchObject({ status: 'expired', expiredReason: '政策调整', allowedActions: ['edit'] });
    expect(
      (await searchKnowledge(core, agent, { q: '残疾人两项补贴' })).items.map((h) => h.articleId),
    ).not.toContain(a.id);
    const listed = await listArticles(core, supervisor, { q: '残疾人两项补贴' });
    expect(listed.items.map((x) => x.id)).toContain(a.id);
  });

  it('lists with filters, scope and pagination; the review queue', async () => {
    const all = await listArticles(core, supervisor, { pageSize: 100 });
    expect(all.total).toBeGreaterThan(4);
    const drafts = await listArticles(core, supervisor, { status: ['draft'] });
    expect(drafts.items.every((a) => a.status === 'draft')).toBe(true);
    const housing = await listArticles(core, supervisor, { unitId: 'city-housing', pageSize: 100 });
    expect(housing.items.every((a) => a.ownerUnitId === 'city-housing')).toBe(true);
    const page2 = await listArticles(core, supervisor, { page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(2);
    expect(page2.total).toBe(all.total);
    // Units see published articles plus their own subtree's drafts.
    const marketView = await listArticles(core, market, { pageSize: 100 });
    expect(marketView.items.every((a) => a.status === 'published')).toBe(true);
    const eastView = await listArticles(core, eastadmin, { status: ['draft'] });
    expect(eastView.items.map((a) => a.title)).toContain('街道便民服务');
    await expectAppError(listArticles(core, supervisor, { status: ['nope'] }), 'VALIDATION_FAILED');
    const queue = await listReviewQueue(core, supervisor);
    expect(queue.items.map((i) => i.article.title)).toContain('住房租赁备案');
    expect(queue.items[0]?.version.status).toBe('in_review');
    expect((await listReviewQueue(core, market)).items).toEqual([]);
  });

  it('lists stale articles: review date passed, validity ended, owner renamed', async () => {
    const overdue = await published(core, '复核过期的指南', { nextReviewOn: '2020-01-01' });
    const ended = await published(core, '有效期已过的指南', {
      validFrom: '2019-01-01',
      validTo: '2020-12-31',
    });
    const renamed = await published(core, '单位更名的指南', { ownerUnitId: 'city-edu' });
    await core.database.db
      .updateTable('units')
      .set({ name: '市教育和体育局' })
      .where('id', '=', 'city-edu')
      .execute();
    try {
      const stale = await listStaleArticles(core, supervisor);
      const reasons = new Map(stale.items.map((a) => [a.id, a.stale.join('；')]));
      expect(reasons.get(overdue)).toContain('复核日期已过');
      expect(reasons.get(ended)).toContain('有效期已过');
      expect(reasons.get(renamed)).toContain('已更名');
      expect(stale.items.every((a) => a.stale.length > 0)).toBe(true);
      const flagged = await listArticles(core, supervisor, { stale: true, pageSize: 100 });
      expect(flagged.items.map((a) => a.id).sort()).toEqual(stale.items.map((a) => a.id).sort());
      // Approving a new version refreshes the owner's name.
      await proposeVersion(core, supervisor, renamed, {
        title: '单位更名的指南',
        fields: {},
        changeNote: '更名',
        baseVersion: 1,
      });
      await submitVersion(core, supervisor, renamed, 2);
      const fresh = await approveVersion(core, supervisor, renamed, 2);
      expect(fresh).toMatchObject({ ownerUnitName: '市教育和体育局', stale: [] });
    } finally {
      await core.database.db
        .updateTable('units')
        .set({ name: '市教育局' })
        .where('id', '=', 'city-edu')
        .execute();
    }
  });

  it('imports service items: good rows kept, bad rows reported per row and field', async () => {
    const csv = [
      CATALOGUE_HEADER,
      line('市住房和城乡建设局', '商品房预售许可', 'IMP-001'),
      line('区不存在局', '某项审批', 'IMP-002'),
      line('区不存在局', '另一项审批', 'IMP-003'),
      line('市住房和城乡建设局', '', 'IMP-004'),
      line('市住房和城乡建设局', '编码有空格', 'IMP 005', 'http://www.sczwfw.gov.cn/x'),
      line('市住房和城乡建设局', '网址不对', 'IMP-006', 'not-a-url'),
      line('市住房和城乡建设局', '重复的编码', 'IMP-001'),
      '"市住房和城乡建设局","未分类","列数不对"',
      line('市住房和城乡建设局', 'x'.repeat(201), 'IMP-007'),
    ].join('\n');
    const dry = await importServiceItems(core, supervisor, csv, { dryRun: true });
    expect(dry).toMatchObject({ created: 3, updated: 0, unchanged: 0, total: 9, dryRun: true });
    const byCode = (code: string) => findArticleByItemCode(core.database.db, code);
    expect(await byCode('IMP-001')).toBeUndefined();
    const result = await importServiceItems(core, supervisor, csv);
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0, total: 9, dryRun: false });
    expect(result.rejected.map((r) => [r.row, r.field])).toEqual([
      [5, 'item_name'],
      [6, 'item_code'],
      [7, 'link'],
      [8, 'item_code'],
      [9, 'columns'],
      [10, 'item_name'],
    ]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ row: 3, field: 'department', message: expect.stringContaining('共 2 行') }),
    ]);
    const imported = await byCode('IMP-001');
    expect(imported).toMatchObject({
      status: 'published',
      itemCode: 'IMP-001',
      ownerUnitId: 'city-housing',
      publishedVersion: 1,
    });
    const detail = await getArticle(core, agent, imported!.id);
    expect(detail.fields.onlineUrl).toBe('http://www.sczwfw.gov.cn/x?itemCode=IMP-001');
    expect(detail.fields.summary).toContain('以官方办事指南为准');
    const nameOnly = await byCode('IMP-002');
    expect(nameOnly).toMatchObject({ ownerUnitId: null, ownerUnitName: '区不存在局' });
    const v1 = await listArticleVersions(core, supervisor, imported!.id);
    expect(v1.items).toEqual([
      expect.objectContaining({ version: 1, status: 'published', changeNote: '导入' }),
    ]);

    // Re-importing the same file changes nothing; a changed row publishes a new version.
    const again = await importServiceItems(core, supervisor, csv);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const changed = csv.replace('商品房预售许可', '商品房预售许可（含变更）');
    const third = await importServiceItems(core, supervisor, changed);
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const versions = await listArticleVersions(core, supervisor, imported!.id);
    expect(versions.items.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    // Only the centre's editors import.
    await expectAppError(importServiceItems(core, agent, csv), 'ROLE_NOT_PERMITTED');
    await expectAppError(importServiceItems(core, supervisor, 'name,code\nx,y'), 'VALIDATION_FAILED');
    await expectAppError(importServiceItems(core, supervisor, ''), 'VALIDATION_FAILED');
  });

  it('refuses to import over a pending revision of an item', async () => {
    const csv = [CATALOGUE_HEADER, line('市住房和城乡建设局', '待审的事项', 'PEND-1')].join('\n');
    await importServiceItems(core, supervisor, csv);
    const id = (await findArticleByItemCode(core.database.db, 'PEND-1'))!.id;
    await proposeVersion(core, handler, id, {
      title: '待审的事项',
      fields: {},
      changeNote: '改',
      baseVersion: 1,
    });
    const unchanged = await importServiceItems(core, supervisor, csv);
    expect(unchanged).toMatchObject({ unchanged: 1, rejected: [] });
    const result = await importServiceItems(core, supervisor, csv.replace('待审的事项', '待审的事项（新）'));
    expect(result).toMatchObject({
      updated: 0,
      rejected: [expect.objectContaining({ row: 2, field: 'item_code' })],
    });
  });

  it('exports guides as CSV that re-imports unchanged, and audits the export', async () => {
    const exported = await exportArticles(core, supervisor, { kind: 'guide' });
    expect(exported.csv.startsWith('\uFEFFkind,item_code,item_name,department')).toBe(true);
    expect(exported.rows).toBeGreaterThan(5);
    const audit = await listAudit(core.database.db, { action: 'export', limit: 5 });
    expect(audit[0]).toMatchObject({
      actorId: supervisor.userId,
      targetType: 'kb_articles',
      detail: { rows: exported.rows },
    });
    // Guides without an item code cannot be matched by an import: they are refused, the rest are unchanged.
    const withCode = (await listArticles(core, supervisor, { kind: 'guide', pageSize: 100 })).items.filter(
      (a) => a.itemCode,
    ).length;
    const back = await importServiceItems(core, supervisor, exported.csv);
    expect(back).toMatchObject({ created: 0, updated: 0, unchanged: withCode });
    expect(back.warnings.map((w) => w.field)).toEqual(['department']);
    expect(back.rejected.every((r) => r.field === 'item_code')).toBe(true);
    const faqs = await exportArticles(core, null, { kind: 'faq' });
    expect(faqs.csv.split('\n')[0]).toContain('question,answer');
    expect((await listAudit(core.database.db, { action: 'export', limit: 1 }))[0]).toMatchObject({
      actorId: null,
      detail: { via: 'cli' },
    });
    const unitExport = await exportArticles(core, market, {});
    expect(unitExport.csv).not.toContain('街道便民服务');
  });

  it('records gaps, counts them by normalised question and resolves a question at once', async () => {
    const g1 = await recordGap(core, agent, { question: '社保怎么转移到外地？', query: '社保转移' });
    await recordGap(core, agent, { question: '社保 怎么转移到外地?' });
    await recordGap(core, handler, { question: '充电桩安装需要物业同意吗' });
    await expectAppError(recordGap(core, agent, { question: '' }), 'VALIDATION_FAILED');
    await expectAppError(recordGap(core, agent, { question: 'x', orderId: 'nope' }), 'VALIDATION_FAILED');
    const open = await listGaps(core, supervisor, { status: 'open' });
    expect(open.items.map((g) => [g.question, g.count])).toEqual([
      [expect.stringMatching(/^社保 ?怎么转移到外地[?？]$/), 2],
      ['充电桩安装需要物业同意吗', 1],
    ]);
    expect(open.total).toBe(2);
    await expectAppError(listGaps(core, handler), 'ROLE_NOT_PERMITTED');
    await expectAppError(resolveGap(core, agent, g1.id, { dismiss: true }), 'ROLE_NOT_PERMITTED');
    await expectAppError(resolveGap(core, supervisor, g1.id, {}), 'VALIDATION_FAILED');
    const article = await published(core, '社会保险关系转移');
    const resolved = await resolveGap(core, supervisor, g1.id, { articleId: article, note: '已补充指南' });
    expect(resolved).toMatchObject({
      status: 'answered',
      statusLabel: '已补充',
      articleId: article,
      count: 2,
    });
    expect((await listGaps(core, supervisor, { status: 'open' })).items).toHaveLength(1);
    await expectAppError(resolveGap(core, supervisor, g1.id, { dismiss: true }), 'TRANSITION_NOT_ALLOWED');
    const stats = await knowledgeStats(core, supervisor);
    expect(stats.openGaps).toBe(1);
    expect(stats.articles.byKind.guide).toBeGreaterThan(5);
    expect(stats.pendingReviews).toBeGreaterThanOrEqual(1);
    expect(stats.stale).toBeGreaterThanOrEqual(2);
    await expectAppError(knowledgeStats(core, handler), 'ROLE_NOT_PERMITTED');
  });

  it('computes the hit rate from direct answers of consultations', async () => {
    const { createWorkOrder } = await import('../use-cases/create-work-order.js');
    const { transitionWorkOrder } = await import('../use-cases/transition-work-order.js');
    const answer = async (withArticle: boolean) => {
      const order = await createWorkOrder(core, agent, {
        channel: 'phone',
        appealType: 'consultation',
        title: '咨询公积金提取',
        content: '来电人咨询公积金提取材料。',
        anonymous: true,
      });
      await transitionWorkOrder(core, agent, order.id, {
        event: 'answer_directly',
        input: { answer: '已按办事指南告知。' },
        version: order.version,
      });
      if (withArticle) {
        const article = (await listArticles(core, agent, { status: ['published'], pageSize: 1 })).items[0]!;
        await core.database.db
          .insertInto('kb_answers')
          .values({
            order_id: order.id,
            article_id: article.id,
            version: 1,
            answered_by: agent.userId,
            answered_at: 'x',
          })
          .execute();
      }
    };
    await answer(true);
    await answer(true);
    await answer(false);
    const stats = await knowledgeStats(core, supervisor);
    expect(stats).toMatchObject({ directAnswers: 3, directAnswersWithArticle: 2 });
    expect(stats.hitRate).toBeCloseTo(2 / 3);
  });
});

describeEachDatabase('knowledge base: the demo', (db) => {
  it('seeds the shipped catalogue, Jincheng knowledge points, a stale list, a proposal in review and gaps', async () => {
    const core = await db.newCore();
    const { seedDemo } = await import('../demo/seed-demo.js');
    await seedDemo(core);
    const stats = await knowledgeStats(core, supervisor);
    const lines = readFileSync(SERVICE_ITEMS_CSV, 'utf8').trim().split('\n').length - 1;
    expect(stats.articles.byKind).toEqual({ guide: lines, faq: 25 });
    expect(stats.pendingReviews).toBe(1);
    // The demo's two gaps, and those its consultations answered without an article left.
    expect(stats.openGaps).toBeGreaterThanOrEqual(2);
    const gaps = await listGaps(core, supervisor, { status: 'open' });
    expect(gaps.items.map((g) => g.question)).toContain('养犬登记在哪里办理？');
    expect(stats.stale).toBeGreaterThanOrEqual(3);
    const hrss = await listArticles(core, supervisor, { unitId: 'city-hrss', kind: 'guide' });
    expect(hrss.total).toBe(144);
    const queue = await listReviewQueue(core, supervisor);
    expect(queue.items[0]?.version).toMatchObject({
      authorName: '刘洋（市住建局承办人）',
      status: 'in_review',
    });
    const search = await searchKnowledge(core, agent, { q: '社保卡' });
    expect(search.items.length).toBeGreaterThan(0);
  }, 60_000);
});
