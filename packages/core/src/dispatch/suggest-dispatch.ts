import { type Actor, type DispatchSuggestion, categoryLineage, suggestDispatch } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { scopeFor } from '../security/access-scope.js';
import { listActiveEntriesFor } from '../storage/dispatch-catalogue.repository.js';
import { listUnitsByIds } from '../storage/identity.repository.js';
import type { Schema } from '../storage/schema.js';
import { findOrder, isOrderInScope } from '../storage/work-order.repository.js';
import type { WorkOrderRecord } from '../work-order.record.js';
import { assertMayReadCatalogue } from './dispatch-access.js';
import { entryView } from './manage-catalogue.js';

/** The catalogue's suggestion for an order as stored now (null without category or matching entry). */
export async function suggestionFor(
  db: Kysely<Schema>,
  order: Pick<WorkOrderRecord, 'category' | 'divisionCode'>,
): Promise<DispatchSuggestion | null> {
  if (!order.category) return null;
  const entries = await listActiveEntriesFor(db, categoryLineage(order.category.trim()));
  return suggestDispatch(entries, { category: order.category, divisionCode: order.divisionCode });
}

/**
 * The dispatch catalogue's suggestion for one order (派单建议): lead and co-units with their names,
 * the matched entry and why; `suggestion: null` when the catalogue has nothing for it.
 */
export async function suggestForOrder(deps: CoreDeps, actor: Actor, orderId: string) {
  assertMayReadCatalogue(actor);
  const { db } = deps.database;
  const scope = await scopeFor(deps, actor);
  const order = await findOrder(db, orderId);
  if (!order || !(await isOrderInScope(db, order.id, scope))) {
    throw new AppError('NOT_FOUND', '工单不存在或无权查看');
  }
  const found = await suggestionFor(db, order);
  if (!found) return { orderId: order.id, suggestion: null };
  const units = await listUnitsByIds(db, [found.entry.leadUnitId, ...found.entry.coUnitIds]);
  const view = entryView(found.entry, new Map(units.map((u) => [u.id, u.name])));
  return {
    orderId: order.id,
    suggestion: {
      entryId: found.entry.id,
      leadUnitId: view.leadUnitId,
      leadUnitName: view.leadUnitName,
      coUnits: view.coUnits,
      note: found.entry.note,
      matchedCategory: found.matchedCategory,
      matchedDivision: found.entry.divisionCode,
      categoryMatch: found.categoryMatch,
      divisionMatch: found.divisionMatch,
      reason: found.reason,
    },
  };
}
