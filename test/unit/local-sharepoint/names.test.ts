import { describe, expect, it } from 'vitest';
import { checkItemName, checkPathLength, MAX_PATH_LENGTH } from '../../../infra/local-sharepoint/names.ts';

const file = { atLibraryRoot: false, isFolder: false };
const rootFolder = { atLibraryRoot: true, isFolder: true };

describe('checkItemName', () => {
  it.each([
    'avtal.pdf',
    'Samarbetsavtal NOVA 2027 (signerat).pdf',
    'räkning #12 100%.xlsx',
    'a',
    '.gitignore',
    'CON.txt',
    'console.log',
    'forms.pdf',
    'Forms',
    '~ok.docx',
    'x'.repeat(255),
  ])('accepts %j', (name) => {
    expect(checkItemName(name, file)).toEqual({ ok: true });
  });

  it.each([
    ['', 'empty'],
    ['a"b.pdf', '"'],
    ['a*b.pdf', '*'],
    ['a:b.pdf', ':'],
    ['a<b.pdf', '<'],
    ['a>b.pdf', '>'],
    ['a?b.pdf', '?'],
    ['a/b.pdf', '/'],
    ['a\\b.pdf', '\\'],
    ['a|b.pdf', '|'],
    ['tab\there', 'invalid character'],
    ['nul\u0000byte', 'invalid character'],
    [' leading.pdf', 'space'],
    ['trailing.pdf ', 'space'],
    ['trailing.', 'period'],
    ['..', 'period'],
    ['.lock', 'reserved'],
    ['CON', 'reserved'],
    ['con', 'reserved'],
    ['PRN', 'reserved'],
    ['AUX', 'reserved'],
    ['NUL', 'reserved'],
    ['COM0', 'reserved'],
    ['com9', 'reserved'],
    ['LPT1', 'reserved'],
    ['desktop.ini', 'reserved'],
    ['Desktop.INI', 'reserved'],
    ['~$avtal.docx', '~$'],
    ['x_vti_y.pdf', '_vti_'],
    ['_VTI_', '_vti_'],
  ])('refuses %j', (name, reason) => {
    const result = checkItemName(name, file);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it("refuses a folder called 'forms' at the library root only", () => {
    expect(checkItemName('forms', rootFolder).ok).toBe(false);
    expect(checkItemName('FORMS', rootFolder).ok).toBe(false);
    expect(checkItemName('forms', { atLibraryRoot: false, isFolder: true }).ok).toBe(true);
  });
});

describe('checkPathLength', () => {
  it('allows 400 characters and refuses 401', () => {
    expect(checkPathLength(`/${'a'.repeat(MAX_PATH_LENGTH - 1)}`).ok).toBe(true);
    expect(checkPathLength(`/${'a'.repeat(MAX_PATH_LENGTH)}`).ok).toBe(false);
  });
});
