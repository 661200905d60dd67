import type {
  GraphBatchRequest,
  GraphBatchResponse,
  GraphClient,
  GraphRequestOptions,
} from '../../../../src/sharepoint/graph/graph-client.ts';

export type GraphCall = {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
};

/** Answers one call; throw an AppError to play a Graph failure. */
export type GraphScript = (call: GraphCall) => unknown;

/**
 * A GraphClient for unit tests of the repositories: records every call and answers from a
 * script. Batches are answered request by request through the same script, a thrown AppError
 * becoming that request's status.
 */
export class ScriptedGraphClient implements GraphClient {
  readonly calls: GraphCall[] = [];
  private readonly script: GraphScript;

  constructor(script: GraphScript) {
    this.script = script;
  }

  async get(path: string, options?: GraphRequestOptions): Promise<unknown> {
    return this.answer({ method: 'GET', path, headers: options?.headers });
  }

  async getAll(path: string, options?: GraphRequestOptions): Promise<unknown[]> {
    const page = this.answer({ method: 'GET', path, headers: options?.headers });
    const value: unknown = typeof page === 'object' && page !== null ? Reflect.get(page, 'value') : undefined;
    return Array.isArray(value) ? value : [];
  }

  async post(path: string, body: unknown, options?: GraphRequestOptions): Promise<unknown> {
    return this.answer({ method: 'POST', path, body, headers: options?.headers });
  }

  async patch(path: string, body: unknown, options?: GraphRequestOptions): Promise<unknown> {
    return this.answer({ method: 'PATCH', path, body, headers: options?.headers });
  }

  async put(path: string, content: Uint8Array | string, options?: GraphRequestOptions): Promise<unknown> {
    return this.answer({ method: 'PUT', path, body: content, headers: options?.headers });
  }

  async delete(path: string, options?: GraphRequestOptions): Promise<void> {
    this.answer({ method: 'DELETE', path, headers: options?.headers });
  }

  async getBytes(path: string, options?: GraphRequestOptions): Promise<Uint8Array> {
    const answer = this.answer({ method: 'GET', path, headers: options?.headers });
    return answer instanceof Uint8Array ? answer : new Uint8Array();
  }

  async batch(requests: readonly GraphBatchRequest[]): Promise<ReadonlyMap<string, GraphBatchResponse>> {
    const responses = new Map<string, GraphBatchResponse>();
    for (const request of requests) {
      try {
        const body = this.answer({
          method: request.method,
          path: request.url,
          body: request.body,
          headers: request.headers,
        });
        responses.set(request.id, { id: request.id, status: request.method === 'POST' ? 201 : 200, headers: {}, body });
      } catch (error) {
        const status = typeof error === 'object' && error !== null ? Reflect.get(error, 'httpStatus') : undefined;
        responses.set(request.id, {
          id: request.id,
          status: typeof status === 'number' ? status : 500,
          headers: {},
          body: { error: { code: 'scripted', message: String(error) } },
        });
      }
    }
    return responses;
  }

  private answer(call: GraphCall): unknown {
    this.calls.push(call);
    return this.script(call);
  }
}

/** A listItem as Graph returns it. */
export function listItem(id: number, fields: Record<string, unknown>, version = 1): Record<string, unknown> {
  const etag = `"0a1b2c3d-0000-4000-8000-${String(id).padStart(12, '0')},${version}"`;
  return {
    id: String(id),
    '@odata.etag': etag,
    eTag: etag,
    fields: { '@odata.etag': etag, id: String(id), ...fields },
  };
}
