/**
 * A Bot Connector service for tests and the bench: node:http on 127.0.0.1, port 0. Conversation
 * references whose serviceUrl points here make the real botbuilder sender post to it. It
 * records every request and answers like Teams: `POST /v3/conversations/{id}/activities` →
 * 201 `{ id }`, `PUT /v3/conversations/{id}/activities/{activityId}` → 200 `{ id }`, or, when
 * scripted, 429 with Retry-After, 403, 404, 502 … with Teams' error body.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ConnectorReply = {
  readonly status: number;
  readonly retryAfterSeconds?: number;
  /** the error code in the body, e.g. `BotNotInConversationRoster` */
  readonly code?: string;
};

export type ConnectorRequest = {
  readonly seq: number;
  readonly method: 'POST' | 'PUT';
  readonly conversationId: string;
  /** PUT: the activity being replaced */
  readonly activityId: string | undefined;
  readonly activity: Record<string, unknown>;
  /** what the fake answered */
  readonly status: number;
  /** the id it gave a delivered message */
  readonly assignedId: string | undefined;
  /** the Authorization header the bot sent (its own Bot Framework token), if any */
  readonly authorization: string | undefined;
};

/** decides the answer to one request; undefined means success */
export type Responder = (request: {
  readonly seq: number;
  readonly method: 'POST' | 'PUT';
  readonly conversationId: string;
}) => ConnectorReply | undefined | Promise<ConnectorReply | undefined>;

export type FakeBotConnector = {
  /** the serviceUrl, with a trailing slash as Teams sends it */
  readonly serviceUrl: string;
  /** every activity request, in arrival order */
  readonly requests: ConnectorRequest[];
  /** requests answered 2xx: what actually reached users */
  delivered(): ConnectorRequest[];
  /** answers the next requests to this conversation with these replies, in order */
  script(conversationId: string, ...replies: ConnectorReply[]): void;
  /** consulted for requests without a scripted reply */
  respondWith(responder: Responder | undefined): void;
  /** a Teams-like personal conversation reference that points here */
  reference(conversationId: string, userAadId?: string): Record<string, unknown>;
  reset(): void;
  close(): Promise<void>;
};

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?$/;

const ERROR_MESSAGES: Readonly<Record<number, [string, string]>> = {
  403: ['BotNotInConversationRoster', 'The bot is not part of the conversation roster.'],
  404: ['ConversationNotFound', 'Conversation not found.'],
  412: ['PreconditionFailed', 'Conflict, try again.'],
  413: ['MessageSizeTooBig', 'Activity body too large for processing.'],
  429: ['Throttled', 'Too many requests'],
  502: ['ServiceError', 'Bad gateway'],
  503: ['ServiceUnavailable', 'Service unavailable'],
  504: ['GatewayTimeout', 'Gateway timeout'],
};

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const requests: ConnectorRequest[] = [];
  const scripted = new Map<string, ConnectorReply[]>();
  let responder: Responder | undefined;
  let seq = 0;
  let nextActivity = 1;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const match = ROUTE.exec(new URL(req.url ?? '/', 'http://fake').pathname);
    const method = req.method === 'PUT' ? 'PUT' : req.method === 'POST' ? 'POST' : null;
    if (match === null || method === null) {
      send(res, 404, { error: { code: 'NotFound', message: `no route for ${req.method} ${req.url}` } });
      return;
    }
    seq += 1;
    const conversationId = decodeURIComponent(match[1] ?? '');
    // POST …/activities/{id} is a reply; only PUT names the activity it replaces
    const activityId = method === 'PUT' && match[2] !== undefined ? decodeURIComponent(match[2]) : undefined;
    const queue = scripted.get(conversationId);
    const reply = queue?.shift() ?? (await responder?.({ seq, method, conversationId }));
    const status = reply?.status ?? (method === 'POST' ? 201 : 200);
    const assignedId = status < 300 ? (activityId ?? `1:activity-${nextActivity++}`) : undefined;
    const authorization = req.headers.authorization;
    requests.push({
      seq,
      method,
      conversationId,
      activityId,
      activity: parseJson(body),
      status,
      assignedId,
      authorization,
    });
    if (assignedId !== undefined) {
      send(res, status, { id: assignedId });
      return;
    }
    const [code, message] = ERROR_MESSAGES[status] ?? ['Error', `status ${status}`];
    const headers: Record<string, string> =
      reply?.retryAfterSeconds === undefined ? {} : { 'retry-after': String(reply.retryAfterSeconds) };
    send(res, status, { error: { code: reply?.code ?? code, message } }, headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { error: { code: 'FakeConnectorError', message: String(error) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('the fake Bot Connector has no TCP port');
  }
  const serviceUrl = `http://127.0.0.1:${address.port}/`;

  return {
    serviceUrl,
    requests,
    delivered: () => requests.filter((request) => request.status < 300),
    script: (conversationId, ...replies) => {
      scripted.set(conversationId, [...(scripted.get(conversationId) ?? []), ...replies]);
    },
    respondWith: (next) => {
      responder = next;
    },
    reference: (conversationId, userAadId) => ({
      activityId: `f:${conversationId}`,
      bot: { id: '28:insatsnavet-bot', name: 'Insatsnavet' },
      channelId: 'msteams',
      conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      serviceUrl,
      user: {
        id: `29:${conversationId}`,
        name: 'Mottagare',
        ...(userAadId === undefined ? {} : { aadObjectId: userAadId }),
      },
      locale: 'sv-SE',
    }),
    reset: () => {
      requests.length = 0;
      scripted.clear();
      responder = undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? { ...value } : {};
  } catch {
    return { unparsed: text };
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
