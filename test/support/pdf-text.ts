/**
 * Reads back the text of a PDF that pdf-lib wrote with embedded (Type0, Identity-H) fonts, without
 * a native dependency: each font's ToUnicode CMap turns the glyph ids of the content streams'
 * `<…> Tj` operators back into characters. Good for the PDFs Insatsnavet writes, where every
 * drawText is one line; not a general PDF text extractor.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  type PDFPage,
  PDFRawStream,
  type PDFRef,
} from 'pdf-lib';

function streamBytes(document: PDFDocument, object: PDFObject | undefined): Uint8Array {
  const resolved = object === undefined ? undefined : document.context.lookup(object as PDFRef);
  if (resolved instanceof PDFRawStream) {
    return decodePDFRawStream(resolved).decode();
  }
  throw new Error('not a stream');
}

/** the decoded bytes of a page's content streams, in order */
export function pageContents(document: PDFDocument, page: PDFPage): Uint8Array[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = contents === undefined ? undefined : document.context.lookup(contents);
  if (resolved instanceof PDFArray) {
    return resolved.asArray().map((entry) => streamBytes(document, entry));
  }
  return [streamBytes(document, contents)];
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let index = 0; index < hex.length; index += 4) {
    units.push(Number.parseInt(hex.slice(index, index + 4), 16));
  }
  return String.fromCharCode(...units);
}

/** glyph id (hex) → text, from a ToUnicode CMap's bfchar and bfrange entries */
function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set((entry[1] ?? '').toUpperCase(), utf16(entry[2] ?? ''));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const low = Number.parseInt(entry[1] ?? '0', 16);
      const high = Number.parseInt(entry[2] ?? '0', 16);
      const first = Number.parseInt(entry[3] ?? '0', 16);
      for (let id = low; id <= high; id += 1) {
        map.set(id.toString(16).toUpperCase().padStart(4, '0'), String.fromCharCode(first + id - low));
      }
    }
  }
  return map;
}

function fontMaps(document: PDFDocument, page: PDFPage): Map<string, Map<string, string>> {
  const maps = new Map<string, Map<string, string>>();
  const resources = page.node.Resources();
  const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [name, ref] of fonts?.entries() ?? []) {
    const font = document.context.lookup(ref, PDFDict);
    const toUnicode = font.get(PDFName.of('ToUnicode'));
    const cmap =
      toUnicode === undefined ? new Map() : parseCMap(new TextDecoder().decode(streamBytes(document, toUnicode)));
    maps.set(name.decodeText(), cmap);
  }
  return maps;
}

/** the text of each page, one string per line drawn, in drawing order */
export function pageLines(document: PDFDocument, page: PDFPage): string[] {
  const maps = fontMaps(document, page);
  const lines: string[] = [];
  for (const bytes of pageContents(document, page)) {
    const content = new TextDecoder('latin1').decode(bytes);
    let font = new Map<string, string>();
    for (const match of content.matchAll(/\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (match[1] !== undefined) {
        font = maps.get(match[1]) ?? new Map();
        continue;
      }
      const hex = (match[2] ?? '').toUpperCase();
      let line = '';
      for (let index = 0; index < hex.length; index += 4) {
        line += font.get(hex.slice(index, index + 4)) ?? '\ufffd';
      }
      lines.push(line);
    }
  }
  return lines;
}

/** every page's lines */
export async function pdfText(bytes: Uint8Array): Promise<string[][]> {
  const document = await PDFDocument.load(bytes);
  return document.getPages().map((page) => pageLines(document, page));
}
