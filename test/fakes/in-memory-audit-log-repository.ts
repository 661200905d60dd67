import { type AuditEntry, type NewAuditEntry, newAuditEntrySchema } from '../../src/domain/entities/audit-entry.ts';
import type { AuditLogRepository } from '../../src/domain/ports/audit-log-repository.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryAuditLogRepository implements AuditLogRepository {
  readonly table = new InMemoryTable<NewAuditEntry>({
    name: 'AuditLog',
    newSchema: newAuditEntrySchema,
    patchSchema: newAuditEntrySchema.partial(),
  });

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.table.insert(entry);
  }

  async listByEntity(entityId: string): Promise<AuditEntry[]> {
    return chronological(this.table.where((row) => row.entityId === entityId));
  }

  async listByEntities(entityIds: readonly string[]): Promise<AuditEntry[]> {
    const wanted = new Set(entityIds);
    return chronological(this.table.where((row) => wanted.has(row.entityId)));
  }

  async listSince(at: string): Promise<AuditEntry[]> {
    const limit = Date.parse(at);
    return chronological(this.table.where((row) => Date.parse(row.at) >= limit));
  }
}

function chronological(entries: AuditEntry[]): AuditEntry[] {
  return entries.sort((a, b) => a.at.localeCompare(b.at) || Number(a.id) - Number(b.id));
}
