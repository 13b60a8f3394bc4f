import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

/** Units as the knowledge base sees them: owners of articles and authors' units. */
type Db = Kysely<Schema>;

export interface KbUnit {
  id: string;
  name: string;
  path: string;
  active: boolean;
}

/** The hotline centre's unit (authors of command-line imports). */
export async function centreUnitId(db: Db): Promise<string> {
  const row = await db
    .selectFrom('units')
    .select('id')
    .where('kind', '=', 'centre')
    .orderBy('sort_order')
    .executeTakeFirst();
  return row?.id ?? 'centre';
}

const unitQuery = (db: Db) => db.selectFrom('units').select(['id', 'name', 'path', 'active']);

const toKbUnit = (r: { id: string; name: string; path: string; active: number }): KbUnit => ({
  id: r.id,
  name: r.name,
  path: r.path,
  active: Number(r.active) === 1,
});

export async function listKbUnits(db: Db): Promise<KbUnit[]> {
  return (await unitQuery(db).orderBy('sort_order').execute()).map(toKbUnit);
}

export async function findKbUnit(db: Db, id: string): Promise<KbUnit | undefined> {
  const r = await unitQuery(db).where('id', '=', id).executeTakeFirst();
  return r ? toKbUnit(r) : undefined;
}
