import type { AuditEntry, NewAuditEntry } from '../entities/audit-entry.ts';

/** The append-only audit log (list `AuditLog`): there is deliberately no update or delete. */
export interface AuditLogRepository {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** every entry about one entity, oldest first */
  listByEntity(entityId: string): Promise<AuditEntry[]>;
  /**
   * every entry about any of these entities, oldest first, in few requests (alternatives on the
   * indexed EntityId). Entity ids are per list: callers filter by `entityList`.
   */
  listByEntities(entityIds: readonly string[]): Promise<AuditEntry[]>;
  /** every entry at or after `at` (ISO instant), oldest first */
  listSince(at: string): Promise<AuditEntry[]>;
}
