import { KB_LIVE_STATUSES, KB_STALE_STATUSES, type KbArticleKind, type KbArticleStatus } from '@huawu/domain';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import {
  type ArticleRecord,
  type ArticleRow,
  articleQuery,
  articleTables,
  toArticle,
} from './kb-articles.repository.js';

import type { Schema } from './schema.js';
import { subtreePattern } from './sql-like.js';

/** Filtered, paged lists of articles, scoped to what the caller may see. */
type Db = Kysely<Schema>;

/** Who may see which articles: everything, or published ones plus those owned in a unit subtree. */
export type KbScope = { kind: 'all' } | { kind: 'unit'; unitPath: string };

export interface ArticleFilter {
  scope: KbScope;
  statuses?: readonly KbArticleStatus[];
  kind?: KbArticleKind;
  /** Owner unit subtree. */
  ownerPath?: string;
  /** Only stale articles, as of this local date (mirrors domain kbStaleReasons). */
  staleOn?: string;
  ids?: readonly string[];
}

type ArticleSelect = SelectQueryBuilder<
  Schema & { a: Schema['kb_articles']; ou: Schema['units'] },
  'a' | 'ou',
  // biome-ignore lint/suspicious/noExplicitAny: the selection differs between list and count
  any
>;

function applyFilter<Q extends ArticleSelect>(q: Q, f: ArticleFilter): Q {
  let out = q as ArticleSelect;
  if (f.scope.kind === 'unit') {
    const pattern = subtreePattern(f.scope.unitPath);
    out = out.where((eb) => eb.or([eb('a.status', 'in', KB_LIVE_STATUSES), eb('ou.path', 'like', pattern)]));
  }
  if (f.statuses && f.statuses.length > 0) out = out.where('a.status', 'in', f.statuses);
  if (f.kind) out = out.where('a.kind', '=', f.kind);
  if (f.ownerPath) out = out.where('ou.path', 'like', subtreePattern(f.ownerPath));
  if (f.ids) out = out.where('a.id', 'in', f.ids.length > 0 ? f.ids : ['']);
  if (f.staleOn) {
    const today = f.staleOn;
    out = out
      .where('a.status', 'in', KB_STALE_STATUSES)
      .where((eb) =>
        eb.or([
          eb('a.next_review_on', '<', today),
          eb('a.valid_to', '<', today),
          eb.and([
            eb('a.owner_unit_id', 'is not', null),
            eb.or([
              eb('ou.id', 'is', null),
              eb('ou.active', '=', 0),
              eb('ou.name', '<>', eb.ref('a.owner_unit_name')),
            ]),
          ]),
        ]),
      );
  }
  return out as Q;
}

export async function listArticles(
  db: Db,
  filter: ArticleFilter,
  page: { offset: number; limit: number } | null,
): Promise<{ items: ArticleRecord[]; total: number }> {
  const counted = await applyFilter(
    articleTables(db).select((eb) => eb.fn.countAll().as('n')) as ArticleSelect,
    filter,
  ).executeTakeFirst();
  let q = applyFilter(articleQuery(db) as unknown as ArticleSelect, filter)
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  const rows = (await q.execute()) as ArticleRow[];
  return { items: rows.map(toArticle), total: Number((counted as { n: unknown } | undefined)?.n ?? 0) };
}
