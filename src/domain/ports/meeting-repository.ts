import type { Meeting, NewMeeting } from '../entities/meeting.ts';
import type { BulkResult } from './common.ts';

/** Meetings of the styrelse, beredningsgrupp and styrgrupper (list `Meetings`). */
export interface MeetingRepository {
  /** meetings dated from `from` to `to` (YYYY-MM-DD, both inclusive), earliest first */
  listBetween(from: string, to: string): Promise<Meeting[]>;
  create(meeting: NewMeeting): Promise<Meeting>;
  createMany(meetings: readonly NewMeeting[]): Promise<BulkResult<Meeting>>;
}
