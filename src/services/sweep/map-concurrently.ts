/**
 * Runs `work` over `items`, at most `limit` at a time, results in input order. The sweep uses
 * it so that a register of thousands of insatser is not handled one Graph round trip after the
 * other, nor all at once (which only queues the requests and invites throttling).
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  // one iterator shared by the workers: each takes the next item when it is free
  const queue = items.entries();
  const worker = async (): Promise<void> => {
    for (const [index, item] of queue) {
      results[index] = await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
