/**
 * The demo's filed documents: a samarbetsavtal for every granted insats that has reached the
 * agreement stage, and a slutrapport for the one that is Avslutad, so the demo register is
 * consistent (no AVTAL_SAKNAS, no SLUTRAPPORT_SAKNAS). The PDFs are short, clearly marked as
 * demo documents and generated with pdf-lib; with the same dates they are byte for byte the same.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { formatKr } from '../../domain/format.ts';
import type { AgreementStatus } from '../../domain/vocabulary.ts';
import { budgetTotal, DEMO_INTERVENTIONS, type DemoIntervention } from './demo-interventions.ts';
import { DEMO_MEMBERS, type MemberKey } from './demo-members.ts';

export const DEMO_FORBUND = 'Samordningsförbundet Värend';

export type DemoAgreement = {
  readonly code: string;
  readonly status: Extract<AgreementStatus, 'Signerat' | 'Under signering'>;
  /** when the last firmatecknare signed; null while it is out for signing */
  readonly signedDate: string | null;
  /** when the agreement was drawn up (the PDF's creation date) */
  readonly drawnUp: string;
};

export type DemoReport = {
  readonly code: string;
  readonly period: string;
  readonly drawnUp: string;
};

/**
 * Signed after the board's decision and before the start; SAMUTB (stage Avtal) is out for
 * signing. MITTVAL, now Avslutad, ran on an agreement signed before it started too.
 */
export const DEMO_AGREEMENTS: readonly DemoAgreement[] = [
  { code: 'NOVA', status: 'Signerat', signedDate: '2024-12-18', drawnUp: '2024-12-02' },
  { code: 'ENTER', status: 'Signerat', signedDate: '2023-12-14', drawnUp: '2023-11-30' },
  { code: 'FIA', status: 'Signerat', signedDate: '2025-05-22', drawnUp: '2025-04-28' },
  { code: 'HFE', status: 'Signerat', signedDate: '2024-12-19', drawnUp: '2024-12-02' },
  { code: 'INSKAT', status: 'Signerat', signedDate: '2024-12-20', drawnUp: '2024-12-03' },
  { code: 'MITTVAL', status: 'Signerat', signedDate: '2023-06-15', drawnUp: '2023-06-01' },
  { code: 'SAMUTB', status: 'Under signering', signedDate: null, drawnUp: '2026-11-05' },
];

export const DEMO_REPORTS: readonly DemoReport[] = [{ code: 'MITTVAL', period: '2023–2025', drawnUp: '2025-09-12' }];

export function demoIntervention(code: string): DemoIntervention {
  const intervention = DEMO_INTERVENTIONS.find((entry) => entry.code === code);
  if (intervention === undefined) {
    throw new Error(`demo data: no insats ${code}`);
  }
  return intervention;
}

function memberName(key: MemberKey): string {
  const member = DEMO_MEMBERS.find((entry) => entry.key === key);
  if (member === undefined) {
    throw new Error(`demo data: no member ${key}`);
  }
  return member.member.name;
}

/** the member organisations of the insats, the projektägare first, comma-separated */
export function demoParties(intervention: DemoIntervention): string {
  const keys = [intervention.owner, ...intervention.partners.filter((key) => key !== intervention.owner)];
  return keys.map(memberName).join(', ');
}

export function agreementFileName(code: string): string {
  return `Samarbetsavtal ${code}.pdf`;
}

export function reportFileName(report: DemoReport): string {
  return `Slutrapport ${report.code} ${report.period.replace('–', '-')}.pdf`;
}

/** A short samarbetsavtal as a PDF; `generated` is the file's modification date. */
export async function demoAgreementPdf(agreement: DemoAgreement, generated: Date): Promise<Uint8Array> {
  const intervention = demoIntervention(agreement.code);
  const parties = demoParties(intervention);
  const decision = intervention.decision;
  const signers = `${DEMO_FORBUND}, ${parties}`;
  const lines: Paragraph[] = [
    { text: `Samarbetsavtal – ${intervention.title}`, size: 18, bold: true },
    { text: `Insats ${intervention.code} · Diarienummer ${intervention.diaryNumber}` },
    { text: '' },
    { text: 'Parter', bold: true },
    { text: `${DEMO_FORBUND} (finansiär) samt ${parties}. Projektägare är ${memberName(intervention.owner)}.` },
    { text: 'Avtalsperiod', bold: true },
    { text: `${intervention.startDate} – ${intervention.endDate}` },
    { text: 'Finansiering', bold: true },
    {
      text:
        decision === null
          ? `Förbundet finansierar insatsen med högst ${formatKr(budgetTotal(intervention.budget))}.`
          : `Förbundet finansierar insatsen med högst ${formatKr(budgetTotal(intervention.budget))} enligt styrelsens beslut ${decision.date} ${decision.ref}. Medlen rekvireras kvartalsvis i efterskott med specifikation per budgetpost.`,
    },
    { text: 'Syfte', bold: true },
    { text: intervention.texts.purpose },
    { text: 'Uppföljning', bold: true },
    {
      text: 'Projektägaren lämnar lägesrapport till förbundet varje halvår och slutrapport senast tre månader efter avtalsperiodens slut. Styrgruppen följer insatsen löpande.',
    },
    { text: '' },
    {
      text:
        agreement.signedDate === null
          ? `Skickat för digital underskrift till firmatecknarna för ${signers}.`
          : `Undertecknat digitalt av firmatecknarna för ${signers} den ${agreement.signedDate}.`,
    },
  ];
  return renderPdf(`Samarbetsavtal – ${intervention.title}`, lines, agreement.drawnUp, generated);
}

/** A short slutrapport as a PDF; `generated` is the file's modification date. */
export async function demoReportPdf(report: DemoReport, generated: Date): Promise<Uint8Array> {
  const intervention = demoIntervention(report.code);
  const lines: Paragraph[] = [
    { text: `Slutrapport – ${intervention.title}`, size: 18, bold: true },
    { text: `Insats ${intervention.code} · Diarienummer ${intervention.diaryNumber} · Period ${report.period}` },
    { text: '' },
    { text: 'Parter', bold: true },
    { text: `${demoParties(intervention)}. Projektägare är ${memberName(intervention.owner)}.` },
    { text: 'Genomförande', bold: true },
    {
      text: `Insatsen pågick ${intervention.startDate} – ${intervention.endDate} med ett beviljat belopp på ${formatKr(budgetTotal(intervention.budget))}. ${intervention.texts.methods}`,
    },
    { text: 'Resultat', bold: true },
    {
      text: 'Fem grupper genomfördes med sammanlagt 34 deltagare. Deltagarnas självskattning med Livshjulet förbättrades i genomsnitt inom sju av åtta områden; resultaten redovisas på gruppnivå. Metoden är implementerad i ordinarie verksamhet hos båda parterna.',
    },
    { text: 'Lärdomar', bold: true },
    {
      text: 'Gemensam planering mellan handläggarna före gruppstart gav färre avhopp. Rekryteringen tog längre tid än beräknat under hösten 2023.',
    },
  ];
  return renderPdf(`Slutrapport – ${intervention.title}`, lines, report.drawnUp, generated);
}

type Paragraph = { readonly text: string; readonly size?: number; readonly bold?: boolean };

const PAGE = { width: 595.28, height: 841.89, margin: 56 } as const;
const DEMO_MARK = 'Demodokument – fiktivt innehåll i Insatsnavets demodata, inget verkligt avtal eller beslut.';

async function renderPdf(title: string, paragraphs: readonly Paragraph[], created: string, generated: Date) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setAuthor(DEMO_FORBUND);
  pdf.setSubject('Demodokument');
  pdf.setCreator('Insatsnavet (demodata)');
  pdf.setProducer('Insatsnavet');
  pdf.setLanguage('sv-SE');
  pdf.setCreationDate(new Date(`${created}T09:00:00Z`));
  pdf.setModificationDate(generated);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * PAGE.margin;

  let page = newPage(pdf, regular);
  let y = PAGE.height - PAGE.margin - 24;
  for (const paragraph of paragraphs) {
    const size = paragraph.size ?? 11;
    const font = paragraph.bold === true ? bold : regular;
    const lines = paragraph.text === '' ? [''] : wrap(paragraph.text, font, size, width);
    if (paragraph.bold === true && paragraph.size === undefined) {
      y -= 6;
    }
    for (const line of lines) {
      if (y < PAGE.margin + 30) {
        page = newPage(pdf, regular);
        y = PAGE.height - PAGE.margin - 24;
      }
      page.drawText(line, { x: PAGE.margin, y, size, font });
      y -= size * 1.4;
    }
  }
  return pdf.save();
}

/** a page with the demo mark at the top and bottom */
function newPage(pdf: PDFDocument, font: PDFFont): PDFPage {
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const red = rgb(0.75, 0.1, 0.1);
  page.drawText('DEMODOKUMENT', { x: PAGE.margin, y: PAGE.height - PAGE.margin + 10, size: 12, font, color: red });
  page.drawText(DEMO_MARK, { x: PAGE.margin, y: PAGE.margin - 20, size: 8, font, color: red });
  return page;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines;
}
