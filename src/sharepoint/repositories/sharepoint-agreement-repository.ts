import { type AgreementFile, agreementFileSchema } from '../../domain/entities/library-file.ts';
import type { AgreementFields } from '../../domain/ports/library-repository.ts';
import { dateOnlyColumn, lookupColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type LibraryContext, SharePointLibraryRepository } from './sharepoint-library-repository.ts';

const agreementFields: FieldMap<AgreementFields> = {
  interventionId: lookupColumn('Intervention'),
  agreementStatus: textColumn('AgreementStatus'),
  validFrom: dateOnlyColumn('ValidFrom'),
  validTo: dateOnlyColumn('ValidTo'),
  parties: textColumn('Parties'),
  signedDate: dateOnlyColumn('SignedDate'),
  sha256: textColumn('Sha256'),
  approvalId: textColumn('ApprovalId'),
  signatories: textColumn('Signatories'),
};

const agreementFieldsSchema = agreementFileSchema
  .pick({
    interventionId: true,
    agreementStatus: true,
    validFrom: true,
    validTo: true,
    parties: true,
    signedDate: true,
    sha256: true,
    approvalId: true,
    signatories: true,
  })
  .partial();

/** The Agreements library (Samarbetsavtal): signed agreements filed per insats, e.g. `NOVA/`. */
export class SharePointAgreementRepository extends SharePointLibraryRepository<AgreementFile, AgreementFields> {
  constructor(context: LibraryContext) {
    super(context, { fields: agreementFields, schema: agreementFileSchema, fieldsSchema: agreementFieldsSchema });
  }
}
