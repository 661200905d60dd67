/**
 * Codecs between Graph `fields` values and domain values, one per column type of schema.ts.
 *
 * Reading never throws: a value that cannot be read becomes an issue, so one row broken by a
 * kansli edit is skipped and reported instead of failing a whole list. An absent field is null.
 * The domain's zod schema has the last word on every decoded row (item-decoder.ts).
 */

export type FieldBag = Readonly<Record<string, unknown>>;

export type Decoded = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

export type ColumnCodec<V> = {
  /** the SharePoint internal column name (issues are reported by it) */
  readonly column: string;
  /** what to name in `expand=fields(select=…)` to get this column back */
  readonly select: readonly string[];
  read(fields: FieldBag): Decoded;
  /** the Graph `fields` entries that store `value` */
  write(value: V): Record<string, unknown>;
};

const ok = (value: unknown): Decoded => ({ ok: true, value });
const problem = (message: string): Decoded => ({ ok: false, message });

function isAbsent(value: unknown): value is null | undefined | '' {
  return value === undefined || value === null || value === '';
}

/** single-line or multi-line text, and choice columns; '' reads as null */
export function textColumn(column: string): ColumnCodec<string | null> {
  return {
    column,
    select: [column],
    read(fields) {
      const value = fields[column];
      if (isAbsent(value)) {
        return ok(null);
      }
      if (typeof value === 'string') {
        return ok(value);
      }
      if (typeof value === 'number' || typeof value === 'boolean') {
        return ok(String(value));
      }
      return problem(`väntade text, fick ${describe(value)}`);
    },
    write: (value) => ({ [column]: value }),
  };
}

/** number and currency columns; SharePoint may hand numbers back as strings */
export function numberColumn(column: string): ColumnCodec<number | null> {
  return {
    column,
    select: [column],
    read(fields) {
      const value = fields[column];
      if (isAbsent(value)) {
        return ok(null);
      }
      const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
      return Number.isFinite(parsed) ? ok(parsed) : problem(`väntade ett tal, fick ${describe(value)}`);
    },
    write: (value) => ({ [column]: value }),
  };
}

/** Yes/No columns. SharePoint has no "unset" Yes/No in its UI, so an absent value reads as No. */
export function booleanColumn(column: string): ColumnCodec<boolean> {
  return {
    column,
    select: [column],
    read(fields) {
      const value = fields[column];
      if (isAbsent(value)) {
        return ok(false);
      }
      if (typeof value === 'boolean') {
        return ok(value);
      }
      if (value === 'true' || value === '1' || value === 1) {
        return ok(true);
      }
      if (value === 'false' || value === '0' || value === 0) {
        return ok(false);
      }
      return problem(`väntade ja/nej, fick ${describe(value)}`);
    },
    write: (value) => ({ [column]: value }),
  };
}

/**
 * Date-only columns: stored and written as `YYYY-MM-DDT00:00:00Z`, read as `YYYY-MM-DD`.
 * SharePoint Online keeps a date-only value as midnight in the site's time zone, so a site in
 * Stockholm may return `2027-04-29T22:00:00Z` for 30 April; adding 12 hours before taking the
 * UTC date gives the intended day for any offset between −12 and +12 hours.
 */
export function dateOnlyColumn(column: string): ColumnCodec<string | null> {
  return {
    column,
    select: [column],
    read(fields) {
      const value = fields[column];
      if (isAbsent(value)) {
        return ok(null);
      }
      if (typeof value !== 'string') {
        return problem(`väntade ett datum, fick ${describe(value)}`);
      }
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return ok(value);
      }
      const instant = Date.parse(value);
      if (Number.isNaN(instant)) {
        return problem(`väntade ett datum, fick ${describe(value)}`);
      }
      return ok(new Date(instant + 12 * 3_600_000).toISOString().slice(0, 10));
    },
    write: (value) => ({ [column]: toStoredDate(value) }),
  };
}

/** `2027-04-30` → `2027-04-30T00:00:00Z`, the form SharePoint stores a date-only value in */
export function toStoredDate(date: string | null): string | null {
  return date === null ? null : `${date}T00:00:00Z`;
}

/** Date-and-time columns: instants in UTC, read back as `YYYY-MM-DDTHH:MM:SSZ`. */
export function instantColumn(column: string): ColumnCodec<string | null> {
  return {
    column,
    select: [column],
    read(fields) {
      const value = fields[column];
      if (isAbsent(value)) {
        return ok(null);
      }
      const instant = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(instant)) {
        return problem(`väntade en tidpunkt, fick ${describe(value)}`);
      }
      return ok(new Date(instant).toISOString().replace('.000Z', 'Z'));
    },
    write: (value) => ({ [column]: value }),
  };
}

/** A single lookup: written as `<Name>LookupId: 7`, read back as `<Name>LookupId: "7"`. */
export function lookupColumn(column: string): ColumnCodec<string | null> {
  const idField = `${column}LookupId`;
  return {
    column,
    select: [idField],
    read(fields) {
      const value = fields[idField];
      if (isAbsent(value) || value === 0 || value === '0') {
        return ok(null);
      }
      const id = typeof value === 'number' || typeof value === 'string' ? String(value) : null;
      return id !== null && /^[1-9]\d*$/.test(id) ? ok(id) : problem(`väntade ett post-id, fick ${describe(value)}`);
    },
    write: (value) => ({ [idField]: value === null ? null : Number.parseInt(value, 10) }),
  };
}

/**
 * A multi lookup: written as `<Name>LookupId@odata.type: Collection(Edm.Int32)` with an array of
 * ids; read back as `<Name>: [{ LookupId, LookupValue }]` (or, in a PATCH response, possibly as
 * `<Name>LookupId: [..]`). Absent means none.
 */
export function multiLookupColumn(column: string): ColumnCodec<readonly string[]> {
  const idField = `${column}LookupId`;
  return {
    column,
    select: [column],
    read(fields) {
      const value = fields[column] ?? fields[idField];
      if (isAbsent(value)) {
        return ok([]);
      }
      if (!Array.isArray(value)) {
        return problem(`väntade en lista av uppslag, fick ${describe(value)}`);
      }
      const ids: string[] = [];
      for (const entry of value) {
        const raw: unknown = typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'LookupId') : entry;
        const id = typeof raw === 'number' || typeof raw === 'string' ? String(raw) : '';
        if (!/^[1-9]\d*$/.test(id)) {
          return problem(`väntade post-id i uppslaget, fick ${describe(entry)}`);
        }
        ids.push(id);
      }
      return ok(ids);
    },
    write: (value) => ({
      [`${idField}@odata.type`]: 'Collection(Edm.Int32)',
      [idField]: value.map((id) => Number.parseInt(id, 10)),
    }),
  };
}

/**
 * Multi-line text holding JSON (Specification, Payload, Reference, Details). Text that is not
 * JSON, e.g. after a hand edit in SharePoint, is an issue for that row, not a crash.
 */
export function jsonColumn(column: string): ColumnCodec<unknown> {
  return {
    column,
    select: [column],
    read(fields) {
      const value = fields[column];
      if (isAbsent(value)) {
        return ok(null);
      }
      if (typeof value !== 'string') {
        return problem(`väntade JSON-text, fick ${describe(value)}`);
      }
      try {
        return ok(JSON.parse(value) as unknown);
      } catch (error) {
        return problem(`ogiltig JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    write: (value) => ({ [column]: value === null || value === undefined ? null : JSON.stringify(value) }),
  };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
