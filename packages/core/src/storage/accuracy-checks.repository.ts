import type { CheckKind, CheckVerdict } from '@huawu/domain';
import { type ItemRecord, toItem } from './accuracy-items.repository.js';
import { type Db, INITIAL, nullableNumber } from './accuracy-sql.js';
import type { Schema } from './schema.js';

/** Check results recorded against round items (first checks and re-checks). */

export interface CheckRecord {
  id: string;
  itemId: string;
  roundId: string;
  taskId: string | null;
  kind: CheckKind;
  attempt: number;
  calledNumber: string;
  reached: boolean;
  answerSeconds: number | null;
  rings: number | null;
  verdict: CheckVerdict;
  guideOutdated: boolean;
  notes: string | null;
  checkedBy: string;
  checkedByName: string;
  checkedAt: string;
}

export async function insertCheck(db: Db, row: Schema['accuracy_checks']): Promise<void> {
  await db.insertInto('accuracy_checks').values(row).execute();
}

const toCheck = (r: Schema['accuracy_checks'] & { checked_by_name: string }): CheckRecord => ({
  id: r.id,
  itemId: r.item_id,
  roundId: r.round_id,
  taskId: r.task_id,
  kind: r.kind as CheckKind,
  attempt: Number(r.attempt),
  calledNumber: r.called_number,
  reached: Number(r.reached) === 1,
  answerSeconds: nullableNumber(r.answer_seconds),
  rings: nullableNumber(r.rings),
  verdict: r.verdict as CheckVerdict,
  guideOutdated: Number(r.guide_outdated) === 1,
  notes: r.notes,
  checkedBy: r.checked_by,
  checkedByName: r.checked_by_name,
  checkedAt: r.checked_at,
});

function checkQuery(db: Db) {
  return db
    .selectFrom('accuracy_checks as c')
    .innerJoin('users as u', 'u.id', 'c.checked_by')
    .selectAll('c')
    .select('u.display_name as checked_by_name');
}

/** The checks of one round or one item (first checks and re-checks), oldest first. */
async function listChecksOf(db: Db, of: 'c.round_id' | 'c.item_id', id: string): Promise<CheckRecord[]> {
  const rows = await checkQuery(db).where(of, '=', id).orderBy('c.checked_at').orderBy('c.id').execute();
  return rows.map(toCheck);
}

/** Every check of a round (first checks and re-checks), oldest first. */
export const listRoundChecks = (db: Db, roundId: string) => listChecksOf(db, 'c.round_id', roundId);

/** Every check of an item (its first check and re-checks), oldest first. */
export const listItemChecks = (db: Db, itemId: string) => listChecksOf(db, 'c.item_id', itemId);

/** First checks made in [from, to) (ISO instants) with their items, for reports over a period. */
export async function listInitialChecksBetween(
  db: Db,
  from: string,
  to: string,
): Promise<{ check: CheckRecord; item: ItemRecord }[]> {
  const rows = await checkQuery(db)
    .innerJoin('accuracy_items as i', 'i.id', 'c.item_id')
    .innerJoin('users as ck', 'ck.id', 'i.checker_id')
    .select([
      'i.seq',
      'i.article_id',
      'i.article_version',
      'i.guide_title',
      'i.item_code',
      'i.owner_unit_id',
      'i.owner_unit_name',
      'i.question',
      'i.phone',
      'i.checker_id',
      'ck.display_name as checker_name',
    ])
    .where('c.kind', '=', INITIAL)
    .where('c.checked_at', '>=', from)
    .where('c.checked_at', '<', to)
    .orderBy('c.checked_at')
    .execute();
  return rows.map((r) => ({
    check: toCheck(r),
    item: toItem({ ...r, id: r.item_id, round_id: r.round_id, created_at: r.checked_at }),
  }));
}
