import { type Actor, KB_SUPERSEDED_STATUS, type KbAction, kbTransition } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { type ArticlePatch, findArticle, updateArticle } from '../storage/kb-articles.repository.js';
import { bumpRevision } from '../storage/kb-revision.repository.js';
import { findKbUnit } from '../storage/kb-units.repository.js';
import { findVersion, setVersionStatus } from '../storage/kb-versions.repository.js';
import type { ArticleDetail } from './article.view.js';
import { articleDetailFor } from './get-article.js';
import { kbActorOf, latestOf, loadArticle, workflowArticle } from './kb-access.js';

const changed = () => new AppError('CONFLICT', '该条目刚被他人更新，请刷新后重试');

/**
 * Runs one workflow action on an article (and its pending version) in one transaction: the version's
 * status, the article row, and the search revision change together. Approval copies the version's
 * content to the article, supersedes the version published before and refreshes the owner's name.
 */
async function act(
  deps: CoreDeps,
  actor: Actor,
  id: string,
  action: KbAction,
  version: number | undefined,
  input: unknown,
): Promise<ArticleDetail> {
  const reader = await kbActorOf(deps, actor);
  await loadArticle(deps.database.db, reader, id);
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (tx) => {
    const revision = await bumpRevision(tx);
    const article = await findArticle(tx, id);
    if (!article) throw new AppError('NOT_FOUND', '知识条目不存在或无权查看');
    const latest = await latestOf(tx, article);
    const target = version === undefined ? undefined : await findVersion(tx, id, version);
    if (version !== undefined && !target) throw new AppError('NOT_FOUND', `第 ${version} 版不存在`);
    const result = kbTransition(workflowArticle(article, latest), reader, action, input ?? {}, version);
    if (!result.ok) throw AppError.from(result.error);
    const outcome = result.value;
    const comment = typeof outcome.input.comment === 'string' ? outcome.input.comment : null;
    const patch: ArticlePatch = { status: outcome.articleTo, searchRevision: revision, at };
    if (target && outcome.versionTo) {
      const review =
        action === 'submit'
          ? { by: null, at, comment: null, submitted: true }
          : { by: actor.userId, at, comment };
      if (!(await setVersionStatus(tx, id, target.version, target.status, outcome.versionTo, review)))
        throw changed();
    }
    if (action === 'approve' && target) {
      if (outcome.supersedes !== null && outcome.supersedes !== target.version) {
        const previous = await findVersion(tx, id, outcome.supersedes);
        if (previous) await setVersionStatus(tx, id, previous.version, previous.status, KB_SUPERSEDED_STATUS);
      }
      const owner = target.ownerUnitId ? await findKbUnit(tx, target.ownerUnitId) : undefined;
      Object.assign(patch, {
        title: target.title,
        keywords: target.keywords,
        fields: target.fields,
        ownerUnitId: target.ownerUnitId,
        ownerUnitName: owner?.name ?? article.ownerUnitName,
        validFrom: target.validFrom,
        validTo: target.validTo,
        nextReviewOn: target.nextReviewOn,
        publishedVersion: target.version,
        expired: null,
      } satisfies Partial<ArticlePatch>);
    }
    if (action === 'expire') {
      patch.expired = { at, by: actor.userId, reason: String(outcome.input.reason ?? '') };
    }
    const expected = { latestVersion: article.latestVersion, status: article.status };
    if (!(await updateArticle(tx, id, expected, patch))) throw changed();
  });
  const article = await findArticle(deps.database.db, id);
  if (!article) throw new AppError('NOT_FOUND', '知识条目不存在或无权查看');
  return articleDetailFor(deps, reader, article);
}

/** 提交审核: draft → in review. */
export const submitVersion = (deps: CoreDeps, actor: Actor, id: string, version: number, input?: unknown) =>
  act(deps, actor, id, 'submit', version, input);

/** 审核通过: publishes the version (supervisor, admin). */
export const approveVersion = (deps: CoreDeps, actor: Actor, id: string, version: number, input?: unknown) =>
  act(deps, actor, id, 'approve', version, input);

/** 退回: with a reason (supervisor, admin). */
export const rejectVersion = (deps: CoreDeps, actor: Actor, id: string, version: number, input?: unknown) =>
  act(deps, actor, id, 'reject', version, input);

/** 撤回: a pending version, by its author or an editor. */
export const withdrawVersion = (deps: CoreDeps, actor: Actor, id: string, version: number, input?: unknown) =>
  act(deps, actor, id, 'withdraw', version, input);

/** 失效: takes a published article out of use, with a reason (supervisor, admin). */
export const expireArticle = (deps: CoreDeps, actor: Actor, id: string, input?: unknown) =>
  act(deps, actor, id, 'expire', undefined, input);
