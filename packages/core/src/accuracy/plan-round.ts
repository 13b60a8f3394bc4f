import { randomUUID } from 'node:crypto';
import {
  ACCURACY_CHECKER_ROLES,
  type Actor,
  type FieldIssue,
  ROUND_INITIAL_STATUS,
  type Role,
  dialNumber,
  parsePlanInput,
  questionFor,
  sampleGuides,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { type GuideRecord, listPublishedGuides } from '../storage/accuracy-guides.repository.js';
import { insertItem } from '../storage/accuracy-items.repository.js';
import { listUsersByIds } from '../storage/accuracy-people.repository.js';
import { insertRound } from '../storage/accuracy-rounds.repository.js';
import { writeAudit } from '../storage/admin.repository.js';
import { type UnitRecord, listUnitsByIds } from '../storage/identity.repository.js';
import { requirePlanner } from './accuracy-access.js';
import { getRound } from './get-round.js';

interface PlannedItem {
  guide: GuideRecord;
  unit: UnitRecord;
  question: string;
  phone: string;
  checkerId: string;
}

const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION_FAILED', undefined, issues);

/**
 * Plans a round (检查计划): the units, the guides (picked, or sampled per unit), the question for each
 * guide, the expected answer (the guide's published version now), the number to dial and the checker.
 * Round, items and the audit entry are written in one transaction.
 */
export async function planAccuracyRound(deps: CoreDeps, actor: Actor, raw: unknown) {
  requirePlanner(actor);
  const parsed = parsePlanInput(raw);
  if (!parsed.ok) throw AppError.from(parsed.error);
  const plan = parsed.value;
  const { db } = deps.database;
  const id = randomUUID();

  const units = new Map((await listUnitsByIds(db, plan.unitIds)).map((u) => [u.id, u]));
  const issues: FieldIssue[] = [];
  plan.unitIds.forEach((unitId, i) => {
    const unit = units.get(unitId);
    if (!unit) issues.push({ field: `unitIds[${i}]`, message: '单位不存在' });
    else if (unit.kind === 'centre') issues.push({ field: `unitIds[${i}]`, message: '不能检查热线中心本身' });
  });
  const checkerIds = [plan.checkerId, ...(plan.items ?? []).flatMap((item) => item.checkerId ?? [])];
  const checkers = new Map((await listUsersByIds(db, checkerIds)).map((u) => [u.id, u]));
  const isChecker = (userId: string) => {
    const user = checkers.get(userId);
    return user !== undefined && ACCURACY_CHECKER_ROLES.includes(user.role as Role);
  };
  if (!isChecker(plan.checkerId))
    issues.push({ field: 'checkerId', message: '检查人应为在职的质检员、值班长或管理员' });
  if (issues.length > 0) throw invalid(issues);

  const planned: PlannedItem[] = [];
  const dial = (guide: GuideRecord, unit: UnitRecord) =>
    dialNumber(guide.phone, unit.dutyPhone)?.phone ?? null;
  if (plan.items) {
    const guides = new Map(
      (await listPublishedGuides(db, { articleIds: plan.items.map((i) => i.articleId) })).map((g) => [
        g.articleId,
        g,
      ]),
    );
    for (const [i, item] of plan.items.entries()) {
      const issue = (key: string, message: string) => issues.push({ field: `items[${i}].${key}`, message });
      const guide = guides.get(item.articleId);
      const unit = guide?.ownerUnitId ? units.get(guide.ownerUnitId) : undefined;
      const phone = guide && unit ? (item.phone ?? dial(guide, unit)) : null;
      const checkerId = item.checkerId ?? plan.checkerId;
      if (!guide) issue('articleId', '该办事指南不存在或未发布');
      else if (!unit) issue('articleId', '该办事指南不属于所选单位');
      else if (!phone) issue('phone', '该指南没有咨询电话，单位也没有值班电话，请填写拨打号码');
      else if (!isChecker(checkerId)) issue('checkerId', '检查人应为在职的质检员、值班长或管理员');
      else
        planned.push({ guide, unit, question: item.question ?? questionFor(guide.title), phone, checkerId });
    }
  } else {
    const guides = await listPublishedGuides(db, { unitIds: plan.unitIds });
    const sampled = sampleGuides(guides, plan.unitIds, plan.samplePerUnit ?? 1, id);
    if (sampled.length === 0)
      issues.push({ field: 'samplePerUnit', message: '所选单位没有已发布的办事指南' });
    for (const guide of sampled) {
      const unit = units.get(guide.ownerUnitId ?? '') as UnitRecord;
      const phone = dial(guide, unit);
      if (!phone) {
        issues.push({
          field: 'samplePerUnit',
          message: `「${guide.title}」没有咨询电话，${unit.name}也没有值班电话`,
        });
      } else {
        planned.push({ guide, unit, question: questionFor(guide.title), phone, checkerId: plan.checkerId });
      }
    }
  }
  if (issues.length > 0) throw invalid(issues);

  const at = deps.now().toISOString();
  await db.transaction().execute(async (tx) => {
    await insertRound(tx, {
      id,
      name: plan.name,
      period_start: plan.periodStart,
      period_end: plan.periodEnd,
      unit_ids: JSON.stringify(plan.unitIds),
      status: ROUND_INITIAL_STATUS,
      checker_id: plan.checkerId,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
      started_at: null,
      completed_at: null,
    });
    for (const [i, p] of planned.entries()) {
      await insertItem(tx, {
        id: randomUUID(),
        round_id: id,
        seq: i + 1,
        article_id: p.guide.articleId,
        article_version: p.guide.publishedVersion,
        guide_title: p.guide.title,
        item_code: p.guide.itemCode,
        owner_unit_id: p.unit.id,
        owner_unit_name: p.unit.name,
        question: p.question,
        phone: p.phone,
        checker_id: p.checkerId,
        created_at: at,
      });
    }
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'accuracy_round_plan',
      targetType: 'accuracy_round',
      targetId: id,
      detail: { name: plan.name, items: planned.length, units: plan.unitIds.length },
    });
  });
  return getRound(deps, actor, id);
}
