import type { CheckKind, KbArticleKind } from '@huawu/domain';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

/** Pieces shared by the guide-accuracy repositories (rounds, items, checks, correction tasks, guides). */

export type Db = Kysely<Schema>;

export const GUIDE: KbArticleKind = 'guide';
export const INITIAL: CheckKind = 'initial';

export const nullableNumber = (v: number | null) => (v === null ? null : Number(v));

export { isUniqueViolation } from './sql-errors.js';
