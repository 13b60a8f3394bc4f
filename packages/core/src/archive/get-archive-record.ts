import type { Actor } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { writeAudit } from '../storage/admin.repository.js';
import { findArchive } from '../storage/archive.repository.js';
import { findOrder, isOrderInScope } from '../storage/work-order.repository.js';
import { callerFields } from '../views/work-order.view.js';
import type { WorkOrderRecord } from '../work-order.record.js';
import { checkOneOrder } from './verify-audit-chain.js';

/**
 * One sealed archive record with its verification (the order's event chain, the record hash, the
 * head event and the link to the previous record). The caller fields inside the record are shown as
 * the order detail shows them to this reader; `masked` says the displayed record then differs from the
 * sealed text (whose hash is `recordHash`). Every read is audited (`read_archive`).
 */
export async function getArchiveRecord(deps: CoreDeps, actor: Actor, orderId: string) {
  const { db } = deps.database;
  const order = await findOrder(db, orderId);
  if (!order || !(await isOrderInScope(db, order.id, await scopeFor(deps, actor)))) {
    throw new AppError('NOT_FOUND', '工单不存在或无权查看');
  }
  const archive = await findArchive(db, order.id);
  if (!archive) throw new AppError('NOT_FOUND', '该工单尚未归档');
  const verification = await checkOneOrder(db, {
    id: order.id,
    orderNo: order.orderNo,
    version: order.version,
  });
  const sealed = JSON.parse(archive.record) as { order?: WorkOrderRecord } & Record<string, unknown>;
  const caller = sealed.order ? callerFields(sealed.order, actor, 'detail') : undefined;
  const masked = caller !== undefined && !caller.unmasked;
  const record =
    sealed.order && caller
      ? {
          ...sealed,
          order: { ...sealed.order, callerName: caller.callerName, callerPhone: caller.callerPhone },
        }
      : sealed;
  await writeAudit(db, {
    at: deps.now().toISOString(),
    actorId: actor.userId,
    action: 'read_archive',
    targetType: 'work_order',
    targetId: order.id,
    detail: { archiveSeq: archive.archive_seq, unmasked: !masked, ok: verification.ok },
  });
  return {
    orderId: order.id,
    orderNo: order.orderNo,
    archiveSeq: archive.archive_seq,
    archivedAt: archive.archived_at,
    archivedBy: archive.archived_by,
    appealType: archive.appeal_type,
    retentionUntil: archive.retention_until,
    headEventSeq: archive.head_event_seq,
    headEventHash: archive.head_event_hash,
    recordHash: archive.record_hash,
    prevArchiveHash: archive.prev_archive_hash,
    chainHash: archive.chain_hash,
    masked,
    record,
    verification,
  };
}
