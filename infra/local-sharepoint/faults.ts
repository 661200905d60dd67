/**
 * Fault injection rules (POST /_emulator/faults): throttling (429), unavailability (503),
 * timeouts (504), errors (500) and added latency, for a share of requests, a path pattern,
 * a method, and a number of hits. Rules apply to inner $batch requests as well.
 */
import { z } from 'zod';

export const faultRuleSchema = z
  .strictObject({
    status: z.union([z.literal(429), z.literal(503), z.literal(504), z.literal(500)]).optional(),
    retryAfterSeconds: z.number().min(0).max(3600).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    share: z.number().min(0).max(1).optional(),
    pathPattern: z
      .string()
      .min(1)
      .refine((pattern) => isValidRegExp(pattern), 'must be a JavaScript regular expression')
      .optional(),
    method: z.string().min(1).optional(),
    times: z.number().int().min(1).optional(),
  })
  .refine((rule) => rule.status !== undefined || rule.latencyMs !== undefined, {
    message: 'a rule needs a status, a latencyMs, or both',
  });

export type FaultRuleInput = z.infer<typeof faultRuleSchema>;

export type FaultRule = FaultRuleInput & { readonly id: string; hits: number };

export type FaultDecision = { latencyMs: number; status: FaultRule | undefined };

function isValidRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    // an invalid pattern is the answer here, reported as a validation error
    return false;
  }
}

export class FaultStore {
  private rules: FaultRule[] = [];
  private counter = 0;

  add(input: FaultRuleInput): FaultRule {
    this.counter += 1;
    const rule: FaultRule = { ...input, id: `fault-${this.counter}`, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return [...this.rules];
  }

  clear(): void {
    this.rules = [];
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length !== before;
  }

  /** Picks what happens to one request; counts hits and retires rules whose `times` ran out. */
  decide(method: string, path: string, random: () => number): FaultDecision {
    let latencyMs = 0;
    let status: FaultRule | undefined;
    for (const rule of this.rules) {
      if (rule.method !== undefined && rule.method.toUpperCase() !== method) {
        continue;
      }
      if (rule.pathPattern !== undefined && !new RegExp(rule.pathPattern).test(path)) {
        continue;
      }
      if (rule.status !== undefined && status !== undefined) {
        // one failure per request; a later status rule keeps its budget
        continue;
      }
      if (random() >= (rule.share ?? 1)) {
        continue;
      }
      rule.hits += 1;
      latencyMs += rule.latencyMs ?? 0;
      if (rule.status !== undefined) {
        status = rule;
      }
    }
    this.rules = this.rules.filter((rule) => rule.times === undefined || rule.hits < rule.times);
    return { latencyMs, status };
  }
}
