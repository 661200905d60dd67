/**
 * Runs $batch envelopes and retries the inner requests Graph throttled (research/graph.md §3.7):
 * the envelope answers 200 while single requests inside it got 429/503/504 with their own
 * Retry-After, which no HTTP middleware sees. Those requests — and the ones that failed with
 * 424 only because they depended on them — are sent again in a new envelope after the longest
 * inner Retry-After, at most `maxRetries` times. Other inner failures are returned as they are.
 */
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { planBatchChunks } from './batch-plan.ts';
import type { GraphBatchRequest, GraphBatchResponse } from './graph-client.ts';
import { isRetryableStatus, type RetryOptions, retryDelay } from './retry-policy.ts';

/** POSTs `{ requests }` to `/$batch` and returns the parsed envelope. */
export type BatchTransport = (body: { requests: readonly BatchWireRequest[] }) => Promise<unknown>;

export type BatchWireRequest = {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly dependsOn?: readonly string[];
};

const envelopeSchema = z.object({
  responses: z.array(
    z.object({
      id: z.coerce.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.unknown()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

export async function executeBatch(
  requests: readonly GraphBatchRequest[],
  transport: BatchTransport,
  options: RetryOptions,
): Promise<ReadonlyMap<string, GraphBatchResponse>> {
  const results = new Map<string, GraphBatchResponse>();
  for (const chunk of planBatchChunks(requests)) {
    await runChunk(chunk, transport, options, results);
  }
  return results;
}

async function runChunk(
  chunk: readonly GraphBatchRequest[],
  transport: BatchTransport,
  options: RetryOptions,
  results: Map<string, GraphBatchResponse>,
): Promise<void> {
  let pending = chunk;
  for (let attempt = 1; ; attempt += 1) {
    const responses = await sendEnvelope(pending, transport);
    for (const request of pending) {
      const response = responses.get(request.id);
      if (response === undefined) {
        throw new AppError('UPSTREAM_FAILED', `Graph $batch returned no response for request '${request.id}'`, {
          details: { status: 200, method: 'POST', path: '/$batch', missingId: request.id },
        });
      }
      results.set(request.id, response);
    }
    const retry = toRetry(pending, results);
    if (retry.size === 0) {
      return;
    }
    const throttled = pending.flatMap((request) => {
      const response = results.get(request.id);
      return response !== undefined && isRetryableStatus(response.status) ? [response] : [];
    });
    const delayMs = Math.max(
      ...throttled.map((response) => retryDelay(header(response, 'retry-after'), attempt, options)),
    );
    const details = { ids: [...retry], statuses: throttled.map((response) => response.status), attempt, delayMs };
    if (attempt > options.maxRetries || delayMs > options.maxDelayMs) {
      options.logger.warn(details, 'Graph strypte anrop i $batch; ger upp');
      return;
    }
    options.logger.warn(details, 'Graph strypte anrop i $batch; skickar dem igen');
    await options.sleep(delayMs);
    pending = pending
      .filter((request) => retry.has(request.id))
      .map((request) => {
        // Dependencies that succeeded are not in the new envelope; Graph rejects unknown ids.
        const dependsOn = (request.dependsOn ?? []).filter((dependency) => retry.has(dependency));
        return { ...request, dependsOn };
      });
  }
}

/** Throttled requests, plus those that got 424 because something they depend on is retried. */
function toRetry(pending: readonly GraphBatchRequest[], results: ReadonlyMap<string, GraphBatchResponse>): Set<string> {
  const retry = new Set<string>();
  // `pending` is in dependency order (planBatchChunks), so one pass sees dependencies first.
  for (const request of pending) {
    const status = results.get(request.id)?.status;
    if (status === undefined) {
      continue;
    }
    if (isRetryableStatus(status)) {
      retry.add(request.id);
    } else if (status === 424 && (request.dependsOn ?? []).some((dependency) => retry.has(dependency))) {
      retry.add(request.id);
    }
  }
  return retry;
}

async function sendEnvelope(
  requests: readonly GraphBatchRequest[],
  transport: BatchTransport,
): Promise<Map<string, GraphBatchResponse>> {
  const raw = await transport({ requests: requests.map(toWire) });
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('UPSTREAM_FAILED', 'Graph $batch returned an unreadable envelope', {
      details: { status: 200, method: 'POST', path: '/$batch', issues: parsed.error.issues.slice(0, 5) },
    });
  }
  const responses = new Map<string, GraphBatchResponse>();
  for (const response of parsed.data.responses) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers ?? {})) {
      headers[name] = String(value);
    }
    responses.set(response.id, {
      id: response.id,
      status: response.status,
      headers,
      body: parseInnerBody(response.body, headers),
    });
  }
  return responses;
}

function toWire(request: GraphBatchRequest): BatchWireRequest {
  const url = request.url.startsWith('/') ? request.url : `/${request.url}`;
  const headers: Record<string, string> = { ...request.headers };
  // Graph requires a Content-Type on every inner request that has a body.
  if (request.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  return {
    id: request.id,
    method: request.method,
    url,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.dependsOn !== undefined && request.dependsOn.length > 0 ? { dependsOn: request.dependsOn } : {}),
  };
}

function header(response: GraphBatchResponse, name: string): string | undefined {
  const key = Object.keys(response.headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : response.headers[key];
}

/**
 * Graph inlines JSON bodies as objects and sends other content base64-encoded; some servers
 * send JSON as a string. A JSON content type gets a parsed body either way.
 */
function parseInnerBody(body: unknown, headers: Readonly<Record<string, string>>): unknown {
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  if (typeof body !== 'string' || !/json/i.test(contentType)) {
    return body;
  }
  return tryParseJson(body) ?? tryParseJson(Buffer.from(body, 'base64').toString('utf8')) ?? body;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // not JSON: the caller falls back to the next reading
    return undefined;
  }
}
