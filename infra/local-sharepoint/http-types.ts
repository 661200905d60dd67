/**
 * The pure request/response pair of the local SharePoint. The node:http listener (server.ts)
 * turns sockets into these and back; everything else only sees these, so a $batch can run its
 * inner requests through the very same handler without a socket.
 */
export type EmulatorRequest = {
  /** upper-case HTTP method */
  readonly method: string;
  /** raw (still percent-encoded) path, e.g. `/v1.0/sites/root/lists` */
  readonly path: string;
  /** raw query string without the leading `?` */
  readonly query: string;
  /** header names in lower case */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** set by the listener when the body went over the limit and was discarded */
  readonly bodyTooLarge?: boolean;
};

export type EmulatorResponse = {
  status: number;
  headers: Record<string, string>;
  /** a JSON body (serialised by the listener, embedded as-is by $batch) */
  json?: unknown;
  /** a binary body (file content); `content-type` is in headers */
  bytes?: Uint8Array;
};

export const JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function jsonResponse(status: number, json: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, json };
}

export function noContent(): EmulatorResponse {
  return { status: 204, headers: {} };
}
