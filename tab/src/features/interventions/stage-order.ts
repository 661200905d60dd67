/**
 * The stages in the order an insats lives them: the main path from idea to closure, and the ways
 * out of it (rejected, cancelled, withdrawn) after. Komplettering sits where it happens, after
 * Beredning. Used by the stage filter and by the insats page's timeline.
 */
import type { Stage } from '../../../../src/domain/vocabulary.ts';

/** the path a granted insats walks, in order */
export const MAIN_PATH: readonly Stage[] = [
  'Idé',
  'Ansökan',
  'Inkommen',
  'Beredning',
  'Förslag till styrelsen',
  'Beviljad',
  'Avtal',
  'Uppstart',
  'Pågående',
  'Avslutas',
  'Avslutad',
];

/** every stage in lifecycle order, for pick lists */
export const LIFECYCLE_ORDER: readonly Stage[] = [
  'Idé',
  'Ansökan',
  'Inkommen',
  'Beredning',
  'Komplettering',
  'Förslag till styrelsen',
  'Beviljad',
  'Avtal',
  'Uppstart',
  'Pågående',
  'Avslutas',
  'Avslutad',
  'Avslagen',
  'Avbruten',
  'Återtagen',
];

/** stages an insats ends in off the main path */
export const EXIT_STAGES: readonly Stage[] = ['Avslagen', 'Avbruten', 'Återtagen'];

/** a draft: the applicants may still edit the application */
export const DRAFT_STAGES: readonly Stage[] = ['Idé', 'Ansökan', 'Komplettering'];
