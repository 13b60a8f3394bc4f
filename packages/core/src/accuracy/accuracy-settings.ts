import { type Actor, parseAccuracySettings } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { writeAudit, writeSetting } from '../storage/admin.repository.js';
import { ACCURACY_SETTINGS_KEY, loadAccuracySettings, requirePlanner } from './accuracy-access.js';

/** The accuracy checks' local choices (partly weight, correction days…); readable by every user. */
export async function getAccuracySettings(deps: CoreDeps) {
  return loadAccuracySettings(deps.database.db);
}

/** Changes some of the settings (the rest stay); audited as a settings change. */
export async function putAccuracySettings(deps: CoreDeps, actor: Actor, patch: unknown) {
  requirePlanner(actor);
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw AppError.validation('body', '设置应为对象');
  }
  const current = await loadAccuracySettings(deps.database.db);
  const parsed = parseAccuracySettings({ ...current, ...patch });
  if (!parsed.ok) throw AppError.from(parsed.error);
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (tx) => {
    await writeSetting(tx, ACCURACY_SETTINGS_KEY, parsed.value, at, actor.userId);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'settings_change',
      targetType: 'setting',
      targetId: ACCURACY_SETTINGS_KEY,
      detail: { ...parsed.value },
    });
  });
  return parsed.value;
}
