import type { Category } from '../../api/intake';

/** A category as a row of the tree table (children nested; inactive ones included). */
export interface CategoryRow extends Category {
  children?: CategoryRow[];
}

/**
 * GET /api/categories rows → tree rows in the server's order. With `query`, only the categories whose
 * code or name contains it, with their ancestors (so the match shows in place); an orphan becomes a root.
 */
export function categoryRows(categories: readonly Category[], query = ''): CategoryRow[] {
  const q = query.trim().toLowerCase();
  const byCode = new Map(categories.map((c) => [c.code, c]));
  let keep: Set<string> | undefined;
  if (q) {
    keep = new Set();
    for (const c of categories) {
      if (!c.code.toLowerCase().includes(q) && !c.name.toLowerCase().includes(q)) continue;
      for (let at: Category | undefined = c; at && !keep.has(at.code); ) {
        keep.add(at.code);
        at = at.parentCode ? byCode.get(at.parentCode) : undefined;
      }
    }
  }
  const rows = new Map<string, CategoryRow>();
  for (const c of categories) if (!keep || keep.has(c.code)) rows.set(c.code, { ...c });
  const roots: CategoryRow[] = [];
  for (const row of rows.values()) {
    const parent = row.parentCode ? rows.get(row.parentCode) : undefined;
    if (!parent) roots.push(row);
    else if (parent.children) parent.children.push(row);
    else parent.children = [row];
  }
  return roots;
}

/** Codes of every row that has children (to expand the whole tree). */
export function parentCodes(rows: readonly CategoryRow[]): string[] {
  return rows.flatMap((row) => (row.children ? [row.code, ...parentCodes(row.children)] : []));
}
