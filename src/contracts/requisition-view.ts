/**
 * The invoicing API's answers (GET /api/rekvisitioner, one requisition, a registration or a step):
 * pure zod schemas shared by the server, which parses every answer with them, and the tab.
 */
import { z } from 'zod';
import { specificationSchema } from '../domain/entities/requisition.ts';
import { REQUISITION_ACTIONS } from '../domain/invoicing/requisition-workflow.ts';
import { BUDGET_CATEGORIES, REQUISITION_STATUSES } from '../domain/vocabulary.ts';

export const budgetPositionSchema = z.object({
  category: z.enum(BUDGET_CATEGORIES),
  granted: z.number(),
  invoiced: z.number(),
  remaining: z.number(),
});

/** one requisition as the caller sees it (src/services/invoicing/requisition-view.ts) */
export const requisitionViewSchema = z.object({
  requisitionId: z.string(),
  etag: z.string(),
  periodKey: z.string(),
  interventionId: z.string(),
  code: z.string(),
  title: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  periodText: z.string(),
  dueDate: z.string(),
  status: z.enum(REQUISITION_STATUSES),
  amount: z.number().nullable(),
  specification: specificationSchema.nullable(),
  receivedDate: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  overBudget: z.boolean(),
  budgetWarning: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  budget: z.array(budgetPositionSchema),
  projectLeaderAadId: z.string().nullable(),
  viewerAadId: z.string(),
  viewerActions: z.array(z.enum(REQUISITION_ACTIONS)),
});

export const requisitionInboxSchema = z.object({ items: z.array(requisitionViewSchema) });
