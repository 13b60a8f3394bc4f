import {
  type EmergencyTarget,
  type NotAcceptedReason,
  OPEN_STATUSES,
  type ScopeRule,
  type ScopeRuleKind,
  type Status,
} from '@huawu/domain';
import { type Kysely, sql } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Storage of the intake desk: taxonomy, phrases, scope rules, caller flags, CTI calls, links. */

const OPEN = [...OPEN_STATUSES];
const json = (value: unknown) => JSON.stringify(value);
const list = (text: string): string[] => {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
};

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 50;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function isTableEmpty(
  db: Db,
  table: 'categories' | 'phrases' | 'scope_rules',
): Promise<boolean> {
  const row = await db.selectFrom(table).select(sql.lit(1).as('one')).limit(1).executeTakeFirst();
  return row === undefined;
}

// ── categories ──────────────────────────────────────────────────────────────────────────────────

export interface CategoryRecord {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  path: string;
  emergencyHint: string | null;
  active: boolean;
  sortOrder: number;
}

const toCategory = (r: Schema['categories']): CategoryRecord => ({
  code: r.code,
  name: r.name,
  parentCode: r.parent_code,
  level: Number(r.level),
  path: r.path,
  emergencyHint: r.emergency_hint,
  active: r.active === 1,
  sortOrder: Number(r.sort_order),
});

export async function listCategories(db: Db): Promise<CategoryRecord[]> {
  const rows = await db.selectFrom('categories').selectAll().orderBy('code').execute();
  return rows.map(toCategory);
}

export async function findCategory(db: Db, code: string): Promise<CategoryRecord | undefined> {
  const row = await db.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toCategory(row) : undefined;
}

/** Inserts categories that do not exist yet (existing codes are left alone). */
export async function insertCategories(db: Db, rows: readonly CategoryRecord[], at: string): Promise<void> {
  await insertChunked(rows, (chunk) =>
    db
      .insertInto('categories')
      .values(
        chunk.map((c) => ({
          code: c.code,
          name: c.name,
          parent_code: c.parentCode,
          level: c.level,
          path: c.path,
          emergency_hint: c.emergencyHint,
          active: c.active ? 1 : 0,
          sort_order: c.sortOrder,
          created_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute(),
  );
}

export async function updateCategory(db: Db, c: CategoryRecord, at: string): Promise<void> {
  await db
    .updateTable('categories')
    .set({
      name: c.name,
      parent_code: c.parentCode,
      level: c.level,
      path: c.path,
      emergency_hint: c.emergencyHint,
      active: c.active ? 1 : 0,
      sort_order: c.sortOrder,
      updated_at: at,
    })
    .where('code', '=', c.code)
    .execute();
}

// ── phrases ─────────────────────────────────────────────────────────────────────────────────────

export interface PhraseRecord {
  id: string;
  step: string;
  title: string;
  text: string;
  sortOrder: number;
  active: boolean;
}

const toPhrase = (r: Schema['phrases']): PhraseRecord => ({
  id: r.id,
  step: r.step,
  title: r.title,
  text: r.text,
  sortOrder: Number(r.sort_order),
  active: r.active === 1,
});

export async function listPhrases(db: Db): Promise<PhraseRecord[]> {
  const rows = await db.selectFrom('phrases').selectAll().orderBy('step').orderBy('sort_order').execute();
  return rows.map(toPhrase);
}

export async function findPhrase(db: Db, id: string): Promise<PhraseRecord | undefined> {
  const row = await db.selectFrom('phrases').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPhrase(row) : undefined;
}

export async function insertPhrases(
  db: Db,
  rows: readonly PhraseRecord[],
  at: string,
  by: string | null,
): Promise<void> {
  await insertChunked(rows, (chunk) =>
    db
      .insertInto('phrases')
      .values(
        chunk.map((p) => ({
          id: p.id,
          step: p.step,
          title: p.title,
          text: p.text,
          sort_order: p.sortOrder,
          active: p.active ? 1 : 0,
          created_at: at,
          updated_at: at,
          updated_by: by,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute(),
  );
}

export async function updatePhrase(db: Db, p: PhraseRecord, at: string, by: string): Promise<void> {
  await db
    .updateTable('phrases')
    .set({ title: p.title, text: p.text, active: p.active ? 1 : 0, updated_at: at, updated_by: by })
    .where('id', '=', p.id)
    .execute();
}

export async function maxPhraseOrder(db: Db, step: string): Promise<number> {
  const row = await db
    .selectFrom('phrases')
    .select((eb) => eb.fn.max('sort_order').as('n'))
    .where('step', '=', step)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ── scope rules ─────────────────────────────────────────────────────────────────────────────────

const toRule = (r: Schema['scope_rules']): ScopeRule => ({
  id: r.id,
  kind: r.kind as ScopeRuleKind,
  label: r.label,
  keywords: list(r.keywords),
  exclusions: list(r.exclusions),
  categories: list(r.categories),
  ...(r.target ? { target: r.target as EmergencyTarget } : {}),
  ...(r.reason_code ? { reasonCode: r.reason_code as NotAcceptedReason } : {}),
  script: r.script,
  priority: Number(r.priority),
  active: r.active === 1,
});

const ruleRow = (r: ScopeRule) => ({
  kind: r.kind,
  label: r.label,
  keywords: json(r.keywords),
  exclusions: json(r.exclusions),
  categories: json(r.categories),
  target: r.target ?? null,
  reason_code: r.reasonCode ?? null,
  script: r.script,
  priority: r.priority,
  active: r.active ? 1 : 0,
});

export async function listScopeRules(db: Db, opts: { activeOnly?: boolean } = {}): Promise<ScopeRule[]> {
  let q = db.selectFrom('scope_rules').selectAll();
  if (opts.activeOnly) q = q.where('active', '=', 1);
  const rows = await q.orderBy('kind').orderBy('priority', 'desc').orderBy('id').execute();
  return rows.map(toRule);
}

export async function findScopeRule(db: Db, id: string): Promise<ScopeRule | undefined> {
  const row = await db.selectFrom('scope_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRule(row) : undefined;
}

export async function insertScopeRules(
  db: Db,
  rules: readonly ScopeRule[],
  at: string,
  by: string | null,
): Promise<void> {
  await insertChunked(rules, (chunk) =>
    db
      .insertInto('scope_rules')
      .values(chunk.map((r) => ({ id: r.id, ...ruleRow(r), created_at: at, updated_at: at, updated_by: by })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute(),
  );
}

export async function updateScopeRule(db: Db, rule: ScopeRule, at: string, by: string): Promise<void> {
  await db
    .updateTable('scope_rules')
    .set({ ...ruleRow(rule), updated_at: at, updated_by: by })
    .where('id', '=', rule.id)
    .execute();
}

// ── caller flags ────────────────────────────────────────────────────────────────────────────────

export interface CallerFlagRecord {
  phone: string;
  harassment: boolean;
  note: string | null;
  setAt: string;
  setBy: string;
}

export async function findCallerFlag(db: Db, phone: string): Promise<CallerFlagRecord | undefined> {
  const r = await db.selectFrom('caller_flags').selectAll().where('phone', '=', phone).executeTakeFirst();
  return r
    ? { phone: r.phone, harassment: r.harassment === 1, note: r.note, setAt: r.set_at, setBy: r.set_by }
    : undefined;
}

export async function upsertCallerFlag(db: Db, f: CallerFlagRecord): Promise<void> {
  const values = { harassment: f.harassment ? 1 : 0, note: f.note, set_at: f.setAt, set_by: f.setBy };
  await db
    .insertInto('caller_flags')
    .values({ phone: f.phone, ...values })
    .onConflict((oc) => oc.column('phone').doUpdateSet(values))
    .execute();
}

// ── CTI calls ───────────────────────────────────────────────────────────────────────────────────

export interface CtiCallRecord {
  callId: string;
  caller: string | null;
  agentUserId: string;
  state: 'ringing' | 'answered' | 'ended';
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  cause: string | null;
  updatedAt: string;
}

const toCall = (r: Schema['cti_calls']): CtiCallRecord => ({
  callId: r.call_id,
  caller: r.caller,
  agentUserId: r.agent_user_id,
  state: r.state as CtiCallRecord['state'],
  startedAt: r.started_at,
  answeredAt: r.answered_at,
  endedAt: r.ended_at,
  cause: r.cause,
  updatedAt: r.updated_at,
});

export async function findCall(db: Db, callId: string): Promise<CtiCallRecord | undefined> {
  const r = await db.selectFrom('cti_calls').selectAll().where('call_id', '=', callId).executeTakeFirst();
  return r ? toCall(r) : undefined;
}

/** Records a new call; false when the call id is already known (a repeated event). */
export async function insertCall(db: Db, c: CtiCallRecord): Promise<boolean> {
  const result = await db
    .insertInto('cti_calls')
    .values({
      call_id: c.callId,
      caller: c.caller,
      agent_user_id: c.agentUserId,
      state: c.state,
      started_at: c.startedAt,
      answered_at: c.answeredAt,
      ended_at: c.endedAt,
      cause: c.cause,
      updated_at: c.updatedAt,
    })
    .onConflict((oc) => oc.column('call_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Applies `answer` or `hangup` once: the conditional update changes nothing when that step was already
 * recorded (or the call ended before it was answered), which is what makes repeated events harmless.
 */
export async function advanceCall(
  db: Db,
  callId: string,
  step: 'answer' | 'hangup',
  values: { at: string; agentUserId: string; caller: string | null; cause: string | null },
): Promise<boolean> {
  let q = db.updateTable('cti_calls').where('call_id', '=', callId).where('ended_at', 'is', null);
  if (step === 'answer') {
    q = q.where('answered_at', 'is', null).set({ state: 'answered', answered_at: values.at });
  } else {
    q = q.set({ state: 'ended', ended_at: values.at, cause: values.cause });
  }
  const result = await q
    .set((eb) => ({
      agent_user_id: values.agentUserId,
      caller: values.caller ?? eb.ref('caller'),
      updated_at: values.at,
    }))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An agent's calls updated since `since`, newest first (bounded). */
export async function listAgentCalls(db: Db, agentUserId: string, since: string): Promise<CtiCallRecord[]> {
  const rows = await db
    .selectFrom('cti_calls')
    .selectAll()
    .where('agent_user_id', '=', agentUserId)
    .where('updated_at', '>=', since)
    .orderBy('updated_at', 'desc')
    .limit(50)
    .execute();
  return rows.map(toCall);
}

/** The agent's most recently ended call, whenever it was. */
export async function lastEndedCall(db: Db, agentUserId: string): Promise<CtiCallRecord | undefined> {
  const row = await db
    .selectFrom('cti_calls')
    .selectAll()
    .where('agent_user_id', '=', agentUserId)
    .where('state', '=', 'ended')
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toCall(row) : undefined;
}

// ── order links ─────────────────────────────────────────────────────────────────────────────────

export interface LinkedOrder {
  id: string;
  orderNo: string;
  title: string;
  status: Status;
  kind: 'related' | 'merged_from' | 'merged_into';
  createdAt: string;
}

/** Inserts a link; false when it already exists. */
export async function insertLink(
  db: Db,
  link: {
    orderId: string;
    relatedId: string;
    kind: 'related' | 'merged';
    comment: string | null;
    by: string;
    at: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('work_order_links')
    .values({
      order_id: link.orderId,
      related_id: link.relatedId,
      kind: link.kind,
      comment: link.comment,
      created_by: link.by,
      created_at: link.at,
    })
    .onConflict((oc) => oc.columns(['order_id', 'related_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Every order linked to `orderId`, either way, with what the link means from `orderId`'s side. */
export async function listLinkedOrders(db: Db, orderId: string): Promise<LinkedOrder[]> {
  const outgoing = db
    .selectFrom('work_order_links as l')
    .innerJoin('work_orders as o', 'o.id', 'l.related_id')
    .select([
      'o.id',
      'o.order_no',
      'o.title',
      'o.status',
      'l.kind',
      'l.created_at',
      sql.lit(1).as('outgoing'),
    ])
    .where('l.order_id', '=', orderId);
  const incoming = db
    .selectFrom('work_order_links as l')
    .innerJoin('work_orders as o', 'o.id', 'l.order_id')
    .select([
      'o.id',
      'o.order_no',
      'o.title',
      'o.status',
      'l.kind',
      'l.created_at',
      sql.lit(0).as('outgoing'),
    ])
    .where('l.related_id', '=', orderId);
  const rows = await outgoing.unionAll(incoming).execute();
  return rows
    .map((r) => ({
      id: r.id,
      orderNo: r.order_no,
      title: r.title,
      status: r.status as Status,
      kind:
        r.kind === 'related'
          ? ('related' as const)
          : Number(r.outgoing) === 1
            ? ('merged_into' as const)
            : ('merged_from' as const),
      createdAt: r.created_at,
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

// ── caller history and duplicate candidates ─────────────────────────────────────────────────────

export interface OrderBrief {
  id: string;
  orderNo: string;
  status: Status;
  title: string;
  content: string;
  appealType: string;
  category: string | null;
  address: string | null;
  divisionCode: string | null;
  callerPhone: string | null;
  satisfaction: string | null;
  createdAt: string;
}

const briefColumns = [
  'id',
  'order_no',
  'status',
  'title',
  'content',
  'appeal_type',
  'category',
  'address',
  'division_code',
  'caller_phone',
  'satisfaction',
  'created_at',
] as const;

type BriefRow = Pick<Schema['work_orders'], (typeof briefColumns)[number]>;

const toBrief = (r: BriefRow): OrderBrief => ({
  id: r.id,
  orderNo: r.order_no,
  status: r.status as Status,
  title: r.title,
  content: r.content,
  appealType: r.appeal_type,
  category: r.category,
  address: r.address,
  divisionCode: r.division_code,
  callerPhone: r.caller_phone,
  satisfaction: r.satisfaction,
  createdAt: r.created_at,
});

/** A caller's orders: the open ones and the newest ones (each bounded), by the phone index. */
export async function listCallerOrders(db: Db, phone: string, limit: number): Promise<OrderBrief[]> {
  const base = () =>
    db
      .selectFrom('work_orders')
      .select(briefColumns)
      .where('caller_phone', '=', phone)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
  const [open, recent] = await Promise.all([base().where('status', 'in', OPEN).execute(), base().execute()]);
  const seen = new Set<string>();
  const out: OrderBrief[] = [];
  for (const r of [...open, ...recent]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push(toBrief(r));
  }
  return out;
}

/** Counts of a caller's orders by status and satisfaction. */
export async function callerOrderCounts(
  db: Db,
  phone: string,
): Promise<{ status: Status; satisfaction: string | null; n: number }[]> {
  const rows = await db
    .selectFrom('work_orders')
    .select(['status', 'satisfaction', (eb) => eb.fn.countAll().as('n')])
    .where('caller_phone', '=', phone)
    .groupBy(['status', 'satisfaction'])
    .execute();
  return rows.map((r) => ({ status: r.status as Status, satisfaction: r.satisfaction, n: Number(r.n) }));
}

export interface CandidateQuery {
  since: string;
  callerPhone?: string;
  category?: string;
  divisionCode?: string;
  /** Words of which at least one must appear in the title (bounded LIKE scan of the window). */
  titleWords?: string[];
  limit: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

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
    query = query.where((eb) =>
      eb.or(words.map((w) => eb('title', 'like', sql<string>`${`%${escapeLike(w)}%`} escape '\\'`))),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').limit(q.limit).execute();
  return rows.map(toBrief);
}

// ── knowledge-base evidence (kb tables are defined by the knowledge migration) ──────────────────

export interface ArticleVersionRef {
  articleId: string;
  articleStatus: string;
  publishedVersion: number | null;
  version: number;
  versionStatus: string;
  title: string;
}

/** An article and one of its versions (the published one when `version` is omitted). */
export async function findArticleVersion(
  db: Db,
  articleId: string,
  version?: number,
): Promise<{ article?: { status: string; publishedVersion: number | null }; version?: ArticleVersionRef }> {
  const article = await db
    .selectFrom('kb_articles')
    .select(['id', 'status', 'published_version'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) return {};
  const publishedVersion = article.published_version === null ? null : Number(article.published_version);
  const wanted = version ?? publishedVersion;
  const summary = { status: article.status, publishedVersion };
  if (wanted === null) return { article: summary };
  const row = await db
    .selectFrom('kb_article_versions')
    .select(['version', 'status', 'title'])
    .where('article_id', '=', articleId)
    .where('version', '=', wanted)
    .executeTakeFirst();
  if (!row) return { article: summary };
  return {
    article: summary,
    version: {
      articleId,
      articleStatus: article.status,
      publishedVersion,
      version: Number(row.version),
      versionStatus: row.status,
      title: row.title,
    },
  };
}

export async function insertKbAnswer(
  db: Db,
  a: { orderId: string; articleId: string; version: number; by: string; at: string },
): Promise<void> {
  await db
    .insertInto('kb_answers')
    .values({
      order_id: a.orderId,
      article_id: a.articleId,
      version: a.version,
      answered_by: a.by,
      answered_at: a.at,
    })
    .execute();
}

// ── caller flags: the editors' list ─────────────────────────────────────────────────────────────

export interface CallerFlagListed extends CallerFlagRecord {
  setByName: string | null;
}

/** Numbers currently flagged as harassing, newest flag first, with the name of who set it. */
export async function listHarassmentFlags(
  db: Db,
  limit: number,
): Promise<{ items: CallerFlagListed[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('caller_flags as f')
      .leftJoin('users as u', 'u.id', 'f.set_by')
      .select(['f.phone', 'f.harassment', 'f.note', 'f.set_at', 'f.set_by', 'u.display_name'])
      .where('f.harassment', '=', 1)
      .orderBy('f.set_at', 'desc')
      .orderBy('f.phone')
      .limit(limit)
      .execute(),
    db
      .selectFrom('caller_flags')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('harassment', '=', 1)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      phone: r.phone,
      harassment: r.harassment === 1,
      note: r.note,
      setAt: r.set_at,
      setBy: r.set_by,
      setByName: r.display_name ?? null,
    })),
    total: Number(count.n),
  };
}
