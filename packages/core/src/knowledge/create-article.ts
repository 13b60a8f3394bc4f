import { randomUUID } from 'node:crypto';
import {
  type Actor,
  KB_CREATED,
  type KbActor,
  isKbArticleKind,
  kbMayCreate,
  parseKbArticleInput,
} from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { findArticle, findArticleByItemCode, insertArticles } from '../storage/kb-articles.repository.js';
import { bumpRevision } from '../storage/kb-revision.repository.js';
import { type KbUnit, findKbUnit } from '../storage/kb-units.repository.js';
import { insertVersions } from '../storage/kb-versions.repository.js';
import type { ArticleDetail } from './article.view.js';
import { articleDetailFor } from './get-article.js';
import { kbActorOf } from './kb-access.js';

/** An owner unit the actor may choose: it exists, is active and (for unit roles) lies in their subtree. */
export async function ownerUnitFor(deps: CoreDeps, actor: KbActor, unitId: string): Promise<KbUnit> {
  const unit = await findKbUnit(deps.database.db, unitId);
  if (!unit?.active) throw AppError.validation('ownerUnitId', '主管单位不存在或已停用');
  const allowed = kbMayCreate(actor, unit.path);
  if (!allowed.ok) throw AppError.from(allowed.error);
  return unit;
}

/** 新建: a new article with version 1 as a draft (published after submit and approval). */
export async function createArticle(deps: CoreDeps, actor: Actor, raw: unknown): Promise<ArticleDetail> {
  const body = (raw ?? {}) as Record<string, unknown>;
  if (!isKbArticleKind(body.kind))
    throw AppError.validation('kind', '类型应为 guide（办事指南）或 faq（知识点）');
  const kind = body.kind;
  const parsed = parseKbArticleInput(kind, raw, 'create');
  if (!parsed.ok) throw AppError.from(parsed.error);
  const input = parsed.value;
  if (input.itemCode && kind !== 'guide') throw AppError.validation('itemCode', '只有办事指南有事项编码');
  const author = await kbActorOf(deps, actor);
  const owner = await ownerUnitFor(deps, author, input.ownerUnitId ?? '');
  const id = randomUUID();
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (tx) => {
    const revision = await bumpRevision(tx);
    if (input.itemCode && (await findArticleByItemCode(tx, input.itemCode))) {
      throw new AppError('CONFLICT', `事项编码已存在：${input.itemCode}`, [
        { field: 'itemCode', message: '该事项编码已有知识条目' },
      ]);
    }
    const content = {
      title: input.title,
      keywords: input.keywords,
      fields: input.fields,
      ownerUnitId: owner.id,
      validFrom: input.validFrom,
      validTo: input.validTo,
      nextReviewOn: input.nextReviewOn,
    };
    await insertArticles(tx, [
      {
        id,
        kind,
        status: KB_CREATED.articleStatus,
        itemCode: input.itemCode,
        ownerUnitName: owner.name,
        ...content,
        publishedVersion: null,
        latestVersion: 1,
        searchRevision: revision,
        createdBy: actor.userId,
        at,
      },
    ]);
    await insertVersions(tx, [
      {
        articleId: id,
        version: 1,
        status: KB_CREATED.versionStatus,
        ...content,
        changeNote: input.changeNote ?? '新建',
        authorId: actor.userId,
        authorUnitId: actor.unitId,
        at,
      },
    ]);
  });
  const article = await findArticle(deps.database.db, id);
  if (!article) throw new AppError('INTERNAL');
  return articleDetailFor(deps, author, article);
}
