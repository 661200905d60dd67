/**
 * What the draft is drawn from (issue 8): the insats, its budget lines, the member organisations,
 * the roles it names (see namedInAgreement), the due rule in force for the insats (its own, else the förbund's —
 * as the sweep reconciles requisitions), the förbund's name and change threshold from Settings,
 * and today in the förbund's time zone. One read of each list.
 */
import type { AgreementInput } from '../../domain/agreements/agreement-content.ts';
import { parseChangeThreshold } from '../../domain/approvals/budget-change.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';
import { DUE_RULE_SETTING, effectiveDueRule, parseDueRule } from '../../domain/invoicing/due-rule.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';

/** Settings key of the förbund's name, and what it is called when the key is missing or empty */
export const FORBUND_NAME_SETTING = 'forbund.namn';
export const DEFAULT_FORBUND_NAME = 'Samordningsförbundet';

type InputDeps = Pick<ApprovalDeps, 'repos' | 'clock' | 'timeZone'>;

/**
 * The roles the agreement names. A firmatecknare signs now, so their mandate must be in force
 * today; the insats's own people (projektledare, projektägare, styrgrupp) are who the agreement
 * is about, and their roles typically begin on the insats's start date, after the signing — so
 * for them only a role that has already ended is left out.
 */
function namedInAgreement(role: RoleAssignment, today: string): boolean {
  const notEnded = role.validTo === null || role.validTo >= today;
  if (role.interventionId !== null) {
    return notEnded;
  }
  return notEnded && (role.validFrom === null || role.validFrom <= today);
}

export function forbundNameOf(settings: Readonly<Record<string, string>>): string {
  const name = settings[FORBUND_NAME_SETTING]?.trim() ?? '';
  return name === '' ? DEFAULT_FORBUND_NAME : name;
}

export async function gatherAgreementInput(deps: InputDeps, intervention: Intervention): Promise<AgreementInput> {
  const today = todayIn(deps.clock, deps.timeZone);
  const [budgetLines, members, roles, settings] = await Promise.all([
    deps.repos.budgetLines.listByIntervention(intervention.id),
    deps.repos.members.list(),
    deps.repos.roleAssignments.list(),
    deps.repos.settings.getAll(),
  ]);
  // the sweep's rule: the insats's own when readable, else the förbund's (else the default)
  const forbundRule = parseDueRule(settings[DUE_RULE_SETTING]).rule;
  return {
    forbundName: forbundNameOf(settings),
    intervention,
    budgetLines,
    members,
    roles: roles.filter((role) => namedInAgreement(role, today)),
    dueRule: effectiveDueRule(intervention, forbundRule).rule,
    today,
    changeThresholdPercent: parseChangeThreshold(settings).percent,
  };
}
