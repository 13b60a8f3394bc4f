import { type Actor, CATEGORY_UPDATE_FIELDS, categoryPaths, parseCategoryCsv } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { toSafeCsv } from '../export/safe-csv.js';
import { writeAudit } from '../storage/admin.repository.js';
import {
  type CategoryRecord,
  findCategory,
  insertCategories,
  listCategories as listStoredCategories,
  updateCategory,
} from '../storage/categories.repository.js';
import { assertIntakeEditor } from './intake-access.js';
import { parseInputOrThrow } from './parse-input.js';

const view = (c: CategoryRecord) => ({
  code: c.code,
  name: c.name,
  parentCode: c.parentCode,
  level: c.level,
  path: c.path,
  emergencyHint: c.emergencyHint,
  active: c.active,
});

/** The category taxonomy (诉求分类目录) in code order, with inactive entries flagged. */
export async function listCategories(deps: CoreDeps) {
  const rows = await listStoredCategories(deps.database.db);
  return { items: rows.map(view) };
}

/** The columns the category import reads, so an export can be edited and imported again. */
export const CATEGORY_EXPORT_COLUMNS = ['code', 'name', 'parent_code', 'emergency_hint'] as const;

/**
 * The taxonomy as the CSV the import reads (active entries, or all with `all`), formula-safe, with an
 * `export` audit row. `actor` null is the operator at the command line.
 */
export async function exportCategories(deps: CoreDeps, actor: Actor | null, options: { all?: boolean } = {}) {
  if (actor) assertIntakeEditor(actor, '诉求分类');
  const rows = (await listStoredCategories(deps.database.db)).filter((c) => options.all === true || c.active);
  const csv = toSafeCsv(
    rows.map((c) => [c.code, c.name, c.parentCode, c.emergencyHint]),
    CATEGORY_EXPORT_COLUMNS,
  );
  const now = deps.now();
  await writeAudit(deps.database.db, {
    at: now.toISOString(),
    actorId: actor?.userId ?? null,
    action: 'export',
    targetType: 'categories',
    detail: { rows: rows.length, all: options.all === true, ...(actor ? {} : { via: 'cli' }) },
  });
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return { filename: `categories-${day}.csv`, csv, rows: rows.length };
}

/** Level and path follow the names of the ancestors: recomputed for every category after a change. */
async function refreshPaths(tx: Parameters<typeof listStoredCategories>[0], at: string): Promise<void> {
  const all = await listStoredCategories(tx);
  const paths = categoryPaths(all);
  for (const c of all) {
    const place = paths.get(c.code);
    if (place && (place.level !== c.level || place.path !== c.path)) {
      await updateCategory(tx, { ...c, ...place }, at);
    }
  }
}

export const CATEGORY_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.byteLength > CATEGORY_IMPORT_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${CATEGORY_IMPORT_MAX_BYTES / 1024 / 1024} MiB`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw AppError.validation('file', '文件不是 UTF-8 编码（在 Excel 中请另存为「CSV UTF-8（逗号分隔）」）');
  }
}

/** Thrown at the end of a dry run so the transaction rolls back; carries the counts. */
class DryRunRollback extends Error {
  constructor(
    readonly result: {
      created: number;
      updated: number;
      rejected: ReturnType<typeof parseCategoryCsv>['rejected'];
      total: number;
      dryRun: true;
    },
  ) {
    super('dry run');
  }
}

/**
 * Imports categories from CSV (`code,name,parent_code[,emergency_hint]`): new codes are created, known
 * codes updated (name, parent, hint; re-activated). Invalid rows are reported by row and field and the
 * valid rows are kept. One transaction; audited. `actor` null is the operator at the command line;
 * `dryRun` checks and counts the same way and then rolls everything back.
 */
export async function importCategories(
  deps: CoreDeps,
  actor: Actor | null,
  file: string | Uint8Array,
  options: { dryRun?: boolean } = {},
) {
  if (actor) assertIntakeEditor(actor, '诉求分类');
  const dryRun = options.dryRun === true;
  const csv = typeof file === 'string' ? file : decodeUtf8(file);
  if (csv.trim() === '') throw AppError.validation('file', '请上传 CSV 内容');
  const at = deps.now().toISOString();
  const { db } = deps.database;
  const run = db.transaction().execute(async (tx) => {
    const existing = await listStoredCategories(tx);
    const parsed = parseCategoryCsv(csv, existing);
    const byCode = new Map(existing.map((c) => [c.code, c]));
    const paths = categoryPaths([
      ...existing.filter((e) => !parsed.rows.some((r) => r.code === e.code)),
      ...parsed.rows,
    ]);
    let created = 0;
    let updated = 0;
    const fresh: CategoryRecord[] = [];
    let order = existing.reduce((n, c) => Math.max(n, c.sortOrder), 0);
    for (const row of parsed.rows) {
      const place = paths.get(row.code) ?? { level: 1, path: row.name };
      const known = byCode.get(row.code);
      const record: CategoryRecord = {
        code: row.code,
        name: row.name,
        parentCode: row.parentCode,
        emergencyHint: row.emergencyHint,
        active: true,
        sortOrder: known?.sortOrder ?? ++order,
        ...place,
      };
      if (known) {
        await updateCategory(tx, record, at);
        updated++;
      } else {
        fresh.push(record);
        created++;
      }
    }
    await insertCategories(tx, fresh, at);
    if (updated > 0) await refreshPaths(tx, at);
    await writeAudit(tx, {
      at,
      actorId: actor?.userId ?? null,
      action: 'import_categories',
      targetType: 'categories',
      detail: { created, updated, rejected: parsed.rejected.length },
    });
    const result = { created, updated, rejected: parsed.rejected, total: parsed.total };
    if (dryRun) throw new DryRunRollback({ ...result, dryRun: true });
    return result;
  });
  try {
    return await run;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}

/** Renames a category, changes its emergency hint or (de)activates it. */
export async function updateCategoryEntry(deps: CoreDeps, actor: Actor, code: string, raw: unknown) {
  assertIntakeEditor(actor, '诉求分类');
  const input = parseInputOrThrow(CATEGORY_UPDATE_FIELDS, raw);
  if (typeof input.name === 'string' && input.name.includes('/')) {
    throw AppError.validation('name', '分类名称不能包含“/”');
  }
  const at = deps.now().toISOString();
  return deps.database.db.transaction().execute(async (tx) => {
    const current = await findCategory(tx, code);
    if (!current) throw new AppError('NOT_FOUND', '诉求分类不存在');
    const next: CategoryRecord = {
      ...current,
      name: (input.name as string | undefined) ?? current.name,
      emergencyHint:
        input.emergencyHint === undefined ? current.emergencyHint : (input.emergencyHint as string) || null,
      active: input.active === undefined ? current.active : input.active === true,
    };
    await updateCategory(tx, next, at);
    if (next.name !== current.name) await refreshPaths(tx, at);
    await writeAudit(tx, {
      at,
      actorId: actor.userId,
      action: 'update_category',
      targetType: 'category',
      targetId: code,
    });
    const stored = await findCategory(tx, code);
    return view(stored ?? next);
  });
}
