/**
 * The fieldValueSet of a list item as Graph returns it: stored column values plus the computed
 * SharePoint fields (id, ContentType, Created, Modified, _UIVersionString, …). An empty value is
 * absent, never null. Single lookups come back as `<Name>LookupId: "7"` (a string); multi-value
 * lookups as `<Name>: [{LookupId, LookupValue}]`.
 */
import type { ColumnRecord } from '../columns/definition.ts';
import { listByGuid } from '../store/catalog.ts';
import { type ItemRow, itemETag, parseFields, type StoredFields } from '../store/items.ts';
import type { Db } from '../store/sqlite.ts';

/** column seq → item id → lookup value text */
export type LookupValues = Map<number, Map<number, string>>;

/** what a library's list item shows about its file or folder */
export type LibraryInfo = {
  readonly name: string;
  readonly isFolder: boolean;
  readonly size: number;
  readonly files: number;
  readonly folders: number;
};

const LOCAL_USER_LOOKUP_ID = '1';

function lookupText(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'string' ? value : String(value);
}

/** Reads the lookup values the given items point at, one query per lookup column. */
export function collectLookupValues(db: Db, columns: readonly ColumnRecord[], rows: readonly ItemRow[]): LookupValues {
  const values: LookupValues = new Map();
  const parsed = rows.map(parseFields);
  for (const column of columns) {
    const lookup = column.definition.lookup;
    if (lookup === undefined) {
      continue;
    }
    const ids = new Set<number>();
    for (const fields of parsed) {
      const value = fields[column.name];
      if (Array.isArray(value)) {
        for (const id of value) {
          ids.add(id);
        }
      } else if (typeof value === 'number') {
        ids.add(value);
      }
    }
    const texts = new Map<number, string>();
    const target = listByGuid(db, lookup.listId);
    if (target !== undefined && ids.size > 0) {
      const idList = [...ids];
      for (let start = 0; start < idList.length; start += 500) {
        const chunk = idList.slice(start, start + 500);
        const rowsOfTarget = db
          .prepare(
            `SELECT item_id AS itemId, created, modified, fields FROM items WHERE list_seq = ? AND item_id IN (${chunk.map(() => '?').join(',')})`,
          )
          .all(target.seq, ...chunk) as { itemId: number; created: string; modified: string; fields: string }[];
        for (const row of rowsOfTarget) {
          const fields = JSON.parse(row.fields) as StoredFields;
          const shown =
            lookup.columnName === 'ID'
              ? String(row.itemId)
              : lookup.columnName === 'Created'
                ? row.created
                : lookup.columnName === 'Modified'
                  ? row.modified
                  : lookupText(fields[lookup.columnName]);
          texts.set(row.itemId, shown);
        }
      }
    }
    values.set(column.seq, texts);
  }
  return values;
}

export function renderFields(
  columns: readonly ColumnRecord[],
  row: ItemRow,
  lookups: LookupValues,
  library: LibraryInfo | undefined,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const stored = parseFields(row);
  const all: Record<string, unknown> = {};
  const etag = itemETag(row);
  all['@odata.etag'] = etag;
  /** names that only appear when a client selects them (a single lookup's display value) */
  const selectOnly: Record<string, unknown> = {};
  if (library !== undefined) {
    all.FileLeafRef = library.name;
  }
  if (stored.Title !== undefined) {
    all.Title = stored.Title;
  }
  for (const column of columns) {
    if (column.kind !== 'user') {
      continue;
    }
    const value = stored[column.name];
    if (value === undefined) {
      continue;
    }
    const lookup = column.definition.lookup;
    if (lookup === undefined) {
      all[column.name] = value;
      continue;
    }
    const texts = lookups.get(column.seq);
    if (lookup.allowMultipleValues && Array.isArray(value)) {
      all[column.name] = value.map((id) => ({ LookupId: id, LookupValue: texts?.get(id) ?? '' }));
    } else if (typeof value === 'number') {
      all[`${column.name}LookupId`] = String(value);
      selectOnly[column.name] = texts?.get(value) ?? '';
    }
  }
  all.id = String(row.itemId);
  all.ContentType = row.contentType;
  all.Modified = row.modified;
  all.Created = row.created;
  all.AuthorLookupId = LOCAL_USER_LOOKUP_ID;
  all.EditorLookupId = LOCAL_USER_LOOKUP_ID;
  all._UIVersionString = `${row.version}.0`;
  if (library === undefined) {
    all.Attachments = false;
    all.Edit = '';
    all.LinkTitleNoMenu = stored.Title ?? '';
    all.LinkTitle = stored.Title ?? '';
  } else {
    all._CheckinComment = '';
    all.LinkFilenameNoMenu = library.name;
    all.LinkFilename = library.name;
    if (!library.isFolder) {
      const dot = library.name.lastIndexOf('.');
      all.DocIcon = dot > 0 ? library.name.slice(dot + 1).toLowerCase() : '';
      all.FileSizeDisplay = String(library.size);
    }
    all.Edit = '0';
  }
  all.ItemChildCount = String(library?.files ?? 0);
  all.FolderChildCount = String(library?.folders ?? 0);
  all._ComplianceFlags = '';
  all._ComplianceTag = '';
  all._ComplianceTagWrittenTime = '';
  all._ComplianceTagUserId = '';
  if (select === undefined) {
    return all;
  }
  const chosen: Record<string, unknown> = { '@odata.etag': etag };
  for (const name of select) {
    if (name in all) {
      chosen[name] = all[name];
    } else if (name in selectOnly) {
      chosen[name] = selectOnly[name];
    } else if (name === 'ID') {
      chosen.ID = row.itemId;
    }
  }
  return chosen;
}
