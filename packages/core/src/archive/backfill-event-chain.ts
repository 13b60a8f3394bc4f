import { type Kysely, sql } from 'kysely';
import { type HashedEventFields, eventHash } from './event-hash.js';

const PAGE = 1000;

/**
 * Hashes every event that has no hash yet, order by order in seq order (migration 2026-11-29T10; the
 * rows written before the chain existed). Reads in keyset pages of (order_id, seq) — the primary key —
 * so memory stays flat on a large log; the same code on SQLite and PostgreSQL. Returns the rows hashed.
 */
// biome-ignore lint/suspicious/noExplicitAny: runs inside the migration, against that schema version
export async function backfillEventChain(db: Kysely<any>, pageSize = PAGE): Promise<number> {
  let after: { orderId: string; seq: number } | undefined;
  let prev = { orderId: '', hash: '' };
  let written = 0;
  for (;;) {
    let q = db
      .selectFrom('work_order_events')
      .select([
        'order_id',
        'seq',
        'event',
        'from_status',
        'to_status',
        'actor_id',
        'actor_role',
        'at',
        'comment',
        'payload',
        'hash',
      ])
      .orderBy('order_id')
      .orderBy('seq')
      .limit(pageSize);
    if (after) q = q.where(sql<boolean>`(order_id, seq) > (${after.orderId}, ${after.seq})`);
    const rows = (await q.execute()) as (HashedEventFields & { hash: string | null })[];
    for (const row of rows) {
      const prevHash = row.order_id === prev.orderId ? prev.hash : '';
      // A row already hashed (a re-run) keeps its hash and links the next one.
      const hash = row.hash ?? eventHash(prevHash, row);
      if (row.hash === null) {
        await db
          .updateTable('work_order_events')
          .set({ prev_hash: prevHash, hash })
          .where('order_id', '=', row.order_id)
          .where('seq', '=', row.seq)
          .execute();
        written++;
      }
      prev = { orderId: row.order_id, hash };
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return written;
    after = { orderId: last.order_id, seq: Number(last.seq) };
  }
}
