import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { A, expectAppError, fieldsOf, manualClock, seedPeople } from '../test-support/contract-helpers.js';
import { type TestCore, describeEachDatabase } from '../test-support/databases.js';
import { listHistory } from '../storage/accuracy-history.repository.js';
import { actOnAccuracyRound } from './act-on-round.js';
import { actOnCorrectionTask } from './act-on-task.js';
import { exportRoundReport, getPeriodReport, getRoundReport } from './accuracy-report.js';
import { getAccuracySettings, putAccuracySettings } from './accuracy-settings.js';
import { getAccuracyItem } from './get-item.js';
import { getRound, listAccuracyRounds } from './get-round.js';
import { getCorrectionTask, listCorrectionTasks } from './get-task.js';
import { listAccuracyCheckers, listGuideCandidates } from './list-candidates.js';
import { planAccuracyRound } from './plan-round.js';
import { recordAccuracyCheck } from './record-check.js';
import { type TestGuide, insertTestGuides, reviseTestGuide } from './test-support/guides.js';

/**
 * Guide-accuracy checks on every database. The clock starts Tuesday 2026-09-29 10:00 Shanghai, the day
 * before the Mid-Autumn / National Day break (10-01..10-07 off, Saturday 10-10 a make-up working day).
 */
const START = '2026-09-29T02:00:00.000Z';
const PERIOD = { periodStart: '2026-09-01', periodEnd: '2026-10-31' };
const ACCURATE = { reached: true, answerSeconds: 10, verdict: 'accurate' };
const WRONG = { reached: true, answerSeconds: 30, verdict: 'wrong', notes: '答复称需要户口本，指南未要求' };

describeEachDatabase('accuracy checks', (db) => {
  const clock = manualClock(START);
  let core: TestCore;
  let housing: TestGuide[];
  let market: TestGuide[];
  let heping: TestGuide[];

  beforeAll(async () => {
    core = await db.newCore({ now: clock.now });
    await seedPeople(core);
    housing = await insertTestGuides(core, [
      { title: '住房公积金提取', ownerUnitId: 'city-housing', phone: '0931-8120101' },
      { title: '商品房预售许可', ownerUnitId: 'city-housing' },
      { title: '物业服务企业备案', ownerUnitId: 'city-housing', phone: null },
    ]);
    market = await insertTestGuides(core, [
      { title: '个体工商户登记', ownerUnitId: 'city-market' },
      { title: '食品经营许可', ownerUnitId: 'city-market' },
    ]);
    heping = await insertTestGuides(core, [{ title: '居住证办理', ownerUnitId: 'east-heping' }]);
  });
  beforeEach(() => clock.set(START));

  const plan = (guides: TestGuide[], extra: Record<string, unknown> = {}) =>
    planAccuracyRound(core, A.supervisor, {
      name: `检查 ${guides.map((g) => g.title).join('、')}`,
      ...PERIOD,
      unitIds: [...new Set(guides.map((g) => g.ownerUnitId))],
      checkerId: A.inspector.userId,
      items: guides.map((g) => ({ articleId: g.id })),
      ...extra,
    });
  const itemOf = (round: Awaited<ReturnType<typeof plan>>, guide: TestGuide) => {
    const item = round.items.find((i) => i.articleId === guide.id);
    if (!item) throw new Error(`no item for ${guide.title}`);
    return item;
  };
  const check = (round: { id: string }, itemId: string, input: unknown, actor = A.inspector) =>
    recordAccuracyCheck(core, actor, round.id, itemId, input);

  describe('planning', () => {
    it('plans picked guides with default questions, the expected version and the number to dial', async () => {
      const round = await plan(housing);
      expect(round).toMatchObject({
        status: 'planned',
        statusLabel: '计划中',
        unitNames: ['市住房和城乡建设局'],
        checkerName: '周洁（质检员）',
        progress: { items: 3, checked: 0, unresolvedTasks: 0 },
        canRecord: true,
      });
      expect(round.allowedActions.map((a) => a.name)).toEqual(['start']);
      expect(round.items.map((i) => [i.seq, i.question, i.phone, i.articleVersion])).toEqual([
        [1, '办理住房公积金提取需要哪些材料？', '0931-8120101', 1],
        [2, '办理商品房预售许可需要哪些材料？', '0931-8888001', 1],
        // No 咨询电话 in the guide: the unit's duty phone.
        [3, '办理物业服务企业备案需要哪些材料？', '0931-8120001', 1],
      ]);
      const detail = await getAccuracyItem(core, A.inspector, round.id, round.items[0]!.id);
      expect(detail.expected).toMatchObject({ version: 1, title: '住房公积金提取' });
      expect(detail.expected?.fields.materials).toContain('身份证');
    });

    it('keeps a question, number and checker given per item', async () => {
      const round = await plan([market[0]!], {
        items: [
          {
            articleId: market[0]!.id,
            question: '个体户怎么登记？',
            phone: '12315',
            checkerId: A.supervisor.userId,
          },
        ],
      });
      expect(round.items[0]).toMatchObject({
        question: '个体户怎么登记？',
        phone: '12315',
        checkerName: '孙伟（值班长）',
      });
    });

    it('samples N published guides per unit', async () => {
      const round = await planAccuracyRound(core, A.admin, {
        name: '抽查',
        ...PERIOD,
        unitIds: ['city-housing', 'city-market'],
        checkerId: A.inspector.userId,
        samplePerUnit: 2,
      });
      expect(round.items.map((i) => i.ownerUnitId)).toEqual([
        'city-housing',
        'city-housing',
        'city-market',
        'city-market',
      ]);
    });

    it('offers candidates and checkers for the plan form', async () => {
      const { items } = await listGuideCandidates(core, A.supervisor, ['city-housing']);
      expect(items.map((g) => `${g.title}:${g.phoneSource}`).sort()).toEqual(
        ['住房公积金提取:guide', '商品房预售许可:guide', '物业服务企业备案:unit'].sort(),
      );
      const checkers = await listAccuracyCheckers(core, A.inspector);
      expect(checkers.items.map((c) => c.role).sort()).toEqual(['admin', 'inspector', 'supervisor']);
    });

    it('refuses bad plans field by field', async () => {
      const bad = (body: Record<string, unknown>) =>
        expectAppError(
          planAccuracyRound(core, A.supervisor, {
            name: 'x',
            ...PERIOD,
            checkerId: A.inspector.userId,
            ...body,
          }),
          'VALIDATION_FAILED',
        );
      expect(
        fieldsOf(await bad({ unitIds: ['nowhere', 'centre'], items: [{ articleId: housing[0]!.id }] })),
      ).toEqual(['unitIds[0]', 'unitIds[1]']);
      expect(
        fieldsOf(
          await bad({
            unitIds: ['city-market'],
            items: [{ articleId: housing[0]!.id }, { articleId: 'missing' }],
          }),
        ),
      ).toEqual(['items[0].articleId', 'items[1].articleId']);
      expect(
        fieldsOf(await bad({ unitIds: ['city-market'], checkerId: A.agent.userId, samplePerUnit: 1 })),
      ).toEqual(['checkerId']);
      expect(fieldsOf(await bad({ unitIds: ['city-eco'], samplePerUnit: 1 }))).toEqual(['samplePerUnit']);
    });

    it('lets only supervisors and admins plan, and only the centre read rounds', async () => {
      await expectAppError(
        plan(housing).then(() => planAccuracyRound(core, A.inspector, {})),
        'ROLE_NOT_PERMITTED',
      );
      await expectAppError(listAccuracyRounds(core, A.agent, {}), 'ROLE_NOT_PERMITTED');
      await expectAppError(listAccuracyRounds(core, A.handler, {}), 'ROLE_NOT_PERMITTED');
      const list = await listAccuracyRounds(core, A.inspector, { status: ['planned'] });
      expect(list.items.every((r) => r.status === 'planned')).toBe(true);
      expect(list.total).toBeGreaterThan(0);
      await expectAppError(listAccuracyRounds(core, A.inspector, { status: ['lost'] }), 'VALIDATION_FAILED');
    });
  });

  describe('recording checks', () => {
    it('starts the round with its first check; accurate opens no task, wrong opens one', async () => {
      const round = await plan(market);
      const first = await check(round, itemOf(round, market[0]!).id, ACCURATE);
      expect(first).toMatchObject({ roundStatus: 'in_progress', canRecord: false, task: null });
      expect(first.check).toMatchObject({
        verdict: 'accurate',
        verdictLabel: '准确',
        calledNumber: '0931-8888001',
      });
      const second = await check(round, itemOf(round, market[1]!).id, WRONG, A.supervisor);
      expect(second.task).toMatchObject({ status: 'open', statusLabel: '待整改', deadlineState: 'ok' });
      const after = await getRound(core, A.supervisor, round.id);
      expect(after.progress).toEqual({ items: 2, checked: 2, unresolvedTasks: 1 });
      expect(after.allowedActions.map((a) => a.name)).toEqual(['complete']);
    });

    it('gives the unit 5 working days, counted across the National Day holiday', async () => {
      const round = await plan([heping[0]!]);
      const item = await check(round, round.items[0]!.id, {
        reached: false,
        verdict: 'unreachable',
        rings: 12,
      });
      const task = await getCorrectionTask(core, A.supervisor, item.task!.id);
      // Working days after Tue 09-29: 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12 → 17:30 local.
      expect(task.deadlineAt).toBe('2026-10-12T09:30:00.000Z');
      expect(task.reasons).toEqual([{ code: 'unreachable', label: '咨询电话无法接通' }]);
      clock.set('2026-10-12T09:00:00.000Z');
      expect((await getCorrectionTask(core, A.supervisor, task.id)).deadlineState).toBe('warning');
      clock.set('2026-10-12T10:00:00.000Z');
      expect((await getCorrectionTask(core, A.supervisor, task.id)).deadlineState).toBe('overdue');
      const overdue = await listCorrectionTasks(core, A.supervisor, { overdue: true });
      expect(overdue.items.map((t) => t.id)).toContain(task.id);
    });

    it('uses the configured number of correction days', async () => {
      await expectAppError(
        putAccuracySettings(core, A.inspector, { correctionDays: 2 }),
        'ROLE_NOT_PERMITTED',
      );
      const bad = await expectAppError(
        putAccuracySettings(core, A.admin, { correctionDays: 0, colour: 1 }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad)).toEqual(['colour', 'correctionDays']);
      await putAccuracySettings(core, A.admin, { correctionDays: 2 });
      try {
        const round = await plan([market[0]!]);
        const item = await check(round, round.items[0]!.id, {
          ...ACCURATE,
          guideOutdated: true,
          notes: '收费标准已调整',
        });
        const task = await getCorrectionTask(core, A.supervisor, item.task!.id);
        expect(task.deadlineAt).toBe('2026-10-08T09:30:00.000Z');
        expect(task.reasons.map((r) => r.code)).toEqual(['guide_outdated']);
      } finally {
        await putAccuracySettings(core, A.admin, { correctionDays: 5 });
      }
      expect((await getAccuracySettings(core)).correctionDays).toBe(5);
    });

    it('refuses units, double records, bad input and completed rounds', async () => {
      const round = await plan([housing[0]!]);
      const itemId = round.items[0]!.id;
      await expectAppError(check(round, itemId, ACCURATE, A.handler), 'ROLE_NOT_PERMITTED');
      await expectAppError(check(round, itemId, ACCURATE, A.agent), 'ROLE_NOT_PERMITTED');
      const bad = await expectAppError(
        check(round, itemId, { reached: false, verdict: 'wrong', answerSeconds: 5 }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad)).toEqual(['verdict', 'answerSeconds', 'notes']);
      await expectAppError(check({ id: round.id }, 'no-such-item', ACCURATE), 'NOT_FOUND');
      await check(round, itemId, ACCURATE);
      await expectAppError(check(round, itemId, ACCURATE), 'CONFLICT');
      await expectAppError(actOnAccuracyRound(core, A.inspector, round.id, 'complete'), 'ROLE_NOT_PERMITTED');
      await expectAppError(
        actOnAccuracyRound(core, A.supervisor, round.id, 'record_check'),
        'VALIDATION_FAILED',
      );
      const done = await actOnAccuracyRound(core, A.supervisor, round.id, 'complete');
      expect(done).toMatchObject({ status: 'completed', canRecord: false, allowedActions: [] });
      const next = await plan([housing[1]!]);
      await actOnAccuracyRound(core, A.admin, next.id, 'start');
      await actOnAccuracyRound(core, A.admin, next.id, 'complete');
      await expectAppError(check(next, next.items[0]!.id, ACCURATE), 'TRANSITION_NOT_ALLOWED');
      await expectAppError(actOnAccuracyRound(core, A.admin, next.id, 'start'), 'TRANSITION_NOT_ALLOWED');
    });
  });

  describe('correction tasks', () => {
    it('are seen by the owner unit subtree only; other units get "not found"', async () => {
      const round = await plan([housing[0]!, heping[0]!]);
      const h = await check(round, itemOf(round, housing[0]!).id, WRONG);
      const p = await check(round, itemOf(round, heping[0]!).id, {
        reached: true,
        verdict: 'partly',
        notes: '材料说少了一项',
      });
      const ids = (list: { items: { id: string }[] }) => list.items.map((t) => t.id);

      const own = await listCorrectionTasks(core, A.handler, { pageSize: 100 });
      expect(own.items.every((t) => t.ownerUnitId === 'city-housing')).toBe(true);
      expect(ids(own)).toContain(h.task!.id);
      expect(ids(await listCorrectionTasks(core, A.eastadmin, { pageSize: 100 }))).toEqual(
        expect.arrayContaining([p.task!.id]),
      );
      expect(ids(await listCorrectionTasks(core, A.eastadmin, { pageSize: 100 }))).not.toContain(h.task!.id);
      expect(
        ids(await listCorrectionTasks(core, A.supervisor, { pageSize: 100, roundId: round.id })),
      ).toHaveLength(2);
      await expectAppError(getCorrectionTask(core, A.market, h.task!.id), 'NOT_FOUND');
      await expectAppError(getCorrectionTask(core, A.heping, h.task!.id), 'NOT_FOUND');
      await expectAppError(
        actOnCorrectionTask(core, A.market, h.task!.id, { action: 'mark_fixed', input: { fixNote: '改了' } }),
        'NOT_FOUND',
      );
      await expectAppError(listCorrectionTasks(core, A.agent, {}), 'ROLE_NOT_PERMITTED');
      const unitView = await getCorrectionTask(core, A.handler, h.task!.id);
      expect(unitView.allowedActions.map((a) => a.name)).toEqual(['mark_fixed']);
      expect(unitView.checks[0]).toMatchObject({ verdict: 'wrong', notes: WRONG.notes });
      // A unit admin of the district acts for its street.
      const fixed = await actOnCorrectionTask(core, A.eastadmin, p.task!.id, {
        action: 'mark_fixed',
        input: { fixNote: '已培训窗口人员' },
      });
      expect(fixed.status).toBe('fixed');
    });

    it('a failing re-check reopens the task with a new deadline; a passing one closes it', async () => {
      const round = await plan([housing[1]!]);
      const item = await check(round, round.items[0]!.id, WRONG);
      const taskId = item.task!.id;
      const act = (actor: typeof A.handler, action: string, input: unknown) =>
        actOnCorrectionTask(core, actor, taskId, { action, input });

      await expectAppError(act(A.inspector, 'record_recheck', ACCURATE), 'TRANSITION_NOT_ALLOWED');
      const noVersion = await expectAppError(
        act(A.handler, 'mark_fixed', { fixNote: '已更新', proposedVersion: 9 }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(noVersion)).toEqual(['input.proposedVersion']);
      clock.set('2026-09-30T02:00:00.000Z');
      const revised = await reviseTestGuide(core, housing[1]!.id, { materials: '身份证；预售许可申请表' });
      let task = await act(A.handler, 'mark_fixed', {
        fixNote: '已更新窗口答复口径',
        proposedVersion: revised,
      });
      expect(task.proposedVersion).toBe(2);
      // The item still names the planned version; a re-check compares with the one published now.
      const reference = await getAccuracyItem(core, A.inspector, round.id, round.items[0]!.id);
      expect([reference.articleVersion, reference.expected?.version, reference.current?.version]).toEqual([
        1, 1, 2,
      ]);
      expect(reference.current?.fields.materials).toBe('身份证；预售许可申请表');
      expect(task).toMatchObject({
        status: 'fixed',
        statusLabel: '已整改待复查',
        fixNote: '已更新窗口答复口径',
        deadlineState: null,
      });
      await expectAppError(act(A.handler, 'mark_fixed', { fixNote: '再次' }), 'TRANSITION_NOT_ALLOWED');
      const badChecker = await expectAppError(
        act(A.supervisor, 'schedule_recheck', { checkerId: A.agent.userId }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(badChecker)).toEqual(['input.checkerId']);
      task = await act(A.supervisor, 'schedule_recheck', {
        checkerId: A.inspector.userId,
        plannedOn: '2026-10-09',
      });
      expect(task).toMatchObject({
        status: 'fixed',
        recheckCheckerName: '周洁（质检员）',
        recheckPlannedOn: '2026-10-09',
      });

      clock.set('2026-10-09T02:00:00.000Z');
      task = await act(A.inspector, 'record_recheck', {
        reached: true,
        verdict: 'partly',
        notes: '仍少说一项材料',
      });
      expect(task).toMatchObject({ status: 'open', recheckCount: 1, recheckPlannedOn: null, fixedAt: null });
      // A new 5-working-day period from Fri 10-09: 10-10, 10-12, 10-13, 10-14, 10-15.
      expect(task.deadlineAt).toBe('2026-10-15T09:30:00.000Z');

      clock.set('2026-10-12T02:00:00.000Z');
      task = await act(A.handler, 'mark_fixed', { fixNote: '窗口已按指南答复' });
      clock.set('2026-10-13T02:00:00.000Z');
      task = await act(A.admin, 'record_recheck', { reached: true, answerSeconds: 8, verdict: 'accurate' });
      expect(task).toMatchObject({
        status: 'closed',
        statusLabel: '已销号',
        recheckCount: 2,
        allowedActions: [],
      });
      expect(task.checks.map((c) => [c.kind, c.attempt, c.verdict])).toEqual([
        ['initial', 1, 'wrong'],
        ['recheck', 1, 'partly'],
        ['recheck', 2, 'accurate'],
      ]);
      expect(task.history.map((h) => h.action)).toEqual([
        'accuracy_task_open',
        'accuracy_task_fixed',
        'accuracy_task_recheck_scheduled',
        'accuracy_task_recheck',
        'accuracy_task_fixed',
        'accuracy_task_recheck',
      ]);
      const roundView = await getRound(core, A.supervisor, round.id);
      expect(roundView.items[0]?.rechecks).toHaveLength(2);
      expect(roundView.progress.unresolvedTasks).toBe(0);
    });
  });

  describe('reports', () => {
    it('computes per-unit figures on a small known set, with partly counting as configured', async () => {
      const guides = await insertTestGuides(core, [
        { title: '报表甲', ownerUnitId: 'city-transport' },
        { title: '报表乙', ownerUnitId: 'city-transport' },
        { title: '报表丙', ownerUnitId: 'city-transport' },
        { title: '报表丁', ownerUnitId: 'city-edu' },
        { title: '报表戊', ownerUnitId: 'city-edu' },
      ]);
      clock.set('2026-11-03T02:00:00.000Z');
      const round = await plan(guides);
      const id = (i: number) => itemOf(round, guides[i]!).id;
      await check(round, id(0), { reached: true, answerSeconds: 10, verdict: 'accurate' });
      await check(round, id(1), { reached: true, answerSeconds: 20, verdict: 'partly', notes: '少说一项' });
      await check(round, id(2), { reached: false, verdict: 'unreachable', rings: 10 });
      await check(round, id(3), { reached: true, answerSeconds: 30, verdict: 'wrong', notes: '答错时限' });

      const report = await getRoundReport(core, A.inspector, round.id);
      expect(report.formula).toContain('0.5 × 部分准确');
      expect(report.units).toEqual([
        expect.objectContaining({
          unitName: '市交通运输局',
          items: 3,
          unchecked: 0,
          checks: 3,
          reached: 2,
          reachedRate: 0.6667,
          meanAnswerSeconds: 15,
          accuracyRate: 0.75, // (1 + 0.5 × 1) ÷ 2
          tasksOpened: 2,
          tasksUnresolved: 2,
        }),
        expect.objectContaining({
          unitName: '市教育局',
          items: 2,
          unchecked: 1,
          checks: 1,
          reached: 1,
          reachedRate: 1,
          meanAnswerSeconds: 30,
          accuracyRate: 0,
        }),
      ]);
      expect(report.total).toMatchObject({
        items: 5,
        checks: 4,
        reached: 3,
        reachedRate: 0.75,
        meanAnswerSeconds: 20,
        accuracyRate: 0.5,
      });
      expect(report.discrepancies.map((d) => [d.guideTitle, d.verdict, d.taskStatus])).toEqual([
        ['报表乙', 'partly', 'open'],
        ['报表丙', 'unreachable', 'open'],
        ['报表丁', 'wrong', 'open'],
      ]);

      await putAccuracySettings(core, A.supervisor, { partlyWeight: 1 });
      try {
        const weighted = await getRoundReport(core, A.supervisor, round.id);
        expect(weighted.units[0]?.accuracyRate).toBe(1);
      } finally {
        await putAccuracySettings(core, A.supervisor, { partlyWeight: 0.5 });
      }

      const period = await getPeriodReport(core, A.admin, { from: '2026-11-03', to: '2026-11-03' });
      expect(period.total).toMatchObject({ checks: 4, reached: 3, accuracyRate: 0.5 });
      expect(period.units.map((u) => u.unitName).sort()).toEqual(['市交通运输局', '市教育局'].sort());
      const bad = await expectAppError(
        getPeriodReport(core, A.admin, { from: '2026-11-04', to: '2026-11-03' }),
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad)).toEqual(['to']);
      await expectAppError(getRoundReport(core, A.handler, round.id), 'ROLE_NOT_PERMITTED');

      const exported = await exportRoundReport(core, A.supervisor, round.id);
      const lines = exported.csv
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toContain('单位,检查项,未检查');
      expect(lines[1]).toBe('市交通运输局,3,0,3,2,66.7%,15,1,1,0,1,0,75.0%,2,2');
      expect(lines.at(-1)).toMatch(/^合计,5,1,4,3,75\.0%,20,/);
      const audit = await core.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'export')
        .where('target_id', '=', round.id)
        .execute();
      expect(audit).toHaveLength(1);
      const history = await listHistory(core.database.db, 'accuracy_round', round.id);
      expect(history.map((h) => h.action).sort()).toEqual(
        ['accuracy_round_plan', ...Array(4).fill('accuracy_check'), 'export'].sort(),
      );
    });
  });
});
