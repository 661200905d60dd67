import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../../src/domain/app-error.ts';
import {
  assertNoPersonalIdentityNumbers,
  DEFAULT_FREE_TEXT_MAX,
  freeText,
  optionalFreeText,
  personalIdentityNumberMessage,
} from '../../../../src/domain/personal-data/free-text.ts';

/** made-up numbers on test-like dates; the check digits are worked out in personal-identity-number.test.ts */
const PN = '121212-1212'; // 1912-12-12
const PN_12 = '201010101234'; // 2010-10-10
const SN = '101070-1231'; // samordningsnummer, 2010-10-10 + 60

const refusal = (label: string) =>
  `"${label}" innehåller något som ser ut som ett personnummer eller samordningsnummer. Insatsnavet får inte lagra uppgifter om enskilda personer – ta bort numret.`;

function messagesOf(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

function caught(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('personalIdentityNumberMessage', () => {
  it('names the field and says why, in Swedish', () => {
    expect(personalIdentityNumberMessage('Syfte')).toBe(refusal('Syfte'));
  });
});

describe('freeText', () => {
  const purpose = freeText('Syfte');

  it('trims and keeps ordinary text, numbers that only look similar included', () => {
    expect(purpose.parse('  Insatsen ska minska utanförskapet.  ')).toBe('Insatsen ska minska utanförskapet.');
    const lookalikes = 'Beviljat 1 065 500 kr (SFV 2027/012) 2027-04-30, ring 070-123 45 67, org.nr 222000-2634.';
    expect(purpose.parse(lookalikes)).toBe(lookalikes);
  });

  it.each([
    ['a personnummer', `Deltagaren ${PN} har slutat.`],
    ['a 12-digit personnummer', `Deltagaren ${PN_12} har slutat.`],
    ['a samordningsnummer', `Deltagaren ${SN} har slutat.`],
    ['a number at the very start', `${PN} har slutat`],
    ['a number padded with spaces', `   ${PN}   `],
  ])('refuses %s with a message naming the field', (_, text) => {
    const result = purpose.safeParse(text);
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toEqual([refusal('Syfte')]);
  });

  it('refuses text over 20 000 characters by default, with a Swedish message', () => {
    expect(DEFAULT_FREE_TEXT_MAX).toBe(20_000);
    expect(purpose.safeParse('a'.repeat(20_000)).success).toBe(true);
    const result = purpose.safeParse('a'.repeat(20_001));
    expect(messagesOf(result)).toEqual(['"Syfte" får vara högst 20\u00a0000 tecken.']);
  });

  it('counts the length after trimming', () => {
    expect(freeText('Titel', { max: 5 }).parse('  abcde  ')).toBe('abcde');
  });

  it('takes another max and a min', () => {
    const title = freeText('Titel', { max: 10, min: 3 });
    expect(title.parse('Nova')).toBe('Nova');
    expect(messagesOf(title.safeParse('a'.repeat(11)))).toEqual(['"Titel" får vara högst 10 tecken.']);
    expect(messagesOf(title.safeParse('ab'))).toEqual(['"Titel" måste vara minst 3 tecken.']);
  });

  it('says "måste fyllas i" for a required field left empty or blank', () => {
    const comment = freeText('Kommentar', { min: 1 });
    expect(messagesOf(comment.safeParse(''))).toEqual(['"Kommentar" måste fyllas i.']);
    expect(messagesOf(comment.safeParse('   '))).toEqual(['"Kommentar" måste fyllas i.']);
  });

  it('takes empty text when no min is given', () => {
    expect(purpose.parse('')).toBe('');
  });

  it('refuses what is not a string', () => {
    expect(purpose.safeParse(42).success).toBe(false);
    expect(purpose.safeParse(null).success).toBe(false);
  });

  it('reports the field path inside an object schema', () => {
    const schema = z.object({ title: freeText('Titel', { max: 255 }), purpose: optionalFreeText('Syfte') });
    const result = schema.safeParse({ title: 'Nova', purpose: `Till exempel ${PN}` });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ path: ['purpose'], message: refusal('Syfte') }]);
  });

  it('never puts the number in a message, whatever the text around it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom(PN, PN_12, SN, '19121212 1212', '121212+1212'),
        fc.string(),
        (a, n, b) => {
          const result = purpose.safeParse(`${a} ${n} ${b}`);
          expect(result.success).toBe(false);
          const serialized = JSON.stringify(result.error?.issues);
          expect(serialized).not.toContain(n);
          expect(serialized).not.toContain(n.replace(/\D/g, ''));
          expect(serialized).not.toMatch(/\d{4}/);
        },
      ),
    );
  });
});

describe('optionalFreeText', () => {
  const goals = optionalFreeText('Mål', { max: 100 });

  it('takes null and trims text', () => {
    expect(goals.parse(null)).toBeNull();
    expect(goals.parse(' Fler i arbete ')).toBe('Fler i arbete');
  });

  it('refuses a number and too long text like freeText', () => {
    expect(messagesOf(goals.safeParse(`Mål för ${SN}`))).toEqual([refusal('Mål')]);
    expect(messagesOf(goals.safeParse('a'.repeat(101)))).toEqual(['"Mål" får vara högst 100 tecken.']);
  });
});

describe('assertNoPersonalIdentityNumbers', () => {
  const labels = { title: 'Titel', description: 'Beskrivning', keywords: 'Nyckelord' };

  it('lets clean, empty and missing fields through', () => {
    expect(() =>
      assertNoPersonalIdentityNumbers(
        { title: 'Protokoll 2027-04-30', description: null, keywords: undefined, amount: '1 065 500 kr' },
        labels,
      ),
    ).not.toThrow();
    expect(() => assertNoPersonalIdentityNumbers({}, labels)).not.toThrow();
  });

  it('throws INVALID_INPUT naming the one offending field', () => {
    const error = caught(() =>
      assertNoPersonalIdentityNumbers({ title: 'Protokoll', description: `Gäller ${PN}` }, labels),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.httpStatus).toBe(400);
    expect(error.userMessage).toBe(refusal('Beskrivning'));
    expect(error.details).toEqual({ fields: { description: refusal('Beskrivning') } });
  });

  it('lists every offending field, and names a field without a label by its key', () => {
    const error = caught(() =>
      assertNoPersonalIdentityNumbers(
        { title: `Om ${SN}`, description: 'Inget här', keywords: PN_12, fileName: `intyg ${PN}.pdf` },
        labels,
      ),
    );
    expect(error.details).toEqual({
      fields: { title: refusal('Titel'), keywords: refusal('Nyckelord'), fileName: refusal('fileName') },
    });
    expect(error.userMessage).toContain('"Titel", "Nyckelord", "fileName"');
    expect(error.userMessage).toContain('Insatsnavet får inte lagra uppgifter om enskilda personer');
  });

  it('keeps the numbers out of the log message, the user message and the JSON sent to the client', () => {
    const error = caught(() =>
      assertNoPersonalIdentityNumbers({ title: `Om ${SN}`, description: `Gäller ${PN} och ${PN_12}` }, labels),
    );
    const everything = [
      error.message,
      error.userMessage,
      JSON.stringify(error.toJSON()),
      JSON.stringify(error.details),
    ];
    for (const text of everything) {
      for (const number of [PN, PN_12, SN]) {
        expect(text).not.toContain(number);
        expect(text).not.toContain(number.replace(/\D/g, ''));
      }
      expect(text).not.toMatch(/\d{4}/);
    }
    expect(error.message).toContain('title');
    expect(error.message).toContain('description');
  });
});
