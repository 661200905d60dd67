import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  type AgreementContent,
  type AgreementInput,
  buildAgreementContent,
} from '../../../../src/domain/agreements/agreement-content.ts';
import {
  type AgreementSignature,
  appendSignaturePage,
  DRAFT_MARK,
  PDF_PRODUCER,
  renderAgreementDraft,
  type SignaturePage,
  sha256Hex,
} from '../../../../src/services/agreements/agreement-pdf.ts';
import { stockholmTime } from '../../../../src/services/agreements/agreement-signature-page.ts';
import { demoAgreementInput } from '../../../../src/sharepoint/demo/demo-agreement-input.ts';
import { pageContents, pdfText } from '../../../support/pdf-text.ts';

const NBSP = '\u00a0';

const novaInput = () => demoAgreementInput('NOVA', '2024-12-02');
const nova = () => buildAgreementContent(novaInput());

/** NOVA's draft, rendered once for the tests that only read it (a render takes about half a second) */
let novaDraft: Promise<Uint8Array> | null = null;
const draftOfNova = () => {
  novaDraft ??= renderAgreementDraft(nova());
  return novaDraft;
};

function signaturesOf(content: AgreementContent, times: readonly string[]): AgreementSignature[] {
  return content.parties.map((party, index) => ({
    name: party.signatory?.name ?? 'Okänd',
    organisation: party.name,
    signedAt: times[index] ?? '2024-12-10T15:02:51Z',
    aadObjectId: party.signatory?.aadObjectId ?? '00000000-0000-0000-0000-000000000000',
  }));
}

function signaturePage(content: AgreementContent, draft: Uint8Array, signatures: AgreementSignature[]): SignaturePage {
  return {
    approvalId: '57',
    draftSha256: sha256Hex(draft),
    signatures,
    completedAt: '2024-12-10T15:02:51Z',
    forbundName: content.forbundName,
    code: content.code,
    title: content.title,
    diaryNumber: content.diaryNumber,
  };
}

const TIMES = ['2024-12-04T08:12:40Z', '2024-12-05T13:47:05Z', '2024-12-09T09:30:12Z', '2024-12-10T15:02:51Z'];

describe('the draft PDF', () => {
  it('is an A4 document with the ten sections, a header and footer on every page', async () => {
    const draft = await draftOfNova();
    const document = await PDFDocument.load(draft);
    const pages = await pdfText(draft);
    expect(pages.length).toBe(document.getPageCount());
    // ten sections, a budget, a due-day table and seven signature blocks do not fit on four pages
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const page of document.getPages()) {
      expect(page.getSize()).toEqual({ width: 595.28, height: 841.89 });
    }
    pages.forEach((lines, index) => {
      expect(lines).toContain('Samordningsförbundet Värend');
      expect(lines).toContain('Samarbetsavtal NOVA');
      expect(lines).toContain(DRAFT_MARK);
      expect(lines).toContain(`Sida ${index + 1} av ${pages.length}`);
      expect(lines).toContain('Dnr SFV 2024/018  ·  Upprättat 2024-12-02');
    });
    const all = pages.flat();
    for (const heading of [
      '1. Parter',
      '2. Bakgrund och syfte',
      '3. Avtalstid',
      '4. Ersättning och rekvirering',
      '5. Arbetsmiljöansvar',
      '6. Styrgrupp',
      '7. Uppföljning och rapportering',
      '8. Utvärdering',
      '9. Ändringar och uppsägning',
      '10. Giltighet och underskrifter',
    ]) {
      expect(all).toContain(heading);
    }
    // the order of the sections on the pages is the order of the agreement
    const order = ['1. Parter', '4. Ersättning och rekvirering', '10. Giltighet och underskrifter'].map((heading) =>
      all.indexOf(heading),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('lays the budget out as a table: a cell per post and year, the sums in the last row', async () => {
    const all = (await pdfText(await draftOfNova())).flat();
    const at = all.indexOf('Budgetpost');
    expect(all.slice(at, at + 5)).toEqual(['Budgetpost', '2025', '2026', '2027', 'Totalt']);
    expect(all.slice(at + 5, at + 10)).toEqual(
      ['Personal', '680 000 kr', '680 000 kr', '680 000 kr', '2 040 000 kr'].map((cell) => cell.replaceAll(' ', NBSP)),
    );
    const sum = all.indexOf('Summa', at);
    expect(all.slice(sum, sum + 5)).toEqual(
      ['Summa', '820 000 kr', '820 000 kr', '820 000 kr', '2 460 000 kr'].map((cell) => cell.replaceAll(' ', NBSP)),
    );
  });

  it('right-aligns the amounts of a column', async () => {
    const draft = await draftOfNova();
    const document = await PDFDocument.load(draft);
    // the x of each Tj in the budget's 2025 column, read from the text matrices of the content stream
    const xs: number[] = [];
    for (const page of document.getPages()) {
      for (const bytes of pageContents(document, page)) {
        const content = new TextDecoder('latin1').decode(bytes);
        for (const match of content.matchAll(/1 0 0 1 ([\d.]+) ([\d.]+) Tm\s*<([0-9A-F]+)> Tj/g)) {
          xs.push(Number(match[1]));
        }
      }
    }
    expect(xs.length).toBeGreaterThan(100);
    const all = (await pdfText(draft)).flat();
    const lines = all.map((line, index) => ({ line, x: xs[index] ?? 0 }));
    const at = lines.findIndex((entry) => entry.line === 'Budgetpost');
    // rows are [post, 2025, 2026, 2027, Totalt]: the right edges of "680 000 kr" and "2 040 000 kr" differ by
    // nothing but their widths, so a shorter amount starts further right in the same column
    const personal2025 = lines[at + 6];
    const lokaler2025 = lines[at + 11];
    expect(personal2025?.line).toBe(`680${NBSP}000${NBSP}kr`);
    expect(lokaler2025?.line).toBe(`60${NBSP}000${NBSP}kr`);
    expect((lokaler2025?.x ?? 0) - (personal2025?.x ?? 0)).toBeGreaterThan(3);
  });

  it('carries its metadata: title, subject, language sv-SE, creator, and dates from the content', async () => {
    const document = await PDFDocument.load(await draftOfNova(), { updateMetadata: false });
    expect(document.getTitle()).toBe('Samarbetsavtal – NOVA – nya vägar för unga vuxna');
    expect(document.getSubject()).toContain('NOVA');
    expect(document.getAuthor()).toBe('Samordningsförbundet Värend');
    expect(document.getCreator()).toBe('Insatsnavet');
    expect(document.getProducer()).toBe(PDF_PRODUCER);
    expect(document.getCreationDate()?.toISOString()).toBe('2024-12-02T00:00:00.000Z');
    expect(document.getModificationDate()?.toISOString()).toBe('2024-12-02T00:00:00.000Z');
    const lang = document.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.decodeText() : String(lang)).toBe('sv-SE');
  });

  it('is the same bytes for the same content, and other bytes for other content', async () => {
    const first = await draftOfNova();
    // a fresh render, not the cached one
    const second = await renderAgreementDraft(nova());
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    const later = await renderAgreementDraft(buildAgreementContent(demoAgreementInput('NOVA', '2024-12-03')));
    expect(sha256Hex(later)).not.toBe(sha256Hex(first));
  });

  it('draws names outside WinAnsi (Ł, Ő, Ŋ, Ş) and does not crash on a script the font lacks', async () => {
    const input: AgreementInput = novaInput();
    const roles = input.roles.map((role) =>
      role.name === 'Magnus Åberg' ? { ...role, name: 'Łukasz Ŋuyễn-Kővári' } : role,
    );
    const members = input.members.map((member) =>
      member.name === 'Arbetsförmedlingen' ? { ...member, name: 'Şehir kommun 李' } : member,
    );
    const content = buildAgreementContent({
      ...input,
      roles,
      members,
      intervention: { ...input.intervention, purpose: 'Ödön\u200b och\tZoë\u0007 – sammanhållet stöd.' },
    });
    const draft = await renderAgreementDraft(content);
    const all = (await pdfText(draft)).flat().join('\n');
    expect(all).toContain('Łukasz Ŋuyễn-Kővári');
    expect(all).toContain('Şehir kommun');
    // control characters and zero-width spaces are not drawn; a tab is a space
    expect(all).toContain('Ödön och Zoë – sammanhållet stöd.');
  });

  it('breaks a word longer than a line instead of running off the page', async () => {
    const input = novaInput();
    const long = 'x'.repeat(400);
    const draft = await renderAgreementDraft(
      buildAgreementContent({ ...input, intervention: { ...input.intervention, methods: long } }),
    );
    const lines = (await pdfText(draft)).flat().filter((line) => /^x+$/.test(line));
    expect(lines.join('')).toBe(long);
    expect(lines.length).toBeGreaterThan(3);
  });

  it('renders content from before the document work: sections with paragraphs only', async () => {
    const content: AgreementContent = {
      title: 'Samarbetsavtal – Test',
      code: 'TEST',
      diaryNumber: null,
      forbundName: 'Samordningsförbundet',
      parties: [],
      validFrom: null,
      validTo: null,
      years: [],
      budget: [],
      budgetTotal: 0,
      sections: [{ heading: 'Syfte', paragraphs: ['Ett syfte.'] }],
      drawnUp: 'okänt',
    };
    const pages = await pdfText(await renderAgreementDraft(content));
    expect(pages.flat()).toEqual(expect.arrayContaining(['Syfte', 'Ett syfte.', 'Samarbetsavtal TEST', 'Sida 1 av 1']));
  });
});

describe('the signed PDF', () => {
  it('keeps every page of the draft byte for byte and adds the signature page', async () => {
    const content = nova();
    const draft = await draftOfNova();
    const signed = await appendSignaturePage(draft, signaturePage(content, draft, signaturesOf(content, TIMES)));
    const before = await PDFDocument.load(draft);
    const after = await PDFDocument.load(signed);
    expect(after.getPageCount()).toBe(before.getPageCount() + 1);
    before.getPages().forEach((page, index) => {
      const mine = after.getPage(index);
      expect(pageContents(after, mine)).toEqual(pageContents(before, page));
      expect(mine.node.Resources()?.toString()).toBe(page.node.Resources()?.toString());
    });
    expect(sha256Hex(signed)).not.toBe(sha256Hex(draft));
    expect(after.getTitle()).toBe(before.getTitle());
  });

  it('lists each signature with organisation, name, Swedish time, Teams identity, the approval and the draft’s SHA-256', async () => {
    const content = nova();
    const draft = await draftOfNova();
    const signatures = signaturesOf(content, TIMES);
    const signed = await appendSignaturePage(draft, signaturePage(content, draft, signatures));
    const pages = await pdfText(signed);
    const draftPages = (await PDFDocument.load(draft)).getPageCount();
    const page = pages[draftPages] ?? [];
    const text = page.join('\n');
    expect(page[0]).toBe('Underskrifter');
    expect(page).toContain(`Sida ${draftPages + 1}`);
    expect(text).toContain(`Underskriftssida till avtalets ${draftPages} sidor`);
    expect(text).toContain(`Sidorna 1–${draftPages} i detta dokument`);
    expect(text).not.toContain(DRAFT_MARK.concat('\n'));
    const hash = sha256Hex(draft);
    expect(page).toContain(hash.slice(0, 32));
    expect(page).toContain(hash.slice(32));
    expect(text).toContain('57 i Insatsnavet');
    expect(text).toContain('2024-12-10 kl. 16:02:51 svensk tid (UTC+01:00)');
    for (const signature of signatures) {
      expect(page).toContain(signature.organisation);
      expect(page).toContain(signature.name);
      expect(page).toContain(signature.aadObjectId);
    }
    expect(page).toContain('2024-12-04 kl. 09:12:40');
    expect(text.match(/i Microsoft Teams via Insatsnavet/g)).toHaveLength(signatures.length);
  });

  it('is the same bytes for the same draft and signatures', async () => {
    const content = nova();
    const draft = await draftOfNova();
    const page = signaturePage(content, draft, signaturesOf(content, TIMES));
    const first = await appendSignaturePage(draft, page);
    const second = await appendSignaturePage(draft, page);
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    const document = await PDFDocument.load(first, { updateMetadata: false });
    expect(document.getModificationDate()?.toISOString()).toBe('2024-12-10T15:02:51.000Z');
    expect(document.getCreationDate()?.toISOString()).toBe('2024-12-02T00:00:00.000Z');
  });

  it('runs on over more pages for many signatures, never splitting one', async () => {
    const content = nova();
    const draft = await draftOfNova();
    const many: AgreementSignature[] = Array.from({ length: 14 }, (_, index) => ({
      name: `Firmatecknare ${index + 1}`,
      organisation: `Organisation ${index + 1}`,
      signedAt: `2024-07-${String(index + 1).padStart(2, '0')}T10:00:00Z`,
      aadObjectId: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    }));
    const signed = await appendSignaturePage(draft, signaturePage(content, draft, many));
    const draftPages = (await PDFDocument.load(draft)).getPageCount();
    const pages = (await pdfText(signed)).slice(draftPages);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((lines, index) => {
      expect(lines).toContain(`Sida ${draftPages + index + 1} (underskrifter ${index + 1} av ${pages.length})`);
    });
    for (const signature of many) {
      const holder = pages.find((lines) => lines.includes(signature.organisation)) ?? [];
      expect(holder).toContain(signature.aadObjectId);
      // summer time in Sweden
      expect(holder).toContain(stockholmTime(signature.signedAt).split(' svensk tid')[0]);
    }
  });
});

describe('times on the signature page are Swedish local time', () => {
  it.each([
    ['2024-12-04T08:12:40Z', '2024-12-04 kl. 09:12:40 svensk tid (UTC+01:00)'],
    ['2025-06-30T22:30:00Z', '2025-07-01 kl. 00:30:00 svensk tid (UTC+02:00)'],
    ['2025-03-30T01:00:00Z', '2025-03-30 kl. 03:00:00 svensk tid (UTC+02:00)'],
    ['inte en tid', 'inte en tid'],
  ])('%s → %s', (instant, text) => {
    expect(stockholmTime(instant)).toBe(text);
  });
});
