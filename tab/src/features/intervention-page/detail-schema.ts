/** GET /api/insatser/:id as the page parses it (the server's own schema) and its parts' types. */
import type { z } from 'zod';
import { interventionDetailResponseSchema } from '../../api/contracts.ts';

export const insatsDetailSchema = interventionDetailResponseSchema;

export type InsatsDetail = z.infer<typeof insatsDetailSchema>;
export type Insats = InsatsDetail['insats'];
export type StageChange = InsatsDetail['stageHistory'][number];
export type AuditRow = InsatsDetail['audit'][number];
export type InsatsPerson = InsatsDetail['people'][number];
