import type { Actor } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { findUnit, findUserById } from '../storage/identity.repository.js';
import { findCentreUnitIds } from '../storage/notifications.repository.js';

/**
 * Who prints and under which hotline's name: the centre unit's name without its trailing 中心
 * (金城市12345政务服务便民热线中心 → 金城市12345政务服务便民热线), the printer's display name and unit.
 */
export async function printContext(deps: CoreDeps, actor: Actor) {
  const db = deps.database.db;
  const [centreId] = await findCentreUnitIds(db);
  const [centre, user, unit] = await Promise.all([
    centreId ? findUnit(db, centreId) : undefined,
    findUserById(db, actor.userId),
    findUnit(db, actor.unitId),
  ]);
  const name = user?.displayName ?? actor.displayName ?? actor.userId;
  return {
    hotlineName: centre?.name.replace(/中心$/, '') || '12345政务服务便民热线',
    printedBy: unit ? `${name}（${unit.name}）` : name,
  };
}

/**
 * The archived record of an order (归档记录: sequence and hash), read where the archive keeps it.
 * Not wired yet: the archive's table is being added alongside; until then the form prints without it.
 */
export async function archiveRecordOf(
  _deps: CoreDeps,
  _orderId: string,
): Promise<{ recordHash: string; archiveSeq: number } | null> {
  return null;
}
