import {
  type CheckKind,
  type CheckVerdict,
  type CorrectionReason,
  KB_LIVE_STATUSES,
  type KbArticleKind,
  type KbVersionStatus,
  ROUND_STATUS_TIMESTAMPS,
  type RoundStatus,
  type TaskStatus,
  TASK_CLOCK_STATUSES,
  TASK_UNRESOLVED_STATUSES,
} from '@huawu/domain';
import { type Kysely, sql } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Which correction tasks a reader may see: every task, or those of a unit subtree (`units.path` prefix). */
export type TaskScope = { kind: 'all' } | { kind: 'unit'; unitPath: string };

const GUIDE: KbArticleKind = 'guide';
const INITIAL: CheckKind = 'initial';
const PUBLISHED_VERSION: KbVersionStatus = 'published';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const prefixPattern = (path: string) => sql<string>`${`${escapeLike(path)}%`} escape '\\'`;

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

// ─── Rounds ────────────────────────────────────────────────────────────────────────────────────────

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

// ─── Items and checks ──────────────────────────────────────────────────────────────────────────────

export interface ItemRecord {
  id: string;
  roundId: string;
  seq: number;
  articleId: string;
  articleVersion: number;
  guideTitle: string;
  itemCode: string | null;
  ownerUnitId: string;
  ownerUnitName: string;
  question: string;
  phone: string;
  checkerId: string;
  checkerName: string;
}

export async function insertItem(db: Db, row: Schema['accuracy_items']): Promise<void> {
  await db.insertInto('accuracy_items').values(row).execute();
}

function itemQuery(db: Db) {
  return db
    .selectFrom('accuracy_items as i')
    .innerJoin('users as ck', 'ck.id', 'i.checker_id')
    .selectAll('i')
    .select('ck.display_name as checker_name');
}

const toItem = (r: Schema['accuracy_items'] & { checker_name: string }): ItemRecord => ({
  id: r.id,
  roundId: r.round_id,
  seq: Number(r.seq),
  articleId: r.article_id,
  articleVersion: Number(r.article_version),
  guideTitle: r.guide_title,
  itemCode: r.item_code,
  ownerUnitId: r.owner_unit_id,
  ownerUnitName: r.owner_unit_name,
  question: r.question,
  phone: r.phone,
  checkerId: r.checker_id,
  checkerName: r.checker_name,
});

export async function listItems(db: Db, roundId: string): Promise<ItemRecord[]> {
  const rows = await itemQuery(db).where('i.round_id', '=', roundId).orderBy('i.seq').execute();
  return rows.map(toItem);
}

export async function findItem(db: Db, roundId: string, itemId: string): Promise<ItemRecord | undefined> {
  const row = await itemQuery(db)
    .where('i.round_id', '=', roundId)
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  return row ? toItem(row) : undefined;
}

export async function findItemById(db: Db, itemId: string): Promise<ItemRecord | undefined> {
  const row = await itemQuery(db).where('i.id', '=', itemId).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

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

const nullableNumber = (v: number | null) => (v === null ? null : Number(v));

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

/** Every check of a round (first checks and re-checks), oldest first. */
export async function listRoundChecks(db: Db, roundId: string): Promise<CheckRecord[]> {
  const rows = await checkQuery(db)
    .where('c.round_id', '=', roundId)
    .orderBy('c.checked_at')
    .orderBy('c.id')
    .execute();
  return rows.map(toCheck);
}

export async function listItemChecks(db: Db, itemId: string): Promise<CheckRecord[]> {
  const rows = await checkQuery(db)
    .where('c.item_id', '=', itemId)
    .orderBy('c.checked_at')
    .orderBy('c.id')
    .execute();
  return rows.map(toCheck);
}

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

// ─── Correction tasks ──────────────────────────────────────────────────────────────────────────────

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
  if (scope.kind === 'unit') q = q.where('ou.path', 'like', prefixPattern(scope.unitPath));
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
  if (f.unitPath) q = q.where('ou.path', 'like', prefixPattern(f.unitPath));
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

// ─── Knowledge base (read only) ─────────────────────────────────────────────────────────────────────

export interface GuideRecord {
  articleId: string;
  title: string;
  itemCode: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string;
  publishedVersion: number;
  /** The guide's 咨询电话 (fields.phone) of its published version. */
  phone: string | null;
  /** The last first-check of this guide in any round, if any. */
  lastCheckedAt: string | null;
}

const phoneOf = (fields: string): string | null => {
  try {
    const parsed = JSON.parse(fields) as Record<string, unknown>;
    return typeof parsed.phone === 'string' && parsed.phone.trim() !== '' ? parsed.phone.trim() : null;
  } catch {
    return null;
  }
};

/** Published guides, of the given units or with the given ids. */
export async function listPublishedGuides(
  db: Db,
  by: { unitIds?: readonly string[]; articleIds?: readonly string[] },
): Promise<GuideRecord[]> {
  let q = db
    .selectFrom('kb_articles as a')
    .select([
      'a.id',
      'a.title',
      'a.item_code',
      'a.owner_unit_id',
      'a.owner_unit_name',
      'a.published_version',
      'a.fields',
    ])
    .select((eb) =>
      eb
        .selectFrom('accuracy_items as i')
        .innerJoin('accuracy_checks as c', 'c.item_id', 'i.id')
        .select((e) => e.fn.max('c.checked_at').as('at'))
        .whereRef('i.article_id', '=', 'a.id')
        .where('c.kind', '=', INITIAL)
        .as('last_checked_at'),
    )
    .where('a.kind', '=', GUIDE)
    .where('a.status', 'in', [...KB_LIVE_STATUSES])
    .where('a.published_version', 'is not', null);
  if (by.unitIds) q = q.where('a.owner_unit_id', 'in', by.unitIds.length ? [...by.unitIds] : ['']);
  if (by.articleIds) q = q.where('a.id', 'in', by.articleIds.length ? [...by.articleIds] : ['']);
  const rows = await q.orderBy('a.owner_unit_id').orderBy('a.title').orderBy('a.id').execute();
  return rows.map((r) => ({
    articleId: r.id,
    title: r.title,
    itemCode: r.item_code,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_unit_name,
    publishedVersion: Number(r.published_version),
    phone: phoneOf(r.fields),
    lastCheckedAt: (r.last_checked_at as string | null) ?? null,
  }));
}

/** The version of an article published now (null when it is not published any more). */
export async function findPublishedVersion(db: Db, articleId: string): Promise<number | null> {
  const row = await db
    .selectFrom('kb_articles')
    .select('published_version')
    .where('id', '=', articleId)
    .where('status', 'in', [...KB_LIVE_STATUSES])
    .executeTakeFirst();
  return row?.published_version === null || row?.published_version === undefined
    ? null
    : Number(row.published_version);
}

export interface GuideVersionRecord {
  articleId: string;
  version: number;
  status: string;
  title: string;
  fields: Record<string, string>;
  createdAt: string;
}

export async function findArticleVersion(
  db: Db,
  articleId: string,
  version: number,
): Promise<GuideVersionRecord | undefined> {
  const row = await db
    .selectFrom('kb_article_versions')
    .select(['article_id', 'version', 'status', 'title', 'fields', 'created_at'])
    .where('article_id', '=', articleId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  let fields: Record<string, string> = {};
  try {
    fields = JSON.parse(row.fields) as Record<string, string>;
  } catch {
    fields = {};
  }
  return {
    articleId: row.article_id,
    version: Number(row.version),
    status: row.status,
    title: row.title,
    fields,
    createdAt: row.created_at,
  };
}

/**
 * Test and demo support: a published guide (article + version 1) written directly, with the search
 * revision bumped in the same transaction as the knowledge base's own writes do.
 */
export async function insertPublishedGuide(
  db: Db,
  g: {
    id: string;
    title: string;
    itemCode: string | null;
    ownerUnitId: string;
    ownerUnitName: string;
    fields: Record<string, string>;
    authorId: string;
    authorUnitId: string;
    at: string;
  },
): Promise<void> {
  const bumped = await db
    .updateTable('kb_index_state')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', 1)
    .returning('revision')
    .executeTakeFirstOrThrow();
  const fields = JSON.stringify(g.fields);
  await db
    .insertInto('kb_articles')
    .values({
      id: g.id,
      kind: GUIDE,
      status: KB_LIVE_STATUSES[0] as string,
      title: g.title,
      item_code: g.itemCode,
      owner_unit_id: g.ownerUnitId,
      owner_unit_name: g.ownerUnitName,
      keywords: '',
      fields,
      published_version: 1,
      latest_version: 1,
      valid_from: null,
      valid_to: null,
      next_review_on: null,
      search_revision: Number(bumped.revision),
      created_by: g.authorId,
      created_at: g.at,
      updated_at: g.at,
    })
    .execute();
  await db
    .insertInto('kb_article_versions')
    .values({
      article_id: g.id,
      version: 1,
      status: PUBLISHED_VERSION,
      title: g.title,
      keywords: '',
      fields,
      owner_unit_id: g.ownerUnitId,
      valid_from: null,
      valid_to: null,
      next_review_on: null,
      change_note: null,
      author_id: g.authorId,
      author_unit_id: g.authorUnitId,
      created_at: g.at,
      submitted_at: g.at,
      reviewed_by: g.authorId,
      reviewed_at: g.at,
      review_comment: null,
    })
    .execute();
}

/** Test support: publishes version `latest + 1` of a guide written by {@link insertPublishedGuide}. */
export async function publishGuideRevision(
  db: Db,
  articleId: string,
  g: { fields: Record<string, string>; authorId: string; authorUnitId: string; at: string },
): Promise<number> {
  const article = await db
    .selectFrom('kb_articles')
    .selectAll()
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  const version = Number(article.latest_version) + 1;
  const bumped = await db
    .updateTable('kb_index_state')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', 1)
    .returning('revision')
    .executeTakeFirstOrThrow();
  const fields = JSON.stringify(g.fields);
  await db
    .insertInto('kb_article_versions')
    .values({
      article_id: articleId,
      version,
      status: PUBLISHED_VERSION,
      title: article.title,
      keywords: article.keywords,
      fields,
      owner_unit_id: article.owner_unit_id,
      valid_from: null,
      valid_to: null,
      next_review_on: null,
      change_note: '修订',
      author_id: g.authorId,
      author_unit_id: g.authorUnitId,
      created_at: g.at,
      submitted_at: g.at,
      reviewed_by: g.authorId,
      reviewed_at: g.at,
      review_comment: null,
    })
    .execute();
  await db
    .updateTable('kb_articles')
    .set({
      fields,
      published_version: version,
      latest_version: version,
      search_revision: Number(bumped.revision),
      updated_at: g.at,
    })
    .where('id', '=', articleId)
    .execute();
  return version;
}

// ─── People and history ─────────────────────────────────────────────────────────────────────────────

export interface PersonRecord {
  id: string;
  displayName: string;
  role: string;
  unitId: string;
}

/** Active users holding one of `roles`. */
export async function listUsersWithRoles(db: Db, roles: readonly string[]): Promise<PersonRecord[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'unit_id'])
    .where('active', '=', 1)
    .where('role', 'in', roles.length ? [...roles] : [''])
    .orderBy('username')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, unitId: r.unit_id }));
}

export async function listUsersByIds(db: Db, ids: readonly string[]): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'unit_id', 'active'])
    .where('id', 'in', [...ids])
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, unitId: r.unit_id }));
}

export interface HistoryRecord {
  at: string;
  action: string;
  actorName: string | null;
  detail: Record<string, unknown> | null;
}

/** The audit entries written for one target (a task's history), oldest first. */
export async function listHistory(db: Db, targetType: string, targetId: string): Promise<HistoryRecord[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.at', 'a.action', 'a.detail', 'u.display_name'])
    .where('a.target_type', '=', targetType)
    .where('a.target_id', '=', targetId)
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    action: r.action,
    actorName: r.display_name,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}
