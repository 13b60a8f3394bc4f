import { type Actor, type CheckVerdict, type Role, addDays, toLocalDate } from '@huawu/domain';
import { actOnAccuracyRound } from '../accuracy/act-on-round.js';
import { actOnCorrectionTask } from '../accuracy/act-on-task.js';
import { planAccuracyRound } from '../accuracy/plan-round.js';
import { recordAccuracyCheck } from '../accuracy/record-check.js';
import type { CoreDeps } from '../deps.js';
import { listPublishedGuides } from '../storage/accuracy-guides.repository.js';
import { DEMO_UNITS, DEMO_USERS } from './demo-city.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const actor = (username: string): Actor => {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return { userId: `demo-${user.username}`, role: user.role as Role, unitId: user.unitId };
};

/** What the demo checkers heard, item by item (cycled): mostly accurate, some discrepancies. */
const OUTCOMES: { verdict: CheckVerdict; seconds: number | null; outdated?: boolean; notes?: string }[] = [
  { verdict: 'accurate', seconds: 8 },
  { verdict: 'accurate', seconds: 15 },
  { verdict: 'partly', seconds: 22, notes: '答复的申请材料少了一项，与指南不一致' },
  { verdict: 'accurate', seconds: 11 },
  { verdict: 'wrong', seconds: 35, notes: '答复的办理时限为10个工作日，指南承诺5个工作日' },
  { verdict: 'unreachable', seconds: null, notes: '振铃12次无人接听' },
  { verdict: 'accurate', seconds: 6, outdated: true, notes: '窗口答复已按新规办理，指南仍是旧的办理地点' },
  { verdict: 'accurate', seconds: 19 },
];

const checkInput = (i: number) => {
  const o = OUTCOMES[i % OUTCOMES.length] as (typeof OUTCOMES)[number];
  const reached = o.verdict !== 'unreachable';
  return {
    reached,
    ...(o.seconds === null ? {} : { answerSeconds: o.seconds }),
    ...(reached ? {} : { rings: 12 }),
    verdict: o.verdict,
    guideOutdated: o.outdated ?? false,
    ...(o.notes ? { notes: o.notes } : {}),
  };
};

/**
 * Guide-accuracy checks for the demo city, after the knowledge base is seeded: a completed round four
 * weeks ago (its correction tasks closed, awaiting re-check, or overdue), a round in progress and a
 * planned one. Without published guides of handling units nothing is seeded.
 */
export async function seedDemoAccuracy(deps: CoreDeps): Promise<void> {
  const unitIds = DEMO_UNITS.filter((u) => u.kind !== 'centre').map((u) => u.id as string);
  const guides = await listPublishedGuides(deps.database.db, { unitIds });
  const owners = unitIds.filter((id) => guides.some((g) => g.ownerUnitId === id)).slice(0, 4);
  if (owners.length === 0) return;
  const realNow = deps.now().getTime();
  let clock = realNow;
  const timed: CoreDeps = { ...deps, now: () => new Date(clock) };
  const [supervisor, inspector] = [actor('supervisor'), actor('inspector')];
  const local = (t: number) => toLocalDate(new Date(t), deps.config.timeZone);
  const plan = (name: string, start: number, days: number, perUnit: number) =>
    planAccuracyRound(timed, supervisor, {
      name,
      periodStart: local(start),
      periodEnd: addDays(local(start), days),
      unitIds: owners,
      checkerId: inspector.userId,
      samplePerUnit: perUnit,
    });

  // A completed round four weeks ago.
  clock = realNow - 28 * DAY;
  const past = await plan('上月办事指南准确度检查', clock, 13, 3);
  const tasks: { id: string; unitId: string }[] = [];
  for (const [i, item] of past.items.entries()) {
    clock += 40 * 60_000;
    const detail = await recordAccuracyCheck(timed, inspector, past.id, item.id, checkInput(i));
    if (detail.task) tasks.push({ id: detail.task.id, unitId: item.ownerUnitId });
  }
  clock += 2 * DAY;
  await actOnAccuracyRound(timed, supervisor, past.id, 'complete');

  // The units with demo accounts answer: one task closed after a passing re-check, one awaiting it.
  const handlers = new Map(
    DEMO_USERS.filter((u) => u.role === 'unit_handler').map((u) => [u.unitId as string, actor(u.username)]),
  );
  let answered = 0;
  for (const task of tasks) {
    const unit = handlers.get(task.unitId);
    if (!unit || answered >= 2) continue;
    clock += DAY;
    const fix = '已组织窗口和咨询电话值班人员学习最新办事指南，统一答复口径。';
    await actOnCorrectionTask(timed, unit, task.id, { action: 'mark_fixed', input: { fixNote: fix } });
    clock += HOUR;
    const plannedOn = local(clock + DAY);
    await actOnCorrectionTask(timed, supervisor, task.id, {
      action: 'schedule_recheck',
      input: { checkerId: inspector.userId, plannedOn },
    });
    if (answered === 0) {
      clock += DAY;
      await actOnCorrectionTask(timed, inspector, task.id, {
        action: 'record_recheck',
        input: { reached: true, answerSeconds: 9, verdict: 'accurate' },
      });
    }
    answered++;
  }

  // This month's round, half checked.
  clock = realNow - 3 * DAY;
  const current = await plan('本月办事指南准确度抽查', clock, 27, 2);
  for (const [i, item] of current.items.entries()) {
    if (i % 2 === 1) continue;
    clock += 30 * 60_000;
    await recordAccuracyCheck(timed, inspector, current.id, item.id, checkInput(i + 1));
  }

  // Next month's round, planned.
  clock = realNow - HOUR;
  await plan('下月办事指南准确度检查（计划）', realNow + 7 * DAY, 20, 2);
}
