import { type DocumentFile, documentFileSchema } from '../../domain/entities/library-file.ts';
import type { DocumentFields } from '../../domain/ports/library-repository.ts';
import { lookupColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type LibraryContext, SharePointLibraryRepository } from './sharepoint-library-repository.ts';

const documentFields: FieldMap<DocumentFields> = {
  interventionId: lookupColumn('Intervention'),
  documentKind: textColumn('DocumentKind'),
  period: textColumn('Period'),
};

const documentFieldsSchema = documentFileSchema
  .pick({ interventionId: true, documentKind: true, period: true })
  .partial();

/** The Documents library (Dokument): applications, reports, minutes and invoice specifications. */
export class SharePointDocumentRepository extends SharePointLibraryRepository<DocumentFile, DocumentFields> {
  constructor(context: LibraryContext) {
    super(context, { fields: documentFields, schema: documentFileSchema, fieldsSchema: documentFieldsSchema });
  }
}
