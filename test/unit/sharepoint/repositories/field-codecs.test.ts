import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  booleanColumn,
  dateOnlyColumn,
  instantColumn,
  jsonColumn,
  lookupColumn,
  multiLookupColumn,
  numberColumn,
  textColumn,
} from '../../../../src/sharepoint/repositories/field-codecs.ts';

const value = (decoded: ReturnType<ReturnType<typeof textColumn>['read']>): unknown => {
  if (!decoded.ok) {
    throw new Error(`expected a value, got: ${decoded.message}`);
  }
  return decoded.value;
};

describe('absent values', () => {
  it('read as null (text, number, dates, lookup, JSON), [] (multi lookup) and false (Yes/No)', () => {
    const empty = {};
    expect(value(textColumn('A').read(empty))).toBeNull();
    expect(value(textColumn('A').read({ A: '' }))).toBeNull();
    expect(value(textColumn('A').read({ A: null }))).toBeNull();
    expect(value(numberColumn('A').read(empty))).toBeNull();
    expect(value(dateOnlyColumn('A').read(empty))).toBeNull();
    expect(value(instantColumn('A').read(empty))).toBeNull();
    expect(value(lookupColumn('A').read(empty))).toBeNull();
    expect(value(jsonColumn('A').read(empty))).toBeNull();
    expect(value(multiLookupColumn('A').read(empty))).toEqual([]);
    expect(value(booleanColumn('A').read(empty))).toBe(false);
  });
});

describe('text and numbers', () => {
  it('reads and writes text', () => {
    expect(value(textColumn('Code').read({ Code: 'NOVA' }))).toBe('NOVA');
    expect(textColumn('Code').write('NOVA')).toEqual({ Code: 'NOVA' });
    expect(textColumn('Code').write(null)).toEqual({ Code: null });
    expect(textColumn('Code').read({ Code: { nested: true } }).ok).toBe(false);
  });

  it('reads numbers also when SharePoint sends them as strings', () => {
    expect(value(numberColumn('Amount').read({ Amount: 118400 }))).toBe(118400);
    expect(value(numberColumn('Amount').read({ Amount: '118400.5' }))).toBe(118400.5);
    expect(numberColumn('Amount').read({ Amount: 'mycket' }).ok).toBe(false);
  });

  it('reads Yes/No', () => {
    expect(value(booleanColumn('Active').read({ Active: true }))).toBe(true);
    expect(value(booleanColumn('Active').read({ Active: 'false' }))).toBe(false);
    expect(booleanColumn('Active').read({ Active: 'kanske' }).ok).toBe(false);
  });
});

describe('dateOnlyColumn', () => {
  const codec = dateOnlyColumn('DueDate');

  it('writes midnight UTC and reads the date back', () => {
    expect(codec.write('2027-04-30')).toEqual({ DueDate: '2027-04-30T00:00:00Z' });
    expect(codec.write(null)).toEqual({ DueDate: null });
    expect(value(codec.read({ DueDate: '2027-04-30T00:00:00Z' }))).toBe('2027-04-30');
  });

  it('reads a site-local midnight as the intended day (Stockholm, Pacific)', () => {
    expect(value(codec.read({ DueDate: '2027-04-29T22:00:00Z' }))).toBe('2027-04-30');
    expect(value(codec.read({ DueDate: '2027-01-19T23:00:00Z' }))).toBe('2027-01-20');
    expect(value(codec.read({ DueDate: '2027-04-30T07:00:00Z' }))).toBe('2027-04-30');
  });

  it('round-trips every date, at any offset within ±11 hours', () => {
    const day = fc.date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('2150-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, fc.integer({ min: -11, max: 11 }), (date, offsetHours) => {
        const iso = date.toISOString().slice(0, 10);
        const written = codec.write(iso).DueDate;
        expect(value(codec.read({ DueDate: written }))).toBe(iso);
        const local = new Date(Date.parse(`${iso}T00:00:00Z`) - offsetHours * 3_600_000).toISOString();
        expect(value(codec.read({ DueDate: local }))).toBe(iso);
      }),
    );
  });

  it('reports garbage', () => {
    expect(codec.read({ DueDate: 'sista april' }).ok).toBe(false);
    expect(codec.read({ DueDate: 20270430 }).ok).toBe(false);
  });
});

describe('instantColumn', () => {
  it('normalises to UTC seconds', () => {
    const codec = instantColumn('NotBefore');
    expect(value(codec.read({ NotBefore: '2027-04-16T06:00:00Z' }))).toBe('2027-04-16T06:00:00Z');
    expect(value(codec.read({ NotBefore: '2027-04-16T08:00:00+02:00' }))).toBe('2027-04-16T06:00:00Z');
    expect(codec.write('2027-04-16T06:00:00Z')).toEqual({ NotBefore: '2027-04-16T06:00:00Z' });
    expect(codec.read({ NotBefore: 'imorgon' }).ok).toBe(false);
  });
});

describe('lookupColumn', () => {
  const codec = lookupColumn('Intervention');

  it('writes <Name>LookupId as a number and selects it', () => {
    expect(codec.select).toEqual(['InterventionLookupId']);
    expect(codec.write('7')).toEqual({ InterventionLookupId: 7 });
    expect(codec.write(null)).toEqual({ InterventionLookupId: null });
  });

  it('reads <Name>LookupId sent as a string or a number', () => {
    expect(value(codec.read({ InterventionLookupId: '7' }))).toBe('7');
    expect(value(codec.read({ InterventionLookupId: 7 }))).toBe('7');
    expect(codec.read({ InterventionLookupId: 'sju' }).ok).toBe(false);
  });
});

describe('multiLookupColumn', () => {
  const codec = multiLookupColumn('PartnerOrgs');

  it('writes the collection annotation and integer ids', () => {
    expect(codec.write(['3', '9'])).toEqual({
      'PartnerOrgsLookupId@odata.type': 'Collection(Edm.Int32)',
      PartnerOrgsLookupId: [3, 9],
    });
    expect(codec.write([])).toEqual({
      'PartnerOrgsLookupId@odata.type': 'Collection(Edm.Int32)',
      PartnerOrgsLookupId: [],
    });
  });

  it('reads the expanded form and the id-array form', () => {
    const expanded = {
      PartnerOrgs: [
        { LookupId: 3, LookupValue: 'Region Kronoberg' },
        { LookupId: 9, LookupValue: 'Växjö kommun' },
      ],
    };
    expect(value(codec.read(expanded))).toEqual(['3', '9']);
    expect(value(codec.read({ PartnerOrgsLookupId: ['3', 9] }))).toEqual(['3', '9']);
    expect(codec.read({ PartnerOrgs: 'Region Kronoberg' }).ok).toBe(false);
    expect(codec.read({ PartnerOrgs: [{ LookupValue: 'utan id' }] }).ok).toBe(false);
  });

  it('round-trips any id list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }).map(String)), (ids) => {
        const written = codec.write(ids).PartnerOrgsLookupId;
        expect(value(codec.read({ PartnerOrgsLookupId: written }))).toEqual(ids);
      }),
    );
  });
});

describe('jsonColumn', () => {
  const codec = jsonColumn('Specification');

  it('writes JSON text and parses it back', () => {
    const specification = { Personal: 100_000, Lokaler: 10_000 };
    const written = codec.write(specification);
    expect(written).toEqual({ Specification: '{"Personal":100000,"Lokaler":10000}' });
    expect(value(codec.read(written))).toEqual(specification);
    expect(codec.write(null)).toEqual({ Specification: null });
  });

  it('turns text that is not JSON into an issue, not a crash', () => {
    const decoded = codec.read({ Specification: 'Personal 100 000 kr' });
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? '' : decoded.message).toMatch(/ogiltig JSON/);
  });

  it('round-trips any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        fc.pre(json !== null);
        expect(value(codec.read(codec.write(json)))).toEqual(JSON.parse(JSON.stringify(json)));
      }),
    );
  });
});
