import type { Actor } from '@huawu/domain';
import { type Kysely, sql } from 'kysely';
import { createAppendOnlyTriggers } from '../storage/migrations/2026-11-29T10-event-chain.js';
import type { Schema } from '../storage/schema.js';
import { step } from './contract-helpers.js';
import type { TestCore } from './databases.js';
import type { WorkOrderFull } from '../use-cases/get-work-order.js';

const TABLES = ['work_order_events', 'order_archives'] as const;

/** Drops the append-only triggers, as someone with direct database access could. */
export async function dropAppendOnly(core: TestCore): Promise<void> {
  const db = core.database.db;
  for (const t of TABLES) {
    if (core.database.dialect === 'postgres') {
      await sql`drop trigger ${sql.id(`${t}_append_only`)} on ${sql.table(t)}`.execute(db);
      await sql`drop trigger ${sql.id(`${t}_no_truncate`)} on ${sql.table(t)}`.execute(db);
    } else {
      await sql`drop trigger ${sql.id(`${t}_no_update`)}`.execute(db);
      await sql`drop trigger ${sql.id(`${t}_no_delete`)}`.execute(db);
    }
  }
}

export const restoreAppendOnly = (core: TestCore) =>
  createAppendOnlyTriggers(core.database.db as Kysely<Schema>, TABLES);

/** Archives an order through the state machine; the transition seals the record (asserted here). */
export async function archiveOrder(
  core: TestCore,
  order: WorkOrderFull,
  actor: Actor,
): Promise<WorkOrderFull> {
  const archived = await step(core, order, actor, 'archive');
  const sealed = await core.database.db
    .selectFrom('order_archives')
    .select('order_id')
    .where('order_id', '=', order.id)
    .executeTakeFirst();
  if (!sealed) throw new Error(`archiving ${order.orderNo} sealed no archive record`);
  return archived;
}
