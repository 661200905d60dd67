/** The förbund's member organisations, for the tab's pickers and to print names instead of ids. */
import type { OrgType } from '../../domain/vocabulary.ts';
import type { RegisterDeps } from './register-deps.ts';

export type MemberSummary = {
  readonly id: string;
  readonly name: string;
  readonly orgType: OrgType;
  readonly active: boolean;
};

/** every member organisation, active or not (old insatser name former members), by name in Swedish order */
export async function listMembers(deps: RegisterDeps): Promise<MemberSummary[]> {
  const members = await deps.repos.members.list();
  return members
    .map((member) => ({ id: member.id, name: member.name, orgType: member.orgType, active: member.active }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
