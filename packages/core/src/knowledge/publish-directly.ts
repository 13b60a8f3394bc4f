import { randomUUID } from 'node:crypto';
import { type Actor, KB_IMPORTED, type KbArticleKind, kbMayImport, parseKbArticleInput } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { insertArticles } from '../storage/kb-articles.repository.js';
import { bumpRevision } from '../storage/kb-revision.repository.js';
import { listKbUnits } from '../storage/kb-units.repository.js';
import { insertVersions } from '../storage/kb-versions.repository.js';

/**
 * Publishes a batch of new articles at once, as an import does (version 1 published, reviewed by the
 * importing editor, one transaction and one search-revision bump): the initial load of a knowledge
 * base, such as the demo city's knowledge points. Each article is validated like a new one.
 */
export async function publishArticlesDirectly(
  deps: CoreDeps,
  actor: Actor,
  items: readonly ({ kind: KbArticleKind } & Record<string, unknown>)[],
  changeNote: string = KB_IMPORTED.changeNote,
): Promise<string[]> {
  if (!kbMayImport(actor)) throw new AppError('ROLE_NOT_PERMITTED', '只有值班长或管理员可以直接发布');
  const units = new Map((await listKbUnits(deps.database.db)).map((u) => [u.id, u]));
  const at = deps.now().toISOString();
  const prepared = items.map((item, i) => {
    const parsed = parseKbArticleInput(item.kind, item, 'create');
    if (!parsed.ok) {
      throw new AppError(
        'VALIDATION_FAILED',
        parsed.error.message,
        parsed.error.issues?.map((x) => ({ ...x, field: `[${i}].${x.field}` })),
      );
    }
    const owner = units.get(parsed.value.ownerUnitId ?? '');
    if (!owner?.active) throw AppError.validation(`[${i}].ownerUnitId`, '主管单位不存在或已停用');
    return { id: randomUUID(), kind: item.kind, input: parsed.value, owner };
  });
  await deps.database.db.transaction().execute(async (tx) => {
    const revision = await bumpRevision(tx);
    const content = (p: (typeof prepared)[number]) => ({
      title: p.input.title,
      keywords: p.input.keywords,
      fields: p.input.fields,
      ownerUnitId: p.owner.id,
      validFrom: p.input.validFrom,
      validTo: p.input.validTo,
      nextReviewOn: p.input.nextReviewOn,
    });
    await insertArticles(
      tx,
      prepared.map((p) => ({
        id: p.id,
        kind: p.kind,
        status: KB_IMPORTED.articleStatus,
        itemCode: p.input.itemCode,
        ownerUnitName: p.owner.name,
        ...content(p),
        publishedVersion: 1,
        latestVersion: 1,
        searchRevision: revision,
        createdBy: actor.userId,
        at,
      })),
    );
    await insertVersions(
      tx,
      prepared.map((p) => ({
        articleId: p.id,
        version: 1,
        status: KB_IMPORTED.versionStatus,
        ...content(p),
        changeNote,
        authorId: actor.userId,
        authorUnitId: actor.unitId,
        at,
        reviewedBy: actor.userId,
      })),
    );
  });
  return prepared.map((p) => p.id);
}
