import { createHash } from 'node:crypto';

/** The stored columns of one timeline event that its hash covers (payload: the stored JSON text). */
export interface HashedEventFields {
  order_id: string;
  seq: number;
  event: string;
  from_status: string | null;
  to_status: string;
  actor_id: string;
  actor_role: string;
  at: string;
  comment: string | null;
  payload: string;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * SHA-256 (hex) of one event linked to its predecessor. The canonical form is a JSON array in a fixed
 * order: strings, one integer and nulls only, so it is unambiguous (no field can spill into the next)
 * and the same on every database. `prevHash` is '' for an order's first event.
 */
export function eventHash(prevHash: string, e: HashedEventFields): string {
  return sha256Hex(
    JSON.stringify([
      prevHash,
      e.order_id,
      Number(e.seq),
      e.event,
      e.from_status,
      e.to_status,
      e.actor_id,
      e.actor_role,
      e.at,
      e.comment,
      e.payload,
    ]),
  );
}

/** The archive chain: each sealed record is bound to the one sealed before it. */
export const archiveChainHash = (prevArchiveHash: string, recordHash: string) =>
  sha256Hex(prevArchiveHash + recordHash);
