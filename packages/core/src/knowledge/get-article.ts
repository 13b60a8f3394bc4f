import { type Actor, type KbActor, kbAllowedActions } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import type { ArticleRecord } from '../storage/kb-articles.repository.js';
import { findVersion, listVersions } from '../storage/kb-versions.repository.js';
import { type ArticleDetail, toArticleDetail, toVersionDetail, toVersionSummary } from './article.view.js';
import {
  isPending,
  kbActorOf,
  latestOf,
  loadArticle,
  seesAllOf,
  todayOf,
  visibleVersionStatuses,
  workflowArticle,
} from './kb-access.js';

/** The detail of an article as this reader sees it: pending version and actions only for those concerned. */
export async function articleDetailFor(
  deps: CoreDeps,
  actor: KbActor,
  article: ArticleRecord,
): Promise<ArticleDetail> {
  const latest = await latestOf(deps.database.db, article);
  const concerned = seesAllOf(actor, article);
  const pending = concerned && isPending(latest.status) ? latest : null;
  const actions = kbAllowedActions(workflowArticle(article, latest), actor);
  return toArticleDetail(article, todayOf(deps), pending, actions);
}

export async function getArticle(deps: CoreDeps, actor: Actor, id: string): Promise<ArticleDetail> {
  const reader = await kbActorOf(deps, actor);
  return articleDetailFor(deps, reader, await loadArticle(deps.database.db, reader, id));
}

/** The version history, newest first (readers outside the owner unit see published versions only). */
export async function listArticleVersions(deps: CoreDeps, actor: Actor, id: string) {
  const reader = await kbActorOf(deps, actor);
  const article = await loadArticle(deps.database.db, reader, id);
  const versions = await listVersions(deps.database.db, article.id, visibleVersionStatuses(reader, article));
  return { items: versions.map(toVersionSummary) };
}

/** One version's full content: agents show it as the evidence of a direct answer. */
export async function getArticleVersion(deps: CoreDeps, actor: Actor, id: string, version: number) {
  const reader = await kbActorOf(deps, actor);
  const article = await loadArticle(deps.database.db, reader, id);
  const v = await findVersion(deps.database.db, article.id, version);
  const visible = visibleVersionStatuses(reader, article);
  if (!v || (visible && !visible.includes(v.status))) {
    throw new AppError('NOT_FOUND', `第 ${version} 版不存在或无权查看`);
  }
  return toVersionDetail(v);
}
