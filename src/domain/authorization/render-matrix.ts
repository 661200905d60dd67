/**
 * The authorization matrix as the README's Markdown table, rendered from the data so the two
 * cannot disagree (a test compares them). The transitions' cells name the lifecycle rules
 * (B-numbers) the role's party may make, read from TRANSITION_RULES.
 */
import { TRANSITION_RULES } from '../lifecycle/transition-rules.ts';
import type { Role } from '../vocabulary.ts';
import {
  AUTHORIZATION_MATRIX,
  type Cell,
  type Column,
  type Condition,
  MATRIX_COLUMNS,
  NO_ROLE,
  PER_INSATS_COLUMNS,
} from './authorization-matrix.ts';
import { partiesOf } from './may.ts';

/** the lifecycle rules a role's party may make through the API, in table order, each id once */
export function transitionRulesOf(role: Role): string[] {
  const parties = partiesOf(role);
  const ids = TRANSITION_RULES.filter((rule) =>
    rule.ways.some((way) => way.via === 'api' && way.who.some((party) => parties.includes(party))),
  ).map((rule) => rule.id);
  return [...new Set(ids)];
}

function conditionText(condition: Condition, column: Column): string {
  switch (condition) {
    case 'egen-insats':
      return 'egen insats';
    case 'beslutande':
      return 'om beslutande i ärendet';
    case 'begarde':
      return 'om hen begärde det';
    case 'livscykeln':
      return column === NO_ROLE ? '' : transitionRulesOf(column).join(', ');
    case 'inte-registrerat':
      return 'inte den som registrerade';
    case 'inte-granskat':
      return 'inte den som granskade';
  }
}

/** `egen insats: B1, B2` or `inte den som registrerade, inte den som granskade` */
function alternativeText(alternative: readonly Condition[], column: Column): string {
  const [first, ...rest] = alternative.map((condition) => conditionText(condition, column));
  if (alternative[0] === 'egen-insats' && rest.length > 0) {
    return `${first}: ${rest.join(', ')}`;
  }
  return [first, ...rest].join(', ');
}

export function cellText(cell: Cell, column: Column): string {
  if (cell.length === 0) {
    return '–';
  }
  return cell
    .map((alternative) => (alternative.length === 0 ? 'ja' : alternativeText(alternative, column)))
    .join(' eller ');
}

function headerOf(column: Column): string {
  return PER_INSATS_COLUMNS.includes(column) ? `${column}*` : column;
}

/** the table: one row per action, one column per role, then where each action is asked for */
export function renderAuthorizationMatrix(): string {
  const header = ['Åtgärd (action)', ...MATRIX_COLUMNS.map(headerOf)];
  const rows = AUTHORIZATION_MATRIX.map((spec) => [
    `${spec.label} (*${spec.english}*)`,
    ...MATRIX_COLUMNS.map((column) => cellText(spec.cells[column], column)),
  ]);
  const table = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`);
  const where = AUTHORIZATION_MATRIX.map(
    (spec) =>
      `- *${spec.english}* (\`${spec.action}\`): ${spec.where}${spec.filters ? ' – filtrerar, nekar aldrig' : ''}.`,
  );
  return [...table, '', ...where].join('\n');
}
