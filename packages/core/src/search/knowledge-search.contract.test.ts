import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../create-core.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { createKnowledgeSearch } from './knowledge-search.js';
import {
  type TestArticle,
  insertArticles,
  insertSynonymGroup,
  insertUnits,
  setArticleStatus,
  updateArticle,
} from './test-support/kb-articles.js';

const TODAY = '2026-11-28';

const titles = (r: { items: { title: string }[] }) => r.items.map((i) => i.title);

describeEachDatabase('knowledge search', (fixture) => {
  let core: TestCore;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    core = await fixture.newCore();
    await insertUnits(core.database.db, [
      { id: 'dist-a', name: '甲区人民政府' },
      { id: 'dist-a-hr', name: '甲区人社局', parentId: 'dist-a' },
      { id: 'dist-a-police', name: '甲区公安分局', parentId: 'dist-a' },
      { id: 'dist-b', name: '乙区人民政府' },
      { id: 'dist-b-hr', name: '乙区人社局', parentId: 'dist-b' },
    ]);
    const articles: TestArticle[] = [
      {
        id: 'hf',
        title: '住房公积金提取',
        ownerUnitId: 'dist-a-hr',
        ownerUnitName: '甲区人社局',
        keywords: '公积金 提取公积金',
        fields: {
          conditions: '职工购买、建造、翻建、大修自住住房的，可以提取住房公积金账户内的存储余额。',
          materials: '申请人有效居民身份证、购房合同或不动产权证书、本人银行卡。',
          phone: '0826-1234567',
        },
      },
      {
        id: 'id',
        title: '居民身份证补领',
        ownerUnitId: 'dist-a-police',
        ownerUnitName: '甲区公安分局',
        fields: { materials: '户口簿、近期免冠照片。' },
      },
      { id: 'hk', title: '户籍迁移登记', ownerUnitId: 'dist-a-police', ownerUnitName: '甲区公安分局' },
      {
        id: 'ss',
        title: '企业职工社会保险关系转移接续',
        ownerUnitId: 'dist-b-hr',
        ownerUnitName: '乙区人社局',
      },
      {
        id: 'faq',
        kind: 'faq',
        title: '社保断缴了还能补缴吗？',
        ownerUnitId: 'dist-b-hr',
        ownerUnitName: '乙区人社局',
        fields: {
          question: '社保断缴了还能补缴吗？',
          answer: '企业职工基本养老保险费可按规定补缴，请携带身份证到社保经办窗口办理。',
        },
      },
      { id: 'old', title: '城镇居民医疗保险参保登记', validTo: '2025-12-31', ownerUnitName: '甲区医保局' },
      {
        id: 'future',
        title: '城乡居民医疗保险参保登记',
        validFrom: '2027-01-01',
        ownerUnitName: '甲区医保局',
      },
      { id: 'draft', title: '个体工商户设立登记', status: 'draft', ownerUnitName: '甲区市场监管局' },
    ];
    for (const a of await insertArticles(core.database, articles)) ids[a] = a;
  });

  describe('matching', () => {
    it('finds an article by its own words, with snippet and highlights', async () => {
      const r = await core.search.search({ q: '公积金提取需要什么材料', today: TODAY });
      expect(titles(r)[0]).toBe('住房公积金提取');
      const hit = r.items[0];
      expect(hit?.highlights).toContain('公积金提取');
      expect(hit?.snippet).toContain('公积金');
      expect(hit?.snippet.length).toBeLessThanOrEqual(90);
      expect(hit?.ownerUnitId).toBe('dist-a-hr');
      expect(hit?.publishedVersion).toBe(1);
      expect(r.terms).toEqual(expect.arrayContaining(['公积金提取', '材料']));
    });

    it('matches homophone typos', async () => {
      expect(titles(await core.search.search({ q: '公基金提取', today: TODAY }))[0]).toBe('住房公积金提取');
      expect(titles(await core.search.search({ q: '身分证丢了怎么补办', today: TODAY }))[0]).toBe(
        '居民身份证补领',
      );
      const r = await core.search.search({ q: '户藉迁移', today: TODAY });
      expect(titles(r)[0]).toBe('户籍迁移登记');
      expect(r.terms).toContain('户籍迁移');
    });

    it('expands colloquial synonyms', async () => {
      expect(titles(await core.search.search({ q: '社保怎么转到外地', today: TODAY }))).toContain(
        '企业职工社会保险关系转移接续',
      );
      const r = await core.search.search({ q: '户口迁过来', today: TODAY });
      expect(titles(r)[0]).toBe('户籍迁移登记');
      expect(r.terms).toContain('户籍');
    });

    it('merges the centre synonym groups (kb_synonyms) at the next search', async () => {
      expect(titles(await core.search.search({ q: '暖房卡', today: TODAY }))).toEqual([]);
      await insertSynonymGroup(core.database, ['住房公积金', '暖房卡']);
      expect(titles(await core.search.search({ q: '暖房卡', today: TODAY }))[0]).toBe('住房公积金提取');
    });

    it('returns nothing for fillers only or an empty query', async () => {
      expect((await core.search.search({ q: '请问怎么办呢', today: TODAY })).items).toEqual([]);
      expect((await core.search.search({ q: '   ', today: TODAY })).total).toBe(0);
    });

    it('caps the limit and counts every match', async () => {
      const r = await core.search.search({ q: '登记', today: TODAY, limit: 1 });
      expect(r.items).toHaveLength(1);
      expect(r.total).toBeGreaterThanOrEqual(1);
      const many = await core.search.search({ q: '登记', today: TODAY, limit: 500 });
      expect(many.items.length).toBeLessThanOrEqual(50);
    });
  });

  describe('filters', () => {
    it('filters by kind', async () => {
      const faq = await core.search.search({ q: '社保补缴', kind: 'faq', today: TODAY });
      expect(faq.items.map((i) => i.articleId)).toEqual(['faq']);
      expect(faq.items[0]?.kind).toBe('faq');
      const guides = await core.search.search({ q: '社保补缴', kind: 'guide', today: TODAY });
      expect(guides.items.every((i) => i.kind === 'guide')).toBe(true);
    });

    it('scopes by owner unit subtree', async () => {
      const all = await core.search.search({ q: '社保', today: TODAY });
      expect(all.items.length).toBeGreaterThanOrEqual(2);
      const a = await core.search.search({ q: '社保 公积金 身份证', unitId: 'dist-a', today: TODAY });
      expect(a.items.map((i) => i.ownerUnitId).every((u) => u?.startsWith('dist-a'))).toBe(true);
      expect(a.items.map((i) => i.articleId)).toEqual(expect.arrayContaining(['hf', 'id']));
      const police = await core.search.search({ q: '公积金 身份证', unitId: 'dist-a-police', today: TODAY });
      expect(police.items.map((i) => i.articleId)).toEqual(['id']);
      const b = await core.search.search({ q: '公积金', unitId: 'dist-b', today: TODAY });
      expect(b.items).toEqual([]);
      expect((await core.search.search({ q: '公积金', unitId: 'no-such-unit', today: TODAY })).items).toEqual(
        [],
      );
    });

    it('shows published articles only unless other statuses are asked for', async () => {
      expect(titles(await core.search.search({ q: '个体工商户设立', today: TODAY }))).not.toContain(
        '个体工商户设立登记',
      );
      const drafts = await core.search.search({
        q: '个体工商户设立',
        statuses: ['draft', 'published'],
        today: TODAY,
      });
      expect(drafts.items[0]).toMatchObject({
        title: '个体工商户设立登记',
        status: 'draft',
        publishedVersion: null,
      });
    });

    it('leaves out articles not valid today unless expired ones are included', async () => {
      const q = '居民医疗保险参保登记';
      expect(titles(await core.search.search({ q, today: TODAY }))).toEqual([]);
      expect(titles(await core.search.search({ q, today: '2027-02-01' }))).toEqual([
        '城乡居民医疗保险参保登记',
      ]);
      expect(titles(await core.search.search({ q, today: TODAY, includeExpired: true })).sort()).toEqual([
        '城乡居民医疗保险参保登记',
        '城镇居民医疗保险参保登记',
      ]);
    });
  });

  describe('freshness', () => {
    let other: TestCore & { close(): Promise<void> };
    beforeAll(async () => {
      // Another process on the same database: its own core, its own index.
      other = Object.assign(createCore({ databaseUrl: core.url }), { url: core.url });
      await other.search.search({ q: '公积金', today: TODAY });
      return () => other.close();
    });

    it('finds a newly published article at once, in this process and another', async () => {
      const q = '新能源汽车充电桩报装';
      expect((await core.search.search({ q, today: TODAY })).items).toEqual([]);
      await insertArticles(core.database, [
        { id: 'ev', title: '新能源汽车充电桩报装', ownerUnitName: '甲区发改局' },
      ]);
      expect(titles(await core.search.search({ q, today: TODAY }))).toEqual(['新能源汽车充电桩报装']);
      expect(titles(await other.search.search({ q, today: TODAY }))).toEqual(['新能源汽车充电桩报装']);
    });

    it('reflects a new version: new words found, old ones gone', async () => {
      await updateArticle(core.database, {
        id: 'ev',
        title: '电动自行车上牌登记',
        ownerUnitName: '甲区公安分局',
      });
      for (const s of [core.search, other.search]) {
        expect(titles(await s.search({ q: '充电桩报装', today: TODAY }))).toEqual([]);
        const r = await s.search({ q: '电动车上牌', today: TODAY });
        expect(r.items[0]).toMatchObject({
          articleId: 'ev',
          title: '电动自行车上牌登记',
          publishedVersion: 2,
        });
      }
    });

    it('drops an expired or withdrawn article at once', async () => {
      await setArticleStatus(core.database, 'ev', 'expired');
      for (const s of [core.search, other.search]) {
        expect(titles(await s.search({ q: '电动自行车上牌', today: TODAY }))).toEqual([]);
        expect(titles(await s.search({ q: '电动自行车上牌', statuses: ['expired'], today: TODAY }))).toEqual([
          '电动自行车上牌登记',
        ]);
      }
      await setArticleStatus(core.database, 'ev', 'draft');
      expect(titles(await other.search.search({ q: '电动自行车上牌', today: TODAY }))).toEqual([]);
    });

    it('notices a row deleted outright', async () => {
      await insertArticles(core.database, [
        { id: 'gone', title: '临时占道施工审批', ownerUnitName: '甲区住建局' },
      ]);
      expect(titles(await other.search.search({ q: '占道施工', today: TODAY }))).toEqual([
        '临时占道施工审批',
      ]);
      await core.database.db.transaction().execute(async (tx) => {
        await tx.deleteFrom('kb_article_versions').where('article_id', '=', 'gone').execute();
        await tx.deleteFrom('kb_articles').where('id', '=', 'gone').execute();
        await tx
          .updateTable('kb_index_state')
          .set((eb) => ({ revision: eb('revision', '+', 1) }))
          .execute();
      });
      expect(titles(await other.search.search({ q: '占道施工', today: TODAY }))).toEqual([]);
    });

    it('stays correct through many changes (tombstones compacted)', async () => {
      const search = createKnowledgeSearch(core.database);
      await search.refresh();
      const churn = [...Array(30)].map((_, i) => ({
        id: `churn-${i}`,
        title: `第${i}号便民事项登记`,
        ownerUnitName: '甲区',
      }));
      await insertArticles(core.database, churn);
      for (let round = 0; round < 4; round++) {
        for (const a of churn.slice(0, 20)) {
          await updateArticle(core.database, { ...a, title: `第${round}轮修订便民事项登记` });
        }
        await search.refresh();
      }
      const r = await search.search({ q: '便民事项登记', today: TODAY, limit: 50 });
      expect(r.total).toBe(30);
      expect(new Set(r.items.map((i) => i.articleId)).size).toBe(30);
      expect(search.stats?.().tombstones).toBeLessThan(80);
      search.close();
    });
  });
});
