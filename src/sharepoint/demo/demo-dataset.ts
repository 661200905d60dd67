import type { NewBudgetLine } from '../../domain/entities/budget-line.ts';
import type { NewIntervention } from '../../domain/entities/intervention.ts';
import type { NewMeeting } from '../../domain/entities/meeting.ts';
import type { NewMember } from '../../domain/entities/member.ts';
import type { NewRequisition } from '../../domain/entities/requisition.ts';
import type { NewRoleAssignment } from '../../domain/entities/role-assignment.ts';
import type { BudgetCategory } from '../../domain/vocabulary.ts';
import { DEMO_GOVERNANCE } from './demo-governance.ts';
import { budgetTotal, DEMO_INTERVENTIONS } from './demo-interventions.ts';
import { DEMO_MEETINGS } from './demo-meetings.ts';
import { DEMO_MEMBERS, type MemberKey } from './demo-members.ts';
import { demoPerson, type PersonKey } from './demo-people.ts';
import { demoRequisitions } from './demo-requisitions.ts';

/**
 * The demo as the domain's New* rows. Lookups need SharePoint ids, which exist only once the
 * referenced rows are created, so each builder takes the ids resolved so far.
 */
export type MemberIds = ReadonlyMap<MemberKey, string>;
/** insats code → item id */
export type InterventionIds = ReadonlyMap<string, string>;

export function demoMemberRows(): NewMember[] {
  return DEMO_MEMBERS.map((entry) => ({ ...entry.member }));
}

export function demoInterventionRows(memberIds: MemberIds): NewIntervention[] {
  return DEMO_INTERVENTIONS.map((intervention) => ({
    title: intervention.title,
    code: intervention.code,
    kind: intervention.kind,
    stage: intervention.stage,
    ownerOrgId: idOf(memberIds, intervention.owner),
    partnerOrgIds: intervention.partners.map((key) => idOf(memberIds, key)),
    projectLeaderAadId: demoPerson(intervention.projectLeader).aadObjectId,
    startDate: intervention.startDate,
    endDate: intervention.endDate,
    grantedAmount: intervention.decision === null ? null : budgetTotal(intervention.budget),
    decisionDate: intervention.decision?.date ?? null,
    decisionRef: intervention.decision?.ref ?? null,
    diaryNumber: intervention.diaryNumber,
    followUpRegistered: intervention.followUpRegistered,
    ...intervention.texts,
  }));
}

export function demoRoleAssignmentRows(memberIds: MemberIds, interventionIds: InterventionIds): NewRoleAssignment[] {
  const rows: NewRoleAssignment[] = DEMO_GOVERNANCE.map((entry) =>
    assignment(
      entry.person,
      entry.role,
      entry.member === null ? null : idOf(memberIds, entry.member),
      null,
      entry.validFrom,
    ),
  );
  for (const intervention of DEMO_INTERVENTIONS) {
    const interventionId = idOf(interventionIds, intervention.code);
    // roles in an application apply from when it is granted; until then they are proposals
    const from = intervention.decision === null ? null : intervention.startDate;
    const orgOf = (person: PersonKey): string | null => {
      const org = demoPerson(person).org;
      return org === 'KANSLI' ? null : idOf(memberIds, org);
    };
    rows.push(
      assignment(intervention.projectLeader, 'Projektledare', orgOf(intervention.projectLeader), interventionId, from),
    );
    rows.push(
      assignment(intervention.projectOwner, 'Projektägare', idOf(memberIds, intervention.owner), interventionId, from),
    );
    for (const member of intervention.steeringGroup) {
      rows.push(assignment(member, 'Styrgrupp', orgOf(member), interventionId, from));
    }
  }
  return rows;
}

export function demoBudgetLineRows(interventionIds: InterventionIds): NewBudgetLine[] {
  return DEMO_INTERVENTIONS.flatMap((intervention) =>
    Object.entries(intervention.budget).flatMap(([year, posts]) =>
      Object.entries(posts).map(
        ([category, amount]): NewBudgetLine => ({
          interventionId: idOf(interventionIds, intervention.code),
          year: Number(year),
          category: category as BudgetCategory,
          amount: amount ?? 0,
        }),
      ),
    ),
  );
}

export function demoRequisitionRows(interventionIds: InterventionIds): NewRequisition[] {
  return demoRequisitions().map(({ code, ...requisition }) => ({
    ...requisition,
    interventionId: idOf(interventionIds, code),
  }));
}

export function demoMeetingRows(interventionIds: InterventionIds): NewMeeting[] {
  return DEMO_MEETINGS.map(({ code, ...meeting }) => ({
    ...meeting,
    interventionId: code === null ? null : idOf(interventionIds, code),
  }));
}

function assignment(
  person: PersonKey,
  role: NewRoleAssignment['role'],
  memberOrgId: string | null,
  interventionId: string | null,
  validFrom: string | null,
): NewRoleAssignment {
  const who = demoPerson(person);
  return {
    name: who.displayName,
    aadObjectId: who.aadObjectId,
    email: who.email,
    role,
    memberOrgId,
    interventionId,
    validFrom,
    validTo: null,
  };
}

function idOf<K>(ids: ReadonlyMap<K, string>, key: K): string {
  const id = ids.get(key);
  if (id === undefined) {
    throw new Error(`demo data: no id resolved for ${String(key)}`);
  }
  return id;
}
