/** Shared setup for the local SharePoint's integration tests: a server on a random port in a temp dir. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LocalSharePoint, startLocalSharePoint } from '../../../infra/local-sharepoint/server.ts';

export type Reply<T = JsonObject> = {
  status: number;
  headers: Headers;
  /** the parsed body, typed by the caller (the tests assert the shape) */
  json: T;
  text: string;
};

export type JsonObject = Record<string, unknown>;
export type Fields = Record<string, unknown>;
export type ItemJson = {
  '@odata.etag': string;
  id: string;
  eTag: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  fields: Fields;
  [key: string]: unknown;
};
export type Collection<T = ItemJson> = { '@odata.context': string; '@odata.nextLink'?: string; value: T[] };
export type ErrorJson = { error: { code: string; message: string; innerError: Record<string, string> } };

export type Emulator = {
  sp: LocalSharePoint;
  dataDir: string;
  /** a Graph call with a bearer token and a JSON body */
  graph<T = JsonObject>(
    method: string,
    pathAndQuery: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply<T>>;
  /** a call under /_emulator */
  control<T = JsonObject>(method: string, pathAndQuery: string, body?: unknown): Promise<Reply<T>>;
  /** a fresh site for one test: returns `/sites/{site-id}` */
  newSite(): Promise<string>;
  close(): Promise<void>;
};

async function reply<T>(response: Response): Promise<Reply<T>> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON (file content): tests read `text`
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json: json as T, text };
}

let siteCounter = 0;

export async function startEmulator(options: { maxBodyBytes?: number } = {}): Promise<Emulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sharepoint-test-'));
  const sp = await startLocalSharePoint({ port: 0, dataDir, ...options });
  const emulator: Emulator = {
    sp,
    dataDir,
    graph: async <T>(method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}) =>
      reply<T>(
        await fetch(`${sp.graphUrl}${pathAndQuery}`, {
          method,
          headers: {
            authorization: 'Bearer test-token',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
    control: async <T>(method: string, pathAndQuery: string, body?: unknown) =>
      reply<T>(
        await fetch(`${sp.url}/_emulator${pathAndQuery}`, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
    newSite: async () => {
      siteCounter += 1;
      const created = await emulator.control<{ id: string }>('POST', '/sites', {
        path: `/sites/t${process.pid}x${siteCounter}`,
        displayName: `Test ${siteCounter}`,
      });
      if (created.status !== 201) {
        throw new Error(`could not create a test site: ${created.text}`);
      }
      return `/sites/${created.json.id}`;
    },
    close: async () => {
      await sp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return emulator;
}

/** the Graph error envelope every failure must have */
export function expectGraphError(response: Reply<unknown>, status: number, code: string): ErrorJson['error'] {
  const error = (response.json as Partial<ErrorJson> | undefined)?.error;
  if (response.status !== status || error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${response.status} ${response.text}`);
  }
  if (typeof error.message !== 'string' || typeof error.innerError?.['request-id'] !== 'string') {
    throw new Error(`not a Graph error envelope: ${response.text}`);
  }
  if (response.headers.get('request-id') !== error.innerError['request-id']) {
    throw new Error('request-id header and innerError request-id differ');
  }
  return error;
}

export async function createList(
  emulator: Emulator,
  site: string,
  displayName: string,
  columns: unknown[] = [],
  template: 'genericList' | 'documentLibrary' = 'genericList',
): Promise<string> {
  const created = await emulator.graph<{ id: string }>('POST', `${site}/lists`, {
    displayName,
    columns,
    list: { template },
  });
  if (created.status !== 201) {
    throw new Error(`could not create list ${displayName}: ${created.text}`);
  }
  return created.json.id;
}

/** creates items 20 at a time through $batch */
export async function createItems(
  emulator: Emulator,
  site: string,
  listId: string,
  fields: readonly Record<string, unknown>[],
): Promise<void> {
  for (let start = 0; start < fields.length; start += 20) {
    const requests = fields.slice(start, start + 20).map((item, index) => ({
      id: String(index + 1),
      method: 'POST',
      url: `${site}/lists/${listId}/items`,
      headers: { 'Content-Type': 'application/json' },
      body: { fields: item },
    }));
    const batch = await emulator.graph<{ responses?: { status: number }[] }>('POST', '/$batch', { requests });
    const failed = (batch.json?.responses ?? []).filter((response) => response.status !== 201);
    if (batch.status !== 200 || failed.length > 0) {
      throw new Error(`batch create failed: ${batch.text.slice(0, 500)}`);
    }
  }
}
