import type { Category } from '../api/intake';

export interface CategoryNode {
  value: string;
  title: string;
  path: string;
  children?: CategoryNode[];
}

/** GET /api/categories rows → TreeSelect nodes (active ones; an orphan becomes a root). */
export function buildCategoryTree(categories: readonly Category[]): CategoryNode[] {
  const active = categories.filter((category) => category.active !== false);
  const nodes = new Map<string, CategoryNode>();
  for (const category of active)
    nodes.set(category.code, { value: category.code, title: category.name, path: category.path });
  const roots: CategoryNode[] = [];
  for (const category of active) {
    const node = nodes.get(category.code)!;
    const parent = category.parentCode ? nodes.get(category.parentCode) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}
