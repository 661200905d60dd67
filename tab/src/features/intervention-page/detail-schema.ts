/**
 * GET /api/insatser/:id as the page parses it: the server's own schema, with the parts added for
 * the tab (people, members, audit, stageHistory) optional, so the page still opens against a
 * server from before they existed and shows those sections as empty.
 */
import type { z } from 'zod';
import { interventionDetailResponseSchema } from '../../api/contracts.ts';

export const insatsDetailSchema = interventionDetailResponseSchema.partial({
  people: true,
  members: true,
  audit: true,
  stageHistory: true,
});

export type InsatsDetail = z.infer<typeof insatsDetailSchema>;
export type Insats = InsatsDetail['insats'];
export type StageChange = NonNullable<InsatsDetail['stageHistory']>[number];
export type AuditRow = NonNullable<InsatsDetail['audit']>[number];
export type InsatsPerson = NonNullable<InsatsDetail['people']>[number];
