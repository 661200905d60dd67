/**
 * What a samarbetsavtal says, as data: built from what Insatsnavet already knows of the insats
 * (seed 003 §4.1: the parties, projektägare and contact, a summary of the application, the money
 * per year and post and how it is invoiced, arbetsmiljöansvar, follow-up and evaluation, the
 * period, a signature block per party). Pure: the PDF renderer lays it out, tests read it.
 *
 * CONTRACT (issue 8): the signing workflow builds the input and calls buildAgreementContent; the
 * renderer (src/services/agreements/agreement-pdf.ts) turns the content into the PDF. Both sides
 * may extend these types additively.
 */
import type { BudgetLine } from '../entities/budget-line.ts';
import type { Intervention } from '../entities/intervention.ts';
import type { Member } from '../entities/member.ts';
import type { RoleAssignment } from '../entities/role-assignment.ts';
import type { DueRule } from '../invoicing/due-rule.ts';

export type AgreementInput = {
  /** the förbund's name, e.g. `Samordningsförbundet Värend` (Settings `forbund.namn`) */
  readonly forbundName: string;
  readonly intervention: Intervention;
  readonly budgetLines: readonly BudgetLine[];
  /** every member organisation; the parties are the insats's OwnerOrg and PartnerOrgs */
  readonly members: readonly Member[];
  /**
   * role assignments in force: the insats's Projektledare, Projektägare and Styrgrupp, and the
   * Firmatecknare of its parties (by MemberOrg)
   */
  readonly roles: readonly RoleAssignment[];
  /** the due rule in force for the insats (its own or the förbund's) */
  readonly dueRule: DueRule;
  /** the day the draft is drawn up, `2027-01-15` */
  readonly today: string;
};

export type AgreementParty = {
  readonly memberId: string;
  readonly name: string;
  readonly projectOwner: boolean;
  /** the firmatecknare who signs for the party, when one is registered */
  readonly signatory: { readonly name: string; readonly aadObjectId: string } | null;
};

export type AgreementBudgetRow = {
  readonly category: string;
  /** amount per year, in the order of `AgreementContent.years` */
  readonly amounts: readonly number[];
  readonly total: number;
};

export type AgreementSection = {
  readonly heading: string;
  /** paragraphs of running text */
  readonly paragraphs: readonly string[];
};

export type AgreementContent = {
  readonly title: string;
  readonly code: string;
  readonly diaryNumber: string | null;
  readonly forbundName: string;
  readonly parties: readonly AgreementParty[];
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly years: readonly number[];
  readonly budget: readonly AgreementBudgetRow[];
  readonly budgetTotal: number;
  /** the running text, in order (parter, bakgrund och syfte, …, giltighet) */
  readonly sections: readonly AgreementSection[];
  readonly drawnUp: string;
};

/** the parties, the projektägare first, each with its firmatecknare */
export function agreementParties(input: AgreementInput): AgreementParty[] {
  const { intervention } = input;
  const ids = [
    ...(intervention.ownerOrgId === null ? [] : [intervention.ownerOrgId]),
    ...intervention.partnerOrgIds.filter((id) => id !== intervention.ownerOrgId),
  ];
  return ids.flatMap((id) => {
    const member = input.members.find((candidate) => candidate.id === id);
    if (member === undefined) {
      return [];
    }
    const signatory = input.roles.find((role) => role.role === 'Firmatecknare' && role.memberOrgId === id) ?? null;
    return [
      {
        memberId: id,
        name: member.name,
        projectOwner: id === intervention.ownerOrgId,
        signatory: signatory === null ? null : { name: signatory.name, aadObjectId: signatory.aadObjectId },
      },
    ];
  });
}

/** the budget as a table: one row per post that has money, one column per year */
export function agreementBudget(budgetLines: readonly BudgetLine[]): {
  years: number[];
  rows: AgreementBudgetRow[];
  total: number;
} {
  const years = [...new Set(budgetLines.map((line) => line.year))].sort((a, b) => a - b);
  const categories = [...new Set(budgetLines.map((line) => line.category))];
  const rows = categories.map((category) => {
    const amounts = years.map((year) =>
      budgetLines
        .filter((line) => line.category === category && line.year === year)
        .reduce((sum, line) => sum + line.amount, 0),
    );
    return { category, amounts, total: amounts.reduce((sum, amount) => sum + amount, 0) };
  });
  return { years, rows, total: rows.reduce((sum, row) => sum + row.total, 0) };
}

/**
 * The agreement's content. (A first version: the sections are completed by the document work of
 * issue 8 — arbetsmiljöansvar, follow-up, evaluation, invoicing terms.)
 */
export function buildAgreementContent(input: AgreementInput): AgreementContent {
  const { intervention } = input;
  const parties = agreementParties(input);
  const budget = agreementBudget(input.budgetLines);
  const paragraphsOf = (...texts: Array<string | null>) => texts.filter((text): text is string => text !== null);
  return {
    title: `Samarbetsavtal – ${intervention.title}`,
    code: intervention.code,
    diaryNumber: intervention.diaryNumber,
    forbundName: input.forbundName,
    parties,
    validFrom: intervention.startDate,
    validTo: intervention.endDate,
    years: budget.years,
    budget: budget.rows,
    budgetTotal: budget.total,
    sections: [
      {
        heading: 'Parter',
        paragraphs: [`${input.forbundName} (finansiär) samt ${parties.map((party) => party.name).join(', ')}.`],
      },
      { heading: 'Syfte', paragraphs: paragraphsOf(intervention.purpose) },
      { heading: 'Mål', paragraphs: paragraphsOf(intervention.goals) },
      { heading: 'Målgrupp', paragraphs: paragraphsOf(intervention.targetGroup) },
      { heading: 'Metoder', paragraphs: paragraphsOf(intervention.methods) },
    ],
    drawnUp: input.today,
  };
}
