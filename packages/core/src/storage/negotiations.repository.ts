import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** A negotiation record (协商定主办): who took part, the conclusion, and the units it fixed. */
export interface NegotiationRecord {
  id: string;
  orderId: string;
  seq: number;
  participants: string;
  conclusion: string;
  leadUnitId: string;
  coUnitIds: string[];
  actorId: string;
  at: string;
}

export async function insertNegotiation(db: Db, n: NegotiationRecord): Promise<void> {
  await db
    .insertInto('negotiations')
    .values({
      id: n.id,
      order_id: n.orderId,
      seq: n.seq,
      participants: n.participants,
      conclusion: n.conclusion,
      lead_unit_id: n.leadUnitId,
      co_unit_ids: JSON.stringify(n.coUnitIds),
      actor_id: n.actorId,
      at: n.at,
    })
    .execute();
}

export async function listNegotiations(db: Db, orderId: string): Promise<NegotiationRecord[]> {
  const rows = await db
    .selectFrom('negotiations')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    seq: Number(r.seq),
    participants: r.participants,
    conclusion: r.conclusion,
    leadUnitId: r.lead_unit_id,
    coUnitIds: JSON.parse(r.co_unit_ids) as string[],
    actorId: r.actor_id,
    at: r.at,
  }));
}
