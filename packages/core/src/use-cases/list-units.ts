import type { CoreDeps } from '../deps.js';
import { listUnits as listUnitRows } from '../storage/identity.repository.js';

/** The organisation tree (centre and handling units), for pickers and filters. */
export async function listUnits(deps: CoreDeps) {
  const units = await listUnitRows(deps.database.db);
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    dutyPhone: u.dutyPhone,
  }));
}
