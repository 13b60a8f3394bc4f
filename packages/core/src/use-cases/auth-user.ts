import { type Actor, ROLE_LABELS, type Role, isRole } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { findUnit, type UserRecord } from '../storage/identity.repository.js';

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  unitId: string;
  unitName: string;
}

export async function toAuthUser(deps: CoreDeps, user: UserRecord): Promise<AuthUser> {
  if (!isRole(user.role)) throw new AppError('FORBIDDEN', '账号角色无效');
  const unit = await findUnit(deps.database.db, user.unitId);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role],
    unitId: user.unitId,
    unitName: unit?.name ?? '',
  };
}

export const actorOf = (user: AuthUser): Actor => ({
  userId: user.id,
  role: user.role,
  unitId: user.unitId,
  displayName: user.displayName,
});
