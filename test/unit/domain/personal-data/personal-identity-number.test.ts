import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsPersonalIdentityNumber,
  findPersonalIdentityNumbers,
} from '../../../../src/domain/personal-data/personal-identity-number.ts';

/**
 * The tests compute check digits themselves, independently of the code under test, so a wrong Luhn in
 * the detector cannot be confirmed by the same wrong Luhn here. Every number is made up from test-like
 * dates (1912-12-12, 2010-10-10 …); none belongs to a real person as far as anyone can tell.
 */
function luhn(nineDigits: string): string {
  const sum = [...nineDigits]
    .map((digit, position) => Number(digit) * (position % 2 === 0 ? 2 : 1))
    .reduce((total, product) => total + Math.floor(product / 10) + (product % 10), 0);
  return String((10 - (sum % 10)) % 10);
}

/** `YYMMDDNNN` → the 10-digit number with its check digit */
const withCheck = (nineDigits: string): string => nineDigits + luhn(nineDigits);

/** the same number with a wrong check digit */
const withWrongCheck = (nineDigits: string): string => nineDigits + String((Number(luhn(nineDigits)) + 1) % 10);

/** `YYMMDDNNNC` written as `YYMMDD<sep>NNNC`, optionally with the century in front */
const written = (tenDigits: string, separator: string, century = ''): string =>
  `${century}${tenDigits.slice(0, 6)}${separator}${tenDigits.slice(6)}`;

const PN_1912 = withCheck('121212121'); // 1912-12-12 (or 2012)
const PN_2010 = withCheck('101010123'); // 2010-10-10
const PN_LEAP_2000 = withCheck('000229123'); // 2000-02-29
const PN_LEAP_2012 = withCheck('120229123'); // 2012-02-29
const SN_2010 = withCheck('101070123'); // samordningsnummer, 2010-10-10 + 60
const SN_DAY_91 = withCheck('100191123'); // samordningsnummer, 2010-01-31 + 60
const SN_FEB_LEAP = withCheck('120289123'); // samordningsnummer, 2012-02-29 + 60

describe('the test numbers themselves', () => {
  it('are the numbers the tables below assume', () => {
    // spelled out once so a reader can check them by hand
    expect(PN_1912).toBe('1212121212');
    expect(PN_2010).toBe('1010101234');
    expect(SN_2010).toBe('1010701231');
    expect(withCheck('222000263')).toBe('2220002634'); // an org number is Luhn-valid too
  });
});

describe('findPersonalIdentityNumbers: finds', () => {
  it.each([
    ['10 digits with -', written(PN_1912, '-')],
    ['10 digits with + (over 100)', written(PN_1912, '+')],
    ['10 digits with a space', written(PN_1912, ' ')],
    ['10 digits without separator', PN_1912],
    ['12 digits with -', written(PN_1912, '-', '19')],
    ['12 digits with a space', written(PN_1912, ' ', '19')],
    ['12 digits without separator', written(PN_1912, '', '19')],
    ['12 digits, 2000s', written(PN_2010, '-', '20')],
    ['12 digits, 2000s, no separator', written(PN_2010, '', '20')],
    ['12 digits, 1800s', written(withCheck('991231999'), '-', '18')],
    ['10 digits, another number', written(PN_2010, '-')],
    ['a non-breaking space as separator (pasted from Word)', written(PN_2010, '\u00a0')],
    ['a narrow non-breaking space as separator', written(PN_2010, '\u202f')],
    ['an en dash as separator (Word autocorrect)', written(PN_2010, '\u2013')],
    ['a non-breaking hyphen as separator', written(PN_2010, '\u2011')],
    ['a tab as separator', written(PN_2010, '\t')],
    ['29 February 2000, 10 digits', written(PN_LEAP_2000, '-')],
    ['29 February 2000, 12 digits', written(PN_LEAP_2000, '-', '20')],
    ['29 February 2012, 10 digits', written(PN_LEAP_2012, '-')],
    ['31 December', written(withCheck('101231987'), '-')],
  ])('a personnummer: %s', (_, number) => {
    expect(findPersonalIdentityNumbers(number)).toEqual([{ index: 0, length: number.length, kind: 'personnummer' }]);
    expect(containsPersonalIdentityNumber(number)).toBe(true);
  });

  it.each([
    ['10 digits with -', written(SN_2010, '-')],
    ['10 digits with +', written(SN_2010, '+')],
    ['10 digits with a space', written(SN_2010, ' ')],
    ['10 digits without separator', SN_2010],
    ['12 digits with -', written(SN_2010, '-', '20')],
    ['12 digits with a space', written(SN_2010, ' ', '20')],
    ['12 digits without separator', written(SN_2010, '', '20')],
    ['day 91 (31 + 60) in January', written(SN_DAY_91, '-')],
    ['day 89 (29 + 60) in February of a leap year', written(SN_FEB_LEAP, '-', '20')],
    ['day 61 (1 + 60)', written(withCheck('100161555'), '-')],
  ])('a samordningsnummer: %s', (_, number) => {
    expect(findPersonalIdentityNumbers(number)).toEqual([
      { index: 0, length: number.length, kind: 'samordningsnummer' },
    ]);
  });

  const pn = written(PN_1912, '-');
  it.each([
    ['in a sentence', `Deltagaren ${pn} har avslutat insatsen.`, 11],
    ['in parentheses', `Deltagaren (${pn}) har avslutat.`, 12],
    ['after a colon without space', `pnr:${pn}`, 4],
    ['before a full stop', `Personnummer ${pn}.`, 13],
    ['before a comma', `${pn}, ${'x'}`, 0],
    ['between letters', `abc${pn}def`, 3],
    ['after Swedish letters', `Åsa${pn}ö`, 3],
    ['at the end of a line', `Rad ett\n${pn}\nRad tre`, 8],
    ['in quotes', `"${pn}"`, 1],
    ['after a slash', `ärende/${pn}`, 7],
    ['after a year and a space', `2027 ${pn}`, 5],
  ])('%s', (_, text, index) => {
    expect(findPersonalIdentityNumbers(text)).toEqual([{ index, length: pn.length, kind: 'personnummer' }]);
  });

  it('finds every number in a text, in order, with its kind', () => {
    const first = written(PN_1912, '-', '19');
    const second = written(SN_2010, '');
    const third = written(PN_2010, ' ');
    const text = `Tre deltagare: ${first}, ${second} och ${third}.`;
    expect(findPersonalIdentityNumbers(text)).toEqual([
      { index: text.indexOf(first), length: 13, kind: 'personnummer' },
      { index: text.indexOf(second), length: 10, kind: 'samordningsnummer' },
      { index: text.indexOf(third), length: 11, kind: 'personnummer' },
    ]);
  });

  it('reports where a number is, never the number', () => {
    const [match] = findPersonalIdentityNumbers(`Deltagare ${written(PN_1912, '-')}`);
    expect(Object.keys(match ?? {}).sort()).toEqual(['index', 'kind', 'length']);
    expect(JSON.stringify(match)).not.toMatch(/\d{4}/);
  });

  it('gives the same answer on repeated calls (no regex state leaks between calls)', () => {
    const text = `x ${PN_1912} y`;
    for (let round = 0; round < 3; round += 1) {
      expect(findPersonalIdentityNumbers(text)).toHaveLength(1);
    }
  });
});

describe('findPersonalIdentityNumbers: lets pass', () => {
  it.each([
    ['10 digits with -', written(withWrongCheck('121212121'), '-')],
    ['10 digits without separator', withWrongCheck('121212121')],
    ['12 digits with -', written(withWrongCheck('121212121'), '-', '19')],
    ['12 digits without separator', written(withWrongCheck('101010123'), '', '20')],
    ['a samordningsnummer', written(withWrongCheck('101070123'), '-')],
  ])('a wrong check digit: %s', (_, text) => {
    expect(findPersonalIdentityNumbers(text)).toEqual([]);
  });

  // each with a correct check digit, so the date is the only thing wrong
  it.each([
    ['month 13', written(withCheck('121312121'), '-')],
    ['month 00', written(withCheck('120012121'), '-')],
    ['day 32', written(withCheck('121232121'), '-')],
    ['day 00', written(withCheck('121200121'), '-')],
    ['31 April', written(withCheck('120431121'), '-')],
    ['30 February, 12 digits (19990230)', written(withCheck('990230121'), '', '19')],
    ['29 February in a year that is no leap year, 10 digits', written(withCheck('130229121'), '-')],
    ['29 February 1900 (no leap year), 12 digits', written(withCheck('000229121'), '-', '19')],
    ['samordningsnummer day 92', written(withCheck('100192121'), '-')],
    ['samordningsnummer day 60', written(withCheck('100160121'), '-')],
    ['samordningsnummer day 91 in April', written(withCheck('100491121'), '-')],
    ['samordningsnummer day 90 in February (30 Feb)', written(withCheck('120290121'), '-')],
    ['a 12-digit form from the 1700s', written(PN_1912, '-', '17')],
    ['a 12-digit form from the 2100s', written(PN_1912, '-', '21')],
    ['a 12-digit form with a nonsense century', written(PN_1912, '', '99')],
  ])('an invalid date: %s', (_, text) => {
    expect(findPersonalIdentityNumbers(text)).toEqual([]);
  });

  it.each([
    ['an amount with spaces', '1 065 500 kr'],
    ['an amount with non-breaking spaces', '1\u00a0065\u00a0500\u00a0kr'],
    ['an amount without spaces', '1065500'],
    ['another amount', '2 460 000'],
    ['a list of amounts', 'Budget: 1 065 500 kr, 2 460 000 kr, 535 000 kr och 1 200 000 kr.'],
    ['a list of amounts without spaces', '1065500, 2460000, 535000, 1200000, 9999999'],
    ['an amount with öre', '1 065 500,00 kr'],
    ['a date', '2027-04-30'],
    ['a date without dashes', '20270430'],
    ['dates in a sentence', 'Beslut 2027-04-30, slutrapport 20271231, start 2027-01-01.'],
    ['a date and time', '2027-04-30 14:00'],
    ['an ISO instant', '2027-04-30T12:00:00Z'],
    ['a diarienummer', 'SFV 2027/012'],
    ['a diarienummer with a suffix', 'Dnr 2027/012-3'],
    ['a mobile number', '070-123 45 67'],
    ['a landline number', '0470-12 34 56'],
    ['a Stockholm number', '08-123 456 78'],
    ['an international number', '+46 70 123 45 67'],
    ['an org number (month 20)', '222000-2634'],
    ['an org number without dash', '2220002634'],
    ['an org number with 16 in front', '16222000-2634'],
    ['another org number', 'Org.nr 802000-1234'],
    ['an invoice number', 'Faktura 2027-0001'],
    ['a long invoice number', 'Fakturanummer 9876543210'],
    ['an OCR number', 'OCR 1234567890123'],
    ['an 11-digit run around a valid number', `1${PN_1912}`],
    ['a valid number followed by a digit', `${PN_1912}0`],
    ['a 13-digit run around a valid 12-digit number', `1${written(PN_1912, '', '19')}`],
    ['a 14-digit run', `${written(PN_1912, '', '19')}12`],
    ['a valid 10-digit number with a digit before the separator', `1${written(PN_1912, '-')}`],
    ['a valid 10-digit number with a digit after', `${written(PN_1912, '-')}5`],
    ['a postal code', '352 30 Växjö'],
    ['a postal code without space', '35230'],
    ['another postal code', '111 22 Stockholm'],
    ['a bankgiro number', 'Bankgiro 5050-1055'],
    ['a plusgiro number', 'Plusgiro 123 45 67-8'],
    ['a bank account', 'Clearing 8327-9, konto 123 456 789-0'],
    ['a period key', 'NOVA-2027-Q1'],
    ['two separators', '121212--1212'],
    ['a date part of 7 digits', '1212121-1212'],
    ['a last part of 3 digits', '121212-121'],
    ['a last part of 5 digits', '121212-12121'],
    ['a dot as separator', '121212.1212'],
    ['two spaces as separator', '121212  1212'],
    ['empty text', ''],
    ['text without digits', 'Insatsen riktar sig till unga vuxna i Växjö.'],
  ])('something that merely looks similar: %s', (_, text) => {
    expect(findPersonalIdentityNumbers(text)).toEqual([]);
    expect(containsPersonalIdentityNumber(text)).toBe(false);
  });
});

/** generators for the properties: a valid number as its parts */
const validDate = fc
  .record({
    year: fc.integer({ min: 1800, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  // Date.UTC(year, month, 0) is the last day of `month`: an oracle independent of the code under test
  .map(({ year, month, day }) => ({
    year,
    month,
    day: Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate()),
  }));

const FORMATS = [
  { name: 'YYMMDD-NNNN', separator: '-', century: false },
  { name: 'YYMMDD+NNNN', separator: '+', century: false },
  { name: 'YYMMDD NNNN', separator: ' ', century: false },
  { name: 'YYMMDDNNNN', separator: '', century: false },
  { name: 'YYYYMMDD-NNNN', separator: '-', century: true },
  { name: 'YYYYMMDD NNNN', separator: ' ', century: true },
  { name: 'YYYYMMDDNNNN', separator: '', century: true },
] as const;

const validNumber = fc
  .record({
    date: validDate,
    samordning: fc.boolean(),
    serial: fc.integer({ min: 0, max: 999 }),
    format: fc.constantFrom(...FORMATS),
  })
  .map(({ date, samordning, serial, format }) => {
    const two = (value: number) => String(value).padStart(2, '0');
    const nine = `${two(date.year % 100)}${two(date.month)}${two(samordning ? date.day + 60 : date.day)}${String(serial).padStart(3, '0')}`;
    const century = format.century ? String(Math.floor(date.year / 100)) : '';
    return {
      nine,
      kind: samordning ? ('samordningsnummer' as const) : ('personnummer' as const),
      write: (check: string) => written(nine + check, format.separator, century),
    };
  });

/** surrounding text that never puts a digit right next to the number */
const NON_DIGIT_BOUNDARY = fc.constantFrom(' ', 'a', 'Ö', '.', ',', '(', ')', ':', '"', '\n', '/', '!');
const before = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.string(), NON_DIGIT_BOUNDARY).map(([text, boundary]) => text + boundary),
);
const after = fc.oneof(
  fc.constant(''),
  fc.tuple(NON_DIGIT_BOUNDARY, fc.string()).map(([boundary, text]) => boundary + text),
);

describe('findPersonalIdentityNumbers: properties', () => {
  it('finds every valid personnummer and samordningsnummer, in every format, wherever it stands', () => {
    fc.assert(
      fc.property(validNumber, before, after, ({ nine, kind, write }, prefix, suffix) => {
        const number = write(luhn(nine));
        const matches = findPersonalIdentityNumbers(prefix + number + suffix);
        expect(matches).toContainEqual({ index: prefix.length, length: number.length, kind });
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing where the same number has a wrong check digit', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.integer({ min: 1, max: 9 }),
        before,
        after,
        ({ nine, write }, shift, prefix, suffix) => {
          const number = write(String((Number(luhn(nine)) + shift) % 10));
          const matches = findPersonalIdentityNumbers(prefix + number + suffix);
          const start = prefix.length;
          const end = start + number.length;
          // only the number's own span matters: random text around it may, in theory, hold a number of its own
          expect(matches.filter((match) => match.index < end && match.index + match.length > start)).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never finds anything in a list of amounts below a billion', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999_999_999 })), (amounts) => {
        expect(findPersonalIdentityNumbers(amounts.join(', '))).toEqual([]);
      }),
    );
  });
});
