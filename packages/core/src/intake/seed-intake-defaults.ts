import { DEFAULT_CATEGORIES, DEFAULT_PHRASES, DEFAULT_SCOPE_RULES, categoryPaths } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { type CategoryRecord, insertCategories } from '../storage/categories.repository.js';
import { isTableEmpty } from '../storage/intake-tables.js';
import { insertPhrases } from '../storage/phrases.repository.js';
import { insertScopeRules } from '../storage/scope-rules.repository.js';

/**
 * Fills the intake tables that are still empty with the shipped defaults: the category taxonomy, the
 * phrase library and the scope rules. A table someone has filled is never touched; the default ids are
 * fixed and inserts skip existing ids, so two processes starting together cannot duplicate anything.
 */
export async function seedIntakeDefaults(deps: CoreDeps): Promise<{ seeded: string[] }> {
  const { db } = deps.database;
  const at = deps.now().toISOString();
  const seeded: string[] = [];
  if (await isTableEmpty(db, 'categories')) {
    const paths = categoryPaths(DEFAULT_CATEGORIES);
    const rows: CategoryRecord[] = DEFAULT_CATEGORIES.map((c, i) => ({
      code: c.code,
      name: c.name,
      parentCode: c.parentCode,
      level: paths.get(c.code)?.level ?? 1,
      path: paths.get(c.code)?.path ?? c.name,
      emergencyHint: c.emergencyHint ?? null,
      active: true,
      sortOrder: i,
    }));
    await insertCategories(db, rows, at);
    seeded.push('categories');
  }
  if (await isTableEmpty(db, 'phrases')) {
    await insertPhrases(
      db,
      DEFAULT_PHRASES.map((p) => ({ ...p, active: true })),
      at,
      null,
    );
    seeded.push('phrases');
  }
  if (await isTableEmpty(db, 'scope_rules')) {
    await insertScopeRules(db, DEFAULT_SCOPE_RULES, at, null);
    seeded.push('scope_rules');
  }
  return { seeded };
}
