import { type Meeting, meetingSchema, type NewMeeting, newMeetingSchema } from '../../domain/entities/meeting.ts';
import type { BulkResult } from '../../domain/ports/common.ts';
import type { MeetingRepository } from '../../domain/ports/meeting-repository.ts';
import { dateOnlyColumn, lookupColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter } from './odata-filter.ts';

const meetingFields: FieldMap<NewMeeting> = {
  title: textColumn('Title'),
  body: textColumn('Body'),
  interventionId: lookupColumn('Intervention'),
  date: dateOnlyColumn('Date'),
  papersDue: dateOnlyColumn('PapersDue'),
};

/** Meetings (Sammanträden): read by a range on the indexed Date. */
export class SharePointMeetingRepository implements MeetingRepository {
  private readonly table: ListTable<NewMeeting, Meeting>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: meetingFields,
      schema: meetingSchema,
      newSchema: newMeetingSchema,
      patchSchema: newMeetingSchema.partial(),
    });
  }

  async listBetween(from: string, to: string): Promise<Meeting[]> {
    const rows = await this.table.query({ filter: filter.and(filter.dateGe('Date', from), filter.dateLe('Date', to)) });
    return rows.sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id));
  }

  create(meeting: NewMeeting): Promise<Meeting> {
    return this.table.create(meeting);
  }

  createMany(meetings: readonly NewMeeting[]): Promise<BulkResult<Meeting>> {
    return this.table.createMany(meetings);
  }
}
