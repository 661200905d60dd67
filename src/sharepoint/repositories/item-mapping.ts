import { z } from 'zod';
import type { ColumnCodec, FieldBag } from './field-codecs.ts';
import type { RowIssue } from './invalid-row.ts';

/**
 * Maps list items to domain entities and domain values to Graph `fields`, through one table per
 * list: domain property → column codec. No raw Graph shape leaves this module's callers.
 */

/** One codec per property of the domain's New* type. */
export type FieldMap<N> = { readonly [K in keyof N]-?: ColumnCodec<N[K]> };

export type Decoding<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly itemId: string; readonly issues: readonly RowIssue[] };

/** a listItem (GET, POST) or, from a PATCH, its fieldValueSet wrapped as `{ id, fields }` */
const itemEnvelope = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  '@odata.etag': z.string().optional(),
  eTag: z.string().optional(),
  fields: z.record(z.string(), z.unknown()),
});

/** `expand=fields(select=…)` value: Title plus every mapped column */
export function selectClause<N>(map: FieldMap<N>, extra: readonly string[] = []): string {
  const names = new Set<string>(['Title', ...extra]);
  for (const [, codec] of entriesOf(map)) {
    for (const name of codec.select) {
      names.add(name);
    }
  }
  return [...names].join(',');
}

/**
 * Reads one raw item as the stored entity `T`, or says precisely why it cannot. `base` adds
 * properties that do not come from `fields` (a library file's drive item).
 */
export function decodeItem<N, T>(
  raw: unknown,
  map: FieldMap<N>,
  schema: z.ZodType<T>,
  base: Readonly<Record<string, unknown>> = {},
): Decoding<T> {
  const envelope = itemEnvelope.safeParse(raw);
  if (!envelope.success) {
    const id = typeof raw === 'object' && raw !== null ? String(Reflect.get(raw, 'id') ?? '?') : '?';
    return {
      ok: false,
      itemId: id,
      issues: [{ field: '(item)', message: 'svaret från SharePoint saknar id eller fält' }],
    };
  }
  const { id, fields } = envelope.data;
  const etag = envelope.data['@odata.etag'] ?? envelope.data.eTag ?? stringField(fields, '@odata.etag');
  const issues: RowIssue[] = [];
  const candidate: Record<string, unknown> = { ...base, id, etag };
  for (const [property, codec] of entriesOf(map)) {
    const decoded = codec.read(fields);
    if (decoded.ok) {
      candidate[property] = decoded.value;
    } else {
      issues.push({ field: codec.column, message: decoded.message });
    }
  }
  if (issues.length > 0) {
    return { ok: false, itemId: id, issues };
  }
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      itemId: id,
      issues: parsed.error.issues.map((issue) => ({
        field: columnOf(map, issue.path) ?? (issue.path.join('.') || '(item)'),
        message: issue.message,
      })),
    };
  }
  return { ok: true, value: parsed.data };
}

/** The Graph `fields` for the given (possibly partial) domain values; absent keys are not written. */
export function encodeFields<N>(map: FieldMap<N>, values: Partial<N>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [property, codec] of entriesOf(map)) {
    if (Object.hasOwn(values, property)) {
      const value = values[property];
      if (value !== undefined) {
        Object.assign(fields, codec.write(value));
      }
    }
  }
  return fields;
}

/** Wraps a PATCH response (a fieldValueSet) so it decodes like an item. */
export function itemFromFieldValueSet(id: string, fieldValueSet: unknown): unknown {
  const fields = typeof fieldValueSet === 'object' && fieldValueSet !== null ? fieldValueSet : {};
  return { id, '@odata.etag': Reflect.get(fields, '@odata.etag'), fields };
}

function entriesOf<N>(map: FieldMap<N>): Array<[keyof N & string, ColumnCodec<N[keyof N]>]> {
  return Object.entries(map) as Array<[keyof N & string, ColumnCodec<N[keyof N]>]>;
}

function columnOf<N>(map: FieldMap<N>, path: readonly PropertyKey[]): string | undefined {
  const head = path[0];
  if (typeof head !== 'string' || !Object.hasOwn(map, head)) {
    return undefined;
  }
  const codec: unknown = Reflect.get(map, head);
  return typeof codec === 'object' && codec !== null ? String(Reflect.get(codec, 'column')) : undefined;
}

function stringField(fields: FieldBag, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' ? value : undefined;
}
