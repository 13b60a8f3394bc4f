import { type Actor, KB_REPLACED_DRAFT_STATUS, kbTransition, parseKbArticleInput } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { findArticle, updateArticle } from '../storage/kb-articles.repository.js';
import { bumpRevision } from '../storage/kb-revision.repository.js';
import { insertVersions, setVersionStatus } from '../storage/kb-versions.repository.js';
import type { ArticleDetail } from './article.view.js';
import { ownerUnitFor } from './create-article.js';
import { articleDetailFor } from './get-article.js';
import { kbActorOf, latestOf, loadArticle, workflowArticle } from './kb-access.js';

const conflict = (latest: number) =>
  new AppError('CONFLICT', `该条目已有第 ${latest} 版，请刷新后在最新版本上修改`, [
    { field: 'baseVersion', message: `最新版本为第 ${latest} 版` },
  ]);

/**
 * 修改: proposes a new version (a draft) of an article. `baseVersion` must be the article's latest
 * version (optimistic concurrency: of two editors working from the same version, the second gets
 * CONFLICT). A pending draft is replaced (withdrawn); the published content stays live until approval.
 */
export async function proposeVersion(
  deps: CoreDeps,
  actor: Actor,
  id: string,
  raw: unknown,
): Promise<ArticleDetail> {
  const author = await kbActorOf(deps, actor);
  const seen = await loadArticle(deps.database.db, author, id);
  const parsed = parseKbArticleInput(seen.kind, raw, 'propose');
  if (!parsed.ok) throw AppError.from(parsed.error);
  const input = parsed.value;
  const newOwner =
    input.ownerUnitId !== undefined && input.ownerUnitId !== seen.ownerUnitId
      ? await ownerUnitFor(deps, author, input.ownerUnitId)
      : undefined;
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (tx) => {
    const revision = await bumpRevision(tx);
    const article = await findArticle(tx, id);
    if (!article) throw new AppError('NOT_FOUND', '知识条目不存在或无权查看');
    const latest = await latestOf(tx, article);
    const outcome = kbTransition(workflowArticle(article, latest), author, 'edit', {});
    if (!outcome.ok) throw AppError.from(outcome.error);
    if (input.baseVersion !== article.latestVersion) throw conflict(article.latestVersion);
    const version = outcome.value.version ?? article.latestVersion + 1;
    if (outcome.value.replacesDraft !== null) {
      await setVersionStatus(tx, id, outcome.value.replacesDraft, latest.status, KB_REPLACED_DRAFT_STATUS, {
        by: actor.userId,
        at,
        comment: `被第 ${version} 版取代`,
      });
    }
    const content = {
      title: input.title,
      keywords: input.keywords,
      fields: input.fields,
      ownerUnitId: newOwner?.id ?? article.ownerUnitId,
      validFrom: input.validFrom,
      validTo: input.validTo,
      nextReviewOn: input.nextReviewOn,
    };
    await insertVersions(tx, [
      {
        articleId: id,
        version,
        status: outcome.value.versionTo ?? latest.status,
        ...content,
        changeNote: input.changeNote,
        authorId: actor.userId,
        authorUnitId: actor.unitId,
        at,
      },
    ]);
    // Never published: the article row shows the latest draft (search for editors, lists).
    const mirror =
      article.publishedVersion === null
        ? { ...content, ownerUnitName: newOwner?.name ?? article.ownerUnitName }
        : {};
    const updated = await updateArticle(
      tx,
      id,
      { latestVersion: article.latestVersion, status: article.status },
      { ...mirror, latestVersion: version, status: outcome.value.articleTo, searchRevision: revision, at },
    );
    if (!updated) throw conflict(article.latestVersion);
  });
  const article = await findArticle(deps.database.db, id);
  if (!article) throw new AppError('NOT_FOUND', '知识条目不存在或无权查看');
  return articleDetailFor(deps, author, article);
}
