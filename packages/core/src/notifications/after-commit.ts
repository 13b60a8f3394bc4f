import type { CoreDeps } from '../deps.js';
import { listOrderNotifications } from '../storage/notifications.repository.js';

/**
 * Tells the live connections of these units that they have new in-app notices. Call it AFTER the
 * transaction that wrote the notices has committed (never inside it: a rolled-back transaction would
 * have announced notices that do not exist, and a browser could reload before the rows are visible).
 * Never throws: the notices are written already, and browsers also refresh on focus and every 2 min.
 */
export async function publishNewNotices(
  deps: Pick<CoreDeps, 'notices'>,
  unitIds: readonly (string | null | undefined)[],
): Promise<void> {
  const ids = unitIds.filter((id): id is string => typeof id === 'string' && id.length > 0);
  if (ids.length === 0) return;
  await deps.notices.publishUnits(ids).catch(() => undefined);
}

/**
 * After a lifecycle transition has committed: announces the in-app notices that transition wrote
 * (the rows whose dedupe key starts with `orderId:seq:`), to their recipient units.
 */
export async function publishTransitionNotices(
  deps: Pick<CoreDeps, 'notices' | 'database'>,
  orderId: string,
  seq: number,
): Promise<void> {
  try {
    const prefix = `${orderId}:${seq}:`;
    const rows = await listOrderNotifications(deps.database.db, orderId);
    await publishNewNotices(
      deps,
      rows
        .filter((r) => r.channel === 'in_app' && r.dedupeKey.startsWith(prefix))
        .map((r) => r.recipientUnitId),
    );
  } catch {
    // see publishNewNotices: announcing is best effort
  }
}
