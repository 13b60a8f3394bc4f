import type { Actor } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { readClosurePolicy } from '../closure/closure-policy.js';
import type { CoreDeps } from '../deps.js';
import {
  countWorkNotes,
  insertArchive,
  listChainedEvents,
  lockLastArchive,
} from '../storage/archive.repository.js';
import { listNegotiations } from '../storage/negotiations.repository.js';
import { listAttachments } from '../storage/order-files.repository.js';
import type { Schema } from '../storage/schema.js';
import { listSupervisions } from '../storage/supervisions.repository.js';
import { findOrder, listOrderUnits } from '../storage/work-order.repository.js';
import type { WorkOrderRecord } from '../work-order.record.js';
import { archiveChainHash, sha256Hex } from './event-hash.js';

/** Version of the record's JSON layout, kept in the record so a reader knows how to read it. */
export const ARCHIVE_RECORD_FORMAT = 'huawu.archive/1';

/** Events that carry the unit's reply, its review and the reply to the caller (答复、审核、回复来电人). */
const isReplyEvent = (event: string) => /(^|_)reply(_|$)/.test(event) && event !== 'reply_supervision';
/** Events of the callback stage: attempts, results, 重办, appeals (回访、重办、申诉). */
const isCallbackEvent = (event: string) => /callback|redo|appeal/.test(event);

/** archived_at + whole years (a 29 February lands on 1 March). */
export function retentionUntil(archivedAt: string, years: number): string {
  const d = new Date(archivedAt);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}

/**
 * Seals an order that has just been archived, inside the archiving transaction (after its `archive`
 * event was written): the whole case as one JSON record, its SHA-256, the head of the order's event
 * chain, and a link to the previously sealed record (a global archive chain, `archive_seq`). The row
 * is append-only; see docs/ARCHIVE.md.
 */
export async function sealArchive(
  deps: CoreDeps,
  tx: Kysely<Schema>,
  input: { order: WorkOrderRecord; actor: Actor; at: string },
): Promise<{ recordHash: string; archiveSeq: number }> {
  const orderId = input.order.id;
  // What is stored (the caller's record was just written in this transaction).
  const order = (await findOrder(tx, orderId)) ?? input.order;
  // One after another: a transaction is one connection.
  const units = await listOrderUnits(tx, orderId);
  const events = await listChainedEvents(tx, orderId);
  const supervisions = await listSupervisions(tx, orderId);
  const negotiations = await listNegotiations(tx, orderId);
  const attachments = await listAttachments(tx, orderId);
  const notesCount = await countWorkNotes(tx, orderId);
  const policy = await readClosurePolicy(tx);
  const head = events.at(-1);
  if (!head?.hash) throw new Error(`sealArchive: order ${orderId} has no chained event to seal`);
  const timeline = events.map((e) => ({
    seq: e.seq,
    event: e.event,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actorId: e.actor_id,
    actorName: e.display_name,
    actorRole: e.actor_role,
    at: e.at,
    comment: e.comment,
    payload: JSON.parse(e.payload) as unknown,
    prevHash: e.prev_hash,
    hash: e.hash,
  }));
  const record = JSON.stringify({
    format: ARCHIVE_RECORD_FORMAT,
    sealedAt: input.at,
    sealedBy: { userId: input.actor.userId, role: input.actor.role },
    order,
    units,
    events: timeline,
    replies: timeline.filter((e) => isReplyEvent(e.event)),
    callbacks: timeline.filter((e) => isCallbackEvent(e.event)),
    supervisions,
    negotiations,
    // Names, sizes and digests only: the bytes stay in `attachments`, and their SHA-256 here proves them.
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      mimeType: a.mimeType,
      size: a.size,
      sha256: a.sha256,
      visibility: a.visibility,
      unitId: a.unitId,
      uploadedBy: a.uploadedBy,
      createdAt: a.createdAt,
    })),
    notesCount,
  });
  const recordHash = sha256Hex(record);
  const years = policy.retentionYears[order.appealType as keyof typeof policy.retentionYears] ?? 10;
  const last = await lockLastArchive(tx, deps.database.dialect);
  const archiveSeq = (last?.archiveSeq ?? 0) + 1;
  const prevArchiveHash = last?.recordHash ?? '';
  await insertArchive(tx, {
    order_id: orderId,
    archive_seq: archiveSeq,
    archived_at: input.at,
    archived_by: input.actor.userId,
    appeal_type: order.appealType,
    retention_until: retentionUntil(input.at, years),
    head_event_seq: head.seq,
    head_event_hash: head.hash,
    record,
    record_hash: recordHash,
    prev_archive_hash: prevArchiveHash,
    chain_hash: archiveChainHash(prevArchiveHash, recordHash),
  });
  return { recordHash, archiveSeq };
}
