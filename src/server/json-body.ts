/**
 * Reads a request's JSON body, and nothing else, in place of restify's bodyParser. restify's
 * parser also takes gzip (an undecodable gzip body killed the process with an unhandled 'error'
 * event, and the 1 MB limit counted compressed bytes, so a small bomb could fill the memory),
 * form-encoded bodies and multipart uploads (written to the temporary folder, whatever their
 * size, before any route or token was checked). Insatsnavet's API and the Bot Framework speak
 * JSON only, so:
 *
 * - a body with a content-encoding other than identity → 415
 * - a body that is not `application/json` (or `application/…+json`) → 415
 * - more than {@link MAX_BODY_BYTES} → 413 (said at once when Content-Length says so; a chunked
 *   body is counted as it comes and the rest is read and thrown away, never kept)
 * - bytes that are not UTF-8 → 400 (decoded strictly: no U+FFFD smuggled into a title)
 * - text that is not JSON → 400
 * - JSON nested deeper than {@link MAX_JSON_DEPTH} → 400 (no API body or activity comes close;
 *   a deep document costs every later walk over it — zod, pino, botbuilder's clones — a stack)
 *
 * Every refusal is our error shape, `{ error: { code, message } }`, and reaches no route.
 */
import type { Request, RequestHandler, Response } from 'restify';
import { AppError } from '../domain/app-error.ts';

/** Bot activities and API bodies are small; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The deepest JSON accepted: an application (insats → applicationDetails → goals → goal) is 4
 * levels, a Teams activity with an Adaptive Card in it a few dozen at most.
 */
export const MAX_JSON_DEPTH = 64;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

type Refusal = { readonly status: number; readonly error: AppError };

function refusal(status: number, message: string, userMessage: string): Refusal {
  return {
    status,
    error: new AppError(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INVALID_INPUT', message, { userMessage }),
  };
}

const NOT_JSON_TYPE = refusal(
  415,
  'body is not application/json',
  'Insatsnavet tar bara emot JSON (content-type: application/json).',
);
const ENCODED = refusal(
  415,
  'content-encoding not accepted',
  'Insatsnavet tar inte emot komprimerade anrop (content-encoding). Skicka JSON okomprimerat.',
);
const TOO_LARGE = refusal(413, 'body too large', 'Det du skickade är för stort (högst 1 MB).');
const NOT_UTF8 = refusal(400, 'body is not UTF-8', 'Innehållet är inte giltig UTF-8-text.');
const NOT_JSON = refusal(400, 'body is not JSON', 'Innehållet är inte giltig JSON.');
const TOO_DEEP = refusal(
  400,
  `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
  `Innehållet är för djupt nästlat (högst ${MAX_JSON_DEPTH} nivåer).`,
);

/** whether the request says it carries a body (a length above 0, or chunked) */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** the refusal a request earns by its headers alone, before a byte of it is read */
export function refusalByHeaders(headers: Request['headers']): Refusal | null {
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return ENCODED;
  }
  const [type = '', ...parameters] = String(headers['content-type'] ?? '').split(';');
  if (!JSON_TYPE.test(type.trim())) {
    return NOT_JSON_TYPE;
  }
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='));
  if (charset !== undefined && !['charset=utf-8', 'charset=utf8', 'charset="utf-8"'].includes(charset)) {
    return NOT_JSON_TYPE;
  }
  const length = Number(headers['content-length'] ?? 0);
  return length > MAX_BODY_BYTES ? TOO_LARGE : null;
}

/** How deep a parsed JSON value nests (a scalar is 0), without recursion: a deep one cannot overflow the stack. */
export function jsonDepth(value: unknown, stopAbove = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<readonly [unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as readonly [unknown, number];
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    const level = depth + 1;
    if (level > deepest) {
      deepest = level;
      if (deepest > stopAbove) {
        return deepest;
      }
    }
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) {
        stack.push([child, level]);
      }
    }
  }
  return deepest;
}

/** the parsed body, or the refusal it earns */
export function parseJsonBody(bytes: Buffer): { readonly body: unknown } | Refusal {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return NOT_UTF8;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
  return jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH ? TOO_DEEP : { body };
}

function refuse(res: Response, { status, error }: Refusal): void {
  res.status(status);
  res.json({ error: error.toJSON() });
}

/** restify middleware: sets `req.body` to the parsed JSON (undefined without a body), or answers the refusal */
export function readJsonBody(): RequestHandler {
  return (req: Request, res: Response, next: (value?: false) => void) => {
    if (!hasBody(req)) {
      next();
      return;
    }
    const early = refusalByHeaders(req.headers);
    if (early !== null) {
      // the body is read and dropped, so the client gets to read our answer
      req.resume();
      refuse(res, early);
      next(false);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (outcome: { readonly body: unknown } | Refusal): void => {
      if (finished) {
        return;
      }
      finished = true;
      if ('status' in outcome) {
        refuse(res, outcome);
        next(false);
        return;
      }
      req.body = outcome.body;
      next();
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.once('end', () => {
      finish(received > MAX_BODY_BYTES ? TOO_LARGE : parseJsonBody(Buffer.concat(chunks)));
    });
    // a client that goes away mid-body: nobody is left to answer
    req.once('aborted', () => {
      finished = true;
    });
    req.once('error', () => {
      finished = true;
    });
  };
}
