/**
 * The request log behind GET /_emulator/requests, so tests and benchmarks can count the Graph
 * calls an operation makes. Inner $batch requests are logged too (inBatch: true). In memory only.
 */

export type RequestLogEntry = {
  readonly seq: number;
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly route: string;
  readonly status: number;
  readonly inBatch: boolean;
  readonly durationMs: number;
};

export type RequestLogSummary = {
  total: number;
  writes: number;
  byMethod: Record<string, number>;
  byRoute: Record<string, number>;
  lastSeq: number;
  entries: RequestLogEntry[];
};

const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** oldest entries are dropped beyond this, so a long dev session does not grow without bound */
export const MAX_LOG_ENTRIES = 100_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ seq: this.seq, ...entry });
    if (this.entries.length > MAX_LOG_ENTRIES) {
      this.entries.splice(0, this.entries.length - MAX_LOG_ENTRIES);
    }
  }

  clear(): void {
    this.entries = [];
  }

  summary(since: number, limit: number): RequestLogSummary {
    const selected = this.entries.filter((entry) => entry.seq > since);
    const byMethod: Record<string, number> = {};
    const byRoute: Record<string, number> = {};
    let writes = 0;
    for (const entry of selected) {
      byMethod[entry.method] = (byMethod[entry.method] ?? 0) + 1;
      byRoute[entry.route] = (byRoute[entry.route] ?? 0) + 1;
      // the $batch envelope is transport: its inner requests are what write
      if (WRITE_METHODS.has(entry.method) && entry.route !== 'POST /$batch') {
        writes += 1;
      }
    }
    return {
      total: selected.length,
      writes,
      byMethod,
      byRoute,
      lastSeq: this.seq,
      entries: selected.slice(Math.max(0, selected.length - limit)),
    };
  }
}
