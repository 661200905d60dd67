/**
 * What to do after a Teams send failed (research/graph.md §5.4, Teams "Rate limiting" page):
 * - 429 Throttled: wait the Retry-After, else back off;
 * - 412 (concurrent operations on one conversation), 502, 503, 504, 408 and network failures
 *   (status 0): exponential backoff with jitter (503 honours a Retry-After too);
 * - everything else — 400, 401 BotNotRegistered, 403 (bot not in the roster, blocked by the user,
 *   disabled by an admin), 404 ConversationNotFound, 413 MessageSizeTooBig, 500 — is permanent;
 *   403 and 404 mean the bot can no longer reach the conversation: mark it inactive.
 */
export type RetryPolicySettings = {
  /** give up once this many attempts have been made, retryable or not */
  readonly maxAttempts: number;
  /** first backoff step */
  readonly baseDelayMs: number;
  /** no single wait is longer than this */
  readonly maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicySettings = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
};

export type SendFailure = {
  /** HTTP status; 0 when no response arrived (connection refused, reset, timed out) */
  readonly status: number;
  readonly retryAfterMs?: number;
};

export type RetryDecision =
  | { readonly kind: 'retry'; readonly delayMs: number; readonly throttled: boolean }
  | { readonly kind: 'give-up'; readonly reason: 'permanent' | 'attempts'; readonly conversationGone: boolean };

const RETRYABLE = new Set([0, 408, 412, 429, 502, 503, 504]);
const CONVERSATION_GONE = new Set([403, 404]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE.has(status);
}

/**
 * @param attempts how many attempts have been made, this failed one included (1 after the first)
 * @param random a number in [0, 1): jitter, injected so tests are deterministic
 */
export function decideAfterFailure(
  failure: SendFailure,
  attempts: number,
  random: () => number,
  settings: RetryPolicySettings = DEFAULT_RETRY_POLICY,
): RetryDecision {
  if (!isRetryableStatus(failure.status)) {
    return { kind: 'give-up', reason: 'permanent', conversationGone: CONVERSATION_GONE.has(failure.status) };
  }
  if (attempts >= settings.maxAttempts) {
    return { kind: 'give-up', reason: 'attempts', conversationGone: false };
  }
  const throttled = failure.status === 429;
  if ((throttled || failure.status === 503) && failure.retryAfterMs !== undefined) {
    // Teams says how long; waiting less would only earn another 429
    return { kind: 'retry', delayMs: Math.max(0, Math.ceil(failure.retryAfterMs)), throttled };
  }
  return { kind: 'retry', delayMs: backoffDelay(attempts, random, settings), throttled };
}

/**
 * Exponential backoff with "equal jitter": half of the step is fixed, half random, so waits grow
 * (1 s, 2 s, 4 s … up to the cap) while instances that failed together spread out.
 */
export function backoffDelay(attempts: number, random: () => number, settings: RetryPolicySettings): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  const step = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** exponent);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * jitter);
}
