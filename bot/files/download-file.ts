/**
 * Downloads a file a user sent the bot in a personal chat. Teams puts it in the sender's OneDrive
 * and gives the bot a short-lived, pre-authorised `downloadUrl` (attachment contentType
 * `application/vnd.microsoft.teams.file.download.info`): no credentials are sent with the request.
 * At most `maxBytes` (Content-Length refused at once, a longer body cut off), a time limit, and
 * https only — plain http only where `allowHttp` (development and the tests' local server).
 */
import { AppError } from '../../src/domain/app-error.ts';

export const TEAMS_FILE_CONTENT_TYPE = 'application/vnd.microsoft.teams.file.download.info';

export type DownloadOptions = {
  readonly maxBytes: number;
  readonly allowHttp: boolean;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
};

function refused(message: string, userMessage: string): AppError {
  return new AppError('INVALID_INPUT', message, { userMessage });
}

export async function downloadTeamsFile(url: string, options: DownloadOptions): Promise<Uint8Array> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refused('download url is not a URL', 'Filen kunde inte hämtas från Teams (ogiltig adress).');
  }
  const secure = parsed.protocol === 'https:';
  if (!secure && !(options.allowHttp && parsed.protocol === 'http:')) {
    throw refused(
      `download url over ${parsed.protocol}`,
      'Filen kunde inte hämtas: Teams gav ingen säker (https) adress till den.',
    );
  }
  const response = await (options.fetch ?? fetch)(parsed, {
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    headers: { accept: 'application/pdf, application/octet-stream, */*' },
  }).catch((error: unknown) => {
    throw new AppError('UPSTREAM_FAILED', `download failed: ${String(error)}`, {
      userMessage: 'Filen kunde inte hämtas från Teams. Försök skicka den igen om en stund.',
      cause: error,
    });
  });
  if (!options.allowHttp && new URL(response.url || parsed.href).protocol !== 'https:') {
    throw refused(
      'download redirected off https',
      'Filen kunde inte hämtas: Teams skickade den vidare till en osäker adress.',
    );
  }
  if (!response.ok || response.body === null) {
    throw new AppError('UPSTREAM_FAILED', `download answered ${response.status}`, {
      userMessage: 'Filen kunde inte hämtas från Teams (länken kan ha gått ut). Skicka den igen.',
    });
  }
  const tooLarge = new AppError('PAYLOAD_TOO_LARGE', 'download over the limit', {
    userMessage: `Filen är för stor (högst ${Math.round(options.maxBytes / 1024 / 1024)} MB).`,
  });
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(length) && length > options.maxBytes) {
    await response.body.cancel();
    throw tooLarge;
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    received += value.byteLength;
    if (received > options.maxBytes) {
      await reader.cancel();
      throw tooLarge;
    }
    chunks.push(value);
  }
  const content = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    content.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return content;
}
