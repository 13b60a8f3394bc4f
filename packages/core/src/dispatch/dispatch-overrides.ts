import { randomUUID } from 'node:crypto';
import type { Actor, TransitionOutcome } from '@huawu/domain';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import {
  insertDispatchOverride,
  listDispatchOverrides as listStoredOverrides,
} from '../storage/dispatch-catalogue.repository.js';
import type { Schema } from '../storage/schema.js';
import type { WorkOrderRecord } from '../work-order.record.js';
import { assertCatalogueEditor } from './dispatch-access.js';
import { suggestionFor } from './suggest-dispatch.js';

const DISPATCH_EVENTS: readonly string[] = ['dispatch', 'approve_return'];

/**
 * The dispatch hook of a transition, inside its transaction: when a dispatch (or a reassignment after
 * a return) names a lead unit other than the catalogue's suggestion, the dispatcher must give
 * `overrideReason` and the departure is logged in dispatch_overrides for catalogue maintenance.
 * Returns what the timeline entry adds to its payload.
 */
export async function recordOverride(
  tx: Kysely<Schema>,
  e: { order: WorkOrderRecord; outcome: TransitionOutcome; actor: Actor; at: string },
): Promise<Record<string, unknown>> {
  if (!DISPATCH_EVENTS.includes(e.outcome.event)) return {};
  const chosen = e.outcome.input.leadUnitId;
  if (typeof chosen !== 'string') return {};
  const suggestion = await suggestionFor(tx, e.order);
  if (!suggestion || suggestion.entry.leadUnitId === chosen) return {};
  const reason = e.outcome.input.overrideReason;
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw AppError.validation('input.overrideReason', '主办单位与派单目录建议不同，请填写理由');
  }
  await insertDispatchOverride(tx, {
    id: randomUUID(),
    orderId: e.order.id,
    event: e.outcome.event,
    suggestedEntryId: suggestion.entry.id,
    suggestedLeadUnitId: suggestion.entry.leadUnitId,
    chosenLeadUnitId: chosen,
    reason: reason.trim(),
    actorId: e.actor.userId,
    at: e.at,
  });
  return { suggestedLeadUnitId: suggestion.entry.leadUnitId };
}

/** The override log (newest first) for catalogue maintenance: supervisors and admins. */
export async function listDispatchOverrides(
  deps: CoreDeps,
  actor: Actor,
  opts: { limit?: number; offset?: number } = {},
) {
  assertCatalogueEditor(actor);
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 200);
  const offset = Math.max(Math.trunc(opts.offset ?? 0), 0);
  return listStoredOverrides(deps.database.db, { limit, offset });
}
