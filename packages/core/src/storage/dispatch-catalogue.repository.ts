import type { DispatchEntry } from '@huawu/domain';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

type Db = Kysely<Schema>;

/** Storage of the dispatch catalogue (派单目录) and the override log. */

const parseIds = (text: string): string[] => {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

const toEntry = (r: Schema['dispatch_catalogue']): DispatchEntry => ({
  id: r.id,
  categoryCode: r.category_code,
  divisionCode: r.division_code,
  leadUnitId: r.lead_unit_id,
  coUnitIds: parseIds(r.co_unit_ids),
  note: r.note,
  active: Number(r.active) === 1,
});

const entryRow = (e: DispatchEntry) => ({
  category_code: e.categoryCode,
  division_code: e.divisionCode,
  division_key: e.divisionCode ?? '',
  lead_unit_id: e.leadUnitId,
  co_unit_ids: JSON.stringify(e.coUnitIds),
  note: e.note,
  active: e.active ? 1 : 0,
});

export async function listDispatchEntries(
  db: Db,
  opts: { activeOnly?: boolean } = {},
): Promise<DispatchEntry[]> {
  let q = db.selectFrom('dispatch_catalogue').selectAll();
  if (opts.activeOnly) q = q.where('active', '=', 1);
  const rows = await q.orderBy('category_code').orderBy('division_key').orderBy('id').execute();
  return rows.map(toEntry);
}

/** Active entries for a category lineage (the only rows a suggestion can use). */
export async function listActiveEntriesFor(
  db: Db,
  categoryCodes: readonly string[],
): Promise<DispatchEntry[]> {
  if (categoryCodes.length === 0) return [];
  const rows = await db
    .selectFrom('dispatch_catalogue')
    .selectAll()
    .where('active', '=', 1)
    .where('category_code', 'in', [...categoryCodes])
    .execute();
  return rows.map(toEntry);
}

export async function findDispatchEntry(db: Db, id: string): Promise<DispatchEntry | undefined> {
  const row = await db.selectFrom('dispatch_catalogue').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

/** The other active entry for the same category and division, if any. */
export async function findActiveDuplicate(
  db: Db,
  e: Pick<DispatchEntry, 'id' | 'categoryCode' | 'divisionCode'>,
): Promise<DispatchEntry | undefined> {
  const row = await db
    .selectFrom('dispatch_catalogue')
    .selectAll()
    .where('active', '=', 1)
    .where('category_code', '=', e.categoryCode)
    .where('division_key', '=', e.divisionCode ?? '')
    .where('id', '<>', e.id)
    .executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

export async function insertDispatchEntry(db: Db, e: DispatchEntry, at: string, by: string | null) {
  await db
    .insertInto('dispatch_catalogue')
    .values({ id: e.id, ...entryRow(e), created_at: at, updated_at: at, updated_by: by })
    .execute();
}

export async function updateDispatchEntry(db: Db, e: DispatchEntry, at: string, by: string | null) {
  await db
    .updateTable('dispatch_catalogue')
    .set({ ...entryRow(e), updated_at: at, updated_by: by })
    .where('id', '=', e.id)
    .execute();
}

export interface DispatchOverrideRecord {
  id: string;
  orderId: string;
  event: string;
  suggestedEntryId: string | null;
  suggestedLeadUnitId: string;
  chosenLeadUnitId: string;
  reason: string;
  actorId: string;
  at: string;
}

export async function insertDispatchOverride(db: Db, o: DispatchOverrideRecord): Promise<void> {
  await db
    .insertInto('dispatch_overrides')
    .values({
      id: o.id,
      order_id: o.orderId,
      event: o.event,
      suggested_entry_id: o.suggestedEntryId,
      suggested_lead_unit_id: o.suggestedLeadUnitId,
      chosen_lead_unit_id: o.chosenLeadUnitId,
      reason: o.reason,
      actor_id: o.actorId,
      at: o.at,
    })
    .execute();
}

/** The override log, newest first, with order number, category and the people's and units' names. */
export async function listDispatchOverrides(db: Db, opts: { limit: number; offset: number }) {
  const rows = await db
    .selectFrom('dispatch_overrides as d')
    .innerJoin('work_orders as o', 'o.id', 'd.order_id')
    .leftJoin('users as a', 'a.id', 'd.actor_id')
    .leftJoin('units as su', 'su.id', 'd.suggested_lead_unit_id')
    .leftJoin('units as cu', 'cu.id', 'd.chosen_lead_unit_id')
    .select([
      'd.id',
      'd.order_id',
      'o.order_no',
      'o.category',
      'o.division_code',
      'd.event',
      'd.suggested_entry_id',
      'd.suggested_lead_unit_id',
      'su.name as suggested_lead_unit_name',
      'd.chosen_lead_unit_id',
      'cu.name as chosen_lead_unit_name',
      'd.reason',
      'd.actor_id',
      'a.display_name as actor_name',
      'd.at',
    ])
    .orderBy('d.at', 'desc')
    .orderBy('d.id')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  const total = await db
    .selectFrom('dispatch_overrides')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      orderId: r.order_id,
      orderNo: r.order_no,
      category: r.category,
      divisionCode: r.division_code,
      event: r.event,
      suggestedEntryId: r.suggested_entry_id,
      suggestedLeadUnitId: r.suggested_lead_unit_id,
      suggestedLeadUnitName: r.suggested_lead_unit_name,
      chosenLeadUnitId: r.chosen_lead_unit_id,
      chosenLeadUnitName: r.chosen_lead_unit_name,
      reason: r.reason,
      actorId: r.actor_id,
      actorName: r.actor_name,
      at: r.at,
    })),
  };
}
