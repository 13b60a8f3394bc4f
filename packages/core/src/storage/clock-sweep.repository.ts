import { type Kysely, sql } from 'kysely';
import type { DialectName } from './database.js';
import type { ClockMarkRecord } from './clock-marks.repository.js';
import { type ClockRecord, rowToClock } from './order-clocks.repository.js';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/**
 * Open, running clocks whose next ladder step is due, oldest first. On PostgreSQL the rows are locked
 * for the caller's transaction and rows another sweeper holds are skipped (FOR UPDATE SKIP LOCKED).
 */
export async function claimDueClocks(
  db: Db,
  dialect: DialectName,
  e: { now: string; limit: number },
): Promise<ClockRecord[]> {
  const q = db
    .selectFrom('order_clocks')
    .selectAll()
    .where('next_at', '<=', e.now)
    .where('open', '=', 1)
    .orderBy('next_at')
    .limit(e.limit);
  const rows = await (dialect === 'postgres' ? q.forUpdate().skipLocked() : q).execute();
  return rows.map(rowToClock);
}

/**
 * Moves a clock to `stage` if it is still where the sweeper found it (same stage and generation, open,
 * not paused): the compare-and-set that lets only one sweeper apply a step.
 */
export async function advanceClock(
  db: Db,
  c: ClockRecord,
  e: { stage: number; nextAt: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('order_clocks')
    .set({ stage: e.stage, next_at: e.nextAt })
    .where('id', '=', c.id)
    .where('stage', '=', c.stage)
    .where('generation', '=', c.generation)
    .where('open', '=', 1)
    .where('paused_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Order number, title and status of the orders in a batch (for notice texts). */
export async function orderBriefs(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('work_orders')
    .select(['id', 'order_no', 'title', 'deadline_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/**
 * Moves a batch of claimed clocks to their new stage and next step in one statement. The rows are the
 * caller's claim (locked on PostgreSQL; SQLite writes one transaction at a time), and the WHERE
 * repeats each clock's stage and generation as read, so a clock changed meanwhile is left alone.
 */
export async function advanceClocks(
  db: Db,
  moves: readonly { clock: ClockRecord; stage: number; nextAt: string | null }[],
): Promise<void> {
  for (let i = 0; i < moves.length; i += 500) {
    const chunk = moves.slice(i, i + 500);
    const stageCase = sql.join(
      chunk.map((m) => sql`when ${m.clock.id} then cast(${m.stage} as integer)`),
      sql` `,
    );
    const nextCase = sql.join(
      chunk.map((m) => sql`when ${m.clock.id} then cast(${m.nextAt} as text)`),
      sql` `,
    );
    const guard = sql.join(
      chunk.map(
        (m) =>
          sql`(id = ${m.clock.id} and stage = cast(${m.clock.stage} as integer) and generation = cast(${m.clock.generation} as integer))`,
      ),
      sql` or `,
    );
    await sql`update order_clocks set stage = case id ${stageCase} end, next_at = case id ${nextCase} end
      where open = 1 and paused_at is null and (${guard})`.execute(db);
  }
}

/** Records ladder steps; returns the ids actually inserted (a step already recorded is skipped). */
export async function insertMarks(db: Db, marks: readonly ClockMarkRecord[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < marks.length; i += 1000) {
    const chunk = marks.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    const rows = await db
      .insertInto('clock_marks')
      .values(
        chunk.map((m) => ({
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
        })),
      )
      .onConflict((oc) => oc.columns(['clock_id', 'generation', 'step']).doNothing())
      .returning('id')
      .execute();
    for (const r of rows) inserted.add(r.id);
  }
  return inserted;
}

/** (order, unit) pairs with an open 督办 among these orders. */
export async function openSupervisionPairs(db: Db, orderIds: readonly string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('supervisions')
    .select(['order_id', 'unit_id'])
    .where('order_id', 'in', [...new Set(orderIds)])
    .where('status', '=', 'open')
    .execute();
  return new Set(rows.map((r) => `${r.order_id}|${r.unit_id}`));
}
