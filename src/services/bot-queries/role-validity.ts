import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';

/**
 * A role counts until its ValidTo has passed. A ValidFrom in the future still counts: the
 * projektledare of an insats that starts next quarter needs to see it now.
 */
export function isRoleCurrent(role: Pick<RoleAssignment, 'validTo'>, today: string): boolean {
  return role.validTo === null || role.validTo >= today;
}

/** for deciding who may vote: the mandate must have begun too */
export function isRoleInForce(role: Pick<RoleAssignment, 'validFrom' | 'validTo'>, today: string): boolean {
  return (role.validFrom === null || role.validFrom <= today) && isRoleCurrent(role, today);
}
