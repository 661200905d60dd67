/**
 * Compares one list on the site with its spec and says what to write: columns that are missing
 * (POST), and columns whose index, uniqueness or choice values fall short of the spec (PATCH) —
 * a kansli may have removed an index, or schema.ts gained a choice value. It only ever adds:
 * an index, a unique constraint or a choice value the kansli added is kept, and so are columns
 * that schema.ts does not know.
 */
import type { ColumnSpec, ListKey, ListSpec } from '../schema.ts';
import { columnDefinition } from './column-definition.ts';
import type { ExistingColumn, ExistingList } from './site-lists.ts';

export type ColumnWrite = {
  /** `List.Column`, for the result and error messages */
  readonly label: string;
  readonly kind: 'create' | 'update';
  readonly method: 'POST' | 'PATCH';
  readonly url: string;
  readonly body: Readonly<Record<string, unknown>>;
};

export type ColumnPlan = { readonly writes: ColumnWrite[]; readonly warnings: string[] };

export function planColumns(
  siteId: string,
  spec: ListSpec,
  list: ExistingList,
  listIds: ReadonlyMap<ListKey, string>,
): ColumnPlan {
  const columnsUrl = `/sites/${siteId}/lists/${list.id}/columns`;
  const byName = new Map(list.columns.map((column) => [column.name, column]));
  const writes: ColumnWrite[] = [];
  const warnings: string[] = [];

  const title = byName.get('Title');
  if (title !== undefined) {
    const patch: Record<string, unknown> = {};
    if (spec.titleDisplayName !== undefined && title.displayName !== spec.titleDisplayName) {
      patch.displayName = spec.titleDisplayName;
    }
    if (spec.titleUnique === true && (title.indexed !== true || title.enforceUniqueValues !== true)) {
      patch.indexed = true;
      patch.enforceUniqueValues = true;
    }
    if (Object.keys(patch).length > 0) {
      writes.push({
        label: `${spec.key}.Title`,
        kind: 'update',
        method: 'PATCH',
        url: `${columnsUrl}/${title.id}`,
        body: patch,
      });
    }
  }

  for (const column of spec.columns) {
    const label = `${spec.key}.${column.name}`;
    const existing = byName.get(column.name);
    if (existing === undefined) {
      writes.push({ label, kind: 'create', method: 'POST', url: columnsUrl, body: columnDefinition(column, listIds) });
      continue;
    }
    if (!hasFacet(existing, column)) {
      warnings.push(`${label} finns men är inte av typen ${column.type}; den lämnas orörd`);
      continue;
    }
    const patch = shortfall(column, existing);
    if (patch !== undefined) {
      writes.push({ label, kind: 'update', method: 'PATCH', url: `${columnsUrl}/${existing.id}`, body: patch });
    }
  }
  return { writes, warnings };
}

/** The PATCH body that brings a column up to its spec, or undefined when it already is. */
function shortfall(column: ColumnSpec, existing: ExistingColumn): Record<string, unknown> | undefined {
  const patch: Record<string, unknown> = {};
  if ((column.indexed === true || column.unique === true) && existing.indexed !== true) {
    patch.indexed = true;
  }
  if (column.unique === true && existing.enforceUniqueValues !== true) {
    patch.enforceUniqueValues = true;
    patch.indexed = true;
  }
  if (column.type === 'choice') {
    const present = existing.choice?.choices ?? [];
    if (column.choices.some((value) => !present.includes(value))) {
      // Schema order first, then values only the kansli added, which are kept.
      const extras = present.filter((value) => !column.choices.includes(value));
      patch.choice = {
        choices: [...column.choices, ...extras],
        displayAs: existing.choice?.displayAs ?? 'dropDownMenu',
        allowTextEntry: existing.choice?.allowTextEntry ?? false,
      };
    }
  }
  return Object.keys(patch).length === 0 ? undefined : patch;
}

function hasFacet(existing: ExistingColumn, column: ColumnSpec): boolean {
  return existing[column.type] !== undefined;
}
