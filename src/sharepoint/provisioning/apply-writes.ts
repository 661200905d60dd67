/**
 * Sends independent writes through $batch (up to 20 per request) and fails loudly if any of them
 * failed, naming each — after the whole round, so that one bad column does not hide the others.
 * What succeeded stays written; the next provisioning run completes the rest.
 */
import { AppError } from '../../domain/app-error.ts';
import type { GraphBatchRequest, GraphClient } from '../graph/graph-client.ts';
import { appErrorCodeForStatus, readGraphError } from '../graph/map-graph-error.ts';

export type Write = {
  readonly label: string;
  readonly method: 'POST' | 'PATCH';
  readonly url: string;
  readonly body: unknown;
};

/** Runs the writes in parallel and returns each response body by label. */
export async function applyWrites(graph: GraphClient, writes: readonly Write[]): Promise<Map<string, unknown>> {
  const bodies = new Map<string, unknown>();
  if (writes.length === 0) {
    return bodies;
  }
  const requests: GraphBatchRequest[] = writes.map((write, index) => ({
    id: String(index + 1),
    method: write.method,
    url: write.url,
    body: write.body,
  }));
  const responses = await graph.batch(requests);
  const failures: Record<string, unknown>[] = [];
  writes.forEach((write, index) => {
    const response = responses.get(String(index + 1));
    if (response === undefined || response.status >= 300) {
      const status = response?.status ?? 0;
      failures.push({
        write: write.label,
        method: write.method,
        url: write.url,
        status,
        ...readGraphError(response?.body),
      });
      return;
    }
    bodies.set(write.label, response.body);
  });
  const first = failures[0];
  if (first !== undefined) {
    const status = typeof first.status === 'number' ? first.status : 0;
    throw new AppError(
      appErrorCodeForStatus(status),
      `Provisioning failed for ${failures.map((failure) => `${String(failure.write)} (${String(failure.status)} ${String(failure.graphCode ?? '')}: ${String(failure.graphMessage ?? '')})`).join('; ')}`,
      { details: { failures } },
    );
  }
  return bodies;
}

/** Runs writes in rounds: all writes of a round in parallel, rounds one after another. */
export async function applyRounds(graph: GraphClient, rounds: readonly (readonly Write[])[]): Promise<void> {
  for (const round of rounds) {
    await applyWrites(graph, round);
  }
}

/**
 * Turns per-list write queues into rounds holding at most one write per list, so that no two
 * schema changes to the same list run at the same time (SharePoint saves a list's schema as a
 * whole; concurrent changes to one list risk a save conflict).
 */
export function roundsOf(queues: readonly (readonly Write[])[]): Write[][] {
  const rounds: Write[][] = [];
  const longest = Math.max(0, ...queues.map((queue) => queue.length));
  for (let index = 0; index < longest; index += 1) {
    rounds.push(
      queues.flatMap((queue) => {
        const write = queue[index];
        return write === undefined ? [] : [write];
      }),
    );
  }
  return rounds;
}
