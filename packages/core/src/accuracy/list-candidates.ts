import {
  ACCURACY_CHECKER_ROLES,
  type Actor,
  PLAN_LIMITS,
  ROLE_LABELS,
  type Role,
  dialNumber,
  questionFor,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { listPublishedGuides } from '../storage/accuracy-guides.repository.js';
import { listUsersWithRoles } from '../storage/accuracy-people.repository.js';
import { listUnitsByIds } from '../storage/identity.repository.js';
import { requirePlanner, requireRoundViewer } from './accuracy-access.js';

/**
 * The published guides of the chosen units, as a plan form offers them: the default question, the
 * number to dial (the guide's 咨询电话, else the unit's duty phone) and when each was last checked.
 */
export async function listGuideCandidates(deps: CoreDeps, actor: Actor, unitIds: readonly string[]) {
  requirePlanner(actor);
  const ids = [...new Set(unitIds.map((id) => id.trim()).filter(Boolean))];
  if (ids.length === 0) throw AppError.validation('unitIds', '请至少选择一个单位');
  if (ids.length > PLAN_LIMITS.maxUnits)
    throw AppError.validation('unitIds', `最多 ${PLAN_LIMITS.maxUnits} 个单位`);
  const { db } = deps.database;
  const units = new Map((await listUnitsByIds(db, ids)).map((u) => [u.id, u]));
  const missing = ids.find((id) => !units.has(id));
  if (missing) throw AppError.validation('unitIds', `单位不存在：${missing.slice(0, 64)}`);
  const guides = await listPublishedGuides(db, { unitIds: ids });
  return {
    items: guides.map((g) => {
      const unit = units.get(g.ownerUnitId ?? '');
      const dial = dialNumber(g.phone, unit?.dutyPhone);
      return {
        articleId: g.articleId,
        title: g.title,
        itemCode: g.itemCode,
        ownerUnitId: g.ownerUnitId,
        ownerUnitName: unit?.name ?? g.ownerUnitName,
        publishedVersion: g.publishedVersion,
        question: questionFor(g.title),
        phone: dial?.phone ?? null,
        phoneSource: dial?.source ?? null,
        lastCheckedAt: g.lastCheckedAt,
      };
    }),
  };
}

/** People who may be assigned check calls (质检员, 值班长, 管理员). */
export async function listAccuracyCheckers(deps: CoreDeps, actor: Actor) {
  requireRoundViewer(actor);
  const people = await listUsersWithRoles(deps.database.db, ACCURACY_CHECKER_ROLES);
  return {
    items: people.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      role: p.role,
      roleLabel: ROLE_LABELS[p.role as Role] ?? p.role,
    })),
  };
}
