import { ROUND_STATUS_TIMESTAMPS, type RoundStatus, TASK_UNRESOLVED_STATUSES } from '@huawu/domain';
import { type Db, INITIAL } from './accuracy-sql.js';
import type { Schema } from './schema.js';

/** Guide-accuracy rounds: the plan, its status and its progress counts. */

export interface RoundRecord {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  unitIds: string[];
  status: RoundStatus;
  checkerId: string;
  checkerName: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

export interface RoundProgress {
  items: number;
  checked: number;
  unresolvedTasks: number;
}

function roundQuery(db: Db) {
  return db
    .selectFrom('accuracy_rounds as r')
    .innerJoin('users as ck', 'ck.id', 'r.checker_id')
    .innerJoin('users as cb', 'cb.id', 'r.created_by')
    .selectAll('r')
    .select(['ck.display_name as checker_name', 'cb.display_name as created_by_name']);
}

type RoundRow = Schema['accuracy_rounds'] & { checker_name: string; created_by_name: string };

const toRound = (r: RoundRow): RoundRecord => ({
  id: r.id,
  name: r.name,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  unitIds: JSON.parse(r.unit_ids) as string[],
  status: r.status as RoundStatus,
  checkerId: r.checker_id,
  checkerName: r.checker_name,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  startedAt: r.started_at,
  completedAt: r.completed_at,
});

export async function insertRound(db: Db, row: Schema['accuracy_rounds']): Promise<void> {
  await db.insertInto('accuracy_rounds').values(row).execute();
}

export async function findRound(db: Db, id: string): Promise<RoundRecord | undefined> {
  const row = await roundQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toRound(row) : undefined;
}

/** Compare-and-set on the status: false when another request moved the round first. */
export async function updateRoundStatus(
  db: Db,
  id: string,
  from: RoundStatus,
  to: RoundStatus,
  at: string,
): Promise<boolean> {
  const stamp = to === from ? undefined : ROUND_STATUS_TIMESTAMPS[to];
  const stamps =
    stamp === 'startedAt' ? { started_at: at } : stamp === 'completedAt' ? { completed_at: at } : {};
  const result = await db
    .updateTable('accuracy_rounds')
    .set({ status: to, updated_at: at, ...stamps })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listRounds(
  db: Db,
  f: { statuses?: RoundStatus[]; page: number; pageSize: number },
): Promise<{ items: (RoundRecord & { progress: RoundProgress })[]; total: number }> {
  let count = db.selectFrom('accuracy_rounds').select((eb) => eb.fn.countAll().as('n'));
  let q = roundQuery(db).select((eb) => [
    eb
      .selectFrom('accuracy_items as i')
      .select(eb.fn.countAll().as('n'))
      .whereRef('i.round_id', '=', 'r.id')
      .as('item_count'),
    eb
      .selectFrom('accuracy_checks as c')
      .select(eb.fn.countAll().as('n'))
      .whereRef('c.round_id', '=', 'r.id')
      .where('c.kind', '=', INITIAL)
      .as('checked_count'),
    eb
      .selectFrom('correction_tasks as t')
      .select(eb.fn.countAll().as('n'))
      .whereRef('t.round_id', '=', 'r.id')
      .where('t.status', 'in', [...TASK_UNRESOLVED_STATUSES])
      .as('task_count'),
  ]);
  if (f.statuses?.length) {
    count = count.where('status', 'in', f.statuses);
    q = q.where('r.status', 'in', f.statuses);
  }
  const total = await count.executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      ...toRound(r),
      progress: {
        items: Number(r.item_count ?? 0),
        checked: Number(r.checked_count ?? 0),
        unresolvedTasks: Number(r.task_count ?? 0),
      },
    })),
  };
}
