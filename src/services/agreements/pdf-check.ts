/**
 * Whether uploaded bytes are a PDF, by content, never by name or Content-Type (a renamed .docx is
 * a zip): the `%PDF-` header within the first 1 024 bytes (where PDF readers look for it), and a
 * document pdf-lib can load. Encrypted PDFs (scanners often set an owner password that only
 * restricts editing) are loaded without decrypting: they are PDFs, and they are filed as they came.
 */
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../domain/app-error.ts';

/** what the API, the bot and the CLI take: a scanned agreement of many pages fits with room to spare */
export const MAX_AGREEMENT_BYTES = 20 * 1024 * 1024;
const HEADER_WINDOW = 1024;
const MAGIC = Buffer.from('%PDF-', 'latin1');

export const NOT_A_PDF_MESSAGE = 'Filen är ingen PDF. Skanna eller spara avtalet som PDF och försök igen.';

export function tooLargeError(bytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `agreement of ${bytes} bytes`, {
    userMessage: `Filen är för stor (högst ${MAX_AGREEMENT_BYTES / 1024 / 1024} MB).`,
  });
}

export function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEADER_WINDOW)).includes(MAGIC);
}

/** throws INVALID_INPUT "Filen är ingen PDF" unless the bytes are a PDF; PAYLOAD_TOO_LARGE over the limit */
export async function assertPdf(bytes: Uint8Array): Promise<{ readonly pages: number }> {
  if (bytes.byteLength > MAX_AGREEMENT_BYTES) {
    throw tooLargeError(bytes.byteLength);
  }
  if (bytes.byteLength === 0) {
    throw new AppError('INVALID_INPUT', 'empty upload', { userMessage: 'Filen är tom.' });
  }
  if (!hasPdfHeader(bytes)) {
    throw new AppError('INVALID_INPUT', 'no %PDF- header', { userMessage: NOT_A_PDF_MESSAGE });
  }
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    const pages = document.getPageCount();
    if (pages === 0) {
      throw new Error('no pages');
    }
    return { pages };
  } catch (error) {
    throw new AppError('INVALID_INPUT', `not a loadable PDF: ${String(error)}`, {
      userMessage: `${NOT_A_PDF_MESSAGE} (Den börjar som en PDF men går inte att läsa.)`,
      cause: error,
    });
  }
}
