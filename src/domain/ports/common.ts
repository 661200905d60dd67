import type { AppError } from '../app-error.ts';

/**
 * Shared shapes of the repository ports. Every port is implemented by a SharePoint adapter
 * (src/sharepoint/repositories) and by an in-memory fake (test/fakes).
 */

/** Optimistic concurrency: pass the eTag an entity was read with to refuse a lost update. */
export type WriteOptions = {
  /** when set, the write fails with AppError PRECONDITION_FAILED if the row changed since it was read */
  readonly etag?: string;
};

/** The changed fields only; absent keys are left as they are, `null` clears a value. */
export type Patch<T> = Partial<T>;

/** One outcome per input, in input order, of a bulk create: some rows may fail while others succeed. */
export type BulkResult<T> = ReadonlyArray<
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }
>;
