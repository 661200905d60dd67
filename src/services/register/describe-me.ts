/** "Who am I": the caller's name and current roles, with the insats each scoped role is for. */
import { type Actor, isBoardMember, isKansli } from '../../domain/lifecycle/actor.ts';
import type { Role } from '../../domain/vocabulary.ts';
import type { RegisterDeps } from './register-deps.ts';

export type Me = {
  readonly aadObjectId: string;
  readonly name: string;
  readonly isKansli: boolean;
  readonly isBoard: boolean;
  readonly roles: ReadonlyArray<{
    readonly role: Role;
    readonly interventionId: string | null;
    readonly interventionCode: string | null;
  }>;
};

export async function describeMe(deps: RegisterDeps, actor: Actor): Promise<Me> {
  const ids = [...new Set(actor.roles.flatMap((role) => (role.interventionId === null ? [] : [role.interventionId])))];
  const interventions = await Promise.all(ids.map((id) => deps.repos.interventions.findById(id)));
  const codeOf = new Map(interventions.flatMap((row) => (row === null ? [] : [[row.id, row.code] as const])));
  return {
    aadObjectId: actor.aadObjectId,
    name: actor.name,
    isKansli: isKansli(actor),
    isBoard: isBoardMember(actor),
    roles: actor.roles.map((role) => ({
      role: role.role,
      interventionId: role.interventionId,
      interventionCode: role.interventionId === null ? null : (codeOf.get(role.interventionId) ?? null),
    })),
  };
}
