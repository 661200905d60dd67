/**
 * Columns a SharePoint template brings with it. `Title` (and a library's `FileLeafRef`) carry
 * values; the rest are system columns: listed by GET …/columns, computed on read, refused on write.
 */
import type { ListTemplate } from '../store/catalog.ts';
import { type ColumnDefinition, type ColumnKind, textDefaults } from './definition.ts';

type BuiltinColumn = { kind: ColumnKind; definition: ColumnDefinition };

function base(name: string, displayName: string, extra: Partial<ColumnDefinition>): ColumnDefinition {
  return {
    name,
    displayName,
    description: '',
    columnGroup: 'Custom Columns',
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    readOnly: false,
    required: false,
    ...extra,
  };
}

const person = { allowMultipleSelection: false, chooseFromType: 'peopleAndGroups', displayAs: 'nameWithPresence' };

function systemColumns(isLibrary: boolean): BuiltinColumn[] {
  const system = (name: string, displayName: string, extra: Partial<ColumnDefinition> = {}): BuiltinColumn => ({
    kind: 'system',
    definition: base(name, displayName, { readOnly: true, ...extra }),
  });
  const columns = [
    system('ID', 'ID'),
    system('ContentType', 'Content Type'),
    system('Created', 'Created', { dateTime: { displayAs: 'default', format: 'dateTime' } }),
    system('Modified', 'Modified', { dateTime: { displayAs: 'default', format: 'dateTime' } }),
    system('Author', 'Created By', { personOrGroup: person }),
    system('Editor', 'Modified By', { personOrGroup: person }),
    system('_UIVersionString', 'Version', { text: textDefaults() }),
    system('Edit', 'Edit'),
    system('ItemChildCount', 'Item Child Count'),
    system('FolderChildCount', 'Folder Child Count'),
  ];
  if (isLibrary) {
    columns.push(system('LinkFilename', 'Name'), system('DocIcon', 'Type'), system('FileSizeDisplay', 'File Size'));
  } else {
    columns.push(
      system('Attachments', 'Attachments', { boolean: {} }),
      system('LinkTitle', 'Title'),
      system('LinkTitleNoMenu', 'Title'),
    );
  }
  return columns;
}

export function builtinColumns(template: ListTemplate): BuiltinColumn[] {
  if (template === 'documentLibrary') {
    return [
      // SharePoint lets FileLeafRef be written to rename; the local SharePoint refuses (see fields/write.ts)
      { kind: 'system', definition: base('FileLeafRef', 'Name', { required: true, text: textDefaults() }) },
      { kind: 'builtin', definition: base('Title', 'Title', { text: textDefaults() }) },
      ...systemColumns(true),
    ];
  }
  return [
    { kind: 'builtin', definition: base('Title', 'Title', { required: true, text: textDefaults() }) },
    ...systemColumns(false),
  ];
}

/** names that appear in `fields` on read but can never be written */
export const COMPUTED_FIELD_NAMES: ReadonlySet<string> = new Set([
  'id',
  'AuthorLookupId',
  'EditorLookupId',
  'AppAuthorLookupId',
  'AppEditorLookupId',
  '_ComplianceFlags',
  '_ComplianceTag',
  '_ComplianceTagWrittenTime',
  '_ComplianceTagUserId',
  'LinkFilenameNoMenu',
]);
