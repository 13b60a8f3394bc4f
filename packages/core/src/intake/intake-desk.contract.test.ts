import { putClosurePolicy } from '../closure/closure-policy.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, DEFAULT_PHRASES, DEFAULT_SCOPE_RULES } from '@huawu/domain';
import { prepareDatabase } from '../create-core.js';
import { listAudit } from '../storage/admin.repository.js';
import {
  A,
  countRows,
  expectAppError,
  fieldsOf,
  handlerOf,
  newOrder,
  seedPeople,
  step,
} from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { VALID_INTAKE } from '../test-support/fixtures.js';
import { getWorkOrder } from '../use-cases/get-work-order.js';
import { checkIntake } from './check-intake.js';
import { getCallerHistory } from './get-caller-history.js';
import { linkOrders } from './link-orders.js';
import { createPhrase, listPhrases, updatePhrase } from './manage-phrases.js';
import { createScopeRule, listScopeRules, updateScopeRule } from './manage-scope-rules.js';
import { importCategories, listCategories, updateCategoryEntry } from './manage-categories.js';
import { setCallerFlag } from './set-caller-flag.js';
import { takeCall } from './take-call.js';

const NOW = new Date('2026-06-01T02:00:00.000Z');

/** A knowledge-base article written straight into the tables (the KB use cases are tested elsewhere). */
async function seedArticle(
  core: TestCore,
  id: string,
  opts: { status: string; published: number | null; versions: [number, string, string][] },
) {
  const at = NOW.toISOString();
  await core.database.db
    .insertInto('kb_articles')
    .values({
      id,
      kind: 'faq',
      status: opts.status,
      title: opts.versions.at(-1)?.[2] ?? id,
      item_code: null,
      owner_unit_id: 'city-housing',
      owner_unit_name: '市住房和城乡建设局',
      keywords: '',
      fields: '{}',
      published_version: opts.published,
      latest_version: opts.versions.length,
      valid_from: null,
      valid_to: null,
      next_review_on: null,
      search_revision: 0,
      created_by: 'demo-admin',
      created_at: at,
      updated_at: at,
    } as never)
    .execute();
  for (const [version, status, title] of opts.versions) {
    await core.database.db
      .insertInto('kb_article_versions')
      .values({
        article_id: id,
        version,
        status,
        title,
        keywords: '',
        fields: '{}',
        owner_unit_id: 'city-housing',
        valid_from: null,
        valid_to: null,
        next_review_on: null,
        change_note: null,
        author_id: 'demo-admin',
        author_unit_id: 'centre',
        created_at: at,
        submitted_at: null,
        reviewed_by: null,
        reviewed_at: null,
        review_comment: null,
      })
      .execute();
  }
}

async function gaps(core: TestCore, orderId: string) {
  return core.database.db.selectFrom('kb_gaps').selectAll().where('order_id', '=', orderId).execute();
}

describeEachDatabase('intake desk (受理台)', (db) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await db.newCore({ now: () => NOW });
    await seedPeople(core);
    await seedArticle(core, 'kb-fund', {
      status: 'published',
      published: 2,
      versions: [
        [1, 'superseded', '公积金提取（旧）'],
        [2, 'published', '住房公积金提取指南'],
        [3, 'draft', '住房公积金提取指南（修订中）'],
      ],
    });
    await seedArticle(core, 'kb-draft', {
      status: 'draft',
      published: null,
      versions: [[1, 'draft', '草稿']],
    });
  });

  describe('defaults', () => {
    it('prepareDatabase seeds the taxonomy, phrases and scope rules once', async () => {
      const categories = await listCategories(core);
      expect(categories.items).toHaveLength(DEFAULT_CATEGORIES.length);
      expect(categories.items.find((c) => c.code === '0203')).toEqual({
        code: '0203',
        name: '住房公积金',
        parentCode: '02',
        level: 2,
        path: '住房保障/住房公积金',
        emergencyHint: null,
        active: true,
      });
      expect((await listPhrases(core, A.agent)).items).toHaveLength(DEFAULT_PHRASES.length);
      expect((await listScopeRules(core, A.agent)).items).toHaveLength(DEFAULT_SCOPE_RULES.length);
      await prepareDatabase(core);
      expect((await listCategories(core)).items).toHaveLength(DEFAULT_CATEGORIES.length);
    });

    it('phrases come in call order with step labels', async () => {
      const { items } = await listPhrases(core, A.agent);
      expect(items[0]).toMatchObject({
        step: 'opening',
        stepLabel: '开场',
        text: '您好，{热线名称}{工号}号为您服务，请讲。',
      });
      expect(items.at(-1)?.step).toBe('silent');
    });
  });

  describe('category validation on create', () => {
    it('accepts a taxonomy code and refuses unknown or inactive codes on `category`', async () => {
      expect((await newOrder(core, { category: '0108' })).category).toBe('0108');
      const unknown = await expectAppError(
        newOrder(core, { category: '城市管理/消防通道' }),
        'VALIDATION_FAILED',
      );
      expect(unknown.issues).toEqual([
        { field: 'category', message: '诉求分类“城市管理/消防通道”不存在，请从分类目录中选择' },
      ]);
      await updateCategoryEntry(core, A.admin, '9903', { active: false });
      const inactive = await expectAppError(newOrder(core, { category: '9903' }), 'VALIDATION_FAILED');
      expect(fieldsOf(inactive)).toEqual(['category']);
      await updateCategoryEntry(core, A.admin, '9903', { active: true });
    });

    it('reports a bad category together with the other field problems', async () => {
      const error = await expectAppError(newOrder(core, { category: 'zz', title: '' }), 'VALIDATION_FAILED');
      expect(fieldsOf(error).sort()).toEqual(['category', 'title']);
    });
  });

  describe('intake check', () => {
    it('returns five elements, scope and duplicates for a draft', async () => {
      const result = await checkIntake(core, A.agent, {
        appealType: 'complaint',
        title: '楼下餐馆着火了',
        content: '刚才楼下餐馆着火了，冒烟很大',
      });
      expect(result.fiveElements.map((e) => e.key)).toEqual(['name', 'time', 'address', 'cause', 'process']);
      expect(result.missing).toContain('姓名');
      expect(result.scope.decision).toBe('emergency');
      expect(result.scope.matches[0]).toMatchObject({ ruleId: 'em-fire', target: '119' });
      expect(result.duplicates).toEqual({ sameCaller: [], similar: [] });
    });

    it('finds the caller’s own open orders and similar open orders, without other callers’ data', async () => {
      const mine = await newOrder(core, {
        callerPhone: '13700000001',
        title: '锦绣家园门口积水',
        content: '锦绣家园小区门口下雨后积水严重',
        address: '西城区锦绣家园',
      });
      const other = await newOrder(core, {
        callerName: '钱女士',
        callerPhone: '13700000002',
        title: '锦绣家园小区门口积水严重',
        content: '昨晚降雨后锦绣家园小区门口积水没过脚踝，排水不畅',
        address: '西城区锦绣家园',
        category: '0109',
      });
      const closed = await newOrder(core, {
        callerPhone: '13700000003',
        title: '锦绣家园小区门口积水严重',
        content: '锦绣家园小区门口积水',
        address: '西城区锦绣家园',
        wantsCallback: false,
      });
      await step(core, closed, A.agent, 'answer_directly', { answer: '已告知' });
      const result = await checkIntake(core, A.agent, {
        callerPhone: '137 0000 0001',
        title: '锦绣家园门口积水',
        content: '小区门口一下雨就积水，排水不畅',
        address: '西城区锦绣家园',
        category: '0109',
      });
      expect(result.duplicates.sameCaller.map((c) => c.id)).toEqual([mine.id]);
      expect(result.duplicates.sameCaller[0]?.reasons[0]).toBe('同一来电号码');
      const similar = result.duplicates.similar;
      expect(similar.map((c) => c.id)).toEqual([other.id]);
      expect(similar[0]).toMatchObject({ orderNo: other.orderNo, status: 'intake', statusLabel: '受理中' });
      expect(similar[0]?.reasons).toEqual(
        expect.arrayContaining(['同一地址', '同一诉求分类', '24小时内受理']),
      );
      const text = JSON.stringify(result.duplicates);
      expect(text).not.toContain('钱女士');
      expect(text).not.toContain('13700000002');
    });

    it('looks only within the configured window', async () => {
      const narrow = {
        ...core,
        config: { ...core.config, duplicateWindowDays: 1 },
        now: () => new Date('2026-06-05T00:00:00Z'),
      };
      const result = await checkIntake(narrow, A.agent, {
        callerPhone: '13700000001',
        title: '锦绣家园门口积水',
      });
      expect(result.duplicates.sameCaller).toEqual([]);
    });

    it('refuses unknown fields, and units and inspectors', async () => {
      const error = await expectAppError(checkIntake(core, A.agent, { colour: 'red' }), 'VALIDATION_FAILED');
      expect(fieldsOf(error)).toEqual(['colour']);
      await expectAppError(checkIntake(core, A.handler, {}), 'ROLE_NOT_PERMITTED');
      await expectAppError(checkIntake(core, A.inspector, {}), 'ROLE_NOT_PERMITTED');
    });
  });

  describe('take call: create + decision in one transaction', () => {
    it('creates and submits for dispatch at once', async () => {
      const o = await takeCall(core, A.agent, {
        order: { ...VALID_INTAKE, category: '0108' },
        decision: { event: 'submit_for_dispatch', input: { comment: '转办' } },
      });
      expect(o).toMatchObject({ status: 'pending_dispatch', version: 2, category: '0108' });
      expect(o.orderNo).toMatch(/^20260601\d{4}$/);
      expect(o.timeline.map((t) => t.event)).toEqual(['create', 'submit_for_dispatch']);
      expect(o.timeline[1]?.comment).toBe('转办');
    });

    it('without a decision it is a plain intake', async () => {
      const o = await takeCall(core, A.agent, { order: VALID_INTAKE });
      expect(o).toMatchObject({ status: 'intake', version: 1 });
    });

    it('a failing decision saves nothing and names the decision’s fields', async () => {
      const [orders, events] = [
        await countRows(core, 'work_orders'),
        await countRows(core, 'work_order_events'),
      ];
      const error = await expectAppError(
        takeCall(core, A.agent, { order: VALID_INTAKE, decision: { event: 'reject', input: {} } }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(error).sort()).toEqual(['decision.input.channelTold', 'decision.input.reasonCode']);
      const bad = await expectAppError(
        takeCall(core, A.agent, { order: { ...VALID_INTAKE, title: '' }, decision: { event: 'dance' } }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad)).toEqual(['decision.event']);
      const badOrder = await expectAppError(
        takeCall(core, A.agent, { order: { ...VALID_INTAKE, title: '' } }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(badOrder)).toEqual(['order.title']);
      await expectAppError(
        takeCall(core, A.dispatcher, { order: VALID_INTAKE, decision: { event: 'submit_for_dispatch' } }),
        'ROLE_NOT_PERMITTED',
      );
      expect(await countRows(core, 'work_orders')).toBe(orders);
      expect(await countRows(core, 'work_order_events')).toBe(events);
    });

    it('one-click emergency transfer never fails on an incomplete or garbled form', async () => {
      const o = await takeCall(core, A.agent, {
        order: { callerPhone: '12-34', category: 'nonsense', title: 'x'.repeat(300) },
        decision: { event: 'transfer_out', input: { target: '119' } },
      });
      expect(o).toMatchObject({
        status: 'transferred_out',
        channel: 'phone',
        appealType: 'help',
        urgency: 'critical',
        callerPhone: null,
        category: null,
        wantsCallback: false,
      });
      expect(o.title).toHaveLength(100);
      expect(o.content).toContain('以下信息格式有误未录入');
      expect(o.timeline.at(-1)?.payload).toMatchObject({ target: '119', method: 'one_click' });
      const empty = await takeCall(core, A.agent, {
        order: {},
        decision: { event: 'transfer_out', input: { target: '110', method: 'three_way' } },
      });
      expect(empty).toMatchObject({ status: 'transferred_out', title: '紧急情况已转110 报警' });
      expect(empty.content).toBe('来电人反映紧急情况，已转接110 报警处理。');
      const garbled = await takeCall(core, A.agent, {
        order: {
          title: 5,
          channel: 'fax',
          anonymous: 'yes',
          wantsCallback: true,
          colour: 'red',
          urgency: 'now',
        },
        decision: { event: 'transfer_out', input: { target: '120' } },
      });
      expect(garbled).toMatchObject({
        status: 'transferred_out',
        channel: 'phone',
        urgency: 'critical',
        wantsCallback: false,
      });
      await expectAppError(
        takeCall(core, A.agent, { order: {}, decision: { event: 'transfer_out', input: {} } }),
        'VALIDATION_FAILED',
      );
    });

    it('merges into an open order and links both ways; the target counts the merged caller', async () => {
      const target = await newOrder(core, { title: '并单目标' });
      const merged = await takeCall(core, A.agent, {
        order: { ...VALID_INTAKE, callerName: '孙女士', callerPhone: '13600000009' },
        decision: { event: 'merge', input: { targetOrderId: target.id } },
      });
      expect(merged).toMatchObject({ status: 'merged', mergedIntoId: target.id });
      expect(merged.related).toEqual([
        {
          id: target.id,
          orderNo: target.orderNo,
          title: '并单目标',
          status: 'intake',
          statusLabel: '受理中',
          kind: 'merged_into',
        },
      ]);
      const again = await getWorkOrder(core, A.agent, target.id, { audit: false });
      expect(again.mergedCallers).toBe(1);
      expect(again.related).toEqual([expect.objectContaining({ id: merged.id, kind: 'merged_from' })]);
      expect(JSON.stringify(again.related)).not.toContain('孙女士');
      expect(JSON.stringify(again.related)).not.toContain('13600000009');
    });
  });

  describe('direct answers and knowledge evidence', () => {
    const consultation = {
      ...VALID_INTAKE,
      appealType: 'consultation',
      title: '咨询公积金提取',
      wantsCallback: false,
    };

    it('citing a published article records evidence (default: published version) in one transaction', async () => {
      const o = await takeCall(core, A.agent, {
        order: consultation,
        decision: { event: 'answer_directly', input: { answer: '按指南告知材料', articleId: 'kb-fund' } },
      });
      expect(o.status).toBe('closed');
      expect(o.timeline.at(-1)?.payload).toEqual({
        answer: '按指南告知材料',
        articleId: 'kb-fund',
        articleVersion: 2,
        articleTitle: '住房公积金提取指南',
      });
      expect(o.knowledgeAnswer).toEqual({
        articleId: 'kb-fund',
        articleVersion: 2,
        articleTitle: '住房公积金提取指南',
      });
      const evidence = await core.database.db
        .selectFrom('kb_answers')
        .selectAll()
        .where('order_id', '=', o.id)
        .execute();
      expect(evidence).toEqual([
        {
          order_id: o.id,
          article_id: 'kb-fund',
          version: 2,
          answered_by: 'demo-agent',
          answered_at: NOW.toISOString(),
        },
      ]);
      expect(await gaps(core, o.id)).toEqual([]);
    });

    it('an older published version may be cited; drafts and unknown articles may not', async () => {
      let o = await newOrder(core, consultation);
      o = await step(core, o, A.agent, 'answer_directly', {
        answer: '旧版',
        articleId: 'kb-fund',
        articleVersion: 1,
      });
      expect(o.knowledgeAnswer).toMatchObject({ articleVersion: 1, articleTitle: '公积金提取（旧）' });
      const order = await newOrder(core, consultation);
      const refused = async (input: Record<string, unknown>, field: string) => {
        const error = await expectAppError(
          takeCall(core, A.agent, {
            order: consultation,
            decision: { event: 'answer_directly', input: { answer: 'x', ...input } },
          }),
          'VALIDATION_FAILED',
        );
        expect(fieldsOf(error)).toEqual([field]);
      };
      await refused({ articleId: 'kb-fund', articleVersion: 3 }, 'decision.input.articleVersion');
      await refused({ articleId: 'kb-fund', articleVersion: 9 }, 'decision.input.articleVersion');
      await refused({ articleId: 'kb-draft' }, 'decision.input.articleId');
      await refused({ articleId: 'kb-nope' }, 'decision.input.articleId');
      await refused({ articleVersion: 2 }, 'decision.input.articleId');
      expect((await getWorkOrder(core, A.agent, order.id, { audit: false })).status).toBe('intake');
    });

    it('a consultation answered without an article, or sent for dispatch, opens a knowledge gap', async () => {
      const answered = await takeCall(core, A.agent, {
        order: { ...consultation, content: '来电人咨询购买首套住房提取住房公积金需要准备哪些材料。' },
        decision: { event: 'answer_directly', input: { answer: '已告知' } },
      });
      expect(answered.knowledgeAnswer).toBeNull();
      const [gap] = await gaps(core, answered.id);
      expect(gap).toMatchObject({
        question: '咨询公积金提取：来电人咨询购买首套住房提取住房公积金需要准备哪些材料。',
        status: 'open',
        asked_by: 'demo-agent',
        category: null,
      });
      let dispatched = await newOrder(core, { ...consultation, category: '0203' });
      dispatched = await step(core, dispatched, A.agent, 'submit_for_dispatch');
      expect(await gaps(core, dispatched.id)).toEqual([
        expect.objectContaining({ category: '0203', status: 'open' }),
      ]);
      const complaint = await takeCall(core, A.agent, {
        order: VALID_INTAKE,
        decision: { event: 'submit_for_dispatch' },
      });
      expect(await gaps(core, complaint.id)).toEqual([]);
    });
  });

  describe('links (关联)', () => {
    it('links two orders symmetrically, once, with no caller data', async () => {
      const a = await newOrder(core, { title: '关联甲', callerName: '周先生' });
      const b = await newOrder(core, { title: '关联乙', callerName: '吴女士', callerPhone: '13500000005' });
      const first = await linkOrders(core, A.dispatcher, a.id, {
        relatedOrderId: b.orderNo,
        comment: '同一路段',
      });
      expect(first.items).toEqual([
        {
          id: b.id,
          orderNo: b.orderNo,
          title: '关联乙',
          status: 'intake',
          statusLabel: '受理中',
          kind: 'related',
        },
      ]);
      await linkOrders(core, A.agent, b.id, { relatedOrderId: a.id });
      const fromB = await getWorkOrder(core, A.agent, b.id, { audit: false });
      expect(fromB.related.map((r) => [r.id, r.kind])).toEqual([[a.id, 'related']]);
      expect(JSON.stringify(fromB.related)).not.toContain('周先生');
      const audits = await listAudit(core.database.db, { targetId: a.id, action: 'link_orders', limit: 5 });
      expect(audits).toHaveLength(1);
    });

    it('refuses itself, unknown orders, units and inspectors; units see only links in their scope', async () => {
      const a = await newOrder(core, { title: '关联丙' });
      expect(
        fieldsOf(
          await expectAppError(
            linkOrders(core, A.agent, a.id, { relatedOrderId: a.id }),
            'VALIDATION_FAILED',
          ),
        ),
      ).toEqual(['relatedOrderId']);
      await expectAppError(linkOrders(core, A.agent, a.id, { relatedOrderId: 'nope' }), 'VALIDATION_FAILED');
      await expectAppError(linkOrders(core, A.agent, 'nope', { relatedOrderId: a.id }), 'NOT_FOUND');
      await expectAppError(linkOrders(core, A.agent, a.id, {}), 'VALIDATION_FAILED');
      await expectAppError(
        linkOrders(core, A.inspector, a.id, { relatedOrderId: a.id }),
        'ROLE_NOT_PERMITTED',
      );
      let d = await newOrder(core, { title: '派给住建' });
      d = await step(core, d, A.agent, 'submit_for_dispatch');
      d = await step(core, d, A.dispatcher, 'dispatch', { leadUnitId: 'city-housing' });
      await linkOrders(core, A.dispatcher, d.id, { relatedOrderId: a.id });
      const asUnit = await getWorkOrder(core, handlerOf('city-housing'), d.id, { audit: false });
      expect(asUnit.related).toEqual([]);
      await expectAppError(linkOrders(core, A.handler, d.id, { relatedOrderId: a.id }), 'ROLE_NOT_PERMITTED');
    });
  });

  describe('caller history and flags', () => {
    it('lists a caller’s orders open first with counts, audited as a personal-data read', async () => {
      const phone = '13400000004';
      const open = await newOrder(core, { callerPhone: phone, title: '历史一' });
      let done = await newOrder(core, { callerPhone: phone, title: '历史二' });
      await putClosurePolicy(core, A.admin, { directAnswerSampleRate: 1 }); // this answer is called back
      done = await step(core, done, A.agent, 'answer_directly', { answer: '已答复' });
      await putClosurePolicy(core, A.admin, {});
      done = await step(core, done, A.callback, 'callback', {
        satisfaction: 'basically_satisfied',
        resolved: 'yes',
      });
      const history = await getCallerHistory(core, A.agent, '134 0000 0004');
      expect(history).toMatchObject({
        phone,
        flag: { harassment: false, note: null, setAt: null },
        stats: { total: 2, open: 1, satisfied: 0, basicallySatisfied: 1, dissatisfied: 0 },
      });
      expect(history.orders.map((o) => [o.id, o.open, o.satisfaction])).toEqual([
        [open.id, true, null],
        [done.id, false, 'basically_satisfied'],
      ]);
      expect(history.orders[0]).toMatchObject({ statusLabel: '受理中', appealType: 'complaint' });
      const audits = await listAudit(core.database.db, {
        targetId: phone,
        action: 'read_personal',
        limit: 5,
      });
      expect(audits[0]).toMatchObject({ actorId: 'demo-agent', targetType: 'caller' });
    });

    it('only roles that see numbers in full may read it; the number is validated', async () => {
      await expectAppError(getCallerHistory(core, A.dispatcher, '13400000004'), 'ROLE_NOT_PERMITTED');
      await expectAppError(getCallerHistory(core, A.handler, '13400000004'), 'ROLE_NOT_PERMITTED');
      expect(
        fieldsOf(await expectAppError(getCallerHistory(core, A.agent, 'abc'), 'VALIDATION_FAILED')),
      ).toEqual(['phone']);
    });

    it('supervisors flag harassment; the flag shows in the history', async () => {
      await expectAppError(setCallerFlag(core, A.agent, '13400000004', { harassment: true }), 'FORBIDDEN');
      await expectAppError(setCallerFlag(core, A.supervisor, '13400000004', {}), 'VALIDATION_FAILED');
      const set = await setCallerFlag(core, A.supervisor, '13400000004', {
        harassment: true,
        note: '多次辱骂',
      });
      expect(set.flag).toEqual({ harassment: true, note: '多次辱骂', setAt: NOW.toISOString() });
      expect((await getCallerHistory(core, A.agent, '13400000004')).flag).toMatchObject({
        harassment: true,
        note: '多次辱骂',
      });
      await setCallerFlag(core, A.admin, '13400000004', { harassment: false });
      expect((await getCallerHistory(core, A.agent, '13400000004')).flag.harassment).toBe(false);
    });
  });

  describe('editors: phrases, scope rules, categories', () => {
    it('phrases: supervisors create and edit; agents see active ones only', async () => {
      await expectAppError(createPhrase(core, A.agent, { step: 'hold', title: 't', text: 'x' }), 'FORBIDDEN');
      const error = await expectAppError(
        createPhrase(core, A.supervisor, { step: 'nap', title: '' }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(error).sort()).toEqual(['step', 'text', 'title']);
      const p = await createPhrase(core, A.supervisor, {
        step: 'hold',
        title: '长时间等待',
        text: '让您久等了。',
      });
      expect(p).toMatchObject({ step: 'hold', stepLabel: '等待', active: true, sortOrder: 4 });
      const off = await updatePhrase(core, A.admin, p.id, {
        title: '长时间等待',
        text: '让您久等了！',
        active: false,
      });
      expect(off).toMatchObject({ text: '让您久等了！', active: false });
      expect((await listPhrases(core, A.agent)).items.map((x) => x.id)).not.toContain(p.id);
      expect((await listPhrases(core, A.supervisor)).items.map((x) => x.id)).toContain(p.id);
      await expectAppError(updatePhrase(core, A.admin, 'nope', { title: 'a', text: 'b' }), 'NOT_FOUND');
    });

    it('scope rules: a new rule takes effect in the intake check; disabling it stops it', async () => {
      await expectAppError(createScopeRule(core, A.agent, {}), 'FORBIDDEN');
      const rule = await createScopeRule(core, A.supervisor, {
        kind: 'emergency',
        label: '电梯困人',
        keywords: ['电梯困人', '困在电梯'],
        target: '119',
        script: '请保持冷静，我为您转接119。',
        priority: 90,
      });
      expect(rule).toMatchObject({
        kind: 'emergency',
        kindLabel: '紧急转接',
        target: '119',
        reasonCode: null,
        active: true,
      });
      const check = () => checkIntake(core, A.agent, { content: '我被困在电梯里了' });
      expect((await check()).scope.matches[0]).toMatchObject({ ruleId: rule.id, matched: ['困在电梯'] });
      const { id: _, kindLabel: __, ...rest } = rule;
      await updateScopeRule(core, A.admin, rule.id, { ...rest, active: false });
      expect((await check()).scope.decision).toBe('accept');
      expect((await listScopeRules(core, A.agent)).items.map((r) => r.id)).not.toContain(rule.id);
      const bad = await expectAppError(
        updateScopeRule(core, A.admin, rule.id, { kind: 'emergency' }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['label', 'script', 'target']));
      await expectAppError(updateScopeRule(core, A.admin, 'nope', rest), 'NOT_FOUND');
    });

    it('category import keeps valid rows, updates known codes and reports bad rows', async () => {
      await expectAppError(importCategories(core, A.agent, 'x'), 'FORBIDDEN');
      const result = await importCategories(
        core,
        A.admin,
        'code,name,parent_code,emergency_hint\n16,数据服务,,\n1601,公共数据开放,16,\n0203,公积金业务,02,\n1602,,16,\n1701,孤儿,17,\n',
      );
      expect(result).toEqual({
        created: 2,
        updated: 1,
        total: 5,
        rejected: [
          { row: 5, field: 'name', message: '请填写分类名称' },
          { row: 6, field: 'parent_code', message: '上级分类 17 不存在或无效' },
        ],
      });
      const items = (await listCategories(core)).items;
      expect(items.find((c) => c.code === '1601')).toMatchObject({ level: 2, path: '数据服务/公共数据开放' });
      expect(items.find((c) => c.code === '0203')?.path).toBe('住房保障/公积金业务');
      expect((await newOrder(core, { category: '1601' })).category).toBe('1601');
      await updateCategoryEntry(core, A.admin, '02', { name: '住房' });
      expect((await listCategories(core)).items.find((c) => c.code === '0203')?.path).toBe('住房/公积金业务');
      await expectAppError(importCategories(core, A.admin, ''), 'VALIDATION_FAILED');
      await expectAppError(
        importCategories(core, A.admin, new Uint8Array([0xff, 0xfe, 0x30])),
        'VALIDATION_FAILED',
      );
      expect(
        (await importCategories(core, A.admin, new TextEncoder().encode('9904,其他咨询,99'))).created,
      ).toBe(1);
    });
  });
});
