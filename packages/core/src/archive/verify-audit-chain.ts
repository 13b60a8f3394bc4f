import type { Actor } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { writeAudit } from '../storage/admin.repository.js';
import {
  type ArchiveRow,
  type ChainedEventRow,
  archivesPage,
  eventsOfOrders,
  findArchive,
  findArchiveBySeq,
  lastEventsOf,
  ordersPage,
} from '../storage/archive.repository.js';
import type { Schema } from '../storage/schema.js';
import { findOrder, isOrderInScope } from '../storage/work-order.repository.js';
import { archiveChainHash, eventHash, sha256Hex } from './event-hash.js';

export type ChainBreakKind =
  | 'event_hash'
  | 'prev_link'
  | 'missing_hash'
  | 'event_tail'
  | 'archive_record'
  | 'archive_head'
  | 'archive_link';

export interface ChainBreak {
  orderNo: string;
  orderId: string;
  seq?: number;
  archiveSeq?: number;
  kind: ChainBreakKind;
  message: string;
}

export interface AuditChainReport {
  ok: boolean;
  ordersChecked: number;
  eventsChecked: number;
  archivesChecked: number;
  /** How many broken links were found in all (only the first is described). */
  breaks: number;
  firstBreak?: ChainBreak;
}

export interface VerifyOptions {
  /** Orders per page (events of a page are read together); archives per page. */
  pageSize?: number;
}

type Db = Kysely<Schema>;
type OrderRef = { id: string; orderNo: string; version: number };

/**
 * The first broken link of one order's event chain, or undefined. Checks, event by event: both chain
 * columns present, `prev_hash` equal to the previous event's hash ('' for the first), the hash
 * recomputed from the stored columns; then that no event is missing at the end (the order's version is
 * the seq of its last event, both written in one transaction).
 */
export function checkOrderEvents(
  order: OrderRef,
  events: readonly ChainedEventRow[],
): ChainBreak | undefined {
  const at = (seq: number, kind: ChainBreakKind, message: string): ChainBreak => ({
    orderNo: order.orderNo,
    orderId: order.id,
    seq,
    kind,
    message,
  });
  let prev = '';
  for (const e of events) {
    const name = `工单 ${order.orderNo} 第 ${e.seq} 条事件`;
    if (e.hash === null || e.prev_hash === null)
      return at(e.seq, 'missing_hash', `${name}没有哈希（未入链）`);
    if (e.prev_hash !== prev)
      return at(e.seq, 'prev_link', `${name}与前一条事件的链接断开（之前的事件被删除、插入或改动）`);
    if (eventHash(e.prev_hash, e) !== e.hash)
      return at(e.seq, 'event_hash', `${name}的哈希不符（内容被改动）`);
    prev = e.hash;
  }
  const lastSeq = events.at(-1)?.seq ?? 0;
  // Events only grow while we read (the version was read first), so fewer events than the version means loss.
  if (lastSeq < order.version) {
    return at(
      lastSeq + 1,
      'event_tail',
      `工单 ${order.orderNo} 的事件记录止于第 ${lastSeq} 条，工单却已到第 ${order.version} 版（末尾事件缺失）`,
    );
  }
  return undefined;
}

/**
 * One sealed record: its hash, the order's current last event against the sealed head, and the link
 * to the record sealed before it (`previous`: that row, or null for archive_seq 1).
 */
export function checkArchive(
  a: ArchiveRow & { order_no: string | null },
  previous: Pick<ArchiveRow, 'record_hash'> | null | undefined,
  lastEvent: { seq: number; hash: string | null } | undefined,
): ChainBreak | undefined {
  const orderNo = a.order_no ?? a.order_id;
  const at = (kind: ChainBreakKind, message: string): ChainBreak => ({
    orderNo,
    orderId: a.order_id,
    archiveSeq: a.archive_seq,
    kind,
    message,
  });
  const name = `第 ${a.archive_seq} 号档案（工单 ${orderNo}）`;
  if (sha256Hex(a.record) !== a.record_hash)
    return at('archive_record', `${name}的档案记录与其哈希不符（记录被改动）`);
  if (!lastEvent || lastEvent.seq !== a.head_event_seq || lastEvent.hash !== a.head_event_hash) {
    return at(
      'archive_head',
      `${name}封存时的末条事件（第 ${a.head_event_seq} 条）与当前事件记录不符（归档后事件被改动、删除或追加）`,
    );
  }
  const expectedPrev = a.archive_seq === 1 ? '' : previous?.record_hash;
  if (expectedPrev === undefined || a.prev_archive_hash !== expectedPrev)
    return at('archive_link', `${name}与第 ${a.archive_seq - 1} 号档案的链接断开（档案被删除或改动）`);
  if (archiveChainHash(a.prev_archive_hash, a.record_hash) !== a.chain_hash)
    return at('archive_link', `${name}的链哈希不符`);
  return undefined;
}

/**
 * `huawu audit verify`: recomputes every event hash and link (orders in id order, each order's events
 * in seq order, a page of orders at a time) and every sealed archive (archive_seq order): record hash,
 * head event, archive chain. Reads only; memory stays flat. Reports the first broken link.
 */
export async function verifyAuditChain(deps: CoreDeps, opts: VerifyOptions = {}): Promise<AuditChainReport> {
  const db = deps.database.db;
  const pageSize = opts.pageSize ?? 200;
  const report: AuditChainReport = {
    ok: true,
    ordersChecked: 0,
    eventsChecked: 0,
    archivesChecked: 0,
    breaks: 0,
  };
  const found = (b: ChainBreak | undefined) => {
    if (!b) return;
    report.breaks++;
    report.firstBreak ??= b;
  };

  let afterId: string | null = null;
  for (;;) {
    const orders = await ordersPage(db, afterId, pageSize);
    if (orders.length === 0) break;
    const events = await eventsOfOrders(
      db,
      orders.map((o) => o.id),
    );
    const byOrder = groupByOrder(events);
    for (const o of orders) {
      const own = byOrder.get(o.id) ?? [];
      found(checkOrderEvents(o, own));
      report.eventsChecked += own.length;
    }
    report.ordersChecked += orders.length;
    afterId = orders.at(-1)?.id ?? null;
    if (orders.length < pageSize) break;
  }

  let previous: ArchiveRow | null = null;
  let afterSeq = 0;
  for (;;) {
    const page = await archivesPage(db, afterSeq, pageSize);
    if (page.length === 0) break;
    const heads = await lastEventsOf(
      db,
      page.map((a) => a.order_id),
    );
    for (const a of page) {
      // A gap in archive_seq: the missing row is the broken link.
      found(
        checkArchive(
          a,
          previous?.archive_seq === a.archive_seq - 1 ? previous : undefined,
          heads.get(a.order_id),
        ),
      );
      previous = a;
    }
    report.archivesChecked += page.length;
    afterSeq = page.at(-1)?.archive_seq ?? afterSeq;
    if (page.length < pageSize) break;
  }
  report.ok = report.breaks === 0;
  return report;
}

function groupByOrder(events: readonly ChainedEventRow[]) {
  const map = new Map<string, ChainedEventRow[]>();
  for (const e of events) {
    const list = map.get(e.order_id);
    if (list) list.push(e);
    else map.set(e.order_id, [e]);
  }
  return map;
}

export interface OrderChainReport {
  ok: boolean;
  eventsChecked: number;
  archived: boolean;
  firstBreak?: ChainBreak;
}

/** One order's chain and, when archived, its sealed record (no actor check: callers check scope). */
export async function checkOneOrder(db: Db, order: OrderRef): Promise<OrderChainReport> {
  const events = await eventsOfOrders(db, [order.id]);
  const eventBreak = checkOrderEvents(order, events);
  const archive = await findArchive(db, order.id);
  let archiveBreak: ChainBreak | undefined;
  if (archive) {
    const previous = archive.archive_seq > 1 ? await findArchiveBySeq(db, archive.archive_seq - 1) : null;
    const last = events.at(-1);
    archiveBreak = checkArchive(
      { ...archive, order_no: order.orderNo },
      previous,
      last ? { seq: last.seq, hash: last.hash } : undefined,
    );
  }
  const firstBreak = eventBreak ?? archiveBreak;
  return {
    ok: firstBreak === undefined,
    eventsChecked: events.length,
    archived: archive !== undefined,
    ...(firstBreak ? { firstBreak } : {}),
  };
}

/** Verifies one order's chain for a reader who may see the order (others: not found). */
export async function verifyOrderChain(
  deps: CoreDeps,
  actor: Actor,
  orderId: string,
): Promise<OrderChainReport> {
  const { db } = deps.database;
  const order = await findOrder(db, orderId);
  if (!order || !(await isOrderInScope(db, order.id, await scopeFor(deps, actor)))) {
    throw new AppError('NOT_FOUND', '工单不存在或无权查看');
  }
  return checkOneOrder(db, { id: order.id, orderNo: order.orderNo, version: order.version });
}

/**
 * 全量校验 from the web or API: supervisors and administrators only. The run and its result are written
 * to the audit log (who proved the chain, when, and what was found).
 */
export async function runAuditVerify(deps: CoreDeps, actor: Actor, opts: VerifyOptions = {}) {
  if (actor.role !== 'admin' && actor.role !== 'supervisor')
    throw new AppError('FORBIDDEN', '只有管理员或值班长可以执行全量校验');
  const report = await verifyAuditChain(deps, opts);
  await writeAudit(deps.database.db, {
    at: deps.now().toISOString(),
    actorId: actor.userId,
    action: 'audit_verify',
    targetType: 'audit_chain',
    detail: {
      ok: report.ok,
      ordersChecked: report.ordersChecked,
      eventsChecked: report.eventsChecked,
      archivesChecked: report.archivesChecked,
      breaks: report.breaks,
      ...(report.firstBreak ? { firstBreak: report.firstBreak } : {}),
    },
  });
  return report;
}
