import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

export interface StatsEvent {
  orderId: string;
  seq: number;
  event: string;
  at: string;
  payload: Record<string, unknown>;
  /** The acting user's unit. */
  actorUnitId: string | null;
}

const parse = (text: string): Record<string, unknown> => {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

function eventQuery(db: Db) {
  return db
    .selectFrom('work_order_events as e')
    .leftJoin('users as us', 'us.id', 'e.actor_id')
    .select(['e.order_id', 'e.seq', 'e.event', 'e.at', 'e.payload', 'us.unit_id']);
}

const toEvent = (r: {
  order_id: string;
  seq: number;
  event: string;
  at: string;
  payload: string;
  unit_id: string | null;
}): StatsEvent => ({
  orderId: r.order_id,
  seq: Number(r.seq),
  event: r.event,
  at: r.at,
  payload: parse(r.payload),
  actorUnitId: r.unit_id,
});

/** Timeline events of the given kinds in [from, to) (index (event, at)). */
export async function eventsInPeriod(db: Db, events: readonly string[], from: string, to: string) {
  const rows = await eventQuery(db)
    .where('e.event', 'in', [...events])
    .where('e.at', '>=', from)
    .where('e.at', '<', to)
    .execute();
  return rows.map(toEvent);
}

/** Every event of the given kinds on the given orders, whenever it happened (chunked IN lists). */
export async function eventsOfOrders(db: Db, orderIds: readonly string[], events: readonly string[]) {
  const out: StatsEvent[] = [];
  const ids = [...new Set(orderIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await eventQuery(db)
      .where('e.order_id', 'in', ids.slice(i, i + 500))
      .where('e.event', 'in', [...events])
      .execute();
    out.push(...rows.map(toEvent));
  }
  return out;
}

/** Co-units (current unit rows) of the given orders. */
export async function coUnitsOf(db: Db, orderIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const ids = [...new Set(orderIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('work_order_units')
      .select(['order_id', 'unit_id'])
      .where('order_id', 'in', ids.slice(i, i + 500))
      .where('role', '=', 'co')
      .execute();
    for (const r of rows) out.set(r.order_id, [...(out.get(r.order_id) ?? []), r.unit_id]);
  }
  return out;
}

/** Ladder marks of the period per unit, clock kind and step. */
export async function marksInPeriod(db: Db, steps: readonly string[], from: string, to: string) {
  const rows = await db
    .selectFrom('clock_marks')
    .select(['unit_id', 'clock_kind', 'step'])
    .select((eb) => eb.fn.countAll().as('n'))
    .where('step', 'in', [...steps])
    .where('at', '>=', from)
    .where('at', '<', to)
    .groupBy(['unit_id', 'clock_kind', 'step'])
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, clockKind: r.clock_kind, step: r.step, n: Number(r.n) }));
}

/** 督办 issued in the period per unit. */
export async function supervisionsInPeriod(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom('supervisions')
    .select('unit_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('issued_at', '>=', from)
    .where('issued_at', '<', to)
    .groupBy('unit_id')
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, n: Number(r.n) }));
}

/** Every unit (id, name, path, order) for the report's rows. */
export async function allUnits(db: Db) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'path'])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}
