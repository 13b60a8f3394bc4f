import { randomUUID } from 'node:crypto';
import type { CoreDeps } from '../../deps.js';
import { insertPublishedGuide, publishGuideRevision } from '../../storage/accuracy-guide-seed.repository.js';
import { findUnit } from '../../storage/identity.repository.js';

export interface TestGuide {
  id: string;
  title: string;
  ownerUnitId: string;
}

/**
 * Published service guides for tests and the browser test, written straight through the accuracy
 * repository (independent of the knowledge-base workflow). Needs the demo people (the author is the
 * demo admin of the centre).
 */
export async function insertTestGuides(
  deps: CoreDeps,
  guides: { title: string; ownerUnitId: string; phone?: string | null; materials?: string }[],
): Promise<TestGuide[]> {
  const at = deps.now().toISOString();
  const created: TestGuide[] = [];
  await deps.database.db.transaction().execute(async (tx) => {
    for (const g of guides) {
      const unit = await findUnit(tx, g.ownerUnitId);
      if (!unit) throw new Error(`unknown unit ${g.ownerUnitId}`);
      const id = randomUUID();
      const fields: Record<string, string> = {
        materials: g.materials ?? '1. 身份证原件；2. 申请表；3. 相关证明材料。',
        promisedDays: '5个工作日',
        location: `${unit.name}政务服务窗口`,
        summary: `${g.title}的办事指南（测试）`,
      };
      if (g.phone !== null) fields.phone = g.phone ?? '0931-8888001';
      await insertPublishedGuide(tx, {
        id,
        title: g.title,
        itemCode: null,
        ownerUnitId: unit.id,
        ownerUnitName: unit.name,
        fields,
        authorId: 'demo-admin',
        authorUnitId: 'centre',
        at,
      });
      created.push({ id, title: g.title, ownerUnitId: unit.id });
    }
  });
  return created;
}

/** Publishes a revised version of a test guide (as if the unit's proposal was approved); returns its number. */
export async function reviseTestGuide(deps: CoreDeps, articleId: string, fields: Record<string, string>) {
  const at = deps.now().toISOString();
  return deps.database.db
    .transaction()
    .execute((tx) =>
      publishGuideRevision(tx, articleId, { fields, authorId: 'demo-admin', authorUnitId: 'centre', at }),
    );
}
