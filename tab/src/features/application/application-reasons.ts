/**
 * Where each of the server's "what is missing" lines belongs in the form. The lines start with
 * the heading they concern (src/domain/application/validate-application.ts: "Syfte: rubriken är
 * inte ifylld", "Mål 2 (nyttomål): indikator saknas", "Budget: 2028 saknar budgetposter"), so
 * the form can offer a link to the field, and count what is left per part of the form. A line
 * the form does not recognise is still listed, just without a link.
 */
import { APPLICATION_TEXT_HEADINGS } from '../../../../src/domain/application/application-headings.ts';
import { BUDGET_CATEGORIES } from '../../../../src/domain/vocabulary.ts';

export const SECTION_KEYS = ['grund', 'syfte', 'mal', 'genomforande', 'budget', 'sokande', 'skicka'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

const TEXT_BY_LABEL = new Map<string, string>(
  APPLICATION_TEXT_HEADINGS.map((heading) => [heading.label, heading.field]),
);

const GOAL_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['beskrivning', 'text'],
  ['indikator', 'indicator'],
  ['kvinnor', 'targetWomen'],
  ['män', 'targetMen'],
  ['datum', 'date'],
];

const CRITERIA = ['applicantHasMandate', 'twoMembersSign', 'ownerAmongApplicants', 'individualPerspective'] as const;

/** the field path a missing-line points at, or null when the form cannot tell */
export function targetOfReason(reason: string, applicantNames: readonly string[]): string | null {
  const colon = reason.indexOf(': ');
  if (colon < 0) {
    return null;
  }
  const head = reason.slice(0, colon);
  const rest = reason.slice(colon + 2);
  const text = TEXT_BY_LABEL.get(head);
  if (text !== undefined && rest.startsWith('rubriken')) {
    return text;
  }
  const goal = /^Mål (\d+) \(/.exec(head);
  if (goal !== null) {
    const field = GOAL_FIELDS.find(([word]) => rest.includes(word))?.[1] ?? 'text';
    return `applicationDetails.goals.${Number(goal[1]) - 1}.${field}`;
  }
  switch (head) {
    case 'Typ av insats':
      return 'kind';
    case 'Period':
      return rest.includes('startdatum') ? 'startDate' : 'endDate';
    case 'Mål':
      return rest.includes('nyttomål') ? 'add.Nyttomål' : 'add.Insatsmål';
    case 'Målgrupp':
      return rest.includes('antal')
        ? 'applicationDetails.targetGroup.estimatedCount'
        : 'applicationDetails.targetGroup.criteria';
    case 'Budget': {
      const year = /\b(\d{4})\b/.exec(rest);
      return year === null ? 'budget' : `budget.${year[1]}.${BUDGET_CATEGORIES[0]}`;
    }
    case 'Sökande':
      return rest.includes('projektägare') ? 'ownerOrgId' : 'partnerOrgIds';
    case 'Undertecknare': {
      const index = applicantNames.findIndex((name) => rest.startsWith(`${name} `));
      return index < 0 ? 'signatories' : `applicationDetails.signatories.${index}.name`;
    }
    case 'Kriterier': {
      const number = /kriterium (\d)/.exec(rest);
      const key = number === null ? undefined : CRITERIA[Number(number[1]) - 1];
      return key === undefined
        ? 'applicationDetails.criteria.individualPerspectiveStatement'
        : `applicationDetails.criteria.${key}`;
    }
    default:
      return null;
  }
}

const GRUND = new Set([
  'title',
  'code',
  'kind',
  'ownerOrgId',
  'partnerOrgIds',
  'projectLeaderAadId',
  'startDate',
  'endDate',
]);
const SYFTE = new Set(['purpose', 'background']);
const GENOMFORANDE = new Set(['methods', 'staffing', 'anchoring', 'implementationPlan']);

/** the part of the form a field path is in */
export function sectionOfPath(path: string): SectionKey {
  if (GRUND.has(path)) {
    return 'grund';
  }
  if (SYFTE.has(path)) {
    return 'syfte';
  }
  if (GENOMFORANDE.has(path)) {
    return 'genomforande';
  }
  if (path.startsWith('budget')) {
    return 'budget';
  }
  if (path.startsWith('applicationDetails.signatories') || path.startsWith('signatories')) {
    return 'sokande';
  }
  if (path.startsWith('applicationDetails.criteria')) {
    return 'sokande';
  }
  return 'mal';
}

/** a DOM id for a field path (ids may not contain dots that CSS selectors would misread) */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, (character) => `_${character.codePointAt(0) ?? 0}_`)}`;
}

export function sectionId(section: SectionKey): string {
  return `del-${section}`;
}

/** moves focus to a field (or, failing that, to its part's heading) and brings it into view */
export function focusPath(path: string | null, fallback: SectionKey): void {
  const field = path === null ? null : document.getElementById(fieldId(path));
  const target = field ?? document.getElementById(sectionId(path === null ? fallback : sectionOfPath(path)));
  if (target === null) {
    return;
  }
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/** focuses the first field in the container that is marked invalid (after a refused save) */
export function focusFirstInvalid(container: HTMLElement | null): void {
  const invalid = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid !== null && invalid !== undefined) {
    invalid.focus();
    invalid.scrollIntoView({ block: 'center' });
  }
}
