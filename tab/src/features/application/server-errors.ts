/**
 * The server's 400 answer (`details.fields`, one Swedish message per field path) placed on the
 * form's fields: the paths are the form's own, except the budget's `lines.<n>.amount` (a cell of
 * the grid) and a list's element (`partnerOrgIds.2`, shown on the list). A message whose field the
 * form does not show is returned apart, to be shown above the form instead.
 */
import type { ApiError } from '../../api/api-error.ts';
import { type BudgetLineInput, budgetPathOfLine } from './application-model.ts';
import { fieldId } from './application-reasons.ts';

export function placeFieldErrors(
  error: ApiError,
  sentLines: readonly BudgetLineInput[],
): { readonly fields: Record<string, string>; readonly unplaced: string[] } {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const placed = path.startsWith('lines.')
      ? budgetPathOfLine(path, sentLines)
      : path.startsWith('partnerOrgIds.')
        ? 'partnerOrgIds'
        : path;
    if (document.getElementById(fieldId(placed)) === null) {
      unplaced.push(message);
    } else {
      fields[placed] ??= message;
    }
  }
  return { fields, unplaced };
}
