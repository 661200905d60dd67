/**
 * The port through which repositories and provisioning reach Microsoft Graph (or the local
 * SharePoint). Authentication, retry of 429/503/504 honouring Retry-After, the NONISV User-Agent
 * and logging live behind it, in one place (create-graph-client.ts); callers never see headers
 * or retry loops.
 *
 * Every method throws AppError on failure: 400 → INVALID_INPUT, 401 → UNAUTHENTICATED,
 * 403 → FORBIDDEN, 404 → NOT_FOUND, 409 → CONFLICT, 412 → PRECONDITION_FAILED,
 * 429/503/504 after retries → THROTTLED, anything else → UPSTREAM_FAILED; `details` carries
 * `{ status, graphCode, graphMessage, method, path }`.
 * Responses are `unknown`: callers parse them with zod.
 */

export type GraphRequestOptions = {
  /** extra request headers, e.g. `If-Match` or `Prefer` */
  readonly headers?: Readonly<Record<string, string>>;
};

export type GraphUploadOptions = GraphRequestOptions & {
  readonly contentType?: string;
};

export type GraphBatchRequest = {
  /** unique within one call to batch(); correlates the response */
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** relative to the v1.0 root, e.g. `/sites/{id}/lists/{id}/items` */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** ids of requests in the same call that must succeed first */
  readonly dependsOn?: readonly string[];
};

export type GraphBatchResponse = {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
};

export interface GraphClient {
  /** GET a path relative to the v1.0 root (`/sites/root`) or an absolute `@odata.nextLink`. */
  get(path: string, options?: GraphRequestOptions): Promise<unknown>;
  /** GET every page of a collection, following `@odata.nextLink`; returns the concatenated `value`s. */
  getAll(path: string, options?: GraphRequestOptions): Promise<unknown[]>;
  post(path: string, body: unknown, options?: GraphRequestOptions): Promise<unknown>;
  patch(path: string, body: unknown, options?: GraphRequestOptions): Promise<unknown>;
  /** PUT raw content (file upload); returns the parsed JSON response. */
  put(path: string, content: Uint8Array | string, options?: GraphUploadOptions): Promise<unknown>;
  delete(path: string, options?: GraphRequestOptions): Promise<void>;
  /** GET raw bytes (file download). */
  getBytes(path: string, options?: GraphRequestOptions): Promise<Uint8Array>;
  /**
   * JSON batching: splits into batches of ≤ 20 (keeping dependsOn chains together), retries inner
   * 429/503/504 honouring their Retry-After (the SDK's retry handler does not), and returns every
   * response by id. Inner failures are returned, not thrown; a failed envelope throws.
   */
  batch(requests: readonly GraphBatchRequest[]): Promise<ReadonlyMap<string, GraphBatchResponse>>;
}
