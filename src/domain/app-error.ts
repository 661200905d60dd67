/**
 * The one error type of Insatsnavet (DESIGN.md §8).
 *
 * `code` is what callers branch on; `userMessage` is Swedish text safe to show a user;
 * `message` is for logs. Expected domain outcomes are result values, not AppErrors.
 */
export const APP_ERROR_CODES = {
  /** input failed validation (zod, a bad query, a malformed body) */
  INVALID_INPUT: 400,
  /** no or bad credentials */
  UNAUTHENTICATED: 401,
  /** authenticated but not allowed by role */
  FORBIDDEN: 403,
  /** the thing asked for does not exist */
  NOT_FOUND: 404,
  /** a unique key already exists, or an eTag did not match (re-read and retry) */
  CONFLICT: 409,
  /** the action is not possible in the current state (lifecycle guard) */
  INVALID_STATE: 409,
  /** an eTag precondition failed */
  PRECONDITION_FAILED: 412,
  /** the request body is larger than allowed */
  PAYLOAD_TOO_LARGE: 413,
  /** Graph or Teams throttled us and retries ran out */
  THROTTLED: 503,
  /** Graph or another dependency failed */
  UPSTREAM_FAILED: 502,
  /** a required setting is missing or wrong */
  MISSING_CONFIG: 500,
  /** a bug: never shown to a user with details */
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/**
 * The details a 4xx answer may show: the fields to correct (400), what is missing or why not (409),
 * the refusal's kind, the input issues, and the approval already open for the same matter.
 */
export const PUBLIC_DETAIL_KEYS: ReadonlySet<string> = new Set([
  'fields',
  'reasons',
  'refusal',
  'issues',
  'approvalId',
]);

export type AppErrorOptions = {
  userMessage?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
};

const DEFAULT_USER_MESSAGES: Record<AppErrorCode, string> = {
  INVALID_INPUT: 'Uppgifterna är inte giltiga.',
  UNAUTHENTICATED: 'Du behöver logga in.',
  FORBIDDEN: 'Du har inte behörighet att göra detta.',
  NOT_FOUND: 'Det du söker finns inte.',
  CONFLICT: 'Någon annan har ändrat samma uppgift. Läs in sidan igen och försök på nytt.',
  INVALID_STATE: 'Det går inte att göra detta i insatsens nuvarande läge.',
  PRECONDITION_FAILED: 'Uppgiften har ändrats sedan du läste den.',
  PAYLOAD_TOO_LARGE: 'Det du skickade är för stort.',
  THROTTLED: 'Tjänsten är tillfälligt överbelastad. Försök igen om en stund.',
  UPSTREAM_FAILED: 'En tjänst som Insatsnavet behöver svarar inte. Försök igen om en stund.',
  MISSING_CONFIG: 'Insatsnavet är inte rätt inställt.',
  INTERNAL: 'Något gick fel i Insatsnavet.',
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage ?? DEFAULT_USER_MESSAGES[code];
    this.details = options.details;
  }

  get httpStatus(): number {
    return APP_ERROR_CODES[this.code];
  }

  /**
   * What an HTTP edge may send: never details for 5xx, and of a 4xx only the details meant for the
   * user (PUBLIC_DETAIL_KEYS). A Graph 409 or 412 carries the Graph path, site and list ids in its
   * details for the logs; a caller has no business with them.
   */
  toJSON(): { code: AppErrorCode; message: string; details?: Record<string, unknown> } {
    if (this.httpStatus >= 500 || this.details === undefined) {
      return { code: this.code, message: this.userMessage };
    }
    const shown = Object.entries(this.details).filter(([key]) => PUBLIC_DETAIL_KEYS.has(key));
    return shown.length === 0
      ? { code: this.code, message: this.userMessage }
      : { code: this.code, message: this.userMessage, details: Object.fromEntries(shown) };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
