import type { Kysely } from 'kysely';
import { insertChunked } from './intake-tables.js';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Storage of the intake desk's category taxonomy (诉求分类). */

export interface CategoryRecord {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  path: string;
  emergencyHint: string | null;
  active: boolean;
  sortOrder: number;
}

const toCategory = (r: Schema['categories']): CategoryRecord => ({
  code: r.code,
  name: r.name,
  parentCode: r.parent_code,
  level: Number(r.level),
  path: r.path,
  emergencyHint: r.emergency_hint,
  active: r.active === 1,
  sortOrder: Number(r.sort_order),
});

/** The editable columns of a category (everything but its code and timestamps). */
const categoryRow = (c: CategoryRecord) => ({
  name: c.name,
  parent_code: c.parentCode,
  level: c.level,
  path: c.path,
  emergency_hint: c.emergencyHint,
  active: c.active ? 1 : 0,
  sort_order: c.sortOrder,
});

export async function listCategories(db: Db): Promise<CategoryRecord[]> {
  const rows = await db.selectFrom('categories').selectAll().orderBy('code').execute();
  return rows.map(toCategory);
}

export async function findCategory(db: Db, code: string): Promise<CategoryRecord | undefined> {
  const row = await db.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toCategory(row) : undefined;
}

/** Inserts categories that do not exist yet (existing codes are left alone). */
export async function insertCategories(db: Db, rows: readonly CategoryRecord[], at: string): Promise<void> {
  await insertChunked(rows, (chunk) =>
    db
      .insertInto('categories')
      .values(chunk.map((c) => ({ code: c.code, ...categoryRow(c), created_at: at, updated_at: at })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute(),
  );
}

export async function updateCategory(db: Db, c: CategoryRecord, at: string): Promise<void> {
  await db
    .updateTable('categories')
    .set({ ...categoryRow(c), updated_at: at })
    .where('code', '=', c.code)
    .execute();
}
