import { z } from 'zod';
import { AppError, isAppError } from '../../domain/app-error.ts';
import type { WriteOptions } from '../../domain/ports/common.ts';
import type {
  ConflictBehavior,
  FileUpload,
  FileVersion,
  LibraryRepository,
} from '../../domain/ports/library-repository.ts';
import { batchResponseError } from './batch-error.ts';
import { sanitizeFileName, sanitizeFolderPath } from './file-name.ts';
import { parseGraphResponse } from './graph-response.ts';
import { decodeItem, encodeFields, type FieldMap, selectClause } from './item-mapping.ts';
import { invalidRowError, type ListContext, parseInput } from './list-table.ts';
import { filter } from './odata-filter.ts';
import { guardPersonalData } from './personal-data-guard.ts';

/** A library is a list (metadata, filters) with a drive (the files). */
export type LibraryContext = ListContext & {
  /** the library's drive id when known; otherwise it is looked up once from the list */
  readonly driveId?: string;
};

export type LibrarySpec<File, Fields> = {
  readonly fields: FieldMap<Fields>;
  readonly schema: z.ZodType<File>;
  readonly fieldsSchema: z.ZodType<Partial<Fields>>;
};

const CONFLICT_BEHAVIORS: readonly ConflictBehavior[] = ['fail', 'replace', 'rename'];

const listItemShape = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  '@odata.etag': z.string().optional(),
  eTag: z.string().optional(),
  fields: z.record(z.string(), z.unknown()),
});

const driveItemShape = z.object({
  id: z.string().min(1),
  name: z.string(),
  size: z.number().optional(),
  webUrl: z.string().optional(),
  folder: z.unknown().optional(),
  parentReference: z.object({ path: z.string().optional() }).optional(),
});

const versionShape = z.object({
  id: z.string(),
  lastModifiedDateTime: z.string(),
  size: z.number().optional(),
  lastModifiedBy: z.object({ user: z.object({ displayName: z.string().optional() }).optional() }).optional(),
});

/**
 * A SharePoint document library: files go in through the drive (PUT …:/content), metadata
 * through the file's list item; listing uses the list items so it can filter on the indexed
 * Intervention column.
 */
export class SharePointLibraryRepository<File, Fields> implements LibraryRepository<File, Fields> {
  private readonly context: LibraryContext;
  private readonly spec: LibrarySpec<File, Fields>;
  private readonly select: string;
  private driveId: string | undefined;

  constructor(context: LibraryContext, spec: LibrarySpec<File, Fields>) {
    this.context = context;
    this.spec = spec;
    this.select = selectClause(spec.fields);
    this.driveId = context.driveId;
  }

  async upload(upload: FileUpload<Fields>): Promise<File> {
    // it goes into the URL's query as written: only the three Graph knows, whatever a caller passes
    if (!CONFLICT_BEHAVIORS.includes(upload.conflictBehavior)) {
      throw new AppError('INVALID_INPUT', `conflictBehavior ${String(upload.conflictBehavior).slice(0, 40)}`, {
        userMessage: 'Vad som ska hända med en fil med samma namn ska vara fail, replace eller rename.',
      });
    }
    const fields = encodeFields(this.spec.fields, parseInput(this.spec.fieldsSchema, upload.fields));
    const drive = await this.drive();
    const folder = sanitizeFolderPath(upload.folder);
    const name = sanitizeFileName(upload.name);
    guardPersonalData(this.context.listKey, { ...fields, FileLeafRef: name });
    const path = [...(folder === '' ? [] : folder.split('/')), name].map(encodeURIComponent).join('/');
    const uploaded = parseGraphResponse(
      driveItemShape,
      await this.context.graph.put(
        `/drives/${drive}/root:/${path}:/content?@microsoft.graph.conflictBehavior=${upload.conflictBehavior}`,
        upload.content,
        { contentType: upload.contentType },
      ),
      'drive item',
    );
    if (Object.keys(fields).length > 0) {
      try {
        await this.context.graph.patch(
          `/drives/${drive}/items/${encodeURIComponent(uploaded.id)}/listItem/fields`,
          fields,
        );
      } catch (error) {
        throw await this.undoUpload(drive, uploaded.id, upload, error);
      }
    }
    const file = await this.findByDriveItemId(uploaded.id);
    if (file === null) {
      throw new AppError('UPSTREAM_FAILED', `uploaded ${uploaded.id} but cannot read it back`);
    }
    return file;
  }

  /**
   * The library's list items filtered on the indexed Intervention column, then their drive items
   * in one `$batch` per 20 files. (Graph can also `expand=driveItem` on list items; two steps
   * keep this working against every Graph implementation we run on, the local one included.)
   */
  async listByIntervention(interventionId: string): Promise<File[]> {
    return this.listWhere(`&$filter=${encodeURIComponent(filter.lookupEq('Intervention', interventionId))}`);
  }

  /** every file: the list items in pages, their drive items in `$batch`es of 20 */
  async list(): Promise<File[]> {
    return this.listWhere('');
  }

  private async listWhere(query: string): Promise<File[]> {
    const itemsPath = `/sites/${this.context.siteId}/lists/${this.context.listId}/items`;
    const items = await this.context.graph.getAll(`${itemsPath}?expand=fields(select=${this.select})${query}`);
    const listItems = items.flatMap((item) => {
      const parsed = listItemShape.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
    if (listItems.length === 0) {
      return [];
    }
    const responses = await this.context.graph.batch(
      listItems.map((item) => ({ id: item.id, method: 'GET' as const, url: `${itemsPath}/${item.id}/driveItem` })),
    );
    const files: File[] = [];
    for (const item of listItems) {
      const response = responses.get(item.id);
      if (response === undefined || response.status !== 200) {
        throw response === undefined
          ? new AppError('UPSTREAM_FAILED', `no batch response for the drive item of ${item.id}`)
          : batchResponseError(response, 'GET', `${itemsPath}/${item.id}/driveItem`);
      }
      const driveItem = parseGraphResponse(driveItemShape, response.body, 'drive item');
      if (driveItem.folder !== undefined) {
        continue;
      }
      const decoded = this.decode(item, driveItem);
      if (decoded.ok) {
        files.push(decoded.value);
      } else {
        this.context.onInvalidRow(this.context.listKey, decoded.itemId, decoded.issues);
      }
    }
    return files;
  }

  /** the drive item and its list item, read side by side */
  async findByDriveItemId(driveItemId: string): Promise<File | null> {
    const drive = await this.drive();
    const itemPath = `/drives/${drive}/items/${encodeURIComponent(driveItemId)}`;
    let raw: [unknown, unknown];
    try {
      raw = await Promise.all([
        this.context.graph.get(itemPath),
        this.context.graph.get(`${itemPath}/listItem?expand=fields(select=${this.select})`),
      ]);
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') {
        return null;
      }
      throw error;
    }
    const decoded = this.decode(raw[1], parseGraphResponse(driveItemShape, raw[0], 'drive item'));
    if (!decoded.ok) {
      this.context.onInvalidRow(this.context.listKey, decoded.itemId, decoded.issues);
      throw invalidRowError(this.context.listKey, decoded.itemId, decoded.issues);
    }
    return decoded.value;
  }

  async download(driveItemId: string): Promise<Uint8Array> {
    const drive = await this.drive();
    return this.context.graph.getBytes(`/drives/${drive}/items/${encodeURIComponent(driveItemId)}/content`);
  }

  async versions(driveItemId: string): Promise<FileVersion[]> {
    const drive = await this.drive();
    const raw = await this.context.graph.getAll(`/drives/${drive}/items/${encodeURIComponent(driveItemId)}/versions`);
    return raw.map((entry) => {
      const version = parseGraphResponse(versionShape, entry, 'file version');
      return {
        id: version.id,
        lastModified: version.lastModifiedDateTime,
        size: version.size ?? null,
        modifiedBy: version.lastModifiedBy?.user?.displayName ?? null,
      };
    });
  }

  async updateFields(driveItemId: string, fields: Partial<Fields>, options: WriteOptions = {}): Promise<File> {
    const drive = await this.drive();
    const encoded = encodeFields(this.spec.fields, parseInput(this.spec.fieldsSchema, fields));
    guardPersonalData(this.context.listKey, encoded);
    if (Object.keys(encoded).length > 0) {
      const headers = options.etag === undefined ? undefined : { 'If-Match': options.etag };
      await this.context.graph.patch(
        `/drives/${drive}/items/${encodeURIComponent(driveItemId)}/listItem/fields`,
        encoded,
        {
          headers,
        },
      );
    }
    const file = await this.findByDriveItemId(driveItemId);
    if (file === null) {
      throw new AppError('NOT_FOUND', `${this.context.listKey} file ${driveItemId} not found`);
    }
    return file;
  }

  private decode(listItem: unknown, driveItem: z.infer<typeof driveItemShape> | undefined) {
    const item = listItemShape.safeParse(listItem);
    const etag = item.success ? (item.data['@odata.etag'] ?? item.data.eTag) : undefined;
    return decodeItem(
      item.success ? { ...item.data, '@odata.etag': etag } : listItem,
      this.spec.fields,
      this.spec.schema,
      {
        driveItemId: driveItem?.id,
        name: driveItem?.name,
        size: driveItem?.size ?? 0,
        webUrl: driveItem?.webUrl ?? '',
        folder: folderOf(driveItem?.parentReference?.path),
      },
    );
  }

  /** concurrent first calls may both look the drive up; that is harmless and rare */
  private async drive(): Promise<string> {
    if (this.driveId === undefined) {
      const drive = await this.context.graph.get(`/sites/${this.context.siteId}/lists/${this.context.listId}/drive`);
      this.driveId = parseGraphResponse(z.object({ id: z.string().min(1) }), drive, 'drive').id;
    }
    return this.driveId;
  }

  /**
   * The metadata could not be set, so the file must not stay half-filed. A new file (fail,
   * rename) is removed again; a replaced file keeps its new version, as removing it would also
   * remove the older versions.
   */
  private async undoUpload(drive: string, driveItemId: string, upload: FileUpload<Fields>, error: unknown) {
    if (upload.conflictBehavior === 'replace') {
      return error;
    }
    try {
      await this.context.graph.delete(`/drives/${drive}/items/${encodeURIComponent(driveItemId)}`);
      return error;
    } catch (cleanupError) {
      return new AppError('UPSTREAM_FAILED', `metadata failed and the uploaded file ${driveItemId} remains`, {
        cause: error,
        details: { driveItemId, cleanupError: String(cleanupError) },
      });
    }
  }
}

/** `/drives/{id}/root:/NOVA/2027` → `NOVA/2027`; the library root → '' */
function folderOf(parentPath: string | undefined): string {
  if (parentPath === undefined) {
    return '';
  }
  const marker = parentPath.indexOf('root:');
  const rest = marker === -1 ? '' : parentPath.slice(marker + 'root:'.length).replace(/^\/+/, '');
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}
