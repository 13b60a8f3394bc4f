import type { Actor } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import { listHarassmentFlags } from '../storage/caller-flags.repository.js';
import { assertIntakeEditor } from './intake-access.js';

/** At most this many flags are listed (newest first); `total` tells how many there are. */
export const CALLER_FLAG_LIST_LIMIT = 500;

/**
 * The numbers flagged as harassing (骚扰来电标记), newest first, for the supervisors who keep the list.
 * Calling numbers are personal data: the read is audited.
 */
export async function listCallerFlags(deps: CoreDeps, actor: Actor) {
  assertIntakeEditor(actor, '来电人标记');
  const { db } = deps.database;
  const { items, total } = await listHarassmentFlags(db, CALLER_FLAG_LIST_LIMIT);
  await writeAudit(db, {
    at: deps.now().toISOString(),
    actorId: actor.userId,
    action: 'read_personal',
    targetType: 'caller_flags',
    detail: { view: 'caller_flags', rows: items.length },
  });
  return {
    items: items.map((f) => ({
      phone: f.phone,
      harassment: f.harassment,
      note: f.note,
      setAt: f.setAt,
      setByName: f.setByName,
    })),
    total,
  };
}
