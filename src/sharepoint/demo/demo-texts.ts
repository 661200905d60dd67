import type { NewIntervention } from '../../domain/entities/intervention.ts';

/** The ansökan headings of an insats (seed 003 §3.3), all filled in for the demo. */
export type ApplicationTexts = {
  readonly [K in
    | 'purpose'
    | 'background'
    | 'goals'
    | 'targetGroup'
    | 'methods'
    | 'staffing'
    | 'anchoring'
    | 'implementationPlan']: NonNullable<NewIntervention[K]>;
};
