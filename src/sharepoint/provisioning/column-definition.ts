/**
 * A column of schema.ts in Graph's columnDefinition shape (research/graph.md §2.3), for list
 * creation and for `POST …/columns`. A unique column is always indexed: SharePoint requires it.
 */
import { AppError } from '../../domain/app-error.ts';
import type { ColumnSpec, ListKey } from '../schema.ts';

export type ColumnDefinition = Readonly<Record<string, unknown>>;

export function columnDefinition(column: ColumnSpec, listIds: ReadonlyMap<ListKey, string>): ColumnDefinition {
  const indexed = column.indexed === true || column.unique === true;
  return {
    name: column.name,
    displayName: column.displayName,
    ...(indexed ? { indexed: true } : {}),
    ...(column.unique === true ? { enforceUniqueValues: true } : {}),
    ...(column.required === true ? { required: true } : {}),
    ...typeFacet(column, listIds),
  };
}

function typeFacet(column: ColumnSpec, listIds: ReadonlyMap<ListKey, string>): Record<string, unknown> {
  switch (column.type) {
    case 'text':
      // Plain text: JSON kept in a note must not be turned into rich-text HTML.
      return column.multiline === true
        ? { text: { allowMultipleLines: true, textType: 'plain' } }
        : { text: { allowMultipleLines: false, maxLength: 255 } };
    case 'number':
      return { number: { decimalPlaces: column.decimals ?? 'automatic' } };
    case 'currency':
      return { currency: { locale: 'sv-SE' } };
    case 'dateTime':
      return { dateTime: { format: column.dateOnly ? 'dateOnly' : 'dateTime' } };
    case 'boolean':
      return { boolean: {} };
    case 'choice':
      return { choice: { choices: [...column.choices], displayAs: 'dropDownMenu', allowTextEntry: false } };
    case 'lookup': {
      const listId = listIds.get(column.list);
      if (listId === undefined) {
        throw new AppError('INTERNAL', `lookup ${column.name} needs list ${column.list}, which does not exist yet`);
      }
      return { lookup: { listId, columnName: 'Title', allowMultipleValues: column.multi === true } };
    }
  }
}
