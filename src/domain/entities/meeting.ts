import { z } from 'zod';
import { MEETING_BODIES } from '../vocabulary.ts';
import { isoDate, itemId, stored } from './common.ts';

/** A meeting of the styrelse, the beredningsgrupp or an insats's styrgrupp. */
export const newMeetingSchema = z.object({
  title: z.string().trim().min(1).max(255),
  body: z.enum(MEETING_BODIES),
  interventionId: itemId.nullable(),
  date: isoDate,
  papersDue: isoDate.nullable(),
});
export const meetingSchema = newMeetingSchema.extend(stored);
export type NewMeeting = z.infer<typeof newMeetingSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
