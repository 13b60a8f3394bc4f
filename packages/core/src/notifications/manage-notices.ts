import type { Actor } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import {
  countUnreadNotices,
  findUnitNotice,
  listNotices,
  markNoticeRead,
} from '../storage/notifications.repository.js';

/** The in-app notices of the caller's unit, newest first, with this user's unread count. */
export async function listMyNotices(
  deps: CoreDeps,
  actor: Actor,
  q: { limit?: number; unreadOnly?: boolean } = {},
) {
  const { db } = deps.database;
  const limit = Math.max(1, Math.min(q.limit ?? 50, 200));
  const [items, unread] = await Promise.all([
    listNotices(db, { unitId: actor.unitId, userId: actor.userId, limit, unreadOnly: q.unreadOnly ?? false }),
    countUnreadNotices(db, actor.unitId, actor.userId),
  ]);
  return {
    items: items.map(({ payload, ...n }) => ({
      ...n,
      orderNo: payload.orderNo ?? null,
      read: n.readAt !== null,
    })),
    unread,
  };
}

/** Marks one notice of the caller's unit as read for the caller (idempotent). */
export async function readNotice(deps: CoreDeps, actor: Actor, id: string) {
  const { db } = deps.database;
  if (!(await findUnitNotice(db, id, actor.unitId))) throw new AppError('NOT_FOUND', '通知不存在');
  await markNoticeRead(db, id, actor.userId, deps.now().toISOString());
  return { id, unread: await countUnreadNotices(db, actor.unitId, actor.userId) };
}
