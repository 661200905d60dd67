import { z } from 'zod';
import { BUDGET_CATEGORIES, REQUISITION_STATUSES } from '../vocabulary.ts';
import { amountKr, isoDate, itemId, stored } from './common.ts';

/** `CODE-YYYY-Qn`, one per insats and calendar quarter. */
export const periodKey = z.string().regex(/^[A-ZÅÄÖ0-9]{2,12}-\d{4}-Q[1-4]$/, 'ska ha formen KOD-ÅÅÅÅ-Qn');

/** amount per budget category, as the invoice's specification */
export const specificationSchema = z.partialRecord(z.enum(BUDGET_CATEGORIES), amountKr);
export type Specification = z.infer<typeof specificationSchema>;

/** A quarterly requisition (invoice) expected from, or received from, an insats. */
export const newRequisitionSchema = z.object({
  interventionId: itemId,
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  periodKey,
  dueDate: isoDate,
  status: z.enum(REQUISITION_STATUSES),
  amount: amountKr.nullable(),
  specification: specificationSchema.nullable(),
  receivedDate: isoDate.nullable(),
  invoiceNumber: z.string().max(255).nullable(),
  /**
   * Set at registration when the invoice overdraws a budget post (what remains of the year's
   * budget per category): the ekonom must look at it. Optional so that rows and callers from
   * before the column existed stay valid; absent reads back as false / null.
   */
  overBudget: z.boolean().optional(),
  /** in Swedish, which posts are overdrawn and by how much */
  budgetWarning: z.string().max(5_000).nullable().optional(),
  /** why the ekonom or förbundschef sent the invoice back (status Avvisad) */
  rejectionReason: z.string().max(5_000).nullable().optional(),
});
export const requisitionSchema = newRequisitionSchema.extend(stored);
export type NewRequisition = z.infer<typeof newRequisitionSchema>;
export type Requisition = z.infer<typeof requisitionSchema>;
