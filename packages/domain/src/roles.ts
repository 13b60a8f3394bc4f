/** Roles of the people who use Huawu, and which side of the hotline they sit on. */
export const ROLES = [
  'agent',
  'dispatcher',
  'reviewer',
  'callback',
  'unit_handler',
  'unit_admin',
  'inspector',
  'supervisor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  agent: '话务员',
  dispatcher: '派单员',
  reviewer: '审核员',
  callback: '回访员',
  unit_handler: '承办人',
  unit_admin: '承办单位管理员',
  inspector: '质检员',
  supervisor: '值班长/领导',
  admin: '系统管理员',
};

/** Roles held by people of handling units (承办单位); every other role belongs to the hotline centre. */
export const UNIT_ROLES: readonly Role[] = ['unit_handler', 'unit_admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isUnitRole(role: Role): boolean {
  return UNIT_ROLES.includes(role);
}

/** Who is acting: the only identity the rules ever see. */
export interface Actor {
  userId: string;
  role: Role;
  /** The organisation the user belongs to (the centre, or a handling unit). */
  unitId: string;
  /** For records shown to people (timelines); never consulted by rules. */
  displayName?: string;
}
