import {
  type Actor,
  KB_LIVE_STATUSES,
  KB_PENDING_VERSION_STATUSES,
  KB_PUBLIC_VERSION_STATUSES,
  type KbActor,
  type KbVersionStatus,
  type KbWorkflowArticle,
  isUnitRole,
  kbSeesAllStatuses,
  toLocalDate,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { findUnit } from '../storage/identity.repository.js';
import type { KbScope } from '../storage/kb-article-list.repository.js';
import { type ArticleRecord, findArticle } from '../storage/kb-articles.repository.js';
import { type VersionRecord, findVersion } from '../storage/kb-versions.repository.js';
import type { Schema } from '../storage/schema.js';
import type { Kysely } from 'kysely';

/** The actor with their unit's path, which the ownership rules compare. */
export async function kbActorOf(deps: CoreDeps, actor: Actor): Promise<KbActor> {
  if (!isUnitRole(actor.role)) return { ...actor, unitPath: null };
  const unit = await findUnit(deps.database.db, actor.unitId);
  if (!unit) throw new AppError('FORBIDDEN', '账号所属单位不存在');
  return { ...actor, unitPath: unit.path };
}

export function kbScopeOf(actor: KbActor): KbScope {
  return isUnitRole(actor.role) && actor.unitPath
    ? { kind: 'unit', unitPath: actor.unitPath }
    : { kind: 'all' };
}

export const ownerPathOf = (a: ArticleRecord): string | null =>
  a.ownerUnitId ? (a.owner?.path ?? null) : null;

/** Whether the reader sees every status (and draft versions) of this article, or only published content. */
export const seesAllOf = (actor: KbActor, a: ArticleRecord) => kbSeesAllStatuses(actor, ownerPathOf(a));

export function mayRead(actor: KbActor, a: ArticleRecord): boolean {
  return seesAllOf(actor, a) || KB_LIVE_STATUSES.includes(a.status);
}

/** Version statuses this reader may see of this article. */
export function visibleVersionStatuses(
  actor: KbActor,
  a: ArticleRecord,
): readonly KbVersionStatus[] | undefined {
  return seesAllOf(actor, a) ? undefined : KB_PUBLIC_VERSION_STATUSES;
}

/** Loads an article the reader may see (else NOT_FOUND, no hint that it exists). */
export async function loadArticle(db: Kysely<Schema>, actor: KbActor, id: string): Promise<ArticleRecord> {
  const article = await findArticle(db, id);
  if (!article || !mayRead(actor, article)) throw new AppError('NOT_FOUND', '知识条目不存在或无权查看');
  return article;
}

export async function latestOf(db: Kysely<Schema>, a: ArticleRecord): Promise<VersionRecord> {
  const v = await findVersion(db, a.id, a.latestVersion);
  if (!v) throw new AppError('INTERNAL', `知识条目缺少第 ${a.latestVersion} 版`);
  return v;
}

export function workflowArticle(
  a: ArticleRecord,
  latest: { status: KbVersionStatus; authorId: string },
): KbWorkflowArticle {
  return {
    status: a.status,
    ownerUnitPath: ownerPathOf(a),
    publishedVersion: a.publishedVersion,
    latestVersion: a.latestVersion,
    latest: { version: a.latestVersion, status: latest.status, authorId: latest.authorId },
  };
}

export const isPending = (status: KbVersionStatus) => KB_PENDING_VERSION_STATUSES.includes(status);

export const todayOf = (deps: CoreDeps) => toLocalDate(deps.now(), deps.config.timeZone);

/** The CLI operator (no account) records imports and exports as this id. */
export const SYSTEM_AUTHOR = 'system';
