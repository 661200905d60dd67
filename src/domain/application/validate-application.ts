/**
 * What an application lacks before it can be submitted (Ansökan → Inkommen): every heading of
 * seed 003 §3.3, SMART goals with target values for women and men, målgrupp, budget for each year
 * of the period, and the four criteria of seed 003 §2.1. One Swedish line per missing item,
 * starting with the heading, so the applicant can go straight to it. Empty when complete.
 */
import type { BudgetLine } from '../entities/budget-line.ts';
import type { Intervention } from '../entities/intervention.ts';
import type { Member } from '../entities/member.ts';
import { type ApplicationDetails, emptyApplicationDetails, type Goal } from './application-details.ts';
import { REQUIRED_TEXT_HEADINGS } from './application-headings.ts';

export type ApplicationUnderReview = {
  readonly intervention: Pick<
    Intervention,
    | 'kind'
    | 'ownerOrgId'
    | 'partnerOrgIds'
    | 'startDate'
    | 'endDate'
    | 'purpose'
    | 'background'
    | 'goals'
    | 'targetGroup'
    | 'methods'
    | 'staffing'
    | 'anchoring'
    | 'implementationPlan'
    | 'applicationDetails'
  >;
  readonly budgetLines: readonly Pick<BudgetLine, 'year' | 'amount'>[];
  readonly members: readonly Pick<Member, 'id' | 'name' | 'active'>[];
};

export function listApplicationProblems(application: ApplicationUnderReview): string[] {
  const { intervention } = application;
  const details = intervention.applicationDetails ?? emptyApplicationDetails();
  return [
    ...REQUIRED_TEXT_HEADINGS.filter((heading) => isBlank(intervention[heading.field])).map(
      (heading) => `${heading.label}: rubriken är inte ifylld`,
    ),
    ...(intervention.kind === null ? ['Typ av insats: välj Strukturell eller Individinriktad'] : []),
    ...periodProblems(intervention.startDate, intervention.endDate),
    ...goalProblems(details.goals),
    ...targetGroupProblems(details),
    ...budgetProblems(intervention.startDate, intervention.endDate, application.budgetLines),
    ...applicantProblems(application, details),
    ...criteriaProblems(details),
  ];
}

function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

function periodProblems(start: string | null, end: string | null): string[] {
  const problems: string[] = [];
  if (start === null) {
    problems.push('Period: startdatum saknas');
  }
  if (end === null) {
    problems.push('Period: slutdatum saknas');
  }
  if (start !== null && end !== null && end <= start) {
    problems.push('Period: slutdatum måste vara efter startdatum');
  }
  return problems;
}

function goalProblems(goals: readonly Goal[]): string[] {
  const problems: string[] = [];
  if (!goals.some((goal) => goal.kind === 'Insatsmål')) {
    problems.push('Mål: minst ett insatsmål behövs');
  }
  if (!goals.some((goal) => goal.kind === 'Nyttomål')) {
    problems.push('Mål: minst ett nyttomål behövs');
  }
  goals.forEach((goal, index) => {
    const name = `Mål ${index + 1} (${goal.kind.toLowerCase()})`;
    if (isBlank(goal.text)) {
      problems.push(`${name}: beskrivning saknas`);
    }
    if (isBlank(goal.indicator)) {
      problems.push(`${name}: indikator saknas`);
    }
    if (goal.targetWomen === null) {
      problems.push(`${name}: målvärde för kvinnor saknas`);
    }
    if (goal.targetMen === null) {
      problems.push(`${name}: målvärde för män saknas`);
    }
    if (goal.date === null) {
      problems.push(`${name}: datum saknas`);
    }
  });
  return problems;
}

function targetGroupProblems(details: ApplicationDetails): string[] {
  const problems: string[] = [];
  if (isBlank(details.targetGroup.criteria)) {
    problems.push('Målgrupp: kriterier saknas');
  }
  if (details.targetGroup.estimatedCount === null || details.targetGroup.estimatedCount <= 0) {
    problems.push('Målgrupp: uppskattat antal saknas');
  }
  return problems;
}

function budgetProblems(
  start: string | null,
  end: string | null,
  lines: readonly Pick<BudgetLine, 'year' | 'amount'>[],
): string[] {
  const problems: string[] = [];
  if (start !== null && end !== null && end > start) {
    for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year += 1) {
      if (!lines.some((line) => line.year === year && line.amount > 0)) {
        problems.push(`Budget: ${year} saknar budgetposter`);
      }
    }
  }
  if (lines.reduce((sum, line) => sum + line.amount, 0) <= 0) {
    problems.push('Budget: summan måste vara större än 0 kr');
  }
  return problems;
}

function applicantProblems(application: ApplicationUnderReview, details: ApplicationDetails): string[] {
  const { intervention, members } = application;
  const problems: string[] = [];
  if (intervention.ownerOrgId === null) {
    problems.push('Sökande: projektägare (organisation) saknas');
  }
  const applicants = [
    ...new Set([...(intervention.ownerOrgId === null ? [] : [intervention.ownerOrgId]), ...intervention.partnerOrgIds]),
  ];
  let activeMembers = 0;
  for (const orgId of applicants) {
    const member = members.find((candidate) => candidate.id === orgId);
    if (member === undefined) {
      problems.push(`Sökande: organisation ${orgId} finns inte bland förbundets medlemmar`);
      continue;
    }
    if (!member.active) {
      problems.push(`Sökande: ${member.name} är inte en aktiv medlem`);
      continue;
    }
    activeMembers += 1;
    const signatory = details.signatories.find((candidate) => candidate.memberOrgId === orgId);
    if (signatory === undefined || isBlank(signatory.name) || isBlank(signatory.title)) {
      problems.push(`Undertecknare: ${member.name} saknar undertecknare (namn och befattning)`);
    }
  }
  if (activeMembers < 2) {
    problems.push('Sökande: minst två av förbundets medlemmar måste stå bakom ansökan');
  }
  return problems;
}

const CRITERIA = [
  ['applicantHasMandate', 'kriterium 1 (den sökande är anställd hos en medlem och har mandat att företräda den)'],
  ['twoMembersSign', 'kriterium 2 (minst två medlemmar undertecknar och deltar aktivt)'],
  ['ownerAmongApplicants', 'kriterium 3 (en av parterna är projektägare)'],
  ['individualPerspective', 'kriterium 4 (idén utgår från individens perspektiv)'],
] as const;

function criteriaProblems(details: ApplicationDetails): string[] {
  const problems = CRITERIA.filter(([key]) => !details.criteria[key]).map(
    ([, label]) => `Kriterier: ${label} är inte bekräftat`,
  );
  if (isBlank(details.criteria.individualPerspectiveStatement)) {
    problems.push('Kriterier: beskriv hur idén utgår från individens perspektiv');
  }
  return problems;
}
