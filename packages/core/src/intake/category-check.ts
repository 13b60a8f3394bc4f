import type { FieldIssue } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { findCategory } from '../storage/categories.repository.js';
import type { Schema } from '../storage/schema.js';

/** An order's category must be an active code of the taxonomy (诉求分类目录). */
export async function categoryIssue(db: Kysely<Schema>, code: string): Promise<FieldIssue | undefined> {
  const category = await findCategory(db, code);
  if (!category)
    return { field: 'category', message: `诉求分类“${code.slice(0, 40)}”不存在，请从分类目录中选择` };
  if (!category.active) return { field: 'category', message: `诉求分类“${category.path}”已停用，请另选分类` };
  return undefined;
}
