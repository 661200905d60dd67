import { z } from 'zod';
import { BUDGET_CATEGORIES } from '../vocabulary.ts';
import { amountKr, itemId, stored } from './common.ts';

/** Granted money for one insats, one year and one budget post. */
export const newBudgetLineSchema = z.object({
  interventionId: itemId,
  year: z.number().int().min(2000).max(2100),
  category: z.enum(BUDGET_CATEGORIES),
  amount: amountKr,
});
export const budgetLineSchema = newBudgetLineSchema.extend(stored);
export type NewBudgetLine = z.infer<typeof newBudgetLineSchema>;
export type BudgetLine = z.infer<typeof budgetLineSchema>;
