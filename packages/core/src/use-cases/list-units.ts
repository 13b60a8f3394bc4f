import type { Actor } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { listUnitRows } from '../storage/units.repository.js';
import { assertUnitAdmin } from '../units/manage-units.js';
import { unitView } from '../units/unit-view.js';

/**
 * The organisation tree (centre and handling units), for pickers and filters: active units only.
 * `all` (admins only) adds the inactive ones, for the unit maintenance page.
 */
export async function listUnits(deps: CoreDeps, actor?: Actor, opts: { all?: boolean } = {}) {
  if (opts.all) {
    if (!actor) throw new Error('listUnits: all needs an actor');
    assertUnitAdmin(actor);
  }
  const units = await listUnitRows(deps.database.db, { activeOnly: !opts.all });
  return units.map(unitView);
}
