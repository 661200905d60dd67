/**
 * The samarbetsavtal as a PDF (pdf-lib): the draft laid out from its content, and the signed
 * version — the draft's pages unchanged plus a signature page — and the SHA-256 a filed file is
 * checked against.
 *
 * CONTRACT (issue 8): the signing workflow calls renderAgreementDraft when it files the draft,
 * appendSignaturePage when every party has signed, and sha256Hex for the Sha256 column. The
 * document work of issue 8 owns the layout; these signatures stay (extend additively).
 */
import { createHash } from 'node:crypto';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { AgreementContent } from '../../domain/agreements/agreement-content.ts';

export type AgreementSignature = {
  /** who signed, as RoleAssignments names them */
  readonly name: string;
  /** for which party (member organisation) */
  readonly organisation: string;
  /** ISO instant of the signature (the vote) */
  readonly signedAt: string;
  /** the Entra object id Teams said clicked */
  readonly aadObjectId: string;
};

export type SignaturePage = {
  /** the Approvals row that collected the signatures */
  readonly approvalId: string;
  /** SHA-256 (hex) of the draft that was signed */
  readonly draftSha256: string;
  readonly signatures: readonly AgreementSignature[];
  /** ISO instant of the last signature */
  readonly completedAt: string;
  readonly forbundName: string;
  readonly code: string;
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

type Writer = { page: PDFPage; y: number; font: PDFFont; bold: PDFFont; document: PDFDocument };

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) > width && line !== '') {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

function write(writer: Writer, text: string, options: { size?: number; bold?: boolean; gap?: number } = {}): void {
  const size = options.size ?? 10.5;
  const font = options.bold === true ? writer.bold : writer.font;
  for (const line of wrap(text, font, size, A4[0] - 2 * MARGIN)) {
    if (writer.y < MARGIN + size) {
      writer.page = writer.document.addPage(A4);
      writer.y = A4[1] - MARGIN;
    }
    writer.page.drawText(line, { x: MARGIN, y: writer.y, size, font, color: rgb(0.1, 0.1, 0.1) });
    writer.y -= size * 1.4;
  }
  writer.y -= options.gap ?? 4;
}

/** the draft (a first layout: the document work of issue 8 replaces it with the real one) */
export async function renderAgreementDraft(content: AgreementContent): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle(content.title);
  document.setLanguage('sv-SE');
  document.setCreator('Insatsnavet');
  const writer: Writer = {
    document,
    page: document.addPage(A4),
    y: A4[1] - MARGIN,
    font: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold),
  };
  write(writer, content.title, { size: 16, bold: true, gap: 8 });
  for (const section of content.sections) {
    write(writer, section.heading, { bold: true });
    for (const paragraph of section.paragraphs) {
      write(writer, paragraph);
    }
  }
  return document.save({ useObjectStreams: false });
}

/** the signed agreement: the draft's pages, unchanged, and a signature page after them */
export async function appendSignaturePage(draft: Uint8Array, signed: SignaturePage): Promise<Uint8Array> {
  const document = await PDFDocument.load(draft);
  const writer: Writer = {
    document,
    page: document.addPage(A4),
    y: A4[1] - MARGIN,
    font: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold),
  };
  write(writer, `Underskrifter – samarbetsavtal ${signed.code}`, { size: 14, bold: true, gap: 8 });
  for (const signature of signed.signatures) {
    write(
      writer,
      `${signature.organisation}: ${signature.name}, ${signature.signedAt} (Entra-id ${signature.aadObjectId})`,
    );
  }
  write(writer, `Beslutsärende ${signed.approvalId}. Utkastets SHA-256: ${signed.draftSha256}.`);
  return document.save({ useObjectStreams: false });
}
