/**
 * Reads a route's own raw body (a PDF upload) instead of the server's JSON reader, which takes
 * JSON only and at most 1 MB: the media types the route takes, no content-encoding, at most
 * `maxBytes` — said at once when Content-Length says so, counted as it comes when chunked (the
 * rest is read and dropped, never kept). Refusals are our error shape: 413, 415, 400.
 */
import type { Request, Response } from 'restify';
import { AppError } from '../../domain/app-error.ts';

export class RawBodyRefusal extends Error {
  readonly status: number;
  readonly error: AppError;

  constructor(status: number, error: AppError) {
    super(error.message);
    this.status = status;
    this.error = error;
  }
}

export type RawBodyOptions = {
  readonly maxBytes: number;
  /** the accepted media types, lower case (`application/pdf`) */
  readonly types: readonly string[];
  /** Swedish, for a 413 */
  readonly tooLarge: string;
};

function tooLarge(options: RawBodyOptions): RawBodyRefusal {
  return new RawBodyRefusal(
    413,
    new AppError('PAYLOAD_TOO_LARGE', `body over ${options.maxBytes} bytes`, { userMessage: options.tooLarge }),
  );
}

/** the refusal a request earns by its headers alone */
function byHeaders(req: Request, options: RawBodyOptions): RawBodyRefusal | null {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return new RawBodyRefusal(
      415,
      new AppError('INVALID_INPUT', 'content-encoding not accepted', {
        userMessage: 'Skicka filen okomprimerad (ingen content-encoding).',
      }),
    );
  }
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type === undefined || !options.types.includes(type)) {
    return new RawBodyRefusal(
      415,
      new AppError('INVALID_INPUT', `content-type ${type ?? ''} not accepted`, {
        userMessage: `Skicka filen som den är, med Content-Type ${options.types[0] ?? 'application/pdf'}.`,
      }),
    );
  }
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > options.maxBytes ? tooLarge(options) : null;
}

export function readRawBody(req: Request, options: RawBodyOptions): Promise<Uint8Array> {
  const early = byHeaders(req, options);
  if (early !== null) {
    // read and dropped, so the client gets to read the answer
    req.resume();
    return Promise.reject(early);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= options.maxBytes) {
        chunks.push(chunk);
      }
    });
    req.once('end', () => {
      if (received > options.maxBytes) {
        reject(tooLarge(options));
        return;
      }
      const body = Buffer.concat(chunks);
      resolve(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
    });
    req.once('error', (error) => reject(error));
  });
}

/** answers a RawBodyRefusal in our error shape; false for anything else */
export function sendRawBodyRefusal(res: Response, error: unknown): boolean {
  if (!(error instanceof RawBodyRefusal)) {
    return false;
  }
  res.status(error.status);
  res.json({ error: error.error.toJSON() });
  return true;
}
