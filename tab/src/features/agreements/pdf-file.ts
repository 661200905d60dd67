/**
 * What the tab checks about a file before it sends it — the same limits as the server (which
 * decides; src/services/agreements/pdf-check.ts): at most 20 MB, not empty, and the PDF header
 * `%PDF-` within the first 1 024 bytes, where PDF readers look for it. A renamed text file is told
 * at once instead of after the upload.
 */
export const MAX_AGREEMENT_BYTES = 20 * 1024 * 1024;
const HEADER_WINDOW = 1024;
const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export type FileProblem = 'empty' | 'too-large' | 'not-pdf';

export function hasPdfHeader(bytes: Uint8Array): boolean {
  const last = Math.min(bytes.length, HEADER_WINDOW) - MAGIC.length;
  for (let start = 0; start <= last; start += 1) {
    if (MAGIC.every((byte, offset) => bytes[start + offset] === byte)) {
      return true;
    }
  }
  return false;
}

/** the size alone (any file may be checked against the archive) */
export function sizeProblem(file: Blob): FileProblem | null {
  if (file.size === 0) {
    return 'empty';
  }
  return file.size > MAX_AGREEMENT_BYTES ? 'too-large' : null;
}

/** the size, then the header: what would make the server refuse the upload outright */
export async function pdfProblem(file: Blob): Promise<FileProblem | null> {
  const bySize = sizeProblem(file);
  if (bySize !== null) {
    return bySize;
  }
  const head = new Uint8Array(await file.slice(0, HEADER_WINDOW).arrayBuffer());
  return hasPdfHeader(head) ? null : 'not-pdf';
}

/** `7a02c7a3f047…6f946a7b6`: enough to tell two files apart at a glance; the copy button copies all */
export function shortHash(sha256: string): string {
  return sha256.length <= 24 ? sha256 : `${sha256.slice(0, 12)}…${sha256.slice(-8)}`;
}

/** `58 385` the Swedish way (a narrow no-break space between thousands) */
export function formatBytes(count: number): string {
  return new Intl.NumberFormat('sv-SE').format(count);
}
