import type { Request } from 'restify';
import { describe, expect, it } from 'vitest';
import { type IdentityDeps, throttleByAddress } from '../../../src/server/api/identity.ts';
import { createRateLimiter, TooManyRequestsError, throttleWith } from '../../../src/server/api/rate-limiter.ts';

function request(headers: Record<string, string>): Request {
  return { headers, socket: { remoteAddress: '127.0.0.1' } } as unknown as Request;
}

describe('the rate limit of a route without sign-in (the dev sign-in picker)', () => {
  it('counts by the client address, as a call without a proven identity is counted', () => {
    const keys: string[] = [];
    const deps: IdentityDeps = { authMode: 'dev', loadActor: async () => null, throttle: (key) => keys.push(key) };
    throttleByAddress(request({ 'x-forwarded-for': '203.0.113.9, 10.0.0.4:51234' }), deps);
    throttleByAddress(request({}), deps);
    expect(keys).toEqual(['ip:10.0.0.4', 'ip:127.0.0.1']);
  });

  it('refuses with 429 once the address is over its limit, and does nothing without a limiter', () => {
    const limited: IdentityDeps = {
      authMode: 'dev',
      loadActor: async () => null,
      throttle: throttleWith(createRateLimiter({ perMinute: 60, burst: 2, now: () => 0 })),
    };
    throttleByAddress(request({}), limited);
    throttleByAddress(request({}), limited);
    expect(() => throttleByAddress(request({}), limited)).toThrow(TooManyRequestsError);
    expect(() => throttleByAddress(request({}), { authMode: 'dev', loadActor: async () => null })).not.toThrow();
  });
});
