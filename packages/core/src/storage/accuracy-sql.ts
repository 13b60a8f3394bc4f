import type { CheckKind, KbArticleKind } from '@huawu/domain';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

/** Pieces shared by the guide-accuracy repositories (rounds, items, checks, correction tasks, guides). */

export type Db = Kysely<Schema>;

export const GUIDE: KbArticleKind = 'guide';
export const INITIAL: CheckKind = 'initial';

export const nullableNumber = (v: number | null) => (v === null ? null : Number(v));

/** A unique index refused the row (SQLite and PostgreSQL report it differently). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    (typeof e?.message === 'string' && e.message.includes('UNIQUE constraint failed'))
  );
}
