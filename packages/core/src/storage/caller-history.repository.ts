import { OPEN_STATUSES, type Status } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { type OrderBrief, briefColumns, toBrief } from './order-brief.rows.js';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Storage reads behind a caller's history (来电历史): that number's orders, by the phone index. */

const OPEN = [...OPEN_STATUSES];

/** A caller's orders: the open ones and the newest ones (each bounded), by the phone index. */
export async function listCallerOrders(db: Db, phone: string, limit: number): Promise<OrderBrief[]> {
  const base = () =>
    db
      .selectFrom('work_orders')
      .select(briefColumns)
      .where('caller_phone', '=', phone)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
  const [open, recent] = await Promise.all([base().where('status', 'in', OPEN).execute(), base().execute()]);
  const seen = new Set<string>();
  const out: OrderBrief[] = [];
  for (const r of [...open, ...recent]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push(toBrief(r));
  }
  return out;
}

/** Counts of a caller's orders by status and satisfaction. */
export async function callerOrderCounts(
  db: Db,
  phone: string,
): Promise<{ status: Status; satisfaction: string | null; n: number }[]> {
  const rows = await db
    .selectFrom('work_orders')
    .select(['status', 'satisfaction', (eb) => eb.fn.countAll().as('n')])
    .where('caller_phone', '=', phone)
    .groupBy(['status', 'satisfaction'])
    .execute();
  return rows.map((r) => ({ status: r.status as Status, satisfaction: r.satisfaction, n: Number(r.n) }));
}
