import { OPEN_STATUSES } from '@huawu/domain';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';
import { subtreePattern } from './sql-like.js';

type Db = Kysely<Schema>;

/** A unit with everything the unit maintenance page shows. */
export interface UnitRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  path: string;
  dutyPhone: string | null;
  liaisonName: string | null;
  liaisonPhone: string | null;
  note: string | null;
  sortOrder: number;
  active: boolean;
}

const toRow = (r: Schema['units']): UnitRow => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  kind: r.kind,
  path: r.path,
  dutyPhone: r.duty_phone,
  liaisonName: r.liaison_name,
  liaisonPhone: r.liaison_phone,
  note: r.note,
  sortOrder: Number(r.sort_order),
  active: Number(r.active) === 1,
});

/** Every unit (inactive too unless `activeOnly`), siblings in sort order. */
export async function listUnitRows(db: Db, opts: { activeOnly: boolean }): Promise<UnitRow[]> {
  let q = db.selectFrom('units').selectAll();
  if (opts.activeOnly) q = q.where('active', '=', 1);
  const rows = await q.orderBy('sort_order').orderBy('path').execute();
  return rows.map(toRow);
}

export async function findUnitRow(db: Db, id: string): Promise<UnitRow | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** The unit and every unit below it (by path). */
export async function listSubtree(db: Db, path: string): Promise<UnitRow[]> {
  const rows = await db.selectFrom('units').selectAll().where('path', 'like', subtreePattern(path)).execute();
  return rows.map(toRow);
}

export async function listChildren(db: Db, parentId: string): Promise<UnitRow[]> {
  const rows = await db.selectFrom('units').selectAll().where('parent_id', '=', parentId).execute();
  return rows.map(toRow);
}

export async function countCentres(db: Db): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('kind', '=', 'centre')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A sibling (same parent) already named `name`, other than `exceptId`. */
export async function findSiblingNamed(
  db: Db,
  parentId: string | null,
  name: string,
  exceptId?: string,
): Promise<string | undefined> {
  let q = db.selectFrom('units').select('id').where('name', '=', name);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst())?.id;
}

export async function nextSortOrder(db: Db): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 0 : Number(row.m) + 1;
}

export interface UnitValues {
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
  dutyPhone: string | null;
  liaisonName: string | null;
  liaisonPhone: string | null;
  note: string | null;
  sortOrder: number;
}

export async function insertUnitRow(db: Db, id: string, v: UnitValues, at: string): Promise<void> {
  await db
    .insertInto('units')
    .values({
      id,
      parent_id: v.parentId,
      name: v.name,
      kind: v.kind,
      path: v.path,
      duty_phone: v.dutyPhone,
      liaison_name: v.liaisonName,
      liaison_phone: v.liaisonPhone,
      note: v.note,
      sort_order: v.sortOrder,
      active: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updateUnitRow(db: Db, id: string, v: UnitValues, at: string): Promise<void> {
  await db
    .updateTable('units')
    .set({
      parent_id: v.parentId,
      name: v.name,
      kind: v.kind,
      path: v.path,
      duty_phone: v.dutyPhone,
      liaison_name: v.liaisonName,
      liaison_phone: v.liaisonPhone,
      note: v.note,
      sort_order: v.sortOrder,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function setUnitPath(db: Db, id: string, path: string, at: string): Promise<void> {
  await db.updateTable('units').set({ path, updated_at: at }).where('id', '=', id).execute();
}

export async function setUnitsActive(db: Db, ids: readonly string[], active: boolean, at: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('units')
    .set({ active: active ? 1 : 0, updated_at: at })
    .where('id', 'in', ids)
    .execute();
}

/** What still hangs on a set of units: active accounts and active tasks on open orders. */
export async function countUnitLoad(
  db: Db,
  unitIds: readonly string[],
): Promise<{ users: number; tasks: number }> {
  if (unitIds.length === 0) return { users: 0, tasks: 0 };
  const users = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('unit_id', 'in', unitIds)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  const tasks = await db
    .selectFrom('work_order_units as wu')
    .innerJoin('work_orders as wo', 'wo.id', 'wu.order_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('wu.unit_id', 'in', unitIds)
    .where('wu.active', '=', 1)
    .where('wo.status', 'in', [...OPEN_STATUSES])
    .executeTakeFirstOrThrow();
  return { users: Number(users.n), tasks: Number(tasks.n) };
}
