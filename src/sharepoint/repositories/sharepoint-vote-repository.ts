import { z } from 'zod';
import { AppError, isAppError } from '../../domain/app-error.ts';
import { type NewVote, newVoteSchema, voteSchema } from '../../domain/entities/approval.ts';
import type { NewAuditEntry } from '../../domain/entities/audit-entry.ts';
import type { Patch, WriteOptions } from '../../domain/ports/common.ts';
import type { CastResult, RecordedVote, VoteRepository } from '../../domain/ports/vote-repository.ts';
import type { GraphBatchResponse } from '../graph/graph-client.ts';
import { batchResponseError } from './batch-error.ts';
import { lookupColumn, textColumn } from './field-codecs.ts';
import { decodeItem, encodeFields, type FieldMap, itemFromFieldValueSet, selectClause } from './item-mapping.ts';
import { assertItemId, invalidRowError, type ListContext, parseInput } from './list-table.ts';
import { filter } from './odata-filter.ts';
import { guardPersonalData } from './personal-data-guard.ts';
import type { SharePointAuditLogRepository } from './sharepoint-audit-log-repository.ts';

const voteFields: FieldMap<NewVote> = {
  approvalId: lookupColumn('Approval'),
  voterAadId: textColumn('VoterAadId'),
  onBehalfOfOrgId: lookupColumn('OnBehalfOfOrg'),
  decision: textColumn('Decision'),
  comment: textColumn('Comment'),
  voteKey: textColumn('VoteKey'),
};

/** a vote is read with SharePoint's Created stamp: when it was cast, editable by nobody */
const recordedVoteSchema = voteSchema.extend({ castAt: z.string().min(1) });
const SELECT = selectClause(voteFields, ['Created']);
const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;
const CONFLICT_MESSAGE = 'Du har redan röstat i det här ärendet.';

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

function byCastOrder(a: RecordedVote, b: RecordedVote): number {
  return a.castAt.localeCompare(b.castAt) || Number(a.id) - Number(b.id);
}

/**
 * Votes (Röster): the unique VoteKey makes a repeated vote a CONFLICT, never a second row. Reads
 * carry SharePoint's Created as `castAt`, so this adapter talks to Graph itself rather than
 * through ListTable (which maps the list's own columns only).
 */
export class SharePointVoteRepository implements VoteRepository {
  private readonly context: ListContext;
  private readonly itemsPath: string;

  /** when given, a vote's audit row rides in the vote's own `$batch` (one round trip fewer per vote) */
  private readonly auditLog: SharePointAuditLogRepository | undefined;

  constructor(context: ListContext, auditLog?: SharePointAuditLogRepository) {
    this.context = context;
    this.itemsPath = `/sites/${context.siteId}/lists/${context.listId}/items`;
    this.auditLog = auditLog;
  }

  listByApproval(approvalId: string): Promise<RecordedVote[]> {
    return this.query(filter.lookupEq('Approval', approvalId));
  }

  async findByVoteKey(voteKey: string): Promise<RecordedVote | null> {
    return (await this.query(filter.eq('VoteKey', voteKey)))[0] ?? null;
  }

  async create(vote: NewVote): Promise<RecordedVote> {
    try {
      // the POST answers with every field, Created included
      return this.decodeOrThrow(await this.context.graph.post(this.itemsPath, { fields: this.fieldsFor(vote) }));
    } catch (error) {
      throw withConflictMessage(error);
    }
  }

  /**
   * One $batch round trip, one dependsOn chain (SharePoint refuses mixed envelopes): the POST, the
   * audit row (only if the vote was stored: a 409 fails the rest with 424), then the approval's
   * votes as they are after it.
   */
  async cast(vote: NewVote, audit?: NewAuditEntry): Promise<CastResult> {
    const fields = this.fieldsFor(vote);
    const approvalId = vote.approvalId;
    const auditRequest =
      audit === undefined || this.auditLog === undefined
        ? undefined
        : this.auditLog.appendRequest(audit, 'audit', ['cast']);
    const responses = await this.context.graph.batch([
      { id: 'cast', method: 'POST', url: this.itemsPath, body: { fields }, headers: JSON_HEADERS },
      ...(auditRequest === undefined ? [] : [auditRequest]),
      {
        id: 'votes',
        method: 'GET',
        url: this.listPath(filter.lookupEq('Approval', approvalId)),
        dependsOn: [auditRequest === undefined ? 'cast' : 'audit'],
      },
    ]);
    const cast = responses.get('cast');
    if (cast?.status === 409) {
      const votes = await this.listByApproval(approvalId);
      const key = vote.voteKey.toLowerCase();
      return { stored: false, existing: votes.find((row) => row.voteKey.toLowerCase() === key) ?? null, votes };
    }
    if (cast === undefined || cast.status < 200 || cast.status >= 300) {
      throw failed(cast, 'POST', this.itemsPath);
    }
    const stored = this.decodeOrThrow(cast.body);
    const listed = responses.get('votes');
    const votes =
      listed?.status === 200 && !hasNextLink(listed.body)
        ? this.decodeList(valuesOf(listed.body))
        : await this.listByApproval(approvalId);
    if (!votes.some((row) => row.id === stored.id)) {
      votes.push(stored);
    }
    const audited = auditRequest !== undefined && isSuccess(responses.get('audit')?.status);
    return { stored: true, vote: stored, votes: votes.sort(byCastOrder), audited };
  }

  async update(id: string, patch: Patch<NewVote>, options: WriteOptions = {}): Promise<RecordedVote> {
    assertItemId(id);
    const fields = encodeFields(voteFields, parseInput(newVoteSchema.partial(), patch));
    guardPersonalData(this.context.listKey, fields);
    const headers = options.etag === undefined ? undefined : { 'If-Match': options.etag };
    const fieldValueSet = await this.context.graph.patch(`${this.itemsPath}/${id}/fields`, fields, { headers });
    return this.decodeOrThrow(itemFromFieldValueSet(id, fieldValueSet));
  }

  private fieldsFor(vote: NewVote): Record<string, unknown> {
    const parsed = parseInput(newVoteSchema, vote);
    const fields = encodeFields(voteFields, parsed);
    fields.Title = parsed.voteKey;
    guardPersonalData(this.context.listKey, fields);
    return fields;
  }

  private listPath(where: string): string {
    return `${this.itemsPath}?expand=fields(select=${SELECT})&$top=2000&$filter=${encodeURIComponent(where)}`;
  }

  private async query(where: string): Promise<RecordedVote[]> {
    return this.decodeList(await this.context.graph.getAll(this.listPath(where))).sort(byCastOrder);
  }

  private decodeList(items: readonly unknown[]): RecordedVote[] {
    const rows: RecordedVote[] = [];
    for (const item of items) {
      const decoded = this.decode(item);
      if (decoded.ok) {
        rows.push(decoded.value);
      } else {
        this.context.onInvalidRow(this.context.listKey, decoded.itemId, decoded.issues);
      }
    }
    return rows;
  }

  private decode(item: unknown): ReturnType<typeof decodeItem<NewVote, RecordedVote>> {
    const fields = typeof item === 'object' && item !== null ? Reflect.get(item, 'fields') : undefined;
    const created = typeof fields === 'object' && fields !== null ? Reflect.get(fields, 'Created') : undefined;
    return decodeItem(item, voteFields, recordedVoteSchema, { castAt: created });
  }

  private decodeOrThrow(item: unknown): RecordedVote {
    const decoded = this.decode(item);
    if (decoded.ok) {
      return decoded.value;
    }
    this.context.onInvalidRow(this.context.listKey, decoded.itemId, decoded.issues);
    throw invalidRowError(this.context.listKey, decoded.itemId, decoded.issues);
  }
}

function valuesOf(body: unknown): unknown[] {
  const value = typeof body === 'object' && body !== null ? Reflect.get(body, 'value') : undefined;
  return Array.isArray(value) ? value : [];
}

/** a page that does not hold every vote: read them all the ordinary way */
function hasNextLink(body: unknown): boolean {
  return typeof body === 'object' && body !== null && typeof Reflect.get(body, '@odata.nextLink') === 'string';
}

function failed(response: GraphBatchResponse | undefined, method: string, path: string): AppError {
  if (response === undefined) {
    return new AppError('UPSTREAM_FAILED', `no batch response for ${method} ${path}`);
  }
  return withConflictMessage(batchResponseError(response, method, path));
}

function withConflictMessage<E>(error: E): E | AppError {
  if (isAppError(error) && error.code === 'CONFLICT') {
    return new AppError('CONFLICT', error.message, {
      userMessage: CONFLICT_MESSAGE,
      details: error.details,
      cause: error,
    });
  }
  return error;
}
