import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** One ladder step the sweeper applied to a clock (黄牌, 红牌, 催办, 督办并报上级). */
export interface ClockMarkRecord {
  id: string;
  clockId: string;
  orderId: string;
  unitId: string;
  unitName?: string;
  clockKind: string;
  generation: number;
  step: string;
  dueAt: string;
  at: string;
  detail: Record<string, unknown>;
}

/**
 * Records a step; returns false when this clock generation already has it (another sweeper got there
 * first). The unique (clock, generation, step) key makes the insert the idempotence point.
 */
export async function insertMark(db: Db, m: ClockMarkRecord): Promise<boolean> {
  const r = await db
    .insertInto('clock_marks')
    .values({
      id: m.id,
      clock_id: m.clockId,
      order_id: m.orderId,
      unit_id: m.unitId,
      clock_kind: m.clockKind,
      generation: m.generation,
      step: m.step,
      due_at: m.dueAt,
      at: m.at,
      detail: JSON.stringify(m.detail),
    })
    .onConflict((oc) => oc.columns(['clock_id', 'generation', 'step']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listClockMarks(db: Db, orderId: string): Promise<ClockMarkRecord[]> {
  const rows = await db
    .selectFrom('clock_marks as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .selectAll('m')
    .select('u.name as unit_name')
    .where('m.order_id', '=', orderId)
    .orderBy('m.at')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    clockId: r.clock_id,
    orderId: r.order_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    clockKind: r.clock_kind,
    generation: Number(r.generation),
    step: r.step,
    dueAt: r.due_at,
    at: r.at,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
