import type { z } from 'zod';
import { AppError } from '../../src/domain/app-error.ts';
import type { WriteOptions } from '../../src/domain/ports/common.ts';
import type { FileUpload, FileVersion, LibraryRepository } from '../../src/domain/ports/library-repository.ts';
import { sanitizeFileName, sanitizeFolderPath } from '../../src/sharepoint/repositories/file-name.ts';

type StoredFile<Fields> = {
  listItemId: string;
  driveItemId: string;
  folder: string;
  name: string;
  fields: Fields;
  etagVersion: number;
  versions: Array<{ content: Uint8Array; at: string }>;
};

/**
 * A document library in memory: names sanitized as SharePoint needs, `fail` → CONFLICT,
 * `replace` → a new version, `rename` → `name 1.pdf`, If-Match on the metadata.
 */
export class InMemoryLibraryRepository<File extends { interventionId: string | null }, Fields>
  implements LibraryRepository<File, Fields>
{
  private readonly files = new Map<string, StoredFile<Fields>>();
  private nextId = 1;
  private readonly schema: z.ZodType<File>;
  private readonly emptyFields: Fields;
  private readonly now: () => string;

  constructor(schema: z.ZodType<File>, emptyFields: Fields, now: () => string = () => new Date().toISOString()) {
    this.schema = schema;
    this.emptyFields = emptyFields;
    this.now = now;
  }

  async upload(upload: FileUpload<Fields>): Promise<File> {
    const folder = sanitizeFolderPath(upload.folder);
    let name = sanitizeFileName(upload.name);
    const existing = this.findByPath(folder, name);
    if (existing !== undefined && upload.conflictBehavior === 'fail') {
      throw new AppError('CONFLICT', `a file named ${folder}/${name} exists`, { details: { status: 409 } });
    }
    if (existing !== undefined && upload.conflictBehavior === 'replace') {
      existing.versions.unshift({ content: upload.content.slice(), at: this.now() });
      existing.fields = { ...existing.fields, ...definedOnly(upload.fields) };
      existing.etagVersion += 1;
      return this.toFile(existing);
    }
    if (existing !== undefined) {
      name = this.freeName(folder, name);
    }
    const id = String(this.nextId);
    this.nextId += 1;
    const stored: StoredFile<Fields> = {
      listItemId: id,
      driveItemId: `FAKE${id.padStart(6, '0')}`,
      folder,
      name,
      fields: { ...this.emptyFields, ...definedOnly(upload.fields) },
      etagVersion: 1,
      versions: [{ content: upload.content.slice(), at: this.now() }],
    };
    this.files.set(stored.driveItemId, stored);
    return this.toFile(stored);
  }

  async listByIntervention(interventionId: string): Promise<File[]> {
    return [...this.files.values()]
      .map((file) => this.toFile(file))
      .filter((file) => file.interventionId === interventionId);
  }

  async list(): Promise<File[]> {
    return [...this.files.values()].map((file) => this.toFile(file));
  }

  /** every file with its metadata, at once (tests' snapshots of what is stored) */
  all(): File[] {
    return [...this.files.values()].map((file) => this.toFile(file));
  }

  async findByDriveItemId(driveItemId: string): Promise<File | null> {
    const stored = this.files.get(driveItemId);
    return stored === undefined ? null : this.toFile(stored);
  }

  async download(driveItemId: string): Promise<Uint8Array> {
    return this.stored(driveItemId).versions[0]?.content.slice() ?? new Uint8Array();
  }

  async versions(driveItemId: string): Promise<FileVersion[]> {
    const versions = this.stored(driveItemId).versions;
    return versions.map((version, index) => ({
      id: `${versions.length - index}.0`,
      lastModified: version.at,
      size: version.content.byteLength,
      modifiedBy: null,
    }));
  }

  async updateFields(driveItemId: string, fields: Partial<Fields>, options: WriteOptions = {}): Promise<File> {
    const stored = this.stored(driveItemId);
    if (options.etag !== undefined && options.etag !== etagOf(stored)) {
      throw new AppError('PRECONDITION_FAILED', `${driveItemId} changed since it was read`);
    }
    stored.fields = { ...stored.fields, ...definedOnly(fields) };
    stored.etagVersion += 1;
    return this.toFile(stored);
  }

  private stored(driveItemId: string): StoredFile<Fields> {
    const stored = this.files.get(driveItemId);
    if (stored === undefined) {
      throw new AppError('NOT_FOUND', `no file ${driveItemId}`);
    }
    return stored;
  }

  private findByPath(folder: string, name: string): StoredFile<Fields> | undefined {
    // SharePoint file names are case-insensitive
    return [...this.files.values()].find(
      (file) => file.folder.toLowerCase() === folder.toLowerCase() && file.name.toLowerCase() === name.toLowerCase(),
    );
  }

  private freeName(folder: string, name: string): string {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    for (let counter = 1; ; counter += 1) {
      const candidate = `${stem} ${counter}${extension}`;
      if (this.findByPath(folder, candidate) === undefined) {
        return candidate;
      }
    }
  }

  private toFile(stored: StoredFile<Fields>): File {
    return this.schema.parse({
      ...stored.fields,
      id: stored.listItemId,
      etag: etagOf(stored),
      driveItemId: stored.driveItemId,
      folder: stored.folder,
      name: stored.name,
      size: stored.versions[0]?.content.byteLength ?? 0,
      webUrl: `https://fake.example/${stored.folder}/${encodeURIComponent(stored.name)}`,
    });
  }
}

function etagOf(stored: StoredFile<unknown>): string {
  return `"fake-file-${stored.listItemId},${stored.etagVersion}"`;
}

function definedOnly<T>(fields: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
