/**
 * The last line of the personal-data guard (DESIGN.md §1): whatever use case writes a list item,
 * no text column may carry a Swedish personnummer or samordningsnummer. The API and the bot
 * check their inputs first with per-field messages; this check makes sure a path that forgot to
 * (or a future one) still stores nothing, and names the column by its Swedish display name.
 */
import { assertNoPersonalIdentityNumbers } from '../../domain/personal-data/free-text.ts';
import { type ListKey, listSpec } from '../schema.ts';

/**
 * Columns the app fills itself from machine data (Bot Framework references, outbox payloads,
 * Graph errors) rather than from what a person typed; the audit log only repeats writes that
 * were already checked, and refusing it after the write it records would lose the trail.
 */
const MACHINE_COLUMNS: Partial<Record<ListKey, readonly string[] | 'all'>> = {
  Conversations: ['Reference'],
  Notifications: ['Payload', 'LastError', 'ActivityId', 'ConversationId'],
  AuditLog: 'all',
};

/** SharePoint's own text columns: the item title and a library file's name */
const BUILT_IN_LABELS: Readonly<Record<string, string>> = { Title: 'Rubrik', FileLeafRef: 'Filnamn' };

export function guardPersonalData(listKey: ListKey, fields: Readonly<Record<string, unknown>>): void {
  const machine = MACHINE_COLUMNS[listKey];
  if (machine === 'all') {
    return;
  }
  const spec = listSpec(listKey);
  const texts: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string' || machine?.includes(name) === true) {
      continue;
    }
    const column = spec.columns.find((candidate) => candidate.name === name);
    const builtIn = BUILT_IN_LABELS[name];
    if (builtIn === undefined && column?.type !== 'text') {
      continue;
    }
    texts[name] = value;
    labels[name] = name === 'Title' ? (spec.titleDisplayName ?? 'Rubrik') : (column?.displayName ?? builtIn ?? name);
  }
  assertNoPersonalIdentityNumbers(texts, labels);
}
