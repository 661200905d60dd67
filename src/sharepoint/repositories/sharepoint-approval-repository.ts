import { firstStage, ruleFor } from '../../domain/approvals/chains.ts';
import { type Approval, approvalSchema, type NewApproval, newApprovalSchema } from '../../domain/entities/approval.ts';
import type { ApprovalRepository } from '../../domain/ports/approval-repository.ts';
import type { Patch, WriteOptions } from '../../domain/ports/common.ts';
import {
  APPROVAL_STAGES,
  APPROVAL_SUBJECTS,
  type ApprovalStage,
  type ApprovalStatus,
  type ApprovalSubject,
} from '../../domain/vocabulary.ts';
import {
  type ColumnCodec,
  dateOnlyColumn,
  type FieldBag,
  jsonColumn,
  lookupColumn,
  numberColumn,
  textColumn,
} from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter } from './odata-filter.ts';

function subjectIn(fields: FieldBag): ApprovalSubject | null {
  const subject = fields.Subject;
  return APPROVAL_SUBJECTS.find((candidate) => candidate === subject) ?? null;
}

function stageIn(fields: FieldBag): ApprovalStage | null {
  const stage = fields.Stage;
  const known = APPROVAL_STAGES.find((candidate) => candidate === stage);
  if (known !== undefined) {
    return known;
  }
  const subject = subjectIn(fields);
  return (stage === undefined || stage === null || stage === '') && subject !== null ? firstStage(subject).stage : null;
}

/**
 * Stage and Rule left empty by the kansli (a row typed into SharePoint) read as the chain says:
 * Stage as the first stage of the Subject, Rule as that stage's rule. The sweep writes them into
 * the row when it opens it, so the list shows what the app decided.
 */
function withChainDefault(
  column: 'Stage' | 'Rule',
  fallback: (fields: FieldBag) => string | null,
): ColumnCodec<string | null> {
  const text = textColumn(column);
  return {
    ...text,
    select: [column, 'Stage', 'Subject'],
    read(fields) {
      const read = text.read(fields);
      if (!read.ok || read.value !== null) {
        return read;
      }
      const value = fallback(fields);
      return value === null ? read : { ok: true, value };
    },
  };
}

const approvalFields: FieldMap<NewApproval> = {
  title: textColumn('Title'),
  interventionId: lookupColumn('Intervention'),
  subject: textColumn('Subject'),
  stage: withChainDefault('Stage', stageIn),
  rule: withChainDefault('Rule', (fields) => {
    const stage = stageIn(fields);
    return stage === null ? null : ruleFor(stage);
  }),
  status: textColumn('Status'),
  dueDate: dateOnlyColumn('DueDate'),
  requestedByAadId: textColumn('RequestedByAadId'),
  amount: numberColumn('Amount'),
  payload: jsonColumn('Payload'),
  previousId: lookupColumn('Previous'),
};

/** Approvals (Beslutsärenden): finders on the indexed Status, DueDate and Intervention. */
export class SharePointApprovalRepository implements ApprovalRepository {
  private readonly table: ListTable<NewApproval, Approval>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: approvalFields,
      schema: approvalSchema,
      newSchema: newApprovalSchema,
      patchSchema: newApprovalSchema.partial(),
    });
  }

  findById(id: string): Promise<Approval | null> {
    return this.table.getById(id);
  }

  listByStatus(status: ApprovalStatus): Promise<Approval[]> {
    return this.table.query({ filter: filter.eq('Status', status) });
  }

  listByStatusDueBefore(status: ApprovalStatus, onOrBefore: string): Promise<Approval[]> {
    return this.table.query({ filter: filter.and(filter.eq('Status', status), filter.dateLe('DueDate', onOrBefore)) });
  }

  listByIntervention(interventionId: string): Promise<Approval[]> {
    return this.table.query({ filter: filter.lookupEq('Intervention', interventionId) });
  }

  create(approval: NewApproval): Promise<Approval> {
    return this.table.create(approval);
  }

  update(id: string, patch: Patch<NewApproval>, options?: WriteOptions): Promise<Approval> {
    return this.table.update(id, patch, options);
  }
}
