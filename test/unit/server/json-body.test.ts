/**
 * The JSON body reader's pure parts: what a request earns by its headers alone, and the depth of a
 * parsed document measured without recursion (a million levels cannot overflow the stack).
 */
import { describe, expect, it } from 'vitest';
import {
  jsonDepth,
  MAX_BODY_BYTES,
  MAX_JSON_DEPTH,
  parseJsonBody,
  refusalByHeaders,
} from '../../../src/server/json-body.ts';

describe('refusalByHeaders', () => {
  it.each([
    [{ 'content-type': 'application/json' }, null],
    [{ 'content-type': 'application/json; charset=utf-8' }, null],
    [{ 'content-type': 'Application/JSON; charset="utf-8"' }, null],
    [{ 'content-type': 'application/vnd.api+json' }, null],
    [{ 'content-type': 'application/json', 'content-encoding': 'identity' }, null],
    [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, 415],
    [{ 'content-type': 'application/json; charset=latin1' }, 415],
    [{ 'content-type': 'text/plain' }, 415],
    [{ 'content-type': 'multipart/form-data; boundary=x' }, 415],
    [{ 'content-type': 'application/x-www-form-urlencoded' }, 415],
    [{ 'content-type': 'application/jsonp' }, 415],
    [{}, 415],
    [{ 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) }, 413],
    [{ 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES) }, null],
  ])('%j → %s', (headers, status) => {
    expect(refusalByHeaders(headers)?.status ?? null).toBe(status);
  });
});

describe('jsonDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: 'x' }] })).toBe(3);
  });

  it('walks a million levels without recursion, and stops early when asked', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 1_000_000; level += 1) {
      deep = [deep];
    }
    expect(jsonDepth(deep)).toBe(1_000_000);
    expect(jsonDepth(deep, MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
  });
});

describe('parseJsonBody', () => {
  it('parses UTF-8 JSON, and refuses what is not', () => {
    expect(parseJsonBody(Buffer.from('{"titel":"Växjö"}'))).toEqual({ body: { titel: 'Växjö' } });
    expect(parseJsonBody(Buffer.from([0x22, 0xff, 0x22]))).toMatchObject({ status: 400 });
    expect(parseJsonBody(Buffer.from('{"a":'))).toMatchObject({ status: 400 });
    expect(parseJsonBody(Buffer.from(`${'['.repeat(65)}${']'.repeat(65)}`))).toMatchObject({ status: 400 });
    expect(parseJsonBody(Buffer.from(`${'['.repeat(64)}${']'.repeat(64)}`))).toHaveProperty('body');
  });
});
