import {
  type AccuracySettings,
  type Actor,
  accuracySettingsOrDefault,
  isUnitRole,
  mayPlanAccuracy,
  mayViewCorrectionTasks,
  mayViewRounds,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import type { TaskScope } from '../storage/correction-tasks.repository.js';
import { readSetting } from '../storage/admin.repository.js';
import type { Database } from '../storage/database.js';

/** The setting key of the accuracy checks' local choices (domain accuracy.settings.ts). */
export const ACCURACY_SETTINGS_KEY = 'accuracy';

export async function loadAccuracySettings(db: Database['db']): Promise<AccuracySettings> {
  return accuracySettingsOrDefault(await readSetting(db, ACCURACY_SETTINGS_KEY));
}

/** Rounds, items and reports are the centre's: 值班长, 管理员 and 质检员. */
export function requireRoundViewer(actor: Actor): void {
  if (!mayViewRounds(actor.role)) {
    throw new AppError('ROLE_NOT_PERMITTED', '只有热线中心的值班长、管理员和质检员可以查看准确度检查');
  }
}

export function requirePlanner(actor: Actor): void {
  if (!mayPlanAccuracy(actor.role))
    throw new AppError('ROLE_NOT_PERMITTED', '只有值班长和管理员可以安排检查');
}

/** Which correction tasks the actor sees: all (centre viewers) or the own unit subtree (unit roles). */
export async function taskScopeFor(deps: CoreDeps, actor: Actor): Promise<TaskScope> {
  if (!mayViewCorrectionTasks(actor.role)) {
    throw new AppError('ROLE_NOT_PERMITTED', '您的角色不能查看整改任务');
  }
  if (!isUnitRole(actor.role)) return { kind: 'all' };
  return scopeFor(deps, actor);
}

/** Page and page size of a list query (1-based; at most 100 rows a page). */
export function pageOf(query: { page?: number; pageSize?: number }): { page: number; pageSize: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  if (!Number.isInteger(page) || page < 1) throw AppError.validation('page', '页码从 1 开始');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw AppError.validation('pageSize', '每页 1–100 条');
  }
  return { page, pageSize };
}
