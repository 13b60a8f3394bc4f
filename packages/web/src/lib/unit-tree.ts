import type { Unit } from '../api/types';

export interface UnitTreeNode {
  title: string;
  value: string;
  key: string;
  children?: UnitTreeNode[];
}

/** Builds TreeSelect data from the flat unit list (`parentId`); orphans become roots. */
export function buildUnitTree(units: readonly Unit[]): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  for (const unit of units) nodes.set(unit.id, { title: unit.name, value: unit.id, key: unit.id });
  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId && unit.parentId !== unit.id ? nodes.get(unit.parentId) : undefined;
    if (parent) {
      parent.children ??= [];
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  return roots;
}
