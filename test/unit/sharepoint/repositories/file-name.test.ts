import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeFileName, sanitizeFolderPath } from '../../../../src/sharepoint/repositories/file-name.ts';

const INVALID = /["*:<>?/\\|\p{Cc}]/u;

describe('sanitizeFileName', () => {
  it('replaces the characters SharePoint refuses', () => {
    expect(sanitizeFileName('Avtal NOVA: 2027/2028 "slutlig"?.pdf')).toBe('Avtal NOVA_ 2027_2028 _slutlig__.pdf');
    expect(sanitizeFileName('a*b<c>d|e\\f.pdf')).toBe('a_b_c_d_e_f.pdf');
    expect(sanitizeFileName('rad\nbrytning.pdf')).toBe('rad_brytning.pdf');
  });

  it('trims spaces and replaces leading and trailing dots', () => {
    expect(sanitizeFileName('  Protokoll § 23.pdf  ')).toBe('Protokoll § 23.pdf');
    expect(sanitizeFileName('.hemlig')).toBe('_hemlig');
    expect(sanitizeFileName('rapport..')).toBe('rapport__');
    expect(sanitizeFileName(' . ')).toBe('_');
  });

  it('keeps Swedish letters, §, # and % (SharePoint Online accepts them)', () => {
    expect(sanitizeFileName('Lägesrapport Hälsofrämjande #3 100%.docx')).toBe(
      'Lägesrapport Hälsofrämjande #3 100%.docx',
    );
  });

  it('avoids reserved names and markers', () => {
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('lpt1.txt')).toBe('_lpt1.txt');
    expect(sanitizeFileName('desktop.ini')).toBe('_desktop.ini');
    expect(sanitizeFileName('~$avtal.docx')).toBe('_$avtal.docx');
    expect(sanitizeFileName('a_vti_b.pdf')).toBe('a_vti-b.pdf');
    expect(sanitizeFileName('')).toBe('namnlos');
    expect(sanitizeFileName('   ')).toBe('namnlos');
  });

  it('shortens long names and keeps the extension', () => {
    const long = sanitizeFileName(`${'å'.repeat(300)}.pdf`);
    expect(long.endsWith('.pdf')).toBe(true);
    expect([...long].length).toBeLessThanOrEqual(200);
  });

  it('always gives a valid, stable name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 260 }), (name) => {
        const once = sanitizeFileName(name);
        expect(once).not.toMatch(INVALID);
        expect(once).not.toMatch(/^[\s.]|[\s.]$/);
        expect(once.length).toBeGreaterThan(0);
        expect([...once].length).toBeLessThanOrEqual(200);
        expect(sanitizeFileName(once)).toBe(once);
      }),
    );
  });
});

describe('sanitizeFolderPath', () => {
  it('sanitizes each segment and drops empty ones', () => {
    expect(sanitizeFolderPath('NOVA')).toBe('NOVA');
    expect(sanitizeFolderPath('/NOVA//2027 ')).toBe('NOVA/2027');
    expect(sanitizeFolderPath('NOVA\\Q1:2027')).toBe('NOVA/Q1_2027');
    expect(sanitizeFolderPath('')).toBe('');
  });
});
