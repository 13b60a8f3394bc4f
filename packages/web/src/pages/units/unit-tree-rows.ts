import { UNIT_KINDS, UNIT_KIND_LABELS, UNIT_PARENT_KINDS, type UnitKind } from '@huawu/domain';
import type { AdminUnit } from '../../api/unit-admin';

export type UnitTreeRow = AdminUnit & { children?: UnitTreeRow[] };

/** Nests items by `parentId` (list order kept among siblings); orphans become roots. */
export function nestBy<T extends { children?: T[] }>(
  units: readonly AdminUnit[],
  make: (unit: AdminUnit) => T,
): T[] {
  const nodes = new Map<string, T>(units.map((u) => [u.id, make(u)]));
  const roots: T[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (!parent) {
      roots.push(node);
      continue;
    }
    parent.children ??= [];
    parent.children.push(node);
  }
  return roots;
}

/** The flat list as antd tree-table rows. */
export const nestUnits = (units: readonly AdminUnit[]): UnitTreeRow[] =>
  nestBy<UnitTreeRow>(units, (u) => ({ ...u }));

/** Kinds that may sit under a parent of `parentKind` (null: top level), as Select options. */
export function kindOptionsUnder(parentKind: string | null) {
  return UNIT_KINDS.filter(
    (kind) => kind !== 'centre' && UNIT_PARENT_KINDS[kind].includes(parentKind as UnitKind | null),
  ).map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[kind] }));
}

/** True when some kind of unit may be created under a unit of this kind. */
export const mayHaveChildren = (kind: string) => kindOptionsUnder(kind).length > 0;
