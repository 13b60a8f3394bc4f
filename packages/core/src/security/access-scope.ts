import { type Actor, isUnitRole } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { findUnit } from '../storage/identity.repository.js';
import type { OrderScope } from '../storage/work-order.repository.js';

/**
 * Which orders an actor may see. Centre roles see every order; unit roles see orders that their unit
 * or one of its sub-units is (or was) involved in. Every order query goes through this.
 */
export async function scopeFor(deps: CoreDeps, actor: Actor): Promise<OrderScope> {
  if (!isUnitRole(actor.role)) return { kind: 'all' };
  const unit = await findUnit(deps.database.db, actor.unitId);
  if (!unit) throw new AppError('FORBIDDEN', '账号所属单位不存在');
  return { kind: 'unit', unitPath: unit.path };
}
