/**
 * Keyset paging tokens in SharePoint's own form: base64 (unpadded) of
 * `Paged=TRUE&p_<SortKey>=<value>…&p_ID=<last id>`. SharePoint writes raw values; we write each
 * sort value as URI-encoded JSON so numbers, booleans, null and text survive the trip exactly.
 */

export type SortValue = string | number | boolean | null;

export type PageCursor = {
  /** item id of the last row on the previous page */
  readonly lastId: number;
  /** the sort key values of that row, in $orderby order */
  readonly keys: readonly { readonly name: string; readonly value: SortValue }[];
};

export class SkipTokenError extends Error {
  constructor(detail: string) {
    super(`The $skiptoken is not valid: ${detail}`);
    this.name = 'SkipTokenError';
  }
}

export function encodeSkipToken(cursor: PageCursor): string {
  const parts = ['Paged=TRUE'];
  for (const key of cursor.keys) {
    parts.push(`p_${encodeURIComponent(key.name)}=${encodeURIComponent(JSON.stringify(key.value))}`);
  }
  parts.push(`p_ID=${cursor.lastId}`);
  return Buffer.from(parts.join('&'), 'utf8').toString('base64').replace(/=+$/, '');
}

export function decodeSkipToken(token: string): PageCursor {
  // URLSearchParams turns an unescaped '+' into a space; undo that, and accept url-safe base64
  const base64 = token.trim().replaceAll(' ', '+').replaceAll('-', '+').replaceAll('_', '/');
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw new SkipTokenError('not base64');
  }
  const text = Buffer.from(base64, 'base64').toString('utf8');
  const parts = text.split('&');
  if (parts[0] !== 'Paged=TRUE') {
    throw new SkipTokenError("missing 'Paged=TRUE'");
  }
  const last = parts[parts.length - 1];
  const idMatch = last === undefined ? null : /^p_ID=(\d{1,15})$/.exec(last);
  if (parts.length < 2 || idMatch === null || idMatch[1] === undefined) {
    throw new SkipTokenError("missing 'p_ID'");
  }
  const keys: { name: string; value: SortValue }[] = [];
  for (const part of parts.slice(1, -1)) {
    const equals = part.indexOf('=');
    if (!part.startsWith('p_') || equals === -1) {
      throw new SkipTokenError(`unexpected part '${part}'`);
    }
    let name: string;
    let value: unknown;
    try {
      name = decodeURIComponent(part.slice(2, equals));
      value = JSON.parse(decodeURIComponent(part.slice(equals + 1)));
    } catch (error) {
      throw new SkipTokenError(`cannot read '${part}' (${(error as Error).message})`);
    }
    if (!isSortValue(value)) {
      throw new SkipTokenError(`'${part}' does not hold a sort value`);
    }
    keys.push({ name, value });
  }
  return { lastId: Number(idMatch[1]), keys };
}

function isSortValue(value: unknown): value is SortValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
