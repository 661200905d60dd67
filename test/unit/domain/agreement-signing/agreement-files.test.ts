import { describe, expect, it } from 'vitest';
import {
  draftFileName,
  partiesOf,
  readSignatories,
  signatoriesText,
  signedFileName,
  uploadFileName,
} from '../../../../src/domain/agreement-signing/agreement-files.ts';
import { sanitizeFileName } from '../../../../src/sharepoint/repositories/file-name.ts';

describe('the agreement files’ names', () => {
  it('dates drafts and signed agreements and numbers a second one the same day', () => {
    expect(draftFileName('SAMUTB', '2027-01-10')).toBe('Samarbetsavtal SAMUTB utkast 2027-01-10.pdf');
    expect(draftFileName('SAMUTB', '2027-01-10', 2)).toBe('Samarbetsavtal SAMUTB utkast 2027-01-10 (2).pdf');
    expect(signedFileName('SAMUTB', '2027-01-10', 3)).toBe('Samarbetsavtal SAMUTB signerat 2027-01-10 (3).pdf');
  });

  it.each([
    ['Avtal: SAMUTB | slutversion.pdf', 'Avtal_ SAMUTB _ slutversion.pdf'],
    ['C:\\Users\\kansli\\Skannat avtal.PDF', 'Skannat avtal.pdf'],
    ['/tmp/avtal', 'avtal.pdf'],
    ['avtal #2 (100%).pdf', 'avtal _2 (100_).pdf'],
    ['"<avtal>*?".pdf', '__avtal____.pdf'],
    ['  .avtal. .pdf', 'avtal.pdf'],
    ['avtal.pdf.', 'avtal.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['...', 'Samarbetsavtal SAMUTB signerat 2027-01-10.pdf'],
    ['', 'Samarbetsavtal SAMUTB signerat 2027-01-10.pdf'],
  ])('an upload named %j is filed as %j', (given, expected) => {
    expect(sanitizeFileName(uploadFileName(given, 'SAMUTB', '2027-01-10'))).toBe(expected);
  });

  it('cuts a very long name so the number of a second one still fits', () => {
    const long = `${'å'.repeat(300)}.pdf`;
    const second = sanitizeFileName(uploadFileName(long, 'SAMUTB', '2027-01-10', 2));
    expect(second.endsWith(' (2).pdf')).toBe(true);
    expect([...second].length).toBeLessThanOrEqual(200);
  });
});

describe('the metadata texts', () => {
  it('writes and reads the Signatories column, one line per signature in Swedish time', () => {
    const text = signatoriesText(
      [
        { name: 'Ola Nordin', organisation: 'Försäkringskassan', signedAt: '2027-01-10T13:02:00Z' },
        { name: 'Christer Lund', organisation: 'Region Kronoberg, Växjö', signedAt: '2027-07-01T08:15:00Z' },
      ],
      'Europe/Stockholm',
    );
    expect(text).toBe(
      'Ola Nordin, Försäkringskassan, 2027-01-10 14:02\nChrister Lund, Region Kronoberg, Växjö, 2027-07-01 10:15',
    );
    expect(readSignatories(text)).toEqual([
      { name: 'Ola Nordin', organisation: 'Försäkringskassan', at: '2027-01-10 14:02' },
      { name: 'Christer Lund', organisation: 'Region Kronoberg, Växjö', at: '2027-07-01 10:15' },
    ]);
    expect(readSignatories('Skrivet för hand')).toEqual([{ name: 'Skrivet för hand', organisation: null, at: null }]);
  });

  it('names the parties, the projektägare first and once', () => {
    const members = [
      { id: '1', name: 'Försäkringskassan' },
      { id: '2', name: 'Region Kronoberg' },
    ];
    expect(partiesOf({ ownerOrgId: '2', partnerOrgIds: ['1', '2', '9'] }, members)).toEqual([
      { memberId: '2', name: 'Region Kronoberg' },
      { memberId: '1', name: 'Försäkringskassan' },
    ]);
  });
});
