/**
 * Free text is stored without what does not belong in it — control characters (a paste's
 * garbage, which SharePoint's XML views choke on), bidi overrides (U+202E makes text read
 * backwards), lone surrogates (not storable as UTF-8) — with odd line breaks made `\n`, and on one
 * line in a name or a title. Letters, emoji with zero-width joiners and right-to-left text stay.
 * A personnummer hidden by invisible characters or written in full-width digits is still found.
 */
import { describe, expect, it } from 'vitest';
import { freeText, normaliseFreeText } from '../../../../src/domain/personal-data/free-text.ts';
import { containsPersonalIdentityNumber } from '../../../../src/domain/personal-data/personal-identity-number.ts';

describe('normaliseFreeText', () => {
  it.each([
    ['NO\u0000VA', 'NOVA'],
    ['a\u0007\u0008\u001b[31mb', 'a[31mb'],
    ['\u202eAVON', 'AVON'],
    ['\u2066kod\u2069', 'kod'],
    ['x\ud800y\udfffz', 'xyz'],
    ['Rad ett\u000bRad två', 'Rad ett\nRad två'],
    ['a\u2028b\u2029c\u0085d', 'a\nb\nc\nd'],
    ['rad\r\nrad\ttab', 'rad\r\nrad\ttab'],
    ['👩\u200d💻 och 🇸🇪', '👩\u200d💻 och 🇸🇪'],
    ['שלום \u200fעולם', 'שלום \u200fעולם'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('%j → %j', (input, output) => {
    expect(normaliseFreeText(input)).toBe(output);
  });

  it('puts a single-line field on one line', () => {
    expect(normaliseFreeText('NOVA\r\nEND:VCALENDAR\tx\ny', { singleLine: true })).toBe('NOVA END:VCALENDAR x y');
  });

  it('is what freeText stores, before it trims and counts', () => {
    expect(freeText('Titel', { singleLine: true }).parse(' \u202eNO\u0000VA\r\n ')).toBe('NOVA');
    expect(freeText('Titel', { max: 4 }).safeParse('\u0000\u0000NOVA\u0000').success).toBe(true);
  });
});

describe('containsPersonalIdentityNumber, disguised', () => {
  it.each([
    ['a zero-width space', '1912\u200b1212-1212'],
    ['a zero-width joiner', '191212\u200d12-1212'],
    ['a soft hyphen', '121212\u00ad-1212'],
    ['a word joiner', '121212\u20601212'],
    ['full-width digits', '１９１２１２１２－１２１２'],
  ])('is found with %s', (_what, text) => {
    expect(containsPersonalIdentityNumber(`Deltagaren ${text} har slutat.`)).toBe(true);
    expect(freeText('Syfte').safeParse(`Deltagaren ${text}`).success).toBe(false);
  });

  it('a bidi override inside a number is removed before the guard looks', () => {
    expect(freeText('Syfte').safeParse('19121212\u202e-1212').success).toBe(false);
  });

  it('still leaves numbers that only look similar alone', () => {
    expect(
      containsPersonalIdentityNumber('Beviljat 1\u00a0065\u00a0500 kr, org.nr 222000-2634, ２０２７-０４-３０'),
    ).toBe(false);
  });
});
