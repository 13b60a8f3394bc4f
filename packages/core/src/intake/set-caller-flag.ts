import { type Actor, CALLER_FLAG_FIELDS } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import { upsertCallerFlag } from '../storage/caller-flags.repository.js';
import { callerPhoneOf } from './get-caller-history.js';
import { assertIntakeEditor } from './intake-access.js';
import { parseInputOrThrow } from './parse-input.js';

/**
 * Marks (or clears) a calling number as a persistent harasser (domain.md §5 item 5: such numbers may be
 * refused). Shown with the caller's history at the next call; audited.
 */
export async function setCallerFlag(deps: CoreDeps, actor: Actor, rawPhone: unknown, raw: unknown) {
  assertIntakeEditor(actor, '来电人标记');
  const phone = callerPhoneOf(rawPhone);
  const input = parseInputOrThrow(CALLER_FLAG_FIELDS, raw);
  const at = deps.now().toISOString();
  const flag = {
    phone,
    harassment: input.harassment === true,
    note: (input.note as string | undefined) ?? null,
    setAt: at,
    setBy: actor.userId,
  };
  await deps.database.db.transaction().execute(async (tx) => {
    await upsertCallerFlag(tx, flag);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'set_caller_flag',
      targetType: 'caller',
      targetId: phone,
      detail: { harassment: flag.harassment },
    });
  });
  return { phone, flag: { harassment: flag.harassment, note: flag.note, setAt: at } };
}
