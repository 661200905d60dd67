/**
 * Files a PDF in `Agreements/<CODE>/` under a name that is not taken: SharePoint refuses a name
 * that exists (conflictBehavior fail, 409), and the next attempt adds ` (2)`, ` (3)` … — so no
 * file is ever overwritten, and two filings that race for one name both end up filed, apart.
 */
import { AppError, isAppError } from '../../domain/app-error.ts';
import type { AgreementFile } from '../../domain/entities/library-file.ts';
import type { AgreementFields } from '../../domain/ports/library-repository.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';

const MAX_ATTEMPTS = 20;
export const PDF_CONTENT_TYPE = 'application/pdf';

export type AgreementFiling = {
  /** the insats's code: the folder */
  readonly folder: string;
  /** the name to try on the n-th attempt (1, 2, …) */
  readonly nameFor: (attempt: number) => string;
  readonly content: Uint8Array;
  readonly fields: Partial<AgreementFields>;
  /**
   * a file already holding the name: is it the one this filing made before a crash (then it is
   * used, not filed twice)? Called with the file of that name in the folder.
   */
  readonly isOurs?: (existing: AgreementFile) => boolean;
};

export async function fileAgreement(
  repos: Pick<Repositories, 'agreements'>,
  filing: AgreementFiling,
): Promise<{ readonly file: AgreementFile; readonly reused: boolean; readonly attempt: number }> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const name = filing.nameFor(attempt);
    try {
      const file = await repos.agreements.upload({
        folder: filing.folder,
        name,
        content: filing.content,
        contentType: PDF_CONTENT_TYPE,
        fields: filing.fields,
        conflictBehavior: 'fail',
      });
      return { file, reused: false, attempt };
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT')) {
        throw error;
      }
      if (filing.isOurs !== undefined) {
        const existing = await findByName(repos, filing.folder, name);
        if (existing !== null && filing.isOurs(existing)) {
          return { file: existing, reused: true, attempt };
        }
      }
    }
  }
  throw new AppError('CONFLICT', `no free name for ${filing.nameFor(1)} after ${MAX_ATTEMPTS} attempts`, {
    userMessage: `Det finns redan ${MAX_ATTEMPTS} filer med namnet ”${filing.nameFor(1)}” i mappen ${filing.folder}. Byt namn på filen och försök igen.`,
  });
}

/** the file of that name in the folder (SharePoint compares names without case) */
async function findByName(
  repos: Pick<Repositories, 'agreements'>,
  folder: string,
  name: string,
): Promise<AgreementFile | null> {
  const wanted = name.toLowerCase();
  const files = await repos.agreements.list();
  return (
    files.find((file) => file.folder.toLowerCase() === folder.toLowerCase() && file.name.toLowerCase() === wanted) ??
    null
  );
}
