import type { z } from 'zod';
import { AppError } from '../../src/domain/app-error.ts';
import type { BulkResult, Patch, WriteOptions } from '../../src/domain/ports/common.ts';

type Stored = { id: string; etag: string };

export type InMemoryTableOptions<N> = {
  /** the list's name, for error messages */
  readonly name: string;
  readonly newSchema: z.ZodType<N>;
  readonly patchSchema: z.ZodType<Partial<N>>;
  /** columns with enforceUniqueValues: a duplicate is AppError CONFLICT, as SharePoint's 409 */
  readonly unique?: ReadonlyArray<keyof N>;
  readonly conflictMessage?: string;
};

/**
 * The behaviour of one SharePoint list that repository fakes share: ids in creation order,
 * a new quoted eTag on every write, If-Match → PRECONDITION_FAILED, unique columns → CONFLICT,
 * input validated by the domain schema (INVALID_INPUT), and copies out so callers cannot edit
 * stored rows behind the fake's back.
 */
export class InMemoryTable<N extends object> {
  private readonly options: InMemoryTableOptions<N>;
  private readonly rows = new Map<string, N & Stored>();
  private nextId = 1;
  private readonly versions = new Map<string, number>();

  constructor(options: InMemoryTableOptions<N>) {
    this.options = options;
  }

  /** every row in id order, as SharePoint returns an unordered query */
  all(): Array<N & Stored> {
    return [...this.rows.values()].sort((a, b) => Number(a.id) - Number(b.id)).map((row) => structuredClone(row));
  }

  where(predicate: (row: N & Stored) => boolean): Array<N & Stored> {
    return this.all().filter(predicate);
  }

  get(id: string): (N & Stored) | null {
    const row = this.rows.get(id);
    return row === undefined ? null : structuredClone(row);
  }

  insert(value: N): N & Stored {
    const parsed = parse(this.options.newSchema, value);
    this.assertUnique(parsed, undefined);
    const id = String(this.nextId);
    this.nextId += 1;
    this.versions.set(id, 1);
    const row = { ...structuredClone(parsed), id, etag: etagOf(id, 1) };
    this.rows.set(id, row);
    return structuredClone(row);
  }

  insertMany(values: readonly N[]): BulkResult<N & Stored> {
    return values.map((value) => {
      try {
        return { ok: true as const, value: this.insert(value) };
      } catch (error) {
        if (error instanceof AppError) {
          return { ok: false as const, error };
        }
        throw error;
      }
    });
  }

  update(id: string, patch: Patch<N>, options: WriteOptions = {}): N & Stored {
    const current = this.existing(id, options);
    const parsed = parse(this.options.patchSchema, patch);
    const defined = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
    const merged = { ...current, ...structuredClone(defined) };
    this.assertUnique(merged, id);
    const version = (this.versions.get(id) ?? 1) + 1;
    this.versions.set(id, version);
    const row = { ...merged, id, etag: etagOf(id, version) };
    this.rows.set(id, row);
    return structuredClone(row);
  }

  delete(id: string, options: WriteOptions = {}): void {
    this.existing(id, options);
    this.rows.delete(id);
  }

  private existing(id: string, options: WriteOptions): N & Stored {
    const current = this.rows.get(id);
    if (current === undefined) {
      throw new AppError('NOT_FOUND', `${this.options.name} item ${id} not found`);
    }
    if (options.etag !== undefined && options.etag !== current.etag) {
      throw new AppError('PRECONDITION_FAILED', `${this.options.name} item ${id} changed since it was read`);
    }
    return current;
  }

  private assertUnique(candidate: N, ownId: string | undefined): void {
    for (const key of this.options.unique ?? []) {
      const clash = [...this.rows.values()].find((row) => row.id !== ownId && sameKey(row[key], candidate[key]));
      if (clash !== undefined) {
        throw new AppError('CONFLICT', `${this.options.name}: ${String(key)} '${String(candidate[key])}' exists`, {
          ...(this.options.conflictMessage === undefined ? {} : { userMessage: this.options.conflictMessage }),
          details: { status: 409 },
        });
      }
    }
  }
}

/** SharePoint compares unique text case-insensitively */
function sameKey(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function etagOf(id: string, version: number): string {
  return `"fake-${id},${version}"`;
}

function parse<V>(schema: z.ZodType<V>, value: unknown): V {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', `invalid input: ${parsed.error.message}`);
  }
  return parsed.data;
}
