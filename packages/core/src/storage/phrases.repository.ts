import type { Kysely } from 'kysely';
import { insertChunked } from './intake-tables.js';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Storage of the intake desk's phrase library (规范用语), one list per call step. */

export interface PhraseRecord {
  id: string;
  step: string;
  title: string;
  text: string;
  sortOrder: number;
  active: boolean;
}

const toPhrase = (r: Schema['phrases']): PhraseRecord => ({
  id: r.id,
  step: r.step,
  title: r.title,
  text: r.text,
  sortOrder: Number(r.sort_order),
  active: r.active === 1,
});

export async function listPhrases(db: Db): Promise<PhraseRecord[]> {
  const rows = await db.selectFrom('phrases').selectAll().orderBy('step').orderBy('sort_order').execute();
  return rows.map(toPhrase);
}

export async function findPhrase(db: Db, id: string): Promise<PhraseRecord | undefined> {
  const row = await db.selectFrom('phrases').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPhrase(row) : undefined;
}

export async function insertPhrases(
  db: Db,
  rows: readonly PhraseRecord[],
  at: string,
  by: string | null,
): Promise<void> {
  await insertChunked(rows, (chunk) =>
    db
      .insertInto('phrases')
      .values(
        chunk.map((p) => ({
          id: p.id,
          step: p.step,
          title: p.title,
          text: p.text,
          sort_order: p.sortOrder,
          active: p.active ? 1 : 0,
          created_at: at,
          updated_at: at,
          updated_by: by,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute(),
  );
}

export async function updatePhrase(db: Db, p: PhraseRecord, at: string, by: string): Promise<void> {
  await db
    .updateTable('phrases')
    .set({ title: p.title, text: p.text, active: p.active ? 1 : 0, updated_at: at, updated_by: by })
    .where('id', '=', p.id)
    .execute();
}

export async function maxPhraseOrder(db: Db, step: string): Promise<number> {
  const row = await db
    .selectFrom('phrases')
    .select((eb) => eb.fn.max('sort_order').as('n'))
    .where('step', '=', step)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
