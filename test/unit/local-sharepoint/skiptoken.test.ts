import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSkipToken,
  encodeSkipToken,
  type PageCursor,
  SkipTokenError,
} from '../../../infra/local-sharepoint/odata/skiptoken.ts';

describe('skip tokens', () => {
  it("encodes SharePoint's form: base64 of Paged=TRUE&p_ID=n, without padding", () => {
    const token = encodeSkipToken({ lastId: 6, keys: [] });
    expect(token).toBe('UGFnZWQ9VFJVRSZwX0lEPTY');
    expect(Buffer.from(token, 'base64').toString()).toBe('Paged=TRUE&p_ID=6');
  });

  it('decodes a token Graph itself produced', () => {
    expect(decodeSkipToken('UGFnZWQ9VFJVRSZwX0lEPTY')).toEqual({ lastId: 6, keys: [] });
  });

  it('puts sort values before p_ID', () => {
    const token = encodeSkipToken({ lastId: 57, keys: [{ name: 'Code', value: 'NOVA' }] });
    expect(Buffer.from(token, 'base64').toString()).toBe('Paged=TRUE&p_Code=%22NOVA%22&p_ID=57');
  });

  it("survives a '+' that a URL decoder turned into a space, and url-safe base64", () => {
    const cursor: PageCursor = { lastId: 62, keys: [{ name: 'T', value: '>>>???' }] };
    const token = encodeSkipToken(cursor);
    expect(decodeSkipToken(token.replaceAll('+', ' '))).toEqual(cursor);
    expect(decodeSkipToken(token.replaceAll('+', '-').replaceAll('/', '_'))).toEqual(cursor);
  });

  it.each([
    ['', 'not base64'],
    ['!!!', 'not base64'],
    [Buffer.from('Paged=FALSE&p_ID=1').toString('base64'), 'Paged=TRUE'],
    [Buffer.from('Paged=TRUE').toString('base64'), 'p_ID'],
    [Buffer.from('Paged=TRUE&p_ID=abc').toString('base64'), 'p_ID'],
    [Buffer.from('Paged=TRUE&p_ID=-1').toString('base64'), 'p_ID'],
    [Buffer.from('Paged=TRUE&x=1&p_ID=1').toString('base64'), 'unexpected part'],
    [Buffer.from('Paged=TRUE&p_A=%7B&p_ID=1').toString('base64'), 'cannot read'],
    [Buffer.from('Paged=TRUE&p_A=%7B%7D&p_ID=1').toString('base64'), 'sort value'],
    [Buffer.from('Paged=TRUE&p_A=%E0%A4%A&p_ID=1').toString('base64'), 'cannot read'],
  ])('refuses %j', (token, reason) => {
    expect(() => decodeSkipToken(token)).toThrow(SkipTokenError);
    expect(() => decodeSkipToken(token)).toThrow(reason);
  });

  it('round-trips any cursor', () => {
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const cursor = fc.record({
      lastId: fc.integer({ min: 0, max: 2 ** 31 }),
      keys: fc.array(fc.record({ name: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,30}$/), value }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(cursor, (original) => {
        const token = encodeSkipToken(original);
        expect(token).toMatch(/^[A-Za-z0-9+/]+$/);
        expect(decodeSkipToken(token)).toEqual(original);
      }),
      { numRuns: 500 },
    );
  });
});
