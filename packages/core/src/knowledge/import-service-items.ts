import { randomUUID } from 'node:crypto';
import {
  type Actor,
  KB_IMPORTED,
  KB_IMPORT_DEFAULT_SUMMARY,
  KB_SUPERSEDED_STATUS,
  type KbImportIssue,
  type KbImportRow,
  kbMainItemKeywords,
  kbMayImport,
  parseKbImportRecords,
} from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import {
  type ArticleRecord,
  type NewArticle,
  findArticlesByItemCodes,
  insertArticles,
  updateArticle,
} from '../storage/kb-articles.repository.js';
import { bumpRevision } from '../storage/kb-revision.repository.js';
import { fieldsJson } from '../storage/kb-sql.js';
import { type KbUnit, centreUnitId, listKbUnits } from '../storage/kb-units.repository.js';
import {
  type NewVersion,
  insertVersions,
  latestVersionStatuses,
  setVersionStatus,
} from '../storage/kb-versions.repository.js';
import type { Schema } from '../storage/schema.js';
import { SYSTEM_AUTHOR, isPending } from './kb-access.js';
import { readCsv } from './service-items.csv.js';

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not imported, each with the column at fault. */
  rejected: KbImportIssue[];
  /** Imported, but worth a look (unknown columns, departments that match no unit). */
  warnings: KbImportIssue[];
  /** Item rows read. */
  total: number;
  dryRun: boolean;
}

/** Rows written per transaction (one search-revision bump each). */
const BATCH = 500;

interface Content {
  title: string;
  keywords: string;
  fields: Record<string, string>;
  ownerUnitId: string | null;
  ownerUnitName: string;
  validFrom: string | null;
  validTo: string | null;
  nextReviewOn: string | null;
}

const sameContent = (a: Content, b: Content) =>
  a.title === b.title &&
  a.keywords === b.keywords &&
  fieldsJson(a.fields) === fieldsJson(b.fields) &&
  a.ownerUnitId === b.ownerUnitId &&
  a.ownerUnitName === b.ownerUnitName &&
  a.validFrom === b.validFrom &&
  a.validTo === b.validTo &&
  a.nextReviewOn === b.nextReviewOn;

/**
 * Imports service items (办事指南) from CSV text: see `importServiceItemRecords`.
 * `actor` null is the command-line operator.
 */
export async function importServiceItems(
  deps: CoreDeps,
  actor: Actor | null,
  text: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  if (actor && !kbMayImport(actor))
    throw new AppError('ROLE_NOT_PERMITTED', '只有值班长或管理员可以导入知识库');
  if (text.trim() === '') throw AppError.validation('file', '文件为空');
  const csv = readCsv(text);
  return importServiceItemRecords(deps, actor, csv.records, {
    ...options,
    rows: csv.rows,
    broken: csv.broken,
  });
}

/**
 * Upserts guides by item code. New codes become articles published at once (version 1, change note
 * 导入: the centre imports an official catalogue, so there is no review step); a changed row publishes
 * a new version of its article (the one before is superseded); an equal row is unchanged. Columns
 * absent from the file keep what is stored. The department is matched to a unit by exact name; without
 * a match the name is kept with no unit (a warning). Invalid rows are reported per row and column while
 * the valid ones are imported; a row whose article has a draft or a version in review is refused.
 */
export async function importServiceItemRecords(
  deps: CoreDeps,
  actor: Actor | null,
  records: readonly (readonly string[])[],
  options: { dryRun?: boolean; rows?: readonly number[]; broken?: readonly KbImportIssue[] } = {},
): Promise<ImportResult> {
  if (actor && !kbMayImport(actor))
    throw new AppError('ROLE_NOT_PERMITTED', '只有值班长或管理员可以导入知识库');
  const parsed = parseKbImportRecords(records, options.rows);
  if (!parsed.ok) throw AppError.from(parsed.error);
  const { db } = deps.database;
  const dryRun = options.dryRun === true;
  const result: ImportResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: [...(options.broken ?? []), ...parsed.value.rejected],
    warnings: [...parsed.value.warnings],
    total: parsed.value.total + (options.broken?.length ?? 0),
    dryRun,
  };
  const units = await listKbUnits(db);
  const byName = new Map<string, KbUnit>();
  for (const u of units) if (u.active && !byName.has(u.name)) byName.set(u.name, u);
  const byId = new Map(units.map((u) => [u.id, u]));
  const author = {
    id: actor?.userId ?? SYSTEM_AUTHOR,
    unitId: actor?.unitId ?? (await centreUnitId(db)),
  };
  const unmatched = new Map<string, { row: number; count: number; field: string }>();
  const ctx = { byName, byId, author, unmatched, result, at: deps.now().toISOString() };
  const rows = parsed.value.rows;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    if (dryRun) await importBatch(db, batch, null, ctx);
    else {
      await db.transaction().execute(async (tx) => importBatch(tx, batch, await bumpRevision(tx), ctx));
    }
  }
  for (const [name, u] of unmatched) {
    result.warnings.push({
      row: u.row,
      field: u.field,
      message:
        u.field === 'owner_unit_id'
          ? `单位编号「${name}」不存在（共 ${u.count} 行）：按实施主体名称匹配`
          : `未找到名为「${name}」的单位（共 ${u.count} 行）：仅记录单位名称，未关联单位`,
    });
  }
  result.rejected.sort((a, b) => a.row - b.row);
  return result;
}

interface BatchContext {
  byName: Map<string, KbUnit>;
  byId: Map<string, KbUnit>;
  author: { id: string; unitId: string };
  unmatched: Map<string, { row: number; count: number; field: string }>;
  result: ImportResult;
  at: string;
}

function ownerOf(row: KbImportRow, ctx: BatchContext): { id: string | null; name: string } | undefined {
  if (row.ownerUnitId !== undefined) {
    const unit = ctx.byId.get(row.ownerUnitId);
    if (unit) return { id: unit.id, name: unit.name };
    note(ctx, row.ownerUnitId, row.row, 'owner_unit_id');
  }
  if (row.ownerUnitName === undefined) return undefined;
  const unit = ctx.byName.get(row.ownerUnitName);
  if (unit) return { id: unit.id, name: unit.name };
  if (row.ownerUnitName !== '') note(ctx, row.ownerUnitName, row.row, 'department');
  return { id: null, name: row.ownerUnitName };
}

function note(ctx: BatchContext, name: string, row: number, field: string) {
  const seen = ctx.unmatched.get(name);
  if (seen) seen.count++;
  else ctx.unmatched.set(name, { row, count: 1, field });
}

function newContent(row: KbImportRow, ctx: BatchContext): Content {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(row.fields)) if (value) fields[key] = value;
  if (fields.onlineUrl && !fields.summary) fields.summary = KB_IMPORT_DEFAULT_SUMMARY;
  const owner = ownerOf(row, ctx);
  return {
    title: row.title,
    keywords: row.keywords ?? kbMainItemKeywords(row.mainItem, row.title),
    fields,
    ownerUnitId: owner?.id ?? null,
    ownerUnitName: owner?.name ?? '',
    validFrom: row.validFrom ?? null,
    validTo: row.validTo ?? null,
    nextReviewOn: row.nextReviewOn ?? null,
  };
}

function mergedContent(current: ArticleRecord, row: KbImportRow, ctx: BatchContext): Content {
  const fields = { ...current.fields };
  for (const [key, value] of Object.entries(row.fields)) {
    if (value === undefined) continue;
    if (value === '') delete fields[key];
    else fields[key] = value;
  }
  const owner = ownerOf(row, ctx);
  return {
    title: row.title,
    keywords: row.keywords ?? current.keywords,
    fields,
    ownerUnitId: owner ? owner.id : current.ownerUnitId,
    ownerUnitName: owner ? owner.name : current.ownerUnitName,
    validFrom: row.validFrom === undefined ? current.validFrom : row.validFrom,
    validTo: row.validTo === undefined ? current.validTo : row.validTo,
    nextReviewOn: row.nextReviewOn === undefined ? current.nextReviewOn : row.nextReviewOn,
  };
}

/** One batch: reads the stored articles, decides per row, writes unless `revision` is null (dry run). */
async function importBatch(
  db: Kysely<Schema>,
  rows: readonly KbImportRow[],
  revision: number | null,
  ctx: BatchContext,
): Promise<void> {
  const { result, author, at } = ctx;
  const existing = new Map(
    (
      await findArticlesByItemCodes(
        db,
        rows.map((r) => r.itemCode),
      )
    ).map((a) => [a.itemCode ?? '', a]),
  );
  const latest = await latestVersionStatuses(db, [...existing.values()]);
  const articles: NewArticle[] = [];
  const versions: NewVersion[] = [];
  const version = (articleId: string, n: number, c: Content): NewVersion => ({
    articleId,
    version: n,
    status: KB_IMPORTED.versionStatus,
    title: c.title,
    keywords: c.keywords,
    fields: c.fields,
    ownerUnitId: c.ownerUnitId,
    validFrom: c.validFrom,
    validTo: c.validTo,
    nextReviewOn: c.nextReviewOn,
    changeNote: KB_IMPORTED.changeNote,
    authorId: author.id,
    authorUnitId: author.unitId,
    at,
    reviewedBy: author.id,
  });
  for (const row of rows) {
    const current = existing.get(row.itemCode);
    if (!current) {
      const content = newContent(row, ctx);
      const id = randomUUID();
      articles.push({
        id,
        kind: 'guide',
        status: KB_IMPORTED.articleStatus,
        itemCode: row.itemCode,
        ...content,
        publishedVersion: 1,
        latestVersion: 1,
        searchRevision: revision ?? 0,
        createdBy: author.id,
        at,
      });
      versions.push(version(id, 1, content));
      result.created++;
      continue;
    }
    const content = mergedContent(current, row, ctx);
    if (current.publishedVersion !== null && sameContent(current, content)) {
      result.unchanged++;
      continue;
    }
    const last = latest.get(current.id);
    if (last && isPending(last.status)) {
      result.rejected.push({
        row: row.row,
        field: 'item_code',
        message: `事项「${row.itemCode}」有未完成的修订（第 ${current.latestVersion} 版，草稿或待审核），请先审核或撤回后再导入`,
      });
      continue;
    }
    result.updated++;
    if (revision === null) continue;
    const next = current.latestVersion + 1;
    if (current.publishedVersion !== null) {
      await setVersionStatus(
        db,
        current.id,
        current.publishedVersion,
        KB_IMPORTED.versionStatus,
        KB_SUPERSEDED_STATUS,
      );
    }
    versions.push(version(current.id, next, content));
    const ok = await updateArticle(
      db,
      current.id,
      { latestVersion: current.latestVersion, status: current.status },
      {
        ...content,
        status: KB_IMPORTED.articleStatus,
        publishedVersion: next,
        latestVersion: next,
        expired: null,
        searchRevision: revision,
        at,
      },
    );
    if (!ok) throw new AppError('CONFLICT', '导入期间知识条目被他人修改，请重新导入');
  }
  if (revision === null) return;
  // Articles first: versions reference them.
  await insertArticles(db, articles);
  await insertVersions(db, versions);
}
