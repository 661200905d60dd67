import type { Clock } from '../../../../src/domain/clock.ts';
import type {
  OutgoingMessage,
  ProactiveSender,
  SendOutcome,
} from '../../../../src/services/notifications/proactive-sender.ts';

export type SentRecord = {
  readonly reference: unknown;
  readonly message: OutgoingMessage;
  /** the clock's time when the send started (epoch ms) */
  readonly at: number;
  readonly outcome: SendOutcome;
};

export type UpdateRecord = SentRecord & { readonly activityId: string };

/** a scripted step: an outcome, or a function that runs before answering (may throw: a crash) */
export type Step = SendOutcome | ((reference: unknown, message: OutgoingMessage) => SendOutcome | Promise<SendOutcome>);

/**
 * A ProactiveSender whose answers are scripted: each call takes the next step of its queue and
 * succeeds (with a fresh activity id) when the queue is empty. Records every call.
 */
export class ScriptedSender implements ProactiveSender {
  readonly sends: SentRecord[] = [];
  readonly updates: UpdateRecord[] = [];
  private readonly sendSteps: Step[] = [];
  private readonly updateSteps: Step[] = [];
  private nextId = 1;
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** queue answers for the next sends */
  onSend(...steps: Step[]): this {
    this.sendSteps.push(...steps);
    return this;
  }

  onUpdate(...steps: Step[]): this {
    this.updateSteps.push(...steps);
    return this;
  }

  /** the sends Teams accepted */
  delivered(): SentRecord[] {
    return this.sends.filter((record) => record.outcome.ok);
  }

  async send(reference: unknown, message: OutgoingMessage): Promise<SendOutcome> {
    const at = this.clock.now().getTime();
    const outcome = await this.run(this.sendSteps.shift(), reference, message);
    this.sends.push({ reference, message, at, outcome });
    return outcome;
  }

  async update(reference: unknown, activityId: string, message: OutgoingMessage): Promise<SendOutcome> {
    const at = this.clock.now().getTime();
    const outcome = await this.run(this.updateSteps.shift(), reference, message, activityId);
    this.updates.push({ reference, message, at, outcome, activityId });
    return outcome;
  }

  private async run(step: Step | undefined, reference: unknown, message: OutgoingMessage, id?: string) {
    if (step === undefined) {
      const activityId = id ?? `1:activity-${this.nextId++}`;
      return { ok: true as const, activityId, conversationId: conversationIdOf(reference) };
    }
    return typeof step === 'function' ? step(reference, message) : step;
  }
}

export function failure(status: number, retryAfterMs?: number): SendOutcome {
  return retryAfterMs === undefined
    ? { ok: false, status, message: `HTTP ${status}` }
    : { ok: false, status, retryAfterMs, message: `HTTP ${status}` };
}

function conversationIdOf(reference: unknown): string {
  const conversation =
    typeof reference === 'object' && reference !== null ? Reflect.get(reference, 'conversation') : null;
  const id: unknown =
    typeof conversation === 'object' && conversation !== null ? Reflect.get(conversation, 'id') : null;
  return typeof id === 'string' ? id : 'unknown';
}
