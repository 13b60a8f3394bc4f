import { type Kysely, sql } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Helpers shared by the intake desk's editable tables: categories, phrases and scope rules. */

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 50;

export async function insertChunked<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function isTableEmpty(
  db: Db,
  table: 'categories' | 'phrases' | 'scope_rules',
): Promise<boolean> {
  const row = await db.selectFrom(table).select(sql.lit(1).as('one')).limit(1).executeTakeFirst();
  return row === undefined;
}
