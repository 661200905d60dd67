/**
 * Issue 9, item 5: secrets never in logs — at any depth, inside strings, in errors and their
 * causes — read from the JSON lines the real logger writes.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/server/logger.ts';

const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImEifQ.eyJvaWQiOiIxMjMiLCJhdWQiOiJhcGk6Ly94In0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { logger: createLogger('debug', destination), text: () => lines.join(''), lines };
}

describe('the logger keeps secrets out of every line', () => {
  it('redacts secret-named keys at any depth, not only where redact paths reach', () => {
    const log = capture();
    log.logger.info(
      {
        config: { graph: { auth: { kind: 'client-secret', clientSecret: 'deep-secret-1' } } },
        request: { options: { headers: { Authorization: `Bearer ${JWT}`, Cookie: 'session=abc-2' } } },
        list: [{ nested: { password: 'pw-in-array-3', apiKey: 'key-4' } }],
      },
      'configuration read',
    );
    const text = log.text();
    for (const secret of ['deep-secret-1', JWT, 'session=abc-2', 'pw-in-array-3', 'key-4']) {
      expect(text).not.toContain(secret);
    }
    const line = JSON.parse(log.lines[0] ?? '{}') as { config: { graph: { auth: Record<string, string> } } };
    // the rest of the object is still there to read
    expect(line.config.graph.auth).toEqual({ kind: 'client-secret', clientSecret: '[redacted]' });
  });

  it('cuts tokens and keys out of strings: messages, URLs, connection strings, errors and their causes', () => {
    const log = capture();
    const cause = new Error(`POST https://login.example/token failed: client_secret=s3cr3t-5&grant_type=x`);
    const error = new Error(`Graph said no to Bearer ${JWT}`, { cause });
    log.logger.error({ err: error }, `request with Bearer ${JWT} failed`);
    log.logger.warn(
      {
        connection: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abcKEY6==;EndpointSuffix=core.windows.net',
      },
      'storage',
    );
    log.logger.info({ note: `a JWT pasted in text: ${JWT}` }, 'free text');
    const text = log.text();
    for (const secret of [JWT, 's3cr3t-5', 'abcKEY6==']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('AccountName=x');
    expect(text).toContain('Graph said no to Bearer [redacted]');
    expect(text).toContain('grant_type=x');
  });

  it('survives objects that refer to themselves', () => {
    const log = capture();
    const looping: Record<string, unknown> = { name: 'loop', token: 'tok-7' };
    looping.self = looping;
    log.logger.info({ looping }, 'a cycle');
    expect(log.text()).not.toContain('tok-7');
    expect(log.text()).toContain('"name":"loop"');
  });
});
