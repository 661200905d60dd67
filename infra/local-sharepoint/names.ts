/**
 * SharePoint Online's rules for file and folder names (research/graph.md §3.6). A name that
 * breaks them is answered with 400 invalidRequest / innerError invalidPath, as Graph does.
 */

export type NameCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

// PnPjs' SPO pattern: the characters SharePoint refuses, plus control characters
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const INVALID_CHARACTERS = /["*:<>?/\\|\u0000-\u001f\u007f-\u009f]/;
const RESERVED = /^(?:\.lock|con|prn|aux|nul|com[0-9]|lpt[0-9]|desktop\.ini)$/i;

export const MAX_PATH_LENGTH = 400;

export function checkItemName(name: string, options: { atLibraryRoot: boolean; isFolder: boolean }): NameCheck {
  if (name.length === 0) {
    return { ok: false, reason: 'The name is empty.' };
  }
  const bad = INVALID_CHARACTERS.exec(name);
  if (bad !== null) {
    return { ok: false, reason: `The name '${name}' contains the invalid character '${bad[0]}'.` };
  }
  if (name !== name.trim()) {
    return { ok: false, reason: `The name '${name}' begins or ends with a space.` };
  }
  if (name.endsWith('.')) {
    return { ok: false, reason: `The name '${name}' ends with a period.` };
  }
  if (RESERVED.test(name)) {
    return { ok: false, reason: `'${name}' is a reserved name.` };
  }
  if (name.startsWith('~$')) {
    return { ok: false, reason: `Names beginning with '~$' are not allowed: '${name}'.` };
  }
  if (name.toLowerCase().includes('_vti_')) {
    return { ok: false, reason: `Names containing '_vti_' are not allowed: '${name}'.` };
  }
  if (options.atLibraryRoot && options.isFolder && name.toLowerCase() === 'forms') {
    return { ok: false, reason: "'forms' is reserved at the root of a document library." };
  }
  return { ok: true };
}

/** the whole decoded server-relative path, e.g. `/sites/x/Dokument/a/b.pdf` */
export function checkPathLength(serverRelativePath: string): NameCheck {
  if (serverRelativePath.length > MAX_PATH_LENGTH) {
    return {
      ok: false,
      reason: `The path is ${serverRelativePath.length} characters long; SharePoint allows ${MAX_PATH_LENGTH}.`,
    };
  }
  return { ok: true };
}
