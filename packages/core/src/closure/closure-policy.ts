import {
  type Actor,
  CLOSURE_POLICY_KEY,
  type ClosurePolicy,
  DEFAULT_CLOSURE_POLICY,
  type MachineConfig,
  parseClosurePolicy,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { readSetting, writeAudit, writeSetting } from '../storage/admin.repository.js';
import type { Schema } from '../storage/schema.js';

/**
 * The closure policy (审核清单, 满意度量表, 回访次数与间隔, 直办抽样, 申诉期限, 保管期限): one settings row, read
 * where it is used (one primary-key lookup, so a change applies at once in every process). A stored
 * value that no longer validates falls back to the defaults rather than block the lifecycle.
 */
export async function readClosurePolicy(db: Kysely<Schema>): Promise<ClosurePolicy> {
  const stored = await readSetting(db, CLOSURE_POLICY_KEY);
  if (stored === undefined) return DEFAULT_CLOSURE_POLICY;
  const parsed = parseClosurePolicy(stored);
  return parsed.ok ? parsed.value : DEFAULT_CLOSURE_POLICY;
}

/** The machine's configuration: the static limits plus the closure policy's local choices. */
export function machineConfigOf(base: MachineConfig, policy: ClosurePolicy): MachineConfig {
  return {
    ...base,
    reviewChecklist: policy.reviewChecklist,
    satisfactionScale: policy.satisfactionScale,
    unreachableAfterAttempts: policy.unreachableAfterAttempts,
    attemptGapMinutes: policy.attemptGapMinutes,
  };
}

export async function getClosurePolicy(deps: CoreDeps): Promise<ClosurePolicy> {
  return readClosurePolicy(deps.database.db);
}

export async function putClosurePolicy(deps: CoreDeps, actor: Actor, json: unknown): Promise<ClosurePolicy> {
  if (actor.role !== 'admin' && actor.role !== 'supervisor')
    throw new AppError('FORBIDDEN', '只有管理员或值班长可以修改办结与归档规则');
  const parsed = parseClosurePolicy(json);
  if (!parsed.ok) throw AppError.from(parsed.error);
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (tx) => {
    await writeSetting(tx, CLOSURE_POLICY_KEY, parsed.value, at, actor.userId);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'settings_change',
      targetType: 'setting',
      targetId: CLOSURE_POLICY_KEY,
    });
  });
  return parsed.value;
}
