import { type Kysely, sql } from 'kysely';
import type { HashedEventFields } from '../archive/event-hash.js';
import type { Schema } from './schema.js';
import type { OrderArchivesTable } from './schema.archive.js';
import { containsPattern, subtreePattern } from './sql-like.js';
import type { DialectName } from './database.js';
import type { OrderScope } from './work-order.repository.js';

type Db = Kysely<Schema>;

export type ArchiveRow = OrderArchivesTable;
export type ChainedEventRow = HashedEventFields & { prev_hash: string | null; hash: string | null };

/** An arbitrary fixed key: every archiver takes this transaction lock before choosing its archive_seq. */
const ARCHIVE_SEQ_LOCK = 1_752_522_103;

/**
 * The newest sealed archive, read under a lock on PostgreSQL so two archiving transactions cannot take
 * the same next archive_seq (SQLite has one writer at a time already). Held until commit.
 */
export async function lockLastArchive(
  db: Db,
  dialect: DialectName,
): Promise<{ archiveSeq: number; recordHash: string } | undefined> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${ARCHIVE_SEQ_LOCK})`.execute(db);
  const row = await db
    .selectFrom('order_archives')
    .select(['archive_seq', 'record_hash'])
    .orderBy('archive_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { archiveSeq: Number(row.archive_seq), recordHash: row.record_hash } : undefined;
}

export async function insertArchive(db: Db, row: ArchiveRow): Promise<void> {
  await db.insertInto('order_archives').values(row).execute();
}

export async function findArchive(db: Db, orderId: string): Promise<ArchiveRow | undefined> {
  const row = await db
    .selectFrom('order_archives')
    .selectAll()
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export async function findArchiveBySeq(db: Db, archiveSeq: number): Promise<ArchiveRow | undefined> {
  const row = await db
    .selectFrom('order_archives')
    .selectAll()
    .where('archive_seq', '=', archiveSeq)
    .executeTakeFirst();
  return row ? normalise(row) : undefined;
}

const normalise = (r: ArchiveRow): ArchiveRow => ({
  ...r,
  archive_seq: Number(r.archive_seq),
  head_event_seq: Number(r.head_event_seq),
});

const EVENT_COLUMNS = [
  'e.order_id',
  'e.seq',
  'e.event',
  'e.from_status',
  'e.to_status',
  'e.actor_id',
  'e.actor_role',
  'e.at',
  'e.comment',
  'e.payload',
  'e.prev_hash',
  'e.hash',
] as const;

/** One order's events with their chain columns and actor names, in seq order (for the sealed record). */
export async function listChainedEvents(db: Db, orderId: string) {
  const rows = await db
    .selectFrom('work_order_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(EVENT_COLUMNS)
    .select('u.display_name')
    .where('e.order_id', '=', orderId)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export async function countWorkNotes(db: Db, orderId: string): Promise<number> {
  const row = await db
    .selectFrom('work_notes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- verification reads: keyset pages in primary-key order ----

/** A page of orders (id order) with what the chain check compares: number and version. */
export async function ordersPage(db: Db, afterId: string | null, limit: number, onlyId?: string) {
  let q = db.selectFrom('work_orders').select(['id', 'order_no', 'version']).orderBy('id').limit(limit);
  if (afterId !== null) q = q.where('id', '>', afterId);
  if (onlyId) q = q.where('id', '=', onlyId);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, orderNo: r.order_no, version: Number(r.version) }));
}

/** Every event of these orders, in (order_id, seq) order. */
export async function eventsOfOrders(db: Db, orderIds: readonly string[]): Promise<ChainedEventRow[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .selectFrom('work_order_events as e')
    .select(EVENT_COLUMNS)
    .where('e.order_id', 'in', orderIds)
    .orderBy('e.order_id')
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** A page of archive rows in archive_seq order, with the order number. */
export async function archivesPage(db: Db, afterSeq: number, limit: number) {
  const rows = await db
    .selectFrom('order_archives as a')
    .leftJoin('work_orders as o', 'o.id', 'a.order_id')
    .selectAll('a')
    .select('o.order_no')
    .where('a.archive_seq', '>', afterSeq)
    .orderBy('a.archive_seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...normalise(r), order_no: r.order_no }));
}

/** The current last event (seq, hash) of each order. */
export async function lastEventsOf(
  db: Db,
  orderIds: readonly string[],
): Promise<Map<string, { seq: number; hash: string | null }>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('work_order_events as e')
    .select(['e.order_id', 'e.seq', 'e.hash'])
    .where('e.order_id', 'in', orderIds)
    .where('e.seq', '=', (eb) =>
      eb
        .selectFrom('work_order_events as x')
        .select((x) => x.fn.max('x.seq').as('m'))
        .whereRef('x.order_id', '=', 'e.order_id'),
    )
    .execute();
  return new Map(rows.map((r) => [r.order_id, { seq: Number(r.seq), hash: r.hash }]));
}

// ---- 档案查询 ----

export interface ArchiveFilter {
  keyword?: string;
  appealType?: string;
  leadUnitId?: string;
  archivedFrom?: string;
  archivedBefore?: string;
  /** Only records whose retention ended before this instant. */
  expiredAt?: string;
  page: number;
  pageSize: number;
  countCap: number;
}

export interface ArchiveListRow {
  orderId: string;
  orderNo: string;
  title: string;
  appealType: string;
  confidential: boolean;
  leadUnitId: string | null;
  leadUnitName: string | null;
  archiveSeq: number;
  archivedAt: string;
  retentionUntil: string;
}

/**
 * The filtered archive rows. A unit's scope is the order's own rule (orders any unit of its subtree is
 * or was on): counted with `IN` (the unit's orders are read once and each looked up by key — a unit
 * holds a small share of the archive), paged with `EXISTS` (checked row by row in index order, so the
 * page stops after its rows).
 */
function archiveFiltered(db: Db, scope: OrderScope, f: ArchiveFilter, forCount: boolean) {
  let q = db.selectFrom('order_archives as a').innerJoin('work_orders as o', 'o.id', 'a.order_id');
  if (scope.kind === 'unit') {
    const pattern = subtreePattern(scope.unitPath);
    if (forCount) {
      q = q.where('a.order_id', 'in', (eb) =>
        eb
          .selectFrom('work_order_units as wu')
          .innerJoin('units as su', 'su.id', 'wu.unit_id')
          .select('wu.order_id')
          .where('su.path', 'like', pattern),
      );
    } else {
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('work_order_units as wu')
            .innerJoin('units as su', 'su.id', 'wu.unit_id')
            .select(sql.lit(1).as('one'))
            .whereRef('wu.order_id', '=', 'a.order_id')
            .where('su.path', 'like', pattern),
        ),
      );
    }
  }
  if (f.appealType) q = q.where('a.appeal_type', '=', f.appealType);
  if (f.leadUnitId) q = q.where('o.lead_unit_id', '=', f.leadUnitId);
  if (f.archivedFrom) q = q.where('a.archived_at', '>=', f.archivedFrom);
  if (f.archivedBefore) q = q.where('a.archived_at', '<', f.archivedBefore);
  if (f.expiredAt) q = q.where('a.retention_until', '<', f.expiredAt);
  if (f.keyword) {
    const pattern = containsPattern(f.keyword.toLowerCase());
    q = q.where((eb) =>
      eb.or(
        (['order_no', 'title', 'content'] as const).map((c) =>
          eb(sql`lower(${sql.ref(`o.${c}`)})`, 'like', pattern),
        ),
      ),
    );
  }
  return q;
}

export async function searchArchives(
  db: Db,
  scope: OrderScope,
  f: ArchiveFilter,
): Promise<{ items: ArchiveListRow[]; total: number; totalCapped: boolean }> {
  // Capped like the order list: past the cap the page still reads in index order.
  const count = await db
    .selectFrom(
      archiveFiltered(db, scope, f, true)
        .select(sql.lit(1).as('one'))
        .limit(f.countCap + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  // 保管期限已到: the longest expired first (retention index order); otherwise the latest archived first.
  const byRetention = f.expiredAt !== undefined;
  const rows = await archiveFiltered(db, scope, f, false)
    .leftJoin('units as lu', 'lu.id', 'o.lead_unit_id')
    .select([
      'a.order_id',
      'o.order_no',
      'o.title',
      'a.appeal_type',
      'o.confidential',
      'o.lead_unit_id',
      'lu.name as lead_unit_name',
      'a.archive_seq',
      'a.archived_at',
      'a.retention_until',
    ])
    .orderBy(byRetention ? 'a.retention_until' : 'a.archived_at', byRetention ? 'asc' : 'desc')
    .orderBy('a.archive_seq', byRetention ? 'asc' : 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      orderId: r.order_id,
      orderNo: r.order_no,
      title: r.title,
      appealType: r.appeal_type,
      confidential: Number(r.confidential) === 1,
      leadUnitId: r.lead_unit_id,
      leadUnitName: r.lead_unit_name,
      archiveSeq: Number(r.archive_seq),
      archivedAt: r.archived_at,
      retentionUntil: r.retention_until,
    })),
    total: Math.min(Number(count.n), f.countCap),
    totalCapped: Number(count.n) > f.countCap,
  };
}
