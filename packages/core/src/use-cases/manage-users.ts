import { randomUUID } from 'node:crypto';
import { type Actor, ROLES, isRole, isUnitRole } from '@huawu/domain';
import { AppError } from '../app-error.js';
import type { CoreDeps } from '../deps.js';
import { hashPassword, passwordProblem } from '../security/password.js';
import { writeAudit } from '../storage/admin.repository.js';
import {
  findUnit,
  findUserByUsername,
  insertUser,
  updatePasswordHash,
} from '../storage/identity.repository.js';
import { deleteUserSessions } from '../storage/session.repository.js';

export interface AddUserInput {
  username: string;
  password: string;
  role: string;
  unitId: string;
  displayName?: string;
}

/** `actor` null means the operator at the command line (trusted, like a database owner). */
function requireAdmin(actor: Actor | null): void {
  if (actor && actor.role !== 'admin') throw new AppError('FORBIDDEN', '只有系统管理员可以管理账号');
}

export async function addUser(deps: CoreDeps, actor: Actor | null, input: AddUserInput) {
  requireAdmin(actor);
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.-]{2,40}$/.test(username)) {
    throw AppError.validation('username', '用户名应为 2–40 位字母、数字、下划线、点或连字符');
  }
  const problem = passwordProblem(input.password);
  if (problem) throw AppError.validation('password', problem);
  if (!isRole(input.role)) throw AppError.validation('role', `角色应为：${ROLES.join(', ')}`);
  const unit = await findUnit(deps.database.db, input.unitId);
  if (!unit) throw AppError.validation('unitId', `单位不存在：${input.unitId}`);
  const centreUnit = unit.kind === 'centre';
  if (isUnitRole(input.role) === centreUnit) {
    throw AppError.validation(
      'unitId',
      isUnitRole(input.role) ? '承办单位角色须属于承办单位' : '中心角色须属于热线中心',
    );
  }
  if (await findUserByUsername(deps.database.db, username)) {
    throw new AppError('CONFLICT', `用户名已存在：${username}`, [
      { field: 'username', message: '用户名已存在' },
    ]);
  }
  const at = deps.now().toISOString();
  const user = {
    id: randomUUID(),
    username,
    displayName: input.displayName?.trim() || username,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    unitId: unit.id,
    active: true,
  };
  await deps.database.db.transaction().execute(async (tx) => {
    await insertUser(tx, user, at);
    await writeAudit(tx, {
      at,
      actorId: actor?.userId ?? null,
      action: 'user_add',
      targetType: 'user',
      targetId: user.id,
    });
  });
  return { id: user.id, username, role: user.role, unitId: unit.id, displayName: user.displayName };
}

/** Sets a new password and ends the user's sessions everywhere. */
export async function resetPassword(
  deps: CoreDeps,
  actor: Actor | null,
  input: { username: string; password: string },
) {
  requireAdmin(actor);
  const problem = passwordProblem(input.password);
  if (problem) throw AppError.validation('password', problem);
  const user = await findUserByUsername(deps.database.db, input.username.trim());
  if (!user) throw new AppError('NOT_FOUND', `用户不存在：${input.username}`);
  const hash = await hashPassword(input.password);
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (tx) => {
    await updatePasswordHash(tx, user.id, hash, at);
    await deleteUserSessions(tx, user.id);
    await writeAudit(tx, {
      at,
      actorId: actor?.userId ?? null,
      action: 'password_reset',
      targetType: 'user',
      targetId: user.id,
    });
  });
}
