import type { Status } from '@huawu/domain';
import { type Kysely, sql } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Storage of links between work orders: related (关联) and merged (合并) orders. */

export interface LinkedOrder {
  id: string;
  orderNo: string;
  title: string;
  status: Status;
  kind: 'related' | 'merged_from' | 'merged_into';
  createdAt: string;
}

/** Inserts a link; false when it already exists. */
export async function insertLink(
  db: Db,
  link: {
    orderId: string;
    relatedId: string;
    kind: 'related' | 'merged';
    comment: string | null;
    by: string;
    at: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('work_order_links')
    .values({
      order_id: link.orderId,
      related_id: link.relatedId,
      kind: link.kind,
      comment: link.comment,
      created_by: link.by,
      created_at: link.at,
    })
    .onConflict((oc) => oc.columns(['order_id', 'related_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * The orders at the other end of `orderId`'s links in one direction: outgoing links (`orderId` is the
 * link's order) or incoming ones (`orderId` is the link's related order).
 */
function linkEnds(db: Db, orderId: string, outgoing: boolean) {
  const [self, other] = outgoing
    ? (['l.order_id', 'l.related_id'] as const)
    : (['l.related_id', 'l.order_id'] as const);
  return db
    .selectFrom('work_order_links as l')
    .innerJoin('work_orders as o', 'o.id', other)
    .select([
      'o.id',
      'o.order_no',
      'o.title',
      'o.status',
      'l.kind',
      'l.created_at',
      sql.lit(outgoing ? 1 : 0).as('outgoing'),
    ])
    .where(self, '=', orderId);
}

/** Every order linked to `orderId`, either way, with what the link means from `orderId`'s side. */
export async function listLinkedOrders(db: Db, orderId: string): Promise<LinkedOrder[]> {
  const rows = await linkEnds(db, orderId, true)
    .unionAll(linkEnds(db, orderId, false))
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      orderNo: r.order_no,
      title: r.title,
      status: r.status as Status,
      kind:
        r.kind === 'related'
          ? ('related' as const)
          : Number(r.outgoing) === 1
            ? ('merged_into' as const)
            : ('merged_from' as const),
      createdAt: r.created_at,
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
