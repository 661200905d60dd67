/**
 * File and folder names SharePoint Online accepts. It refuses `" * : < > ? / \ |`, control
 * characters, leading or trailing spaces and dots, a few reserved names and `_vti_` (research
 * graph.md §3.6); an upload with such a name fails with 400 invalidRequest, so names from users
 * are made valid first. Invisible format characters and lone surrogates go too (a name must read
 * as what it is, and be encodable in the upload's URL). Idempotent: a sanitized name is returned
 * unchanged.
 */

const MAX_NAME_LENGTH = 200;
const REPLACEMENT = '_';
const INVALID_CHARACTERS = /["*:<>?/\\|\p{Cc}]/gu;
/**
 * Invisible format characters — bidi overrides above all: `avtal\u202Efdp.exe` shows as
 * "avtalexe.pdf" — zero-width spaces and joiners, soft hyphens: removed, so a name reads as it is.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
/** half a surrogate pair: no character, and not encodable in a URL (encodeURIComponent throws) */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const RESERVED_STEMS = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const RESERVED_NAMES = new Set(['.lock', 'desktop.ini']);

export function sanitizeFileName(name: string): string {
  let result = name
    .replace(LONE_SURROGATE, REPLACEMENT)
    .normalize('NFC')
    .replace(FORMAT_CHARACTERS, '')
    .replace(INVALID_CHARACTERS, REPLACEMENT);
  result = truncate(result);
  result = result.trim();
  result = result.replace(/^\.+/, (dots) => REPLACEMENT.repeat(dots.length));
  result = result.replace(/\.+$/, (dots) => REPLACEMENT.repeat(dots.length));
  result = result.replaceAll(/_vti_/gi, '_vti-');
  if (result.startsWith('~$')) {
    result = `${REPLACEMENT}${result.slice(1)}`;
  }
  const stem = result.split('.')[0] ?? '';
  if (RESERVED_STEMS.test(stem) || RESERVED_NAMES.has(result.toLowerCase())) {
    result = `${REPLACEMENT}${result}`;
  }
  return result === '' ? 'namnlos' : result;
}

/** `NOVA/2027` → each segment sanitized; empty segments dropped; '' stays '' (the library root) */
export function sanitizeFolderPath(folder: string): string {
  return folder
    .split(/[/\\]/)
    .filter((segment) => segment.trim() !== '')
    .map(sanitizeFileName)
    .join('/');
}

/**
 * Keeps the extension when a long name is shortened. It cuts one below the limit so that the
 * `_` a reserved name may get afterwards still fits, and a second pass changes nothing.
 */
function truncate(name: string): string {
  if ([...name].length <= MAX_NAME_LENGTH) {
    return name;
  }
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const stem = [...name.slice(0, name.length - extension.length)];
  return stem.slice(0, MAX_NAME_LENGTH - 1 - [...extension].length).join('') + extension;
}
