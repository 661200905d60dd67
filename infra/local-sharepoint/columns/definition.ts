/**
 * columnDefinition as Graph describes it (graph.md §2.3), for the facets the local SharePoint
 * supports: text, number, currency, dateTime, boolean, choice, lookup. Definitions are stored as
 * the JSON Graph returns (minus `id`), so GET answers are the stored object plus its id.
 */
import { z } from 'zod';

export type TextFacet = {
  allowMultipleLines: boolean;
  appendChangesToExistingText: boolean;
  linesForEditing: number;
  maxLength: number;
  textType: 'plain' | 'richText';
};
export type NumberFacet = {
  decimalPlaces: string;
  displayAs: 'number' | 'percentage';
  maximum: number;
  minimum: number;
};
export type DateTimeFacet = { displayAs: 'default' | 'friendly' | 'standard'; format: 'dateOnly' | 'dateTime' };
export type ChoiceFacet = {
  allowTextEntry: boolean;
  choices: string[];
  displayAs: 'checkBoxes' | 'dropDownMenu' | 'radioButtons';
};
export type LookupFacet = {
  allowMultipleValues: boolean;
  allowUnlimitedLength: boolean;
  columnName: string;
  listId: string;
};

export type ColumnDefinition = {
  name: string;
  displayName: string;
  description: string;
  columnGroup: string;
  enforceUniqueValues: boolean;
  hidden: boolean;
  indexed: boolean;
  readOnly: boolean;
  required: boolean;
  text?: TextFacet;
  number?: NumberFacet;
  currency?: { locale: string };
  dateTime?: DateTimeFacet;
  boolean?: Record<string, never>;
  choice?: ChoiceFacet;
  lookup?: LookupFacet;
  /** shape only, for the built-in Author/Editor columns */
  personOrGroup?: Record<string, unknown>;
};

/** user: created through Graph; builtin: template columns a client may write (Title); system: read-only */
export type ColumnKind = 'user' | 'builtin' | 'system';

export type ColumnRecord = {
  readonly seq: number;
  readonly listSeq: number;
  readonly guid: string;
  readonly name: string;
  readonly kind: ColumnKind;
  readonly definition: ColumnDefinition;
};

export const FACETS = ['text', 'number', 'currency', 'dateTime', 'boolean', 'choice', 'lookup'] as const;
export type Facet = (typeof FACETS)[number];

export const UNSUPPORTED_FACETS = [
  'calculated',
  'geolocation',
  'personOrGroup',
  'term',
  'hyperlinkOrPicture',
  'thumbnail',
  'contentApprovalStatus',
] as const;

export function facetOf(definition: ColumnDefinition): Facet | undefined {
  return FACETS.find((facet) => definition[facet] !== undefined);
}

/** SharePoint internal names: letters, digits and underscores, not starting with a digit */
export const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

const textInput = z.strictObject({
  allowMultipleLines: z.boolean().optional(),
  appendChangesToExistingText: z.boolean().optional(),
  linesForEditing: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).max(255).optional(),
  textType: z.enum(['plain', 'richText']).optional(),
});
const numberInput = z.strictObject({
  decimalPlaces: z.enum(['automatic', 'none', 'one', 'two', 'three', 'four', 'five']).optional(),
  displayAs: z.enum(['number', 'percentage']).optional(),
  maximum: z.number().optional(),
  minimum: z.number().optional(),
});
const choiceInput = z.strictObject({
  allowTextEntry: z.boolean().optional(),
  choices: z.array(z.string().min(1).max(255)).optional(),
  displayAs: z.enum(['checkBoxes', 'dropDownMenu', 'radioButtons']).optional(),
});
const lookupInput = z.strictObject({
  allowMultipleValues: z.boolean().optional(),
  allowUnlimitedLength: z.boolean().optional(),
  columnName: z.string().min(1).optional(),
  listId: z.string().min(1),
  primaryLookupColumnId: z.string().optional(),
});

const commonInput = {
  displayName: z.string().trim().min(1).max(255).optional(),
  description: z.string().max(1000).optional(),
  columnGroup: z.string().optional(),
  enforceUniqueValues: z.boolean().optional(),
  hidden: z.boolean().optional(),
  indexed: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  required: z.boolean().optional(),
  text: textInput.optional(),
  number: numberInput.optional(),
  currency: z.strictObject({ locale: z.string().optional() }).optional(),
  dateTime: z
    .strictObject({
      displayAs: z.enum(['default', 'friendly', 'standard']).optional(),
      format: z.enum(['dateOnly', 'dateTime']).optional(),
    })
    .optional(),
  boolean: z.strictObject({}).optional(),
  choice: choiceInput.optional(),
  lookup: lookupInput.optional(),
};

/** POST …/columns and the `columns` of POST …/lists; unknown properties are ignored like Graph does */
export const columnCreateSchema = z.looseObject({
  name: z.string().regex(COLUMN_NAME, 'must be letters, digits or underscores and start with a letter'),
  ...commonInput,
});
export type ColumnCreateInput = z.infer<typeof columnCreateSchema>;

/** PATCH …/columns/{id}: any property except id */
export const columnPatchSchema = z.looseObject({
  name: z.string().optional(),
  ...commonInput,
});
export type ColumnPatchInput = z.infer<typeof columnPatchSchema>;

export function textDefaults(input: z.infer<typeof textInput> = {}, base?: TextFacet): TextFacet {
  return {
    allowMultipleLines: input.allowMultipleLines ?? base?.allowMultipleLines ?? false,
    appendChangesToExistingText: input.appendChangesToExistingText ?? base?.appendChangesToExistingText ?? false,
    linesForEditing: input.linesForEditing ?? base?.linesForEditing ?? 0,
    maxLength: input.maxLength ?? base?.maxLength ?? 255,
    textType: input.textType ?? base?.textType ?? 'plain',
  };
}

export function numberDefaults(input: z.infer<typeof numberInput> = {}, base?: NumberFacet): NumberFacet {
  return {
    decimalPlaces: input.decimalPlaces ?? base?.decimalPlaces ?? 'automatic',
    displayAs: input.displayAs ?? base?.displayAs ?? 'number',
    maximum: input.maximum ?? base?.maximum ?? Number.MAX_VALUE,
    minimum: input.minimum ?? base?.minimum ?? -Number.MAX_VALUE,
  };
}

export function choiceDefaults(input: z.infer<typeof choiceInput> = {}, base?: ChoiceFacet): ChoiceFacet {
  return {
    allowTextEntry: input.allowTextEntry ?? base?.allowTextEntry ?? false,
    choices: input.choices ?? base?.choices ?? [],
    displayAs: input.displayAs ?? base?.displayAs ?? 'dropDownMenu',
  };
}

export function columnJson(column: ColumnRecord): Record<string, unknown> {
  return { id: column.guid, ...column.definition };
}

/** columns whose values can be indexed (SharePoint refuses notes and multi-value columns) */
export function indexRefusal(definition: ColumnDefinition): string | undefined {
  if (definition.text?.allowMultipleLines === true) {
    return `Column '${definition.name}' is a multiple lines of text column, which cannot be indexed.`;
  }
  if (definition.lookup?.allowMultipleValues === true) {
    return `Column '${definition.name}' allows multiple values, which cannot be indexed.`;
  }
  return undefined;
}
