import { randomUUID } from 'node:crypto';
import {
  type Actor,
  DISPATCH_ENTRY_FIELDS,
  DISPATCH_ENTRY_UPDATE_FIELDS,
  type DispatchEntry,
  dispatchEntryProblems,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { parseInputOrThrow } from '../intake/parse-input.js';
import { writeAudit } from '../storage/admin.repository.js';
import { findCategory } from '../storage/categories.repository.js';
import {
  findActiveDuplicate,
  findDispatchEntry,
  insertDispatchEntry,
  listDispatchEntries,
  updateDispatchEntry,
} from '../storage/dispatch-catalogue.repository.js';
import { listUnits, listUnitsByIds } from '../storage/identity.repository.js';
import type { Schema } from '../storage/schema.js';
import { assertCatalogueEditor, assertMayReadCatalogue } from './dispatch-access.js';

type Db = Kysely<Schema>;

/** An entry with the names of its units (and category), as the API shows it. */
export function entryView(
  e: DispatchEntry,
  names: ReadonlyMap<string, string>,
  categoryName?: string | null,
) {
  return {
    ...e,
    categoryName: categoryName ?? null,
    leadUnitName: names.get(e.leadUnitId) ?? null,
    coUnits: e.coUnitIds.map((id) => ({ id, name: names.get(id) ?? null })),
  };
}

/** The whole catalogue (inactive entries flagged), by category and division. */
export async function listDispatchCatalogue(
  deps: CoreDeps,
  actor: Actor,
  opts: { activeOnly?: boolean } = {},
) {
  assertMayReadCatalogue(actor);
  const { db } = deps.database;
  const [entries, units, categories] = await Promise.all([
    listDispatchEntries(db, opts),
    listUnits(db),
    db.selectFrom('categories').select(['code', 'name']).execute(),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const categoryNames = new Map(categories.map((c) => [c.code, c.name]));
  return { items: entries.map((e) => entryView(e, names, categoryNames.get(e.categoryCode))) };
}

/** Category known, units exist and are not the centre, at most one active entry per category+division. */
async function checkEntry(tx: Db, e: DispatchEntry): Promise<void> {
  const issues = dispatchEntryProblems(e);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues[0]!.message, issues);
  if (!(await findCategory(tx, e.categoryCode))) {
    throw AppError.validation('categoryCode', `诉求分类不存在：${e.categoryCode}`);
  }
  const ids = [e.leadUnitId, ...e.coUnitIds];
  const found = await listUnitsByIds(tx, ids);
  for (const id of ids) {
    const unit = found.find((u) => u.id === id);
    const field = id === e.leadUnitId ? 'leadUnitId' : 'coUnitIds';
    if (!unit) throw AppError.validation(field, `承办单位不存在：${id.slice(0, 40)}`);
    if (unit.kind === 'centre') throw AppError.validation(field, `不能派给热线中心：${unit.name}`);
  }
  if (e.active && (await findActiveDuplicate(tx, e))) {
    throw new AppError(
      'CONFLICT',
      `该分类${e.divisionCode ? `在区划 ${e.divisionCode}` : '（不限区划）'}已有启用的派单目录条目`,
    );
  }
}

function entryFrom(id: string, input: Record<string, unknown>, active: boolean): DispatchEntry {
  return {
    id,
    categoryCode: input.categoryCode as string,
    divisionCode: (input.divisionCode as string | undefined) || null,
    leadUnitId: input.leadUnitId as string,
    coUnitIds: (input.coUnitIds as string[] | undefined) ?? [],
    note: (input.note as string | undefined) || null,
    active,
  };
}

async function viewOne(tx: Db, e: DispatchEntry) {
  const units = await listUnitsByIds(tx, [e.leadUnitId, ...e.coUnitIds]);
  const category = await findCategory(tx, e.categoryCode);
  return entryView(e, new Map(units.map((u) => [u.id, u.name])), category?.name);
}

/** Adds an entry; audited in the same transaction. */
export async function createDispatchEntry(deps: CoreDeps, actor: Actor, body: unknown) {
  assertCatalogueEditor(actor);
  const entry = entryFrom(randomUUID(), parseInputOrThrow(DISPATCH_ENTRY_FIELDS, body), true);
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (tx) => {
    await checkEntry(tx, entry);
    await insertDispatchEntry(tx, entry, at, actor.userId);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'dispatch_catalogue_create',
      targetType: 'dispatch_catalogue',
      targetId: entry.id,
      detail: { ...entry },
    });
    return viewOne(tx, entry);
  });
}

/** Replaces an entry's fields (and may (re)activate or deactivate it); audited with before and after. */
export async function updateDispatchEntryById(deps: CoreDeps, actor: Actor, id: string, body: unknown) {
  assertCatalogueEditor(actor);
  const input = parseInputOrThrow(DISPATCH_ENTRY_UPDATE_FIELDS, body);
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (tx) => {
    const before = await findDispatchEntry(tx, id);
    if (!before) throw new AppError('NOT_FOUND', '派单目录条目不存在');
    const entry = entryFrom(id, input, (input.active as boolean | undefined) ?? before.active);
    await checkEntry(tx, entry);
    await updateDispatchEntry(tx, entry, at, actor.userId);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'dispatch_catalogue_update',
      targetType: 'dispatch_catalogue',
      targetId: id,
      detail: { before, after: entry },
    });
    return viewOne(tx, entry);
  });
}

/** Deactivates an entry (kept for the record; suggestions ignore it). */
export async function deactivateDispatchEntry(deps: CoreDeps, actor: Actor, id: string) {
  assertCatalogueEditor(actor);
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (tx) => {
    const before = await findDispatchEntry(tx, id);
    if (!before) throw new AppError('NOT_FOUND', '派单目录条目不存在');
    const entry = { ...before, active: false };
    await updateDispatchEntry(tx, entry, at, actor.userId);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'dispatch_catalogue_deactivate',
      targetType: 'dispatch_catalogue',
      targetId: id,
      detail: { categoryCode: before.categoryCode, divisionCode: before.divisionCode },
    });
    return viewOne(tx, entry);
  });
}
