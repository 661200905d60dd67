/**
 * One insats with everything around it: budget, requisitions, approvals with their votes,
 * documents, agreements, what its application still lacks, and what the caller could do next
 * (with the reasons why not); the people who hold a role in it, the names of its member
 * organisations, and what has happened to it (AuditLog, with its stage history).
 *
 * Graph requests: the insats; then at once its budget lines, requisitions, approvals, documents,
 * agreements and the Members and RoleAssignments lists (the lifecycle's facts are drawn from these
 * same rows, not read again); then at once the votes of each approval and AuditLog (one query per
 * twenty entity ids).
 */
import { todayIn } from '../../domain/calendar/today.ts';
import type { Approval, Vote } from '../../domain/entities/approval.ts';
import type { BudgetLine } from '../../domain/entities/budget-line.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { AgreementFile, DocumentFile } from '../../domain/entities/library-file.ts';
import type { Member } from '../../domain/entities/member.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { allowedTransitions, type NextTransition } from '../../domain/lifecycle/allowed-transitions.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { readVisibleIntervention } from './access.ts';
import { DRAFT_STAGES } from './draft-fields.ts';
import { type InterventionHistory, readInterventionHistory } from './intervention-history.ts';
import { countsForSignIn } from './load-actor.ts';
import type { RegisterDeps } from './register-deps.ts';
import { transitionFactsFrom } from './transition-facts.ts';

export type InterventionPerson = {
  readonly aadObjectId: string;
  readonly name: string;
  readonly role: Role;
  /** the member organisation's name */
  readonly memberOrg: string | null;
};

export type InterventionDetail = InterventionHistory & {
  readonly intervention: Intervention;
  readonly budgetLines: readonly BudgetLine[];
  readonly requisitions: readonly Requisition[];
  readonly approvals: ReadonlyArray<Approval & { readonly votes: readonly Vote[] }>;
  readonly documents: readonly DocumentFile[];
  readonly agreements: readonly AgreementFile[];
  /** what the application lacks before it can be submitted (drafts only) */
  readonly applicationProblems: readonly string[];
  readonly nextTransitions: readonly NextTransition[];
  /** the roles held for this insats, by role (projektledare first) and then by name */
  readonly people: readonly InterventionPerson[];
  /** the owner organisation and the partners, with their names */
  readonly members: ReadonlyArray<{ readonly id: string; readonly name: string }>;
};

/** the order the insats's people are listed in: who runs it, who owns it, who steers it, who signs */
const PEOPLE_ROLE_ORDER: readonly Role[] = ['Projektledare', 'Projektägare', 'Styrgrupp', 'Firmatecknare'];

export async function getIntervention(deps: RegisterDeps, actor: Actor, id: string): Promise<InterventionDetail> {
  const intervention = await readVisibleIntervention(deps, actor, id);
  const [budgetLines, requisitions, approvals, documents, agreements, members, assignments] = await Promise.all([
    deps.repos.budgetLines.listByIntervention(intervention.id),
    deps.repos.requisitions.listByIntervention(intervention.id),
    deps.repos.approvals.listByIntervention(intervention.id),
    deps.repos.documents.listByIntervention(intervention.id),
    deps.repos.agreements.listByIntervention(intervention.id),
    deps.repos.members.list(),
    deps.repos.roleAssignments.list(),
  ]);
  const today = todayIn(deps.clock, deps.timeZone);
  const nameOf = namesFrom(assignments);
  const [withVotes, history] = await Promise.all([
    Promise.all(
      approvals.map(async (approval) => ({ ...approval, votes: await deps.repos.votes.listByApproval(approval.id) })),
    ),
    readInterventionHistory(deps, { intervention, approvals, requisitions, nameOf }),
  ]);
  const facts = transitionFactsFrom(intervention, { budgetLines, members, agreements, documents, requisitions }, today);
  return {
    intervention,
    budgetLines: [...budgetLines].sort((a, b) => a.year - b.year || a.category.localeCompare(b.category)),
    requisitions: [...requisitions].sort((a, b) => a.periodKey.localeCompare(b.periodKey)),
    approvals: withVotes,
    documents,
    agreements,
    applicationProblems: DRAFT_STAGES.includes(intervention.stage) ? facts.applicationProblems : [],
    nextTransitions: allowedTransitions(intervention, actor, facts),
    people: peopleOf(intervention.id, assignments, members, today),
    members: membersOf(intervention, members),
    ...history,
  };
}

/** the names RoleAssignments gives, current or not (an audit row may be older than a mandate) */
function namesFrom(assignments: readonly RoleAssignment[]): (aadObjectId: string) => string | null {
  const names = new Map<string, string>();
  for (const row of assignments) {
    names.set(row.aadObjectId.toLowerCase(), row.name);
  }
  return (aadObjectId) => names.get(aadObjectId.toLowerCase()) ?? null;
}

/** the rows scoped to this insats that count today (as for signing in: until ValidTo) */
function peopleOf(
  interventionId: string,
  assignments: readonly RoleAssignment[],
  members: readonly Member[],
  today: string,
): InterventionPerson[] {
  const orgName = new Map(members.map((member) => [member.id, member.name]));
  const rank = (role: Role): number => {
    const index = PEOPLE_ROLE_ORDER.indexOf(role);
    return index === -1 ? PEOPLE_ROLE_ORDER.length : index;
  };
  const seen = new Set<string>();
  return assignments
    .filter((row) => row.interventionId === interventionId && countsForSignIn(row, today))
    .filter((row) => {
      const key = `${row.aadObjectId.toLowerCase()}|${row.role}`;
      const fresh = !seen.has(key);
      seen.add(key);
      return fresh;
    })
    .map((row) => ({
      aadObjectId: row.aadObjectId,
      name: row.name,
      role: row.role,
      memberOrg: row.memberOrgId === null ? null : (orgName.get(row.memberOrgId) ?? null),
    }))
    .sort((a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name, 'sv'));
}

/** the owner first, then the partners in their order; ids no member has any more are left out */
function membersOf(
  intervention: Pick<Intervention, 'ownerOrgId' | 'partnerOrgIds'>,
  members: readonly Member[],
): Array<{ id: string; name: string }> {
  const byId = new Map(members.map((member) => [member.id, member]));
  const ids = [
    ...new Set([...(intervention.ownerOrgId === null ? [] : [intervention.ownerOrgId]), ...intervention.partnerOrgIds]),
  ];
  return ids.flatMap((id) => {
    const member = byId.get(id);
    return member === undefined ? [] : [{ id, name: member.name }];
  });
}
