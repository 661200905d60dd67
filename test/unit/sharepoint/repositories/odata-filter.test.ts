import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filter, odataString, parseODataString } from '../../../../src/sharepoint/repositories/odata-filter.ts';

/** strings rich in quotes, where escaping can go wrong */
const quoted = fc
  .array(fc.oneof(fc.constant("'"), fc.constant("''"), fc.string({ unit: 'grapheme' })))
  .map((parts) => parts.join(''));

describe('odataString', () => {
  it('single-quotes and doubles every quote', () => {
    expect(odataString('NOVA')).toBe("'NOVA'");
    expect(odataString("O'Brien")).toBe("'O''Brien'");
    expect(odataString("''")).toBe("''''''");
    expect(odataString('')).toBe("''");
  });

  it('round-trips any string', () => {
    fc.assert(
      fc.property(quoted, (value) => {
        expect(parseODataString(odataString(value))).toBe(value);
      }),
    );
  });

  it('never leaves a lone quote inside the literal', () => {
    fc.assert(
      fc.property(quoted, (value) => {
        const body = odataString(value).slice(1, -1);
        expect(body.replaceAll("''", '')).not.toContain("'");
      }),
    );
  });

  it('refuses malformed literals', () => {
    expect(() => parseODataString("'a'b'")).toThrow();
    expect(() => parseODataString('abc')).toThrow();
    expect(() => parseODataString("'")).toThrow();
  });
});

describe('filter', () => {
  it('builds Graph filters on fields/…', () => {
    expect(filter.eq('Code', 'NOVA')).toBe("fields/Code eq 'NOVA'");
    expect(filter.eq('Year', 2027)).toBe('fields/Year eq 2027');
    expect(filter.lookupEq('Intervention', '5')).toBe('fields/InterventionLookupId eq 5');
    expect(filter.dateLe('DueDate', '2027-04-30')).toBe("fields/DueDate le '2027-04-30T00:00:00Z'");
    expect(filter.dateGe('Date', '2027-01-01')).toBe("fields/Date ge '2027-01-01T00:00:00Z'");
    expect(filter.and(filter.eq('Status', 'Förväntad'), filter.dateLe('DueDate', '2027-04-30'))).toBe(
      "fields/Status eq 'Förväntad' and fields/DueDate le '2027-04-30T00:00:00Z'",
    );
    expect(filter.or(filter.eq('Stage', 'Avtal'), filter.eq('Stage', 'Pågående'))).toBe(
      "(fields/Stage eq 'Avtal' or fields/Stage eq 'Pågående')",
    );
    expect(filter.or(filter.eq('Stage', 'Avtal'))).toBe("fields/Stage eq 'Avtal'");
  });

  it('refuses a lookup id that is not an item id, before any request', () => {
    expect(() => filter.lookupEq('Intervention', '5 or 1 eq 1')).toThrow(/not a list item id/);
    expect(() => filter.lookupEq('Intervention', '')).toThrow(/not a list item id/);
  });

  it('escapes values it is given', () => {
    expect(filter.eq('Key', "req:x' or 1 eq 1")).toBe("fields/Key eq 'req:x'' or 1 eq 1'");
  });
});
