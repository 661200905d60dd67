/**
 * Renders the example samarbetsavtal of the docs from the demo data, without a server:
 *
 *   node --import tsx scripts/render-agreement-sample.ts
 *
 * writes docs/samarbetsavtal-exempel.pdf (NOVA's draft), docs/samarbetsavtal-exempel-signerat.pdf
 * (the draft with the signature page of the demo firmatecknare), docs/samarbetsavtal-exempel-samutb.pdf
 * (Samverkansutbildning 2027, seven parties), and, when poppler's pdftoppm is installed
 * (`apt-get install poppler-utils`), PNGs of NOVA's first page and its signature page. Run by
 * hand when the layout changes; tests and CI do not need poppler.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AgreementInput, buildAgreementContent } from '../src/domain/agreements/agreement-content.ts';
import { applicationDetailsSchema } from '../src/domain/application/application-details.ts';
import {
  type AgreementSignature,
  appendSignaturePage,
  renderAgreementDraft,
  sha256Hex,
} from '../src/services/agreements/agreement-pdf.ts';
import { demoAgreementInput } from '../src/sharepoint/demo/demo-agreement-input.ts';

const DOCS = path.join(import.meta.dirname, '..', 'docs');

/**
 * NOVA's goals as the kansli would have entered them in Ny ansökan (the demo data has them only
 * as running text): the same figures, now with their indicators, so the example shows the goal
 * table and agreed indicator surveys.
 */
function withNovaGoals(input: AgreementInput): AgreementInput {
  const details = applicationDetailsSchema.parse({
    goals: [
      {
        kind: 'Insatsmål',
        text: '90 deltagare under perioden, ungefär lika många kvinnor och män',
        indicator: 'Antal deltagare som har påbörjat insatsen',
        targetWomen: 45,
        targetMen: 45,
        date: '2027-12-31',
      },
      {
        kind: 'Insatsmål',
        text: 'Deltagarna går vidare till arbete, studier eller Arbetsförmedlingens insatser vid avslut',
        indicator: 'Andel av de avslutade (procent)',
        targetWomen: 35,
        targetMen: 35,
        date: '2027-12-31',
      },
      {
        kind: 'Insatsmål',
        text: 'Deltagarna upplever ökad egenmakt',
        indicator: 'Indikatorenkät för deltagare, andel (procent)',
        targetWomen: 70,
        targetMen: 70,
        date: '2027-12-31',
      },
      {
        kind: 'Nyttomål',
        text: 'Deltagarna är i arbete eller studier 12 månader efter avslut',
        indicator: 'Andel av de avslutade (procent)',
        targetWomen: 40,
        targetMen: 40,
        date: '2028-12-31',
      },
    ],
    targetGroup: { criteria: null, estimatedCount: 90 },
  });
  return { ...input, intervention: { ...input.intervention, applicationDetails: details } };
}

/** the party firmatecknare's approvals in Teams, a few days apart after the draft went out */
function signaturesFor(input: AgreementInput, times: readonly string[]): AgreementSignature[] {
  const content = buildAgreementContent(input);
  return content.parties.flatMap((party, index) =>
    party.signatory === null
      ? []
      : [
          {
            name: party.signatory.name,
            organisation: party.name,
            signedAt: times[index] ?? times[times.length - 1] ?? '2024-12-10T12:00:00Z',
            aadObjectId: party.signatory.aadObjectId,
          },
        ],
  );
}

/** page `page` of a PDF as a PNG, through poppler's pdftoppm; false when it is not installed */
function pageToPng(pdf: string, page: number, png: string): boolean {
  const work = mkdtempSync(path.join(tmpdir(), 'avtal-'));
  try {
    const base = path.join(work, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
    renameSync(`${base}.png`, png);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(DOCS, { recursive: true });

  const nova = withNovaGoals(demoAgreementInput('NOVA', '2024-12-02'));
  const draft = await renderAgreementDraft(buildAgreementContent(nova));
  const signatures = signaturesFor(nova, [
    '2024-12-04T08:12:40Z',
    '2024-12-05T13:47:05Z',
    '2024-12-09T09:30:12Z',
    '2024-12-10T15:02:51Z',
  ]);
  const signed = await appendSignaturePage(draft, {
    approvalId: '57',
    draftSha256: sha256Hex(draft),
    signatures,
    completedAt: signatures[signatures.length - 1]?.signedAt ?? '2024-12-10T15:02:51Z',
    forbundName: nova.forbundName,
    code: nova.intervention.code,
    title: buildAgreementContent(nova).title,
    diaryNumber: nova.intervention.diaryNumber,
  });
  const draftPath = path.join(DOCS, 'samarbetsavtal-exempel.pdf');
  const signedPath = path.join(DOCS, 'samarbetsavtal-exempel-signerat.pdf');
  writeFileSync(draftPath, draft);
  writeFileSync(signedPath, signed);

  // the kansli has agreed the indicator surveys for the training's evaluation (its goals name them)
  const samutb = { ...demoAgreementInput('SAMUTB', '2026-11-24'), indicatorSurveys: true };
  const samutbPath = path.join(DOCS, 'samarbetsavtal-exempel-samutb.pdf');
  writeFileSync(samutbPath, await renderAgreementDraft(buildAgreementContent(samutb)));

  console.log(`${draftPath}: ${draft.length} byte, SHA-256 ${sha256Hex(draft)}`);
  console.log(`${signedPath}: ${signed.length} byte, SHA-256 ${sha256Hex(signed)}`);
  console.log(`${samutbPath}`);

  const { PDFDocument } = await import('pdf-lib');
  const draftPages = (await PDFDocument.load(draft)).getPageCount();
  const pictures: Array<[string, number, string]> = [
    [draftPath, 1, 'samarbetsavtal-sida-1.png'],
    [signedPath, draftPages + 1, 'samarbetsavtal-underskrifter.png'],
  ];
  for (const [pdf, page, png] of pictures) {
    if (!pageToPng(pdf, page, path.join(DOCS, png))) {
      console.log('pdftoppm saknas (apt-get install poppler-utils): inga PNG-bilder skrevs.');
      return;
    }
    console.log(path.join(DOCS, png));
  }
}

await main();
