import type { z } from 'zod';
import { AppError, isAppError } from '../../domain/app-error.ts';
import type { BulkResult, Patch, WriteOptions } from '../../domain/ports/common.ts';
import type { GraphBatchRequest, GraphClient } from '../graph/graph-client.ts';
import type { ListKey } from '../schema.ts';
import { batchResponseError } from './batch-error.ts';
import type { InvalidRowReporter, RowIssue } from './invalid-row.ts';
import { decodeItem, encodeFields, type FieldMap, itemFromFieldValueSet, selectClause } from './item-mapping.ts';
import { guardPersonalData } from './personal-data-guard.ts';

/** Where a list lives and whom to tell about rows that do not parse. */
export type ListContext = {
  readonly graph: GraphClient;
  readonly siteId: string;
  readonly listId: string;
  readonly listKey: ListKey;
  readonly onInvalidRow: InvalidRowReporter;
};

/** How one list maps to one domain entity. */
export type ListTableSpec<N, T> = {
  readonly fields: FieldMap<N>;
  /** the stored entity (with id and etag) */
  readonly schema: z.ZodType<T>;
  readonly newSchema: z.ZodType<N>;
  readonly patchSchema: z.ZodType<Partial<N>>;
  /** the Title of a new row, for lists whose entity has no title of its own (SharePoint shows it) */
  readonly titleOf?: (value: N) => string;
  /** the Swedish user message for a 409 on create: which unique key was taken */
  readonly conflictMessage?: string;
};

export type QueryOptions = {
  /** built with odata-filter.ts, on indexed columns only */
  readonly filter?: string;
  readonly orderby?: string;
};

const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;

/**
 * Rows per page when reading a list. Graph's default is 200; SharePoint serves up to 5 000 per
 * page, so a larger page cuts the requests for long lists (the audit log) without big answers.
 */
const PAGE_SIZE = 2000;

/**
 * Create, read, update and delete of one SharePoint list as domain entities. Repositories add
 * their finders on top; every Graph shape stays in here and in item-mapping.ts.
 */
export class ListTable<N, T> {
  private readonly context: ListContext;
  private readonly spec: ListTableSpec<N, T>;
  private readonly itemsPath: string;
  private readonly select: string;

  constructor(context: ListContext, spec: ListTableSpec<N, T>) {
    this.context = context;
    this.spec = spec;
    this.itemsPath = `/sites/${context.siteId}/lists/${context.listId}/items`;
    this.select = selectClause(spec.fields);
  }

  /** every row matching the filter; rows that do not parse are skipped and reported */
  async query(options: QueryOptions = {}): Promise<T[]> {
    let path = `${this.itemsPath}?expand=fields(select=${this.select})&$top=${PAGE_SIZE}`;
    if (options.filter !== undefined) {
      path += `&$filter=${encodeURIComponent(options.filter)}`;
    }
    if (options.orderby !== undefined) {
      path += `&$orderby=${encodeURIComponent(options.orderby)}`;
    }
    const items = await this.context.graph.getAll(path);
    const rows: T[] = [];
    for (const item of items) {
      const decoded = decodeItem(item, this.spec.fields, this.spec.schema);
      if (decoded.ok) {
        rows.push(decoded.value);
      } else {
        this.context.onInvalidRow(this.context.listKey, decoded.itemId, decoded.issues);
      }
    }
    return rows;
  }

  /** the first (by id) row matching a filter on a unique column, or null */
  async findOne(filter: string): Promise<T | null> {
    const rows = await this.query({ filter });
    return rows[0] ?? null;
  }

  async getById(id: string): Promise<T | null> {
    if (!isItemId(id)) {
      return null;
    }
    try {
      const item = await this.context.graph.get(`${this.itemsPath}/${id}?expand=fields(select=${this.select})`);
      return this.decodeOrThrow(item);
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') {
        return null;
      }
      throw error;
    }
  }

  async create(value: N): Promise<T> {
    const fields = this.fieldsForCreate(value);
    try {
      return this.decodeOrThrow(await this.context.graph.post(this.itemsPath, { fields }));
    } catch (error) {
      throw this.withConflictMessage(error);
    }
  }

  /**
   * The create of `value` as one request of someone else's `$batch` (a vote and its audit row
   * in one round trip). Validated and guarded exactly as create().
   */
  createRequest(value: N, id: string, dependsOn?: readonly string[]): GraphBatchRequest {
    return {
      id,
      method: 'POST',
      url: this.itemsPath,
      body: { fields: this.fieldsForCreate(value) },
      headers: JSON_HEADERS,
      ...(dependsOn === undefined ? {} : { dependsOn: [...dependsOn] }),
    };
  }

  /** one `$batch` round trip per 20 rows instead of one request per row */
  async createMany(values: readonly N[]): Promise<BulkResult<T>> {
    const results: Array<{ ok: true; value: T } | { ok: false; error: AppError }> = [];
    const requests: GraphBatchRequest[] = [];
    for (const [index, value] of values.entries()) {
      try {
        const fields = this.fieldsForCreate(value);
        requests.push({
          id: String(index),
          method: 'POST',
          url: this.itemsPath,
          body: { fields },
          headers: JSON_HEADERS,
        });
      } catch (error) {
        results[index] = { ok: false, error: asAppError(error) };
      }
    }
    const responses = requests.length === 0 ? new Map() : await this.context.graph.batch(requests);
    for (const request of requests) {
      const index = Number(request.id);
      const response = responses.get(request.id);
      if (response === undefined) {
        results[index] = { ok: false, error: new AppError('UPSTREAM_FAILED', `no batch response for ${request.id}`) };
      } else if (response.status >= 200 && response.status < 300) {
        try {
          results[index] = { ok: true, value: this.decodeOrThrow(response.body) };
        } catch (error) {
          results[index] = { ok: false, error: asAppError(error) };
        }
      } else {
        results[index] = {
          ok: false,
          error: this.withConflictMessage(batchResponseError(response, 'POST', this.itemsPath)),
        };
      }
    }
    return results;
  }

  async update(id: string, patch: Patch<N>, options: WriteOptions = {}): Promise<T> {
    assertItemId(id);
    const parsed = parseInput(this.spec.patchSchema, patch);
    const fields = encodeFields(this.spec.fields, parsed);
    guardPersonalData(this.context.listKey, fields);
    if (Object.keys(fields).length === 0) {
      const current = await this.getById(id);
      if (current === null) {
        throw new AppError('NOT_FOUND', `${this.context.listKey} item ${id} not found`);
      }
      return current;
    }
    const headers = options.etag === undefined ? undefined : { 'If-Match': options.etag };
    const fieldValueSet = await this.context.graph.patch(`${this.itemsPath}/${id}/fields`, fields, { headers });
    return this.decodeOrThrow(itemFromFieldValueSet(id, fieldValueSet));
  }

  async delete(id: string, options: WriteOptions = {}): Promise<void> {
    assertItemId(id);
    const headers = options.etag === undefined ? undefined : { 'If-Match': options.etag };
    await this.context.graph.delete(`${this.itemsPath}/${id}`, { headers });
  }

  private fieldsForCreate(value: N): Record<string, unknown> {
    const parsed = parseInput(this.spec.newSchema, value);
    const fields = encodeFields(this.spec.fields, parsed);
    if (this.spec.titleOf !== undefined) {
      fields.Title = this.spec.titleOf(parsed);
    }
    guardPersonalData(this.context.listKey, fields);
    return fields;
  }

  private decodeOrThrow(raw: unknown): T {
    const decoded = decodeItem(raw, this.spec.fields, this.spec.schema);
    if (decoded.ok) {
      return decoded.value;
    }
    this.context.onInvalidRow(this.context.listKey, decoded.itemId, decoded.issues);
    throw invalidRowError(this.context.listKey, decoded.itemId, decoded.issues);
  }

  private withConflictMessage<E>(error: E): E | AppError {
    if (isAppError(error) && error.code === 'CONFLICT' && this.spec.conflictMessage !== undefined) {
      return new AppError('CONFLICT', error.message, {
        userMessage: this.spec.conflictMessage,
        details: error.details,
        cause: error,
      });
    }
    return error;
  }
}

/** A row that exists but cannot be read: the kansli must correct it in SharePoint. */
export function invalidRowError(listKey: ListKey, itemId: string, issues: readonly RowIssue[]): AppError {
  return new AppError('UPSTREAM_FAILED', `${listKey} item ${itemId} does not parse`, {
    userMessage: 'En post i SharePoint har ogiltiga värden och kan inte läsas. Kansliet behöver rätta den i listan.',
    details: { listKey, itemId, issues },
  });
}

export function parseInput<V>(schema: z.ZodType<V>, value: unknown): V {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', `invalid input: ${parsed.error.message}`, {
      details: { issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) },
    });
  }
  return parsed.data;
}

export function isItemId(id: string): boolean {
  return /^[1-9]\d*$/.test(id);
}

export function assertItemId(id: string): void {
  if (!isItemId(id)) {
    throw new AppError('INVALID_INPUT', `not a list item id: ${id}`);
  }
}

function asAppError(error: unknown): AppError {
  return isAppError(error) ? error : new AppError('INTERNAL', String(error), { cause: error });
}
