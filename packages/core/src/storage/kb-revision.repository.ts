import { type Kysely, sql } from 'kysely';
import type { Schema } from './schema.js';

/**
 * The knowledge base's search revision (`kb_index_state`). Every write that changes an article runs
 * inside the caller's transaction after `bumpRevision`, whose row lock (PostgreSQL) also serialises
 * knowledge-base writers.
 */
type Db = Kysely<Schema>;

/** Bumps the search revision; call first in a write transaction and stamp the changed rows with it. */
export async function bumpRevision(db: Db): Promise<number> {
  const row = await db
    .updateTable('kb_index_state')
    .set({ revision: sql`revision + 1` })
    .where('id', '=', 1)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

export async function currentRevision(db: Db): Promise<number> {
  const row = await db.selectFrom('kb_index_state').select('revision').where('id', '=', 1).executeTakeFirst();
  return Number(row?.revision ?? 0);
}
