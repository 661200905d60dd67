/**
 * POST /$batch (graph.md §3.7): at most 20 requests, relative URLs, `dependsOn` ordering, 424
 * for dependents of a failed request, per-request status. Each inner request goes through the
 * same handler as a real one (auth from the envelope, faults, logging with inBatch: true).
 */
import { z } from 'zod';
import { zodMessage } from '../columns/manage.ts';
import type { RequestScope } from '../context.ts';
import { GraphError, graphErrorBody, invalidRequest } from '../errors.ts';
import { type EmulatorRequest, type EmulatorResponse, jsonResponse } from '../http-types.ts';
import { newGuid } from '../ids.ts';
import { readJsonObject } from '../json-body.ts';

export const MAX_BATCH_REQUESTS = 20;

const stepSchema = z.looseObject({
  id: z.string().min(1),
  method: z
    .string()
    .transform((method) => method.toUpperCase())
    .pipe(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});

const batchSchema = z.looseObject({ requests: z.array(z.unknown()) });

type Step = z.infer<typeof stepSchema>;

export type InnerDispatch = (request: EmulatorRequest) => Promise<EmulatorResponse>;

type BatchResponse = { id: string; status: number; headers: Record<string, string>; body?: unknown };

function headerName(name: string): string {
  if (name === 'etag') {
    return 'ETag';
  }
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('-');
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    result[key.toLowerCase()] = value;
  }
  return result;
}

function validate(body: Record<string, unknown>): Step[] {
  const envelope = batchSchema.safeParse(body);
  if (!envelope.success) {
    throw invalidRequest(`Invalid batch payload: ${zodMessage(envelope.error)}`);
  }
  if (envelope.data.requests.length > MAX_BATCH_REQUESTS) {
    throw new GraphError(
      400,
      'MaximumValueExceeded',
      `Number of batch request steps exceeds the maximum value of ${MAX_BATCH_REQUESTS}.`,
    );
  }
  const steps: Step[] = [];
  for (const [index, raw] of envelope.data.requests.entries()) {
    const parsed = stepSchema.safeParse(raw);
    if (!parsed.success) {
      throw invalidRequest(`Invalid batch request at index ${index}: ${zodMessage(parsed.error)}`);
    }
    steps.push(parsed.data);
  }
  const ids = new Set<string>();
  for (const step of steps) {
    if (ids.has(step.id)) {
      throw invalidRequest(`Batch request id '${step.id}' is used more than once.`);
    }
    ids.add(step.id);
  }
  for (const step of steps) {
    for (const dependency of step.dependsOn ?? []) {
      if (!ids.has(dependency) || dependency === step.id) {
        throw invalidRequest(`Batch request '${step.id}' depends on '${dependency}', which is not in the batch.`);
      }
    }
    if (step.body !== undefined && lowerKeys(step.headers)['content-type'] === undefined) {
      throw invalidRequest(`Batch request '${step.id}' has a body but no Content-Type header.`);
    }
    if (/^[a-z]+:\/\//i.test(step.url)) {
      throw invalidRequest(`Batch request '${step.id}' must use a relative URL, e.g. '/sites/root'.`);
    }
  }
  assertAcyclic(steps);
  return steps;
}

function assertAcyclic(steps: readonly Step[]): void {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    if (state.get(id) === 'done') {
      return;
    }
    if (state.get(id) === 'visiting') {
      throw invalidRequest(`The dependsOn of batch request '${id}' form a cycle.`);
    }
    state.set(id, 'visiting');
    for (const dependency of byId.get(id)?.dependsOn ?? []) {
      visit(dependency);
    }
    state.set(id, 'done');
  };
  for (const step of steps) {
    visit(step.id);
  }
}

function innerRequest(scope: RequestScope, step: Step): EmulatorRequest {
  const relative = step.url.startsWith('/') ? step.url : `/${step.url}`;
  const question = relative.indexOf('?');
  const path = question === -1 ? relative : relative.slice(0, question);
  const query = question === -1 ? '' : relative.slice(question + 1);
  const headers = lowerKeys(step.headers);
  const outer = scope.request.headers;
  // inner requests carry the envelope's credentials and host (for absolute nextLinks)
  for (const name of ['authorization', 'host'] as const) {
    const value = outer[name];
    if (value !== undefined) {
      headers[name] = value;
    }
  }
  let body: Uint8Array = new Uint8Array();
  if (step.body !== undefined) {
    const isJson = /\bjson\b/i.test(headers['content-type'] ?? '');
    if (!isJson && typeof step.body === 'string') {
      // non-JSON inner bodies travel as base64, as in Graph
      body = Buffer.from(step.body, 'base64');
    } else {
      body = Buffer.from(JSON.stringify(step.body), 'utf8');
    }
  }
  return { method: step.method, path: `/v1.0${path}`, query, headers, body };
}

function toBatchResponse(id: string, response: EmulatorResponse): BatchResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (name !== 'content-length') {
      headers[headerName(name)] = value;
    }
  }
  const result: BatchResponse = { id, status: response.status, headers };
  if (response.json !== undefined) {
    result.body = response.json;
  } else if (response.bytes !== undefined) {
    result.body = Buffer.from(response.bytes).toString('base64');
  }
  return result;
}

export async function runBatch(scope: RequestScope, dispatch: InnerDispatch): Promise<EmulatorResponse> {
  const steps = validate(readJsonObject(scope));
  const results = new Map<string, Promise<BatchResponse>>();
  const run = async (step: Step): Promise<BatchResponse> => {
    const dependencies = await Promise.all(
      (step.dependsOn ?? []).map((dependency) => results.get(dependency) ?? Promise.reject(new Error('missing step'))),
    );
    if (dependencies.some((dependency) => dependency.status >= 400)) {
      const failed = new GraphError(424, 'failedDependency', 'A request this request depends on failed.');
      return {
        id: step.id,
        status: 424,
        headers: { 'Content-Type': 'application/json' },
        body: graphErrorBody(failed, { requestId: newGuid(), clientRequestId: undefined, date: scope.ctx.now() }),
      };
    }
    if (/^\/?\$batch\b/.test(step.url)) {
      const nested = invalidRequest('A batch cannot contain another batch.');
      return {
        id: step.id,
        status: 400,
        headers: { 'Content-Type': 'application/json' },
        body: graphErrorBody(nested, { requestId: newGuid(), clientRequestId: undefined, date: scope.ctx.now() }),
      };
    }
    return toBatchResponse(step.id, await dispatch(innerRequest(scope, step)));
  };
  // dependencies are registered before their dependents run: steps are visited in an order
  // where every dependency comes first
  for (const step of topologicalOrder(steps)) {
    results.set(step.id, run(step));
  }
  const responses = await Promise.all(steps.map((step) => results.get(step.id) ?? Promise.reject(new Error('lost'))));
  return jsonResponse(200, { responses });
}

function topologicalOrder(steps: readonly Step[]): Step[] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const ordered: Step[] = [];
  const seen = new Set<string>();
  const visit = (step: Step): void => {
    if (seen.has(step.id)) {
      return;
    }
    seen.add(step.id);
    for (const dependency of step.dependsOn ?? []) {
      const target = byId.get(dependency);
      if (target !== undefined) {
        visit(target);
      }
    }
    ordered.push(step);
  };
  steps.forEach(visit);
  return ordered;
}
