import {
  type Actor,
  KB_GUIDE_CSV_COLUMNS,
  KB_GUIDE_EXPORT_COLUMNS,
  type KbArticleStatus,
  isKbArticleKind,
  isKbArticleStatus,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { writeAudit } from '../storage/admin.repository.js';
import { listArticles } from '../storage/kb-article-list.repository.js';
import type { ArticleRecord } from '../storage/kb-articles.repository.js';
import { kbActorOf, kbScopeOf } from './kb-access.js';
import { toSafeCsv } from '../export/safe-csv.js';

const FAQ_COLUMNS = [
  'kind',
  'id',
  'question',
  'answer',
  'basis',
  'department',
  'owner_unit_id',
  'keywords',
  'valid_from',
  'valid_to',
  'next_review_on',
  'status',
  'published_version',
  'updated_at',
] as const;
const ALL_COLUMNS = [
  ...KB_GUIDE_EXPORT_COLUMNS.slice(0, 1),
  'id',
  ...KB_GUIDE_EXPORT_COLUMNS.slice(1),
  'question',
  'answer',
];

function cells(a: ArticleRecord): Record<string, string> {
  const out: Record<string, string> = {
    kind: a.kind,
    id: a.id,
    item_code: a.itemCode ?? '',
    item_name: a.kind === 'guide' ? a.title : '',
    department: a.ownerUnitName,
    owner_unit_id: a.ownerUnitId ?? '',
    keywords: a.keywords,
    valid_from: a.validFrom ?? '',
    valid_to: a.validTo ?? '',
    next_review_on: a.nextReviewOn ?? '',
    status: a.status,
    published_version: a.publishedVersion === null ? '' : String(a.publishedVersion),
    updated_at: a.updatedAt,
    question: a.fields.question ?? '',
    answer: a.fields.answer ?? '',
    basis: a.fields.basis ?? '',
  };
  if (a.kind === 'guide') {
    for (const [key, column] of Object.entries(KB_GUIDE_CSV_COLUMNS)) out[column] = a.fields[key] ?? '';
  }
  return out;
}

/**
 * The knowledge base as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read it): guides in
 * the import's own format (re-importing an unedited export changes nothing), 知识点 with question and
 * answer. Bulk reads are audited (`export`). `actor` null is the command-line operator.
 */
export async function exportArticles(
  deps: CoreDeps,
  actor: Actor | null,
  query: { kind?: string; status?: string[] } = {},
): Promise<{ filename: string; csv: string; rows: number }> {
  if (query.kind && !isKbArticleKind(query.kind)) throw AppError.validation('kind', '类型应为 guide 或 faq');
  const statuses = query.status?.filter((s) => s !== '');
  const bad = statuses?.find((s) => !isKbArticleStatus(s));
  if (bad !== undefined) throw AppError.validation('status', `未知状态：${bad.slice(0, 30)}`);
  const reader = actor ? await kbActorOf(deps, actor) : null;
  const kind = isKbArticleKind(query.kind) ? query.kind : undefined;
  const { items } = await listArticles(
    deps.database.db,
    {
      scope: reader ? kbScopeOf(reader) : { kind: 'all' },
      kind,
      statuses: statuses as KbArticleStatus[] | undefined,
    },
    null,
  );
  items.sort((a, b) => (a.itemCode ?? a.id).localeCompare(b.itemCode ?? b.id));
  const columns =
    kind === 'guide' ? [...KB_GUIDE_EXPORT_COLUMNS] : kind === 'faq' ? [...FAQ_COLUMNS] : ALL_COLUMNS;
  const csv = toSafeCsv(
    items.map((a) => {
      const c = cells(a);
      return columns.map((name) => c[name] ?? '');
    }),
    columns,
  );
  const now = deps.now();
  await writeAudit(deps.database.db, {
    at: now.toISOString(),
    actorId: actor?.userId ?? null,
    action: 'export',
    targetType: 'kb_articles',
    detail: {
      kind: kind ?? 'all',
      status: statuses ?? [],
      rows: items.length,
      ...(actor ? {} : { via: 'cli' }),
    },
  });
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return { filename: `knowledge-${kind ?? 'all'}-${day}.csv`, csv, rows: items.length };
}
