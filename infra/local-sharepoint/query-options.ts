/**
 * Query options of one request. Graph v1.0 accepts OData system options with or without the `$`
 * (`$expand=fields` and `expand=fields` are the same) and refuses the same option twice.
 */
import { invalidRequest } from './errors.ts';

export class QueryOptions {
  /** raw `key=value` parts as the client sent them, for repeating them in @odata.nextLink */
  readonly rawParts: readonly string[];
  private readonly entries: readonly (readonly [string, string])[];

  constructor(rawQuery: string) {
    this.rawParts = rawQuery.split('&').filter((part) => part !== '');
    this.entries = [...new URLSearchParams(rawQuery).entries()];
  }

  /** an OData system option (`filter`, `top`…), with or without `$`, case-insensitive */
  system(name: string): string | undefined {
    const wanted = name.toLowerCase();
    const found = this.entries.filter(([key]) => key.replace(/^\$/, '').toLowerCase() === wanted);
    if (found.length > 1) {
      throw invalidRequest(
        `Query option '$${name}' was specified more than once, but it must be specified at most once.`,
      );
    }
    return found[0]?.[1];
  }

  /** a non-OData parameter such as `@microsoft.graph.conflictBehavior` */
  parameter(name: string): string | undefined {
    const found = this.entries.find(([key]) => key === name);
    return found?.[1];
  }

  /** the original query with `$skiptoken` replaced */
  withSkipToken(token: string): string {
    const kept = this.rawParts.filter((part) => {
      const key = safeDecode(part.split('=')[0] ?? '')
        .replace(/^\$/, '')
        .toLowerCase();
      return key !== 'skiptoken';
    });
    kept.push(`$skiptoken=${encodeURIComponent(token)}`);
    return kept.join('&');
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // a malformed escape in an unrelated key: compare it as written
    return text;
  }
}

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;

/** `$top`: default 200, larger than 5000 is clamped to 5000 */
export function pageSize(options: QueryOptions, defaultSize = DEFAULT_PAGE_SIZE, max = MAX_PAGE_SIZE): number {
  const raw = options.system('top');
  if (raw === undefined) {
    return defaultSize;
  }
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1) {
    throw invalidRequest(`Invalid value '${raw}' for $top: expected a positive integer.`);
  }
  return Math.min(Number(raw), max);
}
