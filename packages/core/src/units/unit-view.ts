import { UNIT_KIND_LABELS, type UnitKind } from '@huawu/domain';
import type { UnitRow } from '../storage/units.repository.js';

/** A unit as the API shows it. */
export function unitView(u: UnitRow) {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    kindLabel: UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind,
    parentId: u.parentId,
    path: u.path,
    dutyPhone: u.dutyPhone,
    liaisonName: u.liaisonName,
    liaisonPhone: u.liaisonPhone,
    note: u.note,
    sortOrder: u.sortOrder,
    active: u.active,
  };
}

export type UnitView = ReturnType<typeof unitView>;
