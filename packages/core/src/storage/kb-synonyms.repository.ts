import { type Kysely, sql } from 'kysely';
import type { Schema } from './schema.js';

/**
 * SQL of the centre's synonym groups (`kb_synonyms`). The search notices a change through a stamp of
 * the table — its row count and latest `updated_at` (knowledge-search.repository.ts `readSearchState`) —
 * so every write must leave a stamp no earlier state had: writers serialise on the search counter row
 * (`lockSynonymWriters`) and stamp their rows later than any synonym change before (`lastSynonymChangeAt`).
 */
type Db = Kysely<Schema>;

/** The audit target of synonym changes; its rows also remember when the last change happened. */
export const KB_SYNONYMS_TARGET = 'kb_synonyms';

export interface SynonymRecord {
  id: string;
  /** JSON array of terms, as stored. */
  terms: string;
  note: string | null;
  updatedAt: string;
  updatedBy: string | null;
  updatedByName: string | null;
}

/**
 * Serialises synonym writers (and orders them with the article writers): locks the one row of
 * `kb_index_state` without changing the revision. First statement of the transaction, so SQLite takes
 * its write lock before anything is read.
 */
export async function lockSynonymWriters(db: Db): Promise<void> {
  await db.updateTable('kb_index_state').set({ revision: sql`revision` }).where('id', '=', 1).execute();
}

/**
 * When the synonyms last changed: the latest `updated_at` of a group, or of a recorded change (a
 * deleted group leaves only its audit row). Null when nothing was ever stored.
 */
export async function lastSynonymChangeAt(db: Db): Promise<string | null> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('kb_synonyms')
        .select((s) => s.fn.max('updated_at').as('m'))
        .as('updated'),
      eb
        .selectFrom('audit_log')
        .select((s) => s.fn.max('at').as('m'))
        .where('target_type', '=', KB_SYNONYMS_TARGET)
        .as('audited'),
    ])
    .executeTakeFirst();
  const stamps = [row?.updated, row?.audited].filter((s): s is string => typeof s === 'string' && s !== '');
  if (stamps.length === 0) return null;
  return stamps.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

function synonymQuery(db: Db) {
  return db
    .selectFrom('kb_synonyms as s')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .select([
      's.id',
      's.terms',
      's.note',
      's.updated_at as updatedAt',
      's.updated_by as updatedBy',
      'u.display_name as updatedByName',
    ]);
}

/** Every group, latest change first (ties by id: the same order on every database). */
export async function listSynonymRecords(db: Db): Promise<SynonymRecord[]> {
  return synonymQuery(db).orderBy('s.updated_at', 'desc').orderBy('s.id').execute();
}

export async function findSynonymRecord(db: Db, id: string): Promise<SynonymRecord | null> {
  return (await synonymQuery(db).where('s.id', '=', id).executeTakeFirst()) ?? null;
}

export interface SynonymWrite {
  terms: readonly string[];
  note: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export async function insertSynonymRecord(db: Db, id: string, w: SynonymWrite): Promise<void> {
  await db
    .insertInto('kb_synonyms')
    .values({
      id,
      terms: JSON.stringify(w.terms),
      note: w.note,
      updated_at: w.updatedAt,
      updated_by: w.updatedBy,
    })
    .execute();
}

/** Returns whether the group existed. */
export async function updateSynonymRecord(db: Db, id: string, w: SynonymWrite): Promise<boolean> {
  const result = await db
    .updateTable('kb_synonyms')
    .set({ terms: JSON.stringify(w.terms), note: w.note, updated_at: w.updatedAt, updated_by: w.updatedBy })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Returns whether the group existed. */
export async function deleteSynonymRecord(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('kb_synonyms').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
