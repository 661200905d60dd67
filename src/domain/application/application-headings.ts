/**
 * The headings of the application form (seed 003 §3.3) that are free text on the insats, with the
 * Swedish label each is shown and reported under.
 */
export const APPLICATION_TEXT_HEADINGS = [
  { field: 'purpose', label: 'Syfte' },
  { field: 'background', label: 'Bakgrund och behov' },
  { field: 'goals', label: 'Mål' },
  { field: 'targetGroup', label: 'Målgrupp' },
  { field: 'methods', label: 'Metoder' },
  { field: 'staffing', label: 'Resurser och bemanning' },
  { field: 'anchoring', label: 'Förankring' },
  { field: 'implementationPlan', label: 'Implementeringsplan' },
] as const;

export type ApplicationTextField = (typeof APPLICATION_TEXT_HEADINGS)[number]['field'];

/** headings that must have text of their own; Mål is met by the structured SMART goals instead */
export const REQUIRED_TEXT_HEADINGS = APPLICATION_TEXT_HEADINGS.filter((heading) => heading.field !== 'goals');
