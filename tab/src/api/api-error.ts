/**
 * An error answered by the API ({ error: { code, message, details } }), with the server's Swedish
 * message, or a network failure in the same shape, so every view shows errors one way.
 */
export type FieldErrors = Readonly<Record<string, string>>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** per-field messages when the server names fields (400 INVALID_INPUT) */
  get fieldErrors(): FieldErrors {
    const fields = this.details.fields;
    if (typeof fields !== 'object' || fields === null) {
      return {};
    }
    return Object.fromEntries(
      Object.entries(fields as Record<string, unknown>).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.map(String).join(' ') : String(value),
      ]),
    );
  }
}
