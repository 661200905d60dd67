/**
 * Collects the rows the repositories skip as unreadable (onInvalidRow), so the anomaly sweep can
 * report them. Cleared before each full read of the register, so a row fixed in SharePoint
 * disappears from the report at the next read.
 */
import type { UnreadableRow } from '../../domain/anomalies/anomaly.ts';
import type { UnreadableRowLog } from '../../services/register/register-deps.ts';
import type { InvalidRowReporter } from '../../sharepoint/repositories/invalid-row.ts';

export type CollectingRowLog = UnreadableRowLog & { readonly report: InvalidRowReporter };

export function createUnreadableRowLog(): CollectingRowLog {
  const rows = new Map<string, UnreadableRow>();
  return {
    report: (listKey, itemId, issues) => {
      rows.set(`${listKey}:${itemId}`, { listKey, itemId, issues: [...issues] });
    },
    clear: () => rows.clear(),
    list: () => [...rows.values()],
  };
}
