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
import type { ApplicationDetails } from '../application/application-details.ts';
import type { BudgetLine } from '../entities/budget-line.ts';
import type { Intervention } from '../entities/intervention.ts';
import type { Member } from '../entities/member.ts';
import type { RoleAssignment } from '../entities/role-assignment.ts';
import type { DueRule } from '../invoicing/due-rule.ts';
import { BUDGET_CATEGORIES } from '../vocabulary.ts';
import { type AgreementDueDay, agreementDueDays } from './agreement-invoicing.ts';
import { forbundSignatoryOf, rolesInForce } from './agreement-people.ts';
import { agreementPreamble, agreementSections, identificationOf } from './agreement-sections.ts';

export type AgreementInput = {
  /** the förbund's name, e.g. `Samordningsförbundet Värend` (Settings `forbund.namn`) */
  readonly forbundName: string;
  readonly intervention: Intervention;
  readonly budgetLines: readonly BudgetLine[];
  /** every member organisation; the parties are the insats's OwnerOrg and PartnerOrgs */
  readonly members: readonly Member[];
  /**
   * role assignments in force: the insats's Projektledare, Projektägare and Styrgrupp, and the
   * Firmatecknare of its parties (by MemberOrg); the Förbundschef, when given, is named in the
   * förbund's signature block. Roles of other insatser and roles that have ended are ignored.
   */
  readonly roles: readonly RoleAssignment[];
  /** the due rule in force for the insats (its own or the förbund's) */
  readonly dueRule: DueRule;
  /** the day the draft is drawn up, `2027-01-15` */
  readonly today: string;
  /**
   * Settings `andring.grans-procent`: how much of a year's budget the förbundschef may move
   * between posts on delegation (src/domain/approvals/budget-change.ts); 10 when not given
   */
  readonly changeThresholdPercent?: number;
  /**
   * whether the insats answers the national indicator surveys (seed 003 §6.2: "regleras i
   * samarbetsavtalet"); when not given, they are agreed when the application's goals name
   * indicators (ApplicationDetails)
   */
  readonly indicatorSurveys?: boolean;
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

/** one line of a two-column list: `Diarienummer` – `SFV 2024/018` */
export type AgreementFact = { readonly label: string; readonly value: string };

export type AgreementTable = {
  /** a short title above the table */
  readonly caption?: string;
  readonly columns: readonly {
    readonly label: string;
    readonly align: 'left' | 'right';
    /** share of the width, relative to the other columns (1 when not given) */
    readonly weight?: number;
  }[];
  /** the cells, already written out (`680 000 kr`, `2027-04-30`) */
  readonly rows: readonly (readonly string[])[];
  /** a closing row set off as a sum */
  readonly totalRow?: readonly string[];
  /** a footnote under the table */
  readonly note?: string;
};

/** the running text of a section, in order */
export type AgreementBlock =
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'facts'; readonly rows: readonly AgreementFact[] }
  | { readonly kind: 'table'; readonly table: AgreementTable }
  /** where the signature blocks (`AgreementContent.signatureBlocks`) go */
  | { readonly kind: 'signatures' };

export type AgreementSection = {
  readonly heading: string;
  /** paragraphs of running text (the blocks' text, for a reader that wants only text) */
  readonly paragraphs: readonly string[];
  /** `4`, shown as `4. Ersättning och rekvirering` */
  readonly number?: string;
  /** the section as laid out: subheadings, paragraphs, lists, tables; `paragraphs` when absent */
  readonly blocks?: readonly AgreementBlock[];
};

/** a place to sign: one per party, the projektägare first, and the förbund last */
export type AgreementSignatureBlock = {
  readonly organisation: string;
  /** `Projektägare`, `Samverkanspart` or `Finansiär` */
  readonly role: string;
  /** the firmatecknare (or, for the förbund, the förbundschef) when known */
  readonly signatoryName: string | null;
  /** the signatory's title, when the application gives it */
  readonly signatoryTitle: string | null;
  /** the member organisation; null for the förbund */
  readonly memberId: string | null;
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
  /** the insats's name, under the title */
  readonly subtitle?: string;
  /** the facts box under the title: insats, kod, diarienummer, beslut, avtalstid, belopp */
  readonly identification?: readonly AgreementFact[];
  /** the paragraphs before section 1 */
  readonly preamble?: readonly string[];
  readonly signatureBlocks?: readonly AgreementSignatureBlock[];
  /** the invoice due days of the agreement's quarters, as the rule and the calendar give them */
  readonly dueDays?: readonly AgreementDueDay[];
  /** whether follow-up with the indicator surveys is agreed */
  readonly indicatorsAgreed?: boolean;
  /** the amount the board granted; null when not recorded */
  readonly grantedAmount?: number | null;
};

/** the parties, the projektägare first, each with its firmatecknare */
export function agreementParties(input: AgreementInput): AgreementParty[] {
  const { intervention } = input;
  const ids = [
    ...(intervention.ownerOrgId === null ? [] : [intervention.ownerOrgId]),
    ...intervention.partnerOrgIds.filter((id) => id !== intervention.ownerOrgId),
  ];
  const roles = rolesInForce(input.roles, input.today);
  return [...new Set(ids)].flatMap((id) => {
    const member = input.members.find((candidate) => candidate.id === id);
    if (member === undefined) {
      return [];
    }
    const signatory = roles.find((role) => role.role === 'Firmatecknare' && role.memberOrgId === id) ?? null;
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

/**
 * The budget as a table: one row per post that has money, in the vocabulary's order (Personal
 * first, as the application's budget template has them), one column per year.
 */
export function agreementBudget(budgetLines: readonly BudgetLine[]): {
  years: number[];
  rows: AgreementBudgetRow[];
  total: number;
} {
  const years = [...new Set(budgetLines.map((line) => line.year))].sort((a, b) => a - b);
  const order = (category: string): number => {
    const index = (BUDGET_CATEGORIES as readonly string[]).indexOf(category);
    return index === -1 ? BUDGET_CATEGORIES.length : index;
  };
  const categories = [...new Set(budgetLines.map((line) => line.category))].sort((a, b) => order(a) - order(b));
  const rows = categories
    .map((category) => {
      const amounts = years.map((year) =>
        budgetLines
          .filter((line) => line.category === category && line.year === year)
          .reduce((sum, line) => sum + line.amount, 0),
      );
      return { category, amounts, total: amounts.reduce((sum, amount) => sum + amount, 0) };
    })
    .filter((row) => row.total > 0);
  return { years, rows, total: rows.reduce((sum, row) => sum + row.total, 0) };
}

/** the signature blocks: each party in order, then the förbund, which signs last */
function signatureBlocksOf(
  input: AgreementInput,
  parties: readonly AgreementParty[],
  details: ApplicationDetails | null,
): AgreementSignatureBlock[] {
  const titleOf = (memberId: string, name: string | null): string | null => {
    const entry = details?.signatories.find((candidate) => candidate.memberOrgId === memberId);
    const same = entry?.name?.trim().toLocaleLowerCase('sv') === name?.trim().toLocaleLowerCase('sv');
    return name !== null && same ? entry?.title?.trim() || null : null;
  };
  return [
    ...parties.map((party) => ({
      organisation: party.name,
      role: party.projectOwner ? 'Projektägare' : 'Samverkanspart',
      signatoryName: party.signatory?.name ?? null,
      signatoryTitle: titleOf(party.memberId, party.signatory?.name ?? null),
      memberId: party.memberId,
    })),
    {
      organisation: input.forbundName,
      role: 'Finansiär',
      signatoryName: forbundSignatoryOf(input),
      signatoryTitle: forbundSignatoryOf(input) === null ? null : 'Förbundschef',
      memberId: null,
    },
  ];
}

/** the dates of the agreement: the insats's period, or the budget's whole years when it has none */
function periodForDueDays(input: AgreementInput, years: readonly number[]): [string | null, string | null] {
  const first = years[0];
  const last = years[years.length - 1];
  const from = input.intervention.startDate ?? (first === undefined ? null : `${first}-01-01`);
  const to = input.intervention.endDate ?? (last === undefined ? null : `${last}-12-31`);
  return [from, to];
}

/** whether the indicator surveys are agreed: the caller's word, else the application's goals */
export function indicatorsAgreedFor(input: AgreementInput): boolean {
  if (input.indicatorSurveys !== undefined) {
    return input.indicatorSurveys;
  }
  const goals = input.intervention.applicationDetails?.goals ?? [];
  return goals.some((goal) => goal.indicator !== null && goal.indicator.trim() !== '');
}

/** The agreement's content: every section of a samarbetsavtal, in Swedish, from the insats's data. */
export function buildAgreementContent(input: AgreementInput): AgreementContent {
  const { intervention } = input;
  const parties = agreementParties(input);
  const budget = agreementBudget(input.budgetLines);
  const details = intervention.applicationDetails ?? null;
  const [dueFrom, dueTo] = periodForDueDays(input, budget.years);
  const dueDays = agreementDueDays(dueFrom, dueTo, input.dueRule);
  const indicatorsAgreed = indicatorsAgreedFor(input);
  const facts = { input, parties, budget, dueDays, indicatorsAgreed };
  return {
    title: `Samarbetsavtal – ${intervention.title}`,
    code: intervention.code,
    diaryNumber: intervention.diaryNumber?.trim() || null,
    forbundName: input.forbundName,
    parties,
    validFrom: intervention.startDate,
    validTo: intervention.endDate,
    years: budget.years,
    budget: budget.rows,
    budgetTotal: budget.total,
    sections: agreementSections(facts),
    drawnUp: input.today,
    subtitle: intervention.title,
    identification: identificationOf(facts),
    preamble: agreementPreamble(facts),
    signatureBlocks: signatureBlocksOf(input, parties, details),
    dueDays,
    indicatorsAgreed,
    grantedAmount: intervention.grantedAmount,
  };
}
