/**
 * Secrets never reach a log line, at any depth. pino's `redact` paths name fixed positions (one
 * level of wildcard at most); an error's cause, a Graph request echoed in a failure, or a config
 * object logged whole can carry a secret anywhere. So every line's object is walked once more:
 * a value under a secret-sounding key is replaced, and secrets inside strings — a bearer token, a
 * JWT, a connection string's key or password, a `client_secret=` in a URL or form body — are cut.
 */

export const REDACTED = '[redacted]';

/** keys whose values are secrets, whatever they hold */
const SECRET_KEY =
  /^(authorization|proxy-authorization|cookie|set-cookie|password|passwd|pwd|secret|client_?secret|token|access_?token|refresh_?token|id_?token|api_?key|x-api-key|connection_?string|sas|sig|signature|private_?key|assertion|client_?assertion)$/i;

/** secrets inside text */
const SECRET_IN_TEXT: ReadonlyArray<[RegExp, string]> = [
  // Authorization header values
  [/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/:]+=*/g, `$1 ${REDACTED}`],
  // a JWT anywhere (header.payload.signature, base64url)
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // connection strings and query strings: AccountKey=…; Password=…; client_secret=…&
  [
    /\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret|client_secret|client_assertion|access_token|refresh_token|sig|InstrumentationKey)=([^;&\s"']+)/gi,
    `$1=${REDACTED}`,
  ],
];

/** deep enough for any real log object; deeper is cut rather than walked */
const MAX_DEPTH = 12;

export function scrubText(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of SECRET_IN_TEXT) {
    scrubbed = scrubbed.replace(pattern, replacement);
  }
  return scrubbed;
}

export function scrubSecrets(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') {
    return scrubText(value);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (seen.has(value) || depth >= MAX_DEPTH) {
    return '[…]';
  }
  seen.add(value);
  if (Array.isArray(value)) {
    return value.map((item) => scrubSecrets(item, depth + 1, seen));
  }
  if (value instanceof Error) {
    // pino's serializer has not run yet on nested errors: keep what a reader needs, scrubbed
    const error = value as Error & { code?: unknown; cause?: unknown };
    return {
      type: error.name,
      message: scrubText(error.message),
      ...(error.code === undefined ? {} : { code: error.code }),
      stack: error.stack === undefined ? undefined : scrubText(error.stack),
      ...(error.cause === undefined ? {} : { cause: scrubSecrets(error.cause, depth + 1, seen) }),
    };
  }
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] =
      SECRET_KEY.test(key) && inner !== undefined && inner !== null ? REDACTED : scrubSecrets(inner, depth + 1, seen);
  }
  return copy;
}
