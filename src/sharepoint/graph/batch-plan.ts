/**
 * Splits $batch requests into envelopes Graph accepts (research/graph.md §3.7): at most 20
 * requests each, and each envelope either fully parallel or one dependency group — Graph answers
 * 400 "Batch should be either fully sequential or fully parallel" to a mix. So requests without
 * dependsOn are packed together, and every group joined by dependsOn travels alone, in
 * dependency order.
 */
import { AppError } from '../../domain/app-error.ts';
import type { GraphBatchRequest } from './graph-client.ts';

export const MAX_BATCH_REQUESTS = 20;

export function planBatchChunks(
  requests: readonly GraphBatchRequest[],
  maxSize: number = MAX_BATCH_REQUESTS,
): GraphBatchRequest[][] {
  const byId = new Map<string, GraphBatchRequest>();
  for (const request of requests) {
    if (byId.has(request.id)) {
      throw invalid(`duplicate batch request id '${request.id}'`);
    }
    byId.set(request.id, request);
  }
  for (const request of requests) {
    for (const dependency of request.dependsOn ?? []) {
      if (!byId.has(dependency) || dependency === request.id) {
        throw invalid(`batch request '${request.id}' depends on unknown request '${dependency}'`);
      }
    }
  }

  const chunks: GraphBatchRequest[][] = [];
  let parallel: GraphBatchRequest[] = [];
  for (const group of dependencyGroups(requests)) {
    if (group.length === 1 && group[0] !== undefined && (group[0].dependsOn ?? []).length === 0) {
      parallel.push(group[0]);
      if (parallel.length === maxSize) {
        chunks.push(parallel);
        parallel = [];
      }
      continue;
    }
    if (group.length > maxSize) {
      throw invalid(`a dependsOn group of ${group.length} requests does not fit in one batch of ${maxSize}`);
    }
    chunks.push(topologicalOrder(group));
  }
  if (parallel.length > 0) {
    chunks.push(parallel);
  }
  return chunks;
}

/** Connected groups of requests joined by dependsOn (in either direction), in input order. */
function dependencyGroups(requests: readonly GraphBatchRequest[]): GraphBatchRequest[][] {
  const parent = new Map<string, string>(requests.map((request) => [request.id, request.id]));
  const find = (id: string): string => {
    let root = id;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) {
      root = up;
    }
    parent.set(id, root);
    return root;
  };
  for (const request of requests) {
    for (const dependency of request.dependsOn ?? []) {
      parent.set(find(request.id), find(dependency));
    }
  }
  const groups = new Map<string, GraphBatchRequest[]>();
  for (const request of requests) {
    const root = find(request.id);
    const group = groups.get(root) ?? [];
    group.push(request);
    groups.set(root, group);
  }
  return [...groups.values()];
}

/** Dependencies before dependents (Graph rejects a batch that names a later request), else input order. */
function topologicalOrder(group: readonly GraphBatchRequest[]): GraphBatchRequest[] {
  const done = new Set<string>();
  const ordered: GraphBatchRequest[] = [];
  while (ordered.length < group.length) {
    const ready = group.find(
      (request) => !done.has(request.id) && (request.dependsOn ?? []).every((dependency) => done.has(dependency)),
    );
    if (ready === undefined) {
      throw invalid(
        `batch requests ${group.map((request) => `'${request.id}'`).join(', ')} depend on each other in a cycle`,
      );
    }
    done.add(ready.id);
    ordered.push(ready);
  }
  return ordered;
}

/** A malformed batch is a bug in our code, not bad user input. */
function invalid(message: string): AppError {
  return new AppError('INTERNAL', message);
}
