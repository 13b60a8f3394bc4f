import {
  type CorrectionReason,
  TASK_CLOCK_STATUSES,
  TASK_UNRESOLVED_STATUSES,
  type TaskStatus,
} from '@huawu/domain';
import { type Db, nullableNumber } from './accuracy-sql.js';
import type { Schema } from './schema.js';
import { subtreePattern } from './sql-like.js';

/** Correction tasks opened for failed checks, scoped by the reader's unit subtree. */

/** Which correction tasks a reader may see: every task, or those of a unit subtree (`units.path` prefix). */
export type TaskScope = { kind: 'all' } | { kind: 'unit'; unitPath: string };

export interface TaskRecord {
  id: string;
  itemId: string;
  roundId: string;
  roundName: string;
  articleId: string;
  articleVersion: number;
  guideTitle: string;
  itemCode: string | null;
  question: string;
  phone: string;
  ownerUnitId: string;
  ownerUnitName: string;
  status: TaskStatus;
  reasons: CorrectionReason[];
  openedAt: string;
  deadlineAt: string;
  fixedAt: string | null;
  fixedBy: string | null;
  fixedByName: string | null;
  fixNote: string | null;
  proposedVersion: number | null;
  recheckCheckerId: string | null;
  recheckCheckerName: string | null;
  recheckPlannedOn: string | null;
  recheckCount: number;
  closedAt: string | null;
  version: number;
  updatedAt: string;
}

export async function insertTask(db: Db, row: Schema['correction_tasks']): Promise<void> {
  await db.insertInto('correction_tasks').values(row).execute();
}

function taskQuery(db: Db, scope: TaskScope) {
  let q = db
    .selectFrom('correction_tasks as t')
    .innerJoin('accuracy_items as i', 'i.id', 't.item_id')
    .innerJoin('accuracy_rounds as r', 'r.id', 't.round_id')
    .innerJoin('units as ou', 'ou.id', 't.owner_unit_id')
    .leftJoin('users as fu', 'fu.id', 't.fixed_by')
    .leftJoin('users as rc', 'rc.id', 't.recheck_checker_id')
    .selectAll('t')
    .select([
      'r.name as round_name',
      'i.article_version',
      'i.guide_title',
      'i.item_code',
      'i.question',
      'i.phone',
      'ou.name as owner_unit_name',
      'fu.display_name as fixed_by_name',
      'rc.display_name as recheck_checker_name',
    ]);
  if (scope.kind === 'unit') q = q.where('ou.path', 'like', subtreePattern(scope.unitPath));
  return q;
}

type TaskRow = Schema['correction_tasks'] & {
  round_name: string;
  article_version: number;
  guide_title: string;
  item_code: string | null;
  question: string;
  phone: string;
  owner_unit_name: string;
  fixed_by_name: string | null;
  recheck_checker_name: string | null;
};

const toTask = (r: TaskRow): TaskRecord => ({
  id: r.id,
  itemId: r.item_id,
  roundId: r.round_id,
  roundName: r.round_name,
  articleId: r.article_id,
  articleVersion: Number(r.article_version),
  guideTitle: r.guide_title,
  itemCode: r.item_code,
  question: r.question,
  phone: r.phone,
  ownerUnitId: r.owner_unit_id,
  ownerUnitName: r.owner_unit_name,
  status: r.status as TaskStatus,
  reasons: JSON.parse(r.reasons) as CorrectionReason[],
  openedAt: r.opened_at,
  deadlineAt: r.deadline_at,
  fixedAt: r.fixed_at,
  fixedBy: r.fixed_by,
  fixedByName: r.fixed_by_name,
  fixNote: r.fix_note,
  proposedVersion: nullableNumber(r.proposed_version),
  recheckCheckerId: r.recheck_checker_id,
  recheckCheckerName: r.recheck_checker_name,
  recheckPlannedOn: r.recheck_planned_on,
  recheckCount: Number(r.recheck_count),
  closedAt: r.closed_at,
  version: Number(r.version),
  updatedAt: r.updated_at,
});

/** A task within the reader's scope (a task outside it is "not found"). */
export async function findTask(db: Db, id: string, scope: TaskScope): Promise<TaskRecord | undefined> {
  const row = await taskQuery(db, scope).where('t.id', '=', id).executeTakeFirst();
  return row ? toTask(row) : undefined;
}

export async function listRoundTasks(db: Db, roundId: string): Promise<TaskRecord[]> {
  const rows = await taskQuery(db, { kind: 'all' }).where('t.round_id', '=', roundId).execute();
  return rows.map(toTask);
}

export async function listTasksOfItems(db: Db, itemIds: readonly string[]): Promise<TaskRecord[]> {
  if (itemIds.length === 0) return [];
  const rows = await taskQuery(db, { kind: 'all' })
    .where('t.item_id', 'in', [...itemIds])
    .execute();
  return rows.map(toTask);
}

export interface TaskFilter {
  statuses?: TaskStatus[];
  unitPath?: string;
  roundId?: string;
  /** Open tasks whose deadline is before this instant. */
  overdueAt?: string;
  page: number;
  pageSize: number;
}

export async function listTasks(
  db: Db,
  scope: TaskScope,
  f: TaskFilter,
): Promise<{ items: TaskRecord[]; total: number }> {
  let q = taskQuery(db, scope);
  if (f.statuses?.length) q = q.where('t.status', 'in', f.statuses);
  if (f.unitPath) q = q.where('ou.path', 'like', subtreePattern(f.unitPath));
  if (f.roundId) q = q.where('t.round_id', '=', f.roundId);
  if (f.overdueAt)
    q = q.where('t.status', 'in', [...TASK_CLOCK_STATUSES]).where('t.deadline_at', '<', f.overdueAt);
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  // Tasks whose clock runs first (nearest deadline first), then those awaiting re-check, then closed.
  const rows = await q
    .orderBy((eb) =>
      eb
        .case()
        .when('t.status', 'in', [...TASK_CLOCK_STATUSES])
        .then(0)
        .when('t.status', 'in', [...TASK_UNRESOLVED_STATUSES])
        .then(1)
        .else(2)
        .end(),
    )
    .orderBy('t.deadline_at')
    .orderBy('t.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items: rows.map(toTask), total: Number(total.n) };
}

/** Compare-and-set on `version`: false when someone else changed the task first. */
export async function updateTask(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<Schema['correction_tasks'], 'id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('correction_tasks')
    .set({ ...patch, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
