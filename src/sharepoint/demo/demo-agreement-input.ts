/**
 * The samarbetsavtal input of a demo insats, straight from the demo data modules — no SharePoint:
 * members, the insats, its budget and every role get the ids they would get when seeded in order
 * (1, 2, 3, …). Used by scripts/render-agreement-sample.ts and the agreement tests.
 */
import type { AgreementInput } from '../../domain/agreements/agreement-content.ts';
import type { BudgetLine } from '../../domain/entities/budget-line.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Member } from '../../domain/entities/member.ts';
import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';
import { DEFAULT_DUE_RULE } from '../../domain/invoicing/due-rule.ts';
import { demoBudgetLineRows, demoInterventionRows, demoMemberRows, demoRoleAssignmentRows } from './demo-dataset.ts';
import { DEMO_FORBUND } from './demo-documents.ts';
import { DEMO_INTERVENTIONS } from './demo-interventions.ts';
import { DEMO_MEMBERS } from './demo-members.ts';

const stored = <T>(row: T, index: number): T & { id: string; etag: string } => ({
  ...row,
  id: String(index + 1),
  etag: `"demo,${index + 1}"`,
});

/** every demo entity with the ids a fresh seed gives them */
export function demoEntities(): {
  members: Member[];
  interventions: Intervention[];
  budgetLines: BudgetLine[];
  roles: RoleAssignment[];
} {
  const memberIds = new Map(DEMO_MEMBERS.map((member, index) => [member.key, String(index + 1)]));
  const interventionIds = new Map(DEMO_INTERVENTIONS.map((entry, index) => [entry.code, String(index + 1)]));
  return {
    members: demoMemberRows().map(stored),
    interventions: demoInterventionRows(memberIds).map(stored),
    budgetLines: demoBudgetLineRows(interventionIds).map(stored),
    roles: demoRoleAssignmentRows(memberIds, interventionIds).map(stored),
  };
}

/** the agreement input of one demo insats (`NOVA`, `SAMUTB`, …), drawn up on `today` */
export function demoAgreementInput(code: string, today: string): AgreementInput {
  const entities = demoEntities();
  const intervention = entities.interventions.find((candidate) => candidate.code === code);
  if (intervention === undefined) {
    throw new Error(`no demo insats ${code}`);
  }
  return {
    forbundName: DEMO_FORBUND,
    intervention,
    budgetLines: entities.budgetLines.filter((line) => line.interventionId === intervention.id),
    members: entities.members,
    roles: entities.roles,
    dueRule: DEFAULT_DUE_RULE,
    today,
  };
}
