import { type Meeting, type NewMeeting, newMeetingSchema } from '../../src/domain/entities/meeting.ts';
import type { BulkResult } from '../../src/domain/ports/common.ts';
import type { MeetingRepository } from '../../src/domain/ports/meeting-repository.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryMeetingRepository implements MeetingRepository {
  readonly table = new InMemoryTable<NewMeeting>({
    name: 'Meetings',
    newSchema: newMeetingSchema,
    patchSchema: newMeetingSchema.partial(),
  });

  async listBetween(from: string, to: string): Promise<Meeting[]> {
    return this.table
      .where((row) => row.date >= from && row.date <= to)
      .sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id));
  }

  async create(meeting: NewMeeting): Promise<Meeting> {
    return this.table.insert(meeting);
  }

  async createMany(meetings: readonly NewMeeting[]): Promise<BulkResult<Meeting>> {
    return this.table.insertMany(meetings);
  }
}
