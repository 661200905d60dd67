import { type AgreementFile, agreementFileSchema } from '../../src/domain/entities/library-file.ts';
import type { AgreementFields, AgreementRepository } from '../../src/domain/ports/library-repository.ts';
import { InMemoryLibraryRepository } from './in-memory-library-repository.ts';

export class InMemoryAgreementRepository
  extends InMemoryLibraryRepository<AgreementFile, AgreementFields>
  implements AgreementRepository
{
  constructor(now?: () => string) {
    super(
      agreementFileSchema,
      {
        interventionId: null,
        agreementStatus: null,
        validFrom: null,
        validTo: null,
        parties: null,
        signedDate: null,
        sha256: null,
        approvalId: null,
        signatories: null,
      },
      now,
    );
  }
}
