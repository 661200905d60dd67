import { createHash } from 'node:crypto';
import { isAppError } from '../../domain/app-error.ts';
import { type Clock, FixedClock } from '../../domain/clock.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import {
  agreementFileName,
  DEMO_AGREEMENTS,
  DEMO_REPORTS,
  demoAgreementPdf,
  demoIntervention,
  demoParties,
  demoReportPdf,
  reportFileName,
} from './demo-documents.ts';
import { DEMO_TODAY } from './demo-requisitions.ts';

export type SeedDocumentsRepositories = Pick<Repositories, 'interventions' | 'agreements' | 'documents'>;

const PDF = 'application/pdf';
/** by default the PDFs are dated the demo's "today", so they come out byte for byte the same */
const demoClock: Clock = new FixedClock(`${DEMO_TODAY}T08:00:00Z`);

/**
 * Files the demo's samarbetsavtal (library Agreements, folder `<CODE>/`) and slutrapport (library
 * Documents) on a site seeded with the demo (seed-demo-data.ts). Idempotent: an insats that is
 * missing, or already has an agreement (resp. a slutrapport) filed, is left alone, and a file
 * that is already in the folder is not uploaded again, so a second run writes nothing.
 * `clock` only sets the PDFs' modification date.
 */
export async function seedDemoDocuments(
  repos: SeedDocumentsRepositories,
  clock: Clock = demoClock,
): Promise<{ agreements: number; documents: number }> {
  let agreements = 0;
  let documents = 0;
  for (const agreement of DEMO_AGREEMENTS) {
    const intervention = await repos.interventions.findByCode(agreement.code);
    if (intervention === null || (await repos.agreements.listByIntervention(intervention.id)).length > 0) {
      continue;
    }
    const demo = demoIntervention(agreement.code);
    const content = await demoAgreementPdf(agreement, clock.now());
    const uploaded = await uploadOnce(() =>
      repos.agreements.upload({
        folder: agreement.code,
        name: agreementFileName(agreement.code),
        content,
        contentType: PDF,
        conflictBehavior: 'fail',
        fields: {
          interventionId: intervention.id,
          agreementStatus: agreement.status,
          validFrom: demo.startDate,
          validTo: demo.endDate,
          parties: demoParties(demo),
          signedDate: agreement.signedDate,
          sha256: sha256(content),
        },
      }),
    );
    agreements += uploaded ? 1 : 0;
  }
  for (const report of DEMO_REPORTS) {
    const intervention = await repos.interventions.findByCode(report.code);
    if (intervention === null) {
      continue;
    }
    const filed = await repos.documents.listByIntervention(intervention.id);
    if (filed.some((file) => file.documentKind === 'Slutrapport')) {
      continue;
    }
    const content = await demoReportPdf(report, clock.now());
    const uploaded = await uploadOnce(() =>
      repos.documents.upload({
        folder: report.code,
        name: reportFileName(report),
        content,
        contentType: PDF,
        conflictBehavior: 'fail',
        fields: { interventionId: intervention.id, documentKind: 'Slutrapport', period: report.period },
      }),
    );
    documents += uploaded ? 1 : 0;
  }
  return { agreements, documents };
}

export function sha256(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** false when a file of that name is already in the folder (someone filed it by hand) */
async function uploadOnce(upload: () => Promise<unknown>): Promise<boolean> {
  try {
    await upload();
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') {
      return false;
    }
    throw error;
  }
}
