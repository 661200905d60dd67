import { type DocumentFile, documentFileSchema } from '../../src/domain/entities/library-file.ts';
import type { DocumentFields, DocumentRepository } from '../../src/domain/ports/library-repository.ts';
import { InMemoryLibraryRepository } from './in-memory-library-repository.ts';

export class InMemoryDocumentRepository
  extends InMemoryLibraryRepository<DocumentFile, DocumentFields>
  implements DocumentRepository
{
  constructor(now?: () => string) {
    super(documentFileSchema, { interventionId: null, documentKind: null, period: null }, now);
  }
}
