/**
 * Replaces the budget applied for (per year and budget post) while the application is a draft.
 * The new lines are checked as a whole before the old ones are removed.
 */
import type { BudgetLine } from '../../domain/entities/budget-line.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { BudgetCategory } from '../../domain/vocabulary.ts';
import { readVisibleIntervention } from './access.ts';
import { appendAudit } from './audit.ts';
import { assertMayEditApplication } from './draft-fields.ts';
import type { RegisterDeps } from './register-deps.ts';

export type BudgetLineInput = { readonly year: number; readonly category: BudgetCategory; readonly amount: number };

export async function replaceBudget(
  deps: RegisterDeps,
  actor: Actor,
  interventionId: string,
  lines: readonly BudgetLineInput[],
): Promise<BudgetLine[]> {
  const intervention = await readVisibleIntervention(deps, actor, interventionId, 'andra-utkast');
  await assertMayEditApplication(deps, actor, intervention, 'budgeten');
  const existing = await deps.repos.budgetLines.listByIntervention(intervention.id);
  for (const line of existing) {
    await deps.repos.budgetLines.delete(line.id);
  }
  const results = await deps.repos.budgetLines.createMany(
    lines.map((line) => ({ ...line, interventionId: intervention.id })),
  );
  const created: BudgetLine[] = [];
  for (const result of results) {
    if (!result.ok) {
      throw result.error;
    }
    created.push(result.value);
  }
  await appendAudit(deps, actor, 'insats.budget', intervention.id, {
    changed: ['budget'],
    before: existing.reduce((sum, line) => sum + line.amount, 0),
    after: created.reduce((sum, line) => sum + line.amount, 0),
    lines: created.length,
  });
  return created.sort((a, b) => a.year - b.year || a.category.localeCompare(b.category));
}
