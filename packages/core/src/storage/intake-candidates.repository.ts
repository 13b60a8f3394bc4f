import { OPEN_STATUSES } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { type OrderBrief, briefColumns, toBrief } from './order-brief.rows.js';
import type { Schema } from './schema.js';
import { containsPattern } from './sql-like.js';

type Db = Kysely<Schema>;

/** Storage reads behind duplicate detection at intake (重复件): recent open orders by one criterion. */

const OPEN = [...OPEN_STATUSES];

export interface CandidateQuery {
  since: string;
  callerPhone?: string;
  category?: string;
  divisionCode?: string;
  /** Words of which at least one must appear in the title (bounded LIKE scan of the window). */
  titleWords?: string[];
  limit: number;
}

/**
 * Open orders created since `since` by one criterion, newest first and bounded, each through an index
 * on (criterion, created_at) — or on created_at alone for the title words — so the cost does not grow
 * with the table.
 */
export async function listOpenCandidates(
  db: Db,
  by: 'caller' | 'category' | 'division' | 'title' | 'recent',
  q: CandidateQuery,
): Promise<OrderBrief[]> {
  let query = db
    .selectFrom('work_orders')
    .select(briefColumns)
    .where('created_at', '>=', q.since)
    .where('status', 'in', OPEN);
  if (by === 'caller') {
    if (!q.callerPhone) return [];
    query = query.where('caller_phone', '=', q.callerPhone);
  } else if (by === 'category') {
    if (!q.category) return [];
    query = query.where('category', '=', q.category);
  } else if (by === 'division') {
    if (!q.divisionCode) return [];
    query = query.where('division_code', '=', q.divisionCode);
  } else if (by === 'title') {
    const words = q.titleWords ?? [];
    if (words.length === 0) return [];
    query = query.where((eb) => eb.or(words.map((w) => eb('title', 'like', containsPattern(w)))));
  }
  const rows = await query.orderBy('created_at', 'desc').limit(q.limit).execute();
  return rows.map(toBrief);
}
