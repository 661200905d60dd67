import type { AgreementFile, DocumentFile } from '../entities/library-file.ts';
import type { WriteOptions } from './common.ts';

/** What to do when a file of that name exists: refuse (the default for uploads), overwrite as a new version, or rename. */
export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export type FileUpload<Fields> = {
  /** folder inside the library, e.g. `NOVA` or `NOVA/2027`; '' for the root */
  readonly folder: string;
  /** the file name; it is made valid for SharePoint before upload */
  readonly name: string;
  readonly content: Uint8Array;
  readonly contentType: string;
  readonly fields: Partial<Fields>;
  readonly conflictBehavior: ConflictBehavior;
};

/** One stored version of a file, newest first. */
export type FileVersion = {
  readonly id: string;
  readonly lastModified: string;
  readonly size: number | null;
  readonly modifiedBy: string | null;
};

/** The metadata columns of a file in the Agreements library. */
export type AgreementFields = Pick<
  AgreementFile,
  | 'interventionId'
  | 'agreementStatus'
  | 'validFrom'
  | 'validTo'
  | 'parties'
  | 'signedDate'
  | 'sha256'
  | 'approvalId'
  | 'signatories'
>;

/** The metadata columns of a file in the Documents library. */
export type DocumentFields = Pick<DocumentFile, 'interventionId' | 'documentKind' | 'period'>;

/** A document library: files with metadata, addressed by their drive item id. */
export interface LibraryRepository<File, Fields> {
  /** uploads the file and sets its metadata; with 'fail' an existing name gives AppError CONFLICT */
  upload(upload: FileUpload<Fields>): Promise<File>;
  listByIntervention(interventionId: string): Promise<File[]>;
  /** every file of the library (the register view and the anomaly check read them all at once) */
  list(): Promise<File[]>;
  findByDriveItemId(driveItemId: string): Promise<File | null>;
  download(driveItemId: string): Promise<Uint8Array>;
  versions(driveItemId: string): Promise<FileVersion[]>;
  updateFields(driveItemId: string, fields: Partial<Fields>, options?: WriteOptions): Promise<File>;
}

/** Samarbetsavtal files (library `Agreements`). */
export type AgreementRepository = LibraryRepository<AgreementFile, AgreementFields>;
/** Applications, reports, minutes, invoice specifications (library `Documents`). */
export type DocumentRepository = LibraryRepository<DocumentFile, DocumentFields>;
