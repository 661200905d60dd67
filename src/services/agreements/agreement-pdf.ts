/**
 * The samarbetsavtal as a PDF (pdf-lib): the draft laid out from its content, and the signed
 * version — the draft's pages unchanged plus a signature page — and the SHA-256 a filed file is
 * checked against.
 *
 * CONTRACT (issue 8): the signing workflow calls renderAgreementDraft when it files the draft,
 * appendSignaturePage when every party has signed, and sha256Hex for the Sha256 column. The
 * document work of issue 8 owns the layout; these signatures stay (extend additively).
 *
 * Same input, same bytes: the dates in the metadata come from the content (or the signatures),
 * never the clock; the producer is fixed; font subsets carry fixed tags; pdf-lib's own "random"
 * names come from a generator with a fixed seed.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type {
  AgreementBlock,
  AgreementContent,
  AgreementSignatureBlock,
} from '../../domain/agreements/agreement-content.ts';
import { drawSignaturePage } from './agreement-signature-page.ts';
import { type AgreementFonts, embedAgreementFonts } from './pdf-fonts.ts';
import { COLORS, FRAME, PageFlow, stampPages } from './pdf-layout.ts';

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
  /** the agreement's title (`AgreementContent.title`), repeated on the signature page when given */
  readonly title?: string;
  /** the insats's diarienummer, in the signature page's footer when given */
  readonly diaryNumber?: string | null;
};

/** what the PDF metadata says made it: fixed, so the same input gives the same bytes */
export const PDF_PRODUCER = 'Insatsnavet (pdf-lib)';
export const PDF_CREATOR = 'Insatsnavet';
export const DRAFT_MARK = 'Utkast – ej undertecknat';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** midnight UTC of a `YYYY-MM-DD` day, or null for anything else */
function dayInstant(day: string): Date | null {
  const date = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(date.getTime()) ? date : null;
}

function titleBlock(flow: PageFlow, content: AgreementContent): void {
  const { fonts } = flow;
  const upper = content.forbundName.toLocaleUpperCase('sv-SE');
  flow.drawLine(upper, FRAME.left, flow.y - 9, { font: fonts.semibold, size: 9, leading: 12, color: COLORS.accent });
  flow.y -= 30;
  flow.text('Samarbetsavtal', { font: fonts.bold, size: 25, leading: 30, color: COLORS.ink });
  flow.text(content.subtitle ?? content.title, { font: fonts.regular, size: 14, leading: 19, color: COLORS.ink });
  flow.y -= 12;
  const identification = content.identification ?? [
    { label: 'Insatskod', value: content.code },
    { label: 'Diarienummer', value: content.diaryNumber ?? 'Ej registrerat' },
    { label: 'Upprättat', value: content.drawnUp },
  ];
  flow.facts(identification, { boxed: true, labelWidth: 132 });
  for (const paragraph of content.preamble ?? []) {
    flow.paragraph(paragraph);
  }
}

/** the blocks of the content's sections, or its paragraphs where a section has no blocks */
function blocksOf(section: AgreementContent['sections'][number]): readonly AgreementBlock[] {
  return section.blocks ?? section.paragraphs.map((text) => ({ kind: 'paragraph' as const, text }));
}

function signatureBlocksOf(content: AgreementContent): readonly AgreementSignatureBlock[] {
  return (
    content.signatureBlocks ?? [
      ...content.parties.map((party) => ({
        organisation: party.name,
        role: party.projectOwner ? 'Projektägare' : 'Samverkanspart',
        signatoryName: party.signatory?.name ?? null,
        signatoryTitle: null,
        memberId: party.memberId,
      })),
      {
        organisation: content.forbundName,
        role: 'Finansiär',
        signatoryName: null,
        signatoryTitle: null,
        memberId: null,
      },
    ]
  );
}

/** places to sign, two abreast: the organisation, then lines for ort och datum, signature and name */
function signatureGrid(flow: PageFlow, blocks: readonly AgreementSignatureBlock[]): void {
  const { fonts } = flow;
  const gap = 30;
  const columnWidth = (flow.width - gap) / 2;
  const caption = { font: fonts.regular, size: 7.8, leading: 10, color: COLORS.muted };
  const name = { font: fonts.bold, size: 10, leading: 13.5, color: COLORS.ink };
  const role = { font: fonts.regular, size: 8.5, leading: 11.5, color: COLORS.muted };
  const printed = { font: fonts.regular, size: 9.5, leading: 12, color: COLORS.ink };
  // a row of blocks is 128 points of ink and 14 of air before the next row
  const ink = 128;
  const height = 142;
  flow.space(8);
  for (let index = 0; index < blocks.length; index += 2) {
    flow.ensure(ink);
    const top = flow.y;
    blocks.slice(index, index + 2).forEach((block, column) => {
      const x = FRAME.left + column * (columnWidth + gap);
      let y = top - name.size;
      flow.drawLine(block.organisation, x, y, name);
      y -= role.leading + 1;
      flow.drawLine(block.role, x, y, role);
      const line = (label: string, at: number, text?: string) => {
        if (text !== undefined) {
          flow.drawLine(text, x, at + 4, printed);
        }
        flow.page.drawLine({
          start: { x, y: at },
          end: { x: x + columnWidth, y: at },
          thickness: 0.6,
          color: COLORS.strongRule,
        });
        flow.drawLine(label, x, at - caption.size - 2, caption);
      };
      line('Ort och datum', y - 28);
      line('Underskrift', y - 60);
      const signer = [block.signatoryName, block.signatoryTitle].filter((part) => part !== null).join(', ');
      line('Namnförtydligande', y - 92, signer === '' ? undefined : signer);
    });
    flow.y = top - height;
  }
}

function drawBlock(flow: PageFlow, block: AgreementBlock, content: AgreementContent): void {
  switch (block.kind) {
    case 'subheading':
      flow.subheading(block.text);
      return;
    case 'paragraph':
      flow.paragraph(block.text);
      return;
    case 'list':
      flow.list(block.items);
      return;
    case 'facts':
      flow.facts(block.rows);
      return;
    case 'table':
      flow.table(block.table);
      return;
    case 'signatures':
      signatureGrid(flow, signatureBlocksOf(content));
      return;
  }
}

function setMetadata(document: PDFDocument, content: AgreementContent): void {
  document.setTitle(content.title, { showInWindowTitleBar: true });
  document.setSubject(`Samarbetsavtal för insatsen ${content.code} mellan ${content.forbundName} och insatsens parter`);
  document.setAuthor(content.forbundName);
  document.setKeywords([
    'samarbetsavtal',
    content.code,
    ...(content.diaryNumber === null ? [] : [content.diaryNumber]),
  ]);
  document.setLanguage('sv-SE');
  document.setCreator(PDF_CREATOR);
  document.setProducer(PDF_PRODUCER);
  const drawnUp = dayInstant(content.drawnUp);
  if (drawnUp !== null) {
    document.setCreationDate(drawnUp);
    document.setModificationDate(drawnUp);
  }
}

/** the draft: A4, the content's sections in order, marked as a draft on every page */
export async function renderAgreementDraft(content: AgreementContent): Promise<Uint8Array> {
  // no metadata from the clock: setMetadata writes dates from the content
  const document = await PDFDocument.create({ updateMetadata: false });
  setMetadata(document, content);
  const fonts: AgreementFonts = await embedAgreementFonts(document, 'NAVDR');
  const flow = new PageFlow(document, fonts);
  titleBlock(flow, content);
  for (const section of content.sections) {
    flow.heading(section.number === undefined ? section.heading : `${section.number}. ${section.heading}`);
    for (const block of blocksOf(section)) {
      drawBlock(flow, block, content);
    }
  }
  const diary = content.diaryNumber === null ? '' : `Dnr ${content.diaryNumber}  ·  `;
  stampPages(flow.pages, fonts, {
    headerLeft: content.forbundName,
    headerRight: `Samarbetsavtal ${content.code}`,
    mark: DRAFT_MARK,
    footerLeft: `${diary}Upprättat ${content.drawnUp}`,
    footerRight: (page, count) => `Sida ${page} av ${count}`,
  });
  return document.save({ useObjectStreams: false });
}

/**
 * The signed agreement: the draft's pages, unchanged (the file is loaded and pages are only
 * added), and a signature page after them that names the draft by its SHA-256.
 */
export async function appendSignaturePage(draft: Uint8Array, signed: SignaturePage): Promise<Uint8Array> {
  const document = await PDFDocument.load(draft, { updateMetadata: false });
  const draftPages = document.getPageCount();
  const completed = new Date(signed.completedAt);
  if (!Number.isNaN(completed.getTime())) {
    document.setModificationDate(completed);
  }
  document.setProducer(PDF_PRODUCER);
  document.setKeywords(['samarbetsavtal', signed.code, 'undertecknat']);
  const fonts = await embedAgreementFonts(document, 'NAVSG');
  const flow = new PageFlow(document, fonts);
  drawSignaturePage(flow, signed, draftPages);
  const diary = signed.diaryNumber === undefined || signed.diaryNumber === null ? '' : `Dnr ${signed.diaryNumber}  ·  `;
  stampPages(flow.pages, fonts, {
    headerLeft: signed.forbundName,
    headerRight: `Samarbetsavtal ${signed.code}  ·  Underskrifter`,
    footerLeft: `${diary}Underskriftssida till avtalets ${draftPages} sidor`,
    footerRight: (page, count) =>
      count === 1 ? `Sida ${draftPages + page}` : `Sida ${draftPages + page} (underskrifter ${page} av ${count})`,
  });
  return document.save({ useObjectStreams: false });
}
