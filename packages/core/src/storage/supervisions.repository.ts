import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** A 督办 (supervision order): manual by a supervisor, or automatic from the ladder's escalation. */
export interface SupervisionRecord {
  id: string;
  orderId: string;
  unitId: string;
  unitName: string;
  kind: 'manual' | 'auto';
  requirement: string;
  issuedBy: string | null;
  issuedByName: string | null;
  issuedAt: string;
  deadlineAt: string;
  status: 'open' | 'replied' | 'closed';
  reply: string | null;
  repliedBy: string | null;
  repliedAt: string | null;
}

export interface NewSupervision {
  id: string;
  orderId: string;
  unitId: string;
  kind: 'manual' | 'auto';
  requirement: string;
  issuedBy: string | null;
  issuedAt: string;
  deadlineAt: string;
}

export async function insertSupervision(db: Db, s: NewSupervision): Promise<void> {
  await db
    .insertInto('supervisions')
    .values({
      id: s.id,
      order_id: s.orderId,
      unit_id: s.unitId,
      kind: s.kind,
      requirement: s.requirement,
      issued_by: s.issuedBy,
      issued_at: s.issuedAt,
      deadline_at: s.deadlineAt,
      status: 'open',
      reply: null,
      replied_by: null,
      replied_at: null,
    })
    .execute();
}

export async function listSupervisions(
  db: Db,
  orderId: string,
  openOnly = false,
): Promise<SupervisionRecord[]> {
  let q = db
    .selectFrom('supervisions as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('users as i', 'i.id', 's.issued_by')
    .select([
      's.id',
      's.order_id',
      's.unit_id',
      'u.name as unit_name',
      's.kind',
      's.requirement',
      's.issued_by',
      'i.display_name as issued_by_name',
      's.issued_at',
      's.deadline_at',
      's.status',
      's.reply',
      's.replied_by',
      's.replied_at',
    ])
    .where('s.order_id', '=', orderId);
  if (openOnly) q = q.where('s.status', '=', 'open');
  const rows = await q.orderBy('s.issued_at').orderBy('s.id').execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind === 'auto' ? 'auto' : 'manual',
    requirement: r.requirement,
    issuedBy: r.issued_by,
    issuedByName: r.issued_by_name,
    issuedAt: r.issued_at,
    deadlineAt: r.deadline_at,
    status: r.status === 'replied' ? 'replied' : r.status === 'closed' ? 'closed' : 'open',
    reply: r.reply,
    repliedBy: r.replied_by,
    repliedAt: r.replied_at,
  }));
}

/** Records a unit's reply to its open 督办 orders on this order. */
export async function replySupervisions(
  db: Db,
  e: { orderId: string; unitId: string; reply: string; by: string; at: string },
): Promise<number> {
  const r = await db
    .updateTable('supervisions')
    .set({ status: 'replied', reply: e.reply, replied_by: e.by, replied_at: e.at })
    .where('order_id', '=', e.orderId)
    .where('unit_id', '=', e.unitId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Closes open 督办 orders when the order leaves the units' hands (replied, reassigned, closed). */
export async function closeOpenSupervisions(db: Db, orderId: string, at: string): Promise<void> {
  await db
    .updateTable('supervisions')
    .set({ status: 'closed', replied_at: at })
    .where('order_id', '=', orderId)
    .where('status', '=', 'open')
    .execute();
}

/** Units with an open 督办 on this order (what the machine needs). */
export async function openSupervisionUnits(db: Db, orderId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('supervisions')
    .select('unit_id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'open')
    .execute();
  return [...new Set(rows.map((r) => r.unit_id))];
}
