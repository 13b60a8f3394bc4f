import type { Actor } from '@huawu/domain';
import { AppError } from '../app-error.js';

/** Who may do what with the dispatch catalogue (派单目录). */

/** Maintaining the catalogue and reading the override log: the centre's supervisors and admins. */
export function assertCatalogueEditor(actor: Actor): void {
  if (actor.role !== 'supervisor' && actor.role !== 'admin') {
    throw new AppError('FORBIDDEN', '只有值班长或系统管理员可以维护派单目录');
  }
}

/** Reading the catalogue and an order's suggestion: dispatchers, supervisors and admins. */
export function assertMayReadCatalogue(actor: Actor): void {
  if (actor.role !== 'dispatcher' && actor.role !== 'supervisor' && actor.role !== 'admin') {
    throw new AppError('ROLE_NOT_PERMITTED', '您的角色不能查看派单目录');
  }
}
