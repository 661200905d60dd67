/**
 * The fonts of the samarbetsavtal: Noto Sans (SIL Open Font License 1.1, which allows embedding
 * in documents), from the npm package @embedpdf/fonts-latin, embedded through @pdf-lib/fontkit.
 * The PDF standard fonts cover only WinAnsi and throw on a name such as "Łukasz" or "Ŋ"; Noto
 * Sans covers Latin (with Extended-A/B and Vietnamese), Greek and Cyrillic. Each document carries
 * a subset of the glyphs it uses, so a page costs some kilobytes, not the 630 KB of a font file.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export type AgreementFonts = {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly semibold: PDFFont;
  readonly italic: PDFFont;
};

const FILES = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  semibold: 'NotoSans-SemiBold.ttf',
  italic: 'NotoSans-Italic.ttf',
} as const;

type Face = keyof typeof FILES;

/**
 * @pdf-lib/fontkit 1.1.1 writes a subset's glyph offsets in the short `loca` format (offset / 2)
 * whenever the subset is under 128 KB, but copies each glyph's bytes unpadded: a glyph of odd
 * length shifts every glyph after it, and viewers draw them empty (Noto Sans has such glyphs —
 * most letters of "Samordningsförbundet" vanished). The long format stores byte offsets, so the
 * subsets are told to use it before their first glyph is added.
 */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

type SubsetInternals = { loca?: { version?: number }; _addGlyph?: (this: SubsetInternals, gid: number) => number };

const longLocaFontkit: Fontkit = {
  create(buffer, postscriptName) {
    const font = fontkit.create(buffer, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      const internals = subset as unknown as SubsetInternals;
      const addGlyph = internals._addGlyph;
      if (addGlyph !== undefined) {
        internals._addGlyph = function (this: SubsetInternals, gid: number) {
          if (this.loca !== undefined) {
            this.loca.version = 1;
          }
          return addGlyph.call(this, gid);
        };
      }
      return subset;
    };
    return font;
  },
};

let cache: Promise<Record<Face, Uint8Array>> | null = null;

/** the package exports no font paths, so they are found next to its entry point */
function fontDirectory(): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-latin');
  return path.join(path.dirname(entry), '..', 'fonts');
}

/** the font files, read once per process */
function fontBytes(): Promise<Record<Face, Uint8Array>> {
  cache ??= (async () => {
    const directory = fontDirectory();
    const entries = await Promise.all(
      (Object.keys(FILES) as Face[]).map(
        async (face) => [face, new Uint8Array(await readFile(path.join(directory, FILES[face])))] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<Face, Uint8Array>;
  })();
  cache.catch(() => {
    // a failed read (package missing) is retried on the next render instead of cached for ever
    cache = null;
  });
  return cache;
}

/**
 * Embeds the four faces. `tag` is the six capital letters PDF puts before a subset font's name
 * (`NAVDRA+NotoSans-Regular`); a fixed tag instead of pdf-lib's random suffix keeps the output
 * the same for the same input, and a different tag per use keeps the draft's subsets and the
 * signature page's apart in one file.
 */
export async function embedAgreementFonts(document: PDFDocument, tag: string): Promise<AgreementFonts> {
  document.registerFontkit(longLocaFontkit);
  const bytes = await fontBytes();
  const embed = (face: Face, letter: string) =>
    document.embedFont(bytes[face], {
      subset: true,
      customName: `${tag.slice(0, 5)}${letter}+${FILES[face].replace('.ttf', '')}`,
    });
  const [regular, bold, semibold, italic] = await Promise.all([
    embed('regular', 'A'),
    embed('bold', 'B'),
    embed('semibold', 'C'),
    embed('italic', 'D'),
  ]);
  return { regular, bold, semibold, italic };
}

/**
 * Text as the fonts can draw it: Unicode composed (NFC), so `Ö` typed as O + ¨ finds its glyph;
 * tabs and line separators as spaces; other control and format characters (zero-width spaces,
 * soft hyphens, direction marks) removed, line breaks kept for the layout to break at. A character
 * the font lacks is drawn as the font's empty box — never an exception.
 */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\t\u2028\u2029]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, (character) => (character === '\n' ? character : ''));
}
