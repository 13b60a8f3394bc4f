import type { UnitTreeNode } from '../../lib/unit-tree';

/** The branch of `tree` rooted at `unitId` (a unit user writes for their unit and its subunits). */
export function branchOf(tree: readonly UnitTreeNode[], unitId: string): UnitTreeNode[] {
  for (const node of tree) {
    if (node.value === unitId) return [node];
    const inside = branchOf(node.children ?? [], unitId);
    if (inside.length) return inside;
  }
  return [];
}
