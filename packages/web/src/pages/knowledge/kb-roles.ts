import { KB_EDITOR_ROLES, isUnitRole, kbMayImport, kbMayResolveGaps } from '@huawu/domain';
import type { User } from '../../api/types';

/**
 * Which knowledge-base screens and buttons a user sees, by the domain's rules. The server decides every
 * request on its own (and lists what may be done to an article in `allowedActions`).
 */
const actor = (user: User) => ({ userId: user.id, role: user.role, unitId: user.unitId });

/** The centre's editors (supervisor, admin): review, stale list, create for any unit. */
export const isCentreEditor = (user: User) => KB_EDITOR_ROLES.includes(user.role);

/** May create articles: the centre's editors, and unit people for their own unit (or one below). */
export const canCreate = (user: User) => isCentreEditor(user) || isUnitRole(user.role);

/** Sees drafts and proposals (of their own unit, for unit people) besides published content. */
export const seesDrafts = canCreate;

export const canImport = (user: User) => kbMayImport(actor(user));
export const canResolveGaps = (user: User) => kbMayResolveGaps(actor(user));
