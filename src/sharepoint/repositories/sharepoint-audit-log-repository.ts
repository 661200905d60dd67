import {
  type AuditEntry,
  auditEntrySchema,
  type NewAuditEntry,
  newAuditEntrySchema,
} from '../../domain/entities/audit-entry.ts';
import type { AuditLogRepository } from '../../domain/ports/audit-log-repository.ts';
import type { GraphBatchRequest } from '../graph/graph-client.ts';
import { instantColumn, jsonColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter } from './odata-filter.ts';

const auditEntryFields: FieldMap<NewAuditEntry> = {
  at: instantColumn('At'),
  actorAadId: textColumn('ActorAadId'),
  action: textColumn('Action'),
  entityList: textColumn('EntityList'),
  entityId: textColumn('EntityId'),
  details: jsonColumn('Details'),
};

/**
 * Entity ids or-ed into one `$filter`: short enough for any URL limit on the way (20 × ~40
 * encoded characters), and an insats with its approvals and a few years of quarters fits in two.
 */
const ENTITIES_PER_QUERY = 20;

/** AuditLog (Händelselogg): append-only, so this adapter has no update or delete. */
export class SharePointAuditLogRepository implements AuditLogRepository {
  private readonly table: ListTable<NewAuditEntry, AuditEntry>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: auditEntryFields,
      schema: auditEntrySchema,
      newSchema: newAuditEntrySchema,
      patchSchema: newAuditEntrySchema.partial(),
      titleOf: (entry) => `${entry.action} ${entry.entityList} ${entry.entityId}`.slice(0, 255),
    });
  }

  append(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.table.create(entry);
  }

  /** the append as a request in another repository's `$batch` */
  appendRequest(entry: NewAuditEntry, id: string, dependsOn?: readonly string[]): GraphBatchRequest {
    return this.table.createRequest(entry, id, dependsOn);
  }

  async listByEntity(entityId: string): Promise<AuditEntry[]> {
    return chronological(await this.table.query({ filter: filter.eq('EntityId', entityId) }));
  }

  async listByEntities(entityIds: readonly string[]): Promise<AuditEntry[]> {
    const ids = [...new Set(entityIds)];
    const chunks: string[][] = [];
    for (let start = 0; start < ids.length; start += ENTITIES_PER_QUERY) {
      chunks.push(ids.slice(start, start + ENTITIES_PER_QUERY));
    }
    // one query per chunk, all at once: alternatives on the one indexed column, as listByStages does
    const pages = await Promise.all(
      chunks.map((chunk) => this.table.query({ filter: filter.or(...chunk.map((id) => filter.eq('EntityId', id))) })),
    );
    return chronological(pages.flat());
  }

  async listSince(at: string): Promise<AuditEntry[]> {
    return chronological(await this.table.query({ filter: filter.ge('At', at) }));
  }
}

/** sorted here rather than by $orderby, so one filter column per query is all SharePoint must index */
function chronological(entries: AuditEntry[]): AuditEntry[] {
  return entries.sort((a, b) => a.at.localeCompare(b.at) || Number(a.id) - Number(b.id));
}
