import { type Approval, approvalSchema, type NewApproval, newApprovalSchema } from '../../domain/entities/approval.ts';
import type { ApprovalRepository } from '../../domain/ports/approval-repository.ts';
import type { Patch, WriteOptions } from '../../domain/ports/common.ts';
import type { ApprovalStatus } from '../../domain/vocabulary.ts';
import { dateOnlyColumn, jsonColumn, lookupColumn, numberColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter } from './odata-filter.ts';

const approvalFields: FieldMap<NewApproval> = {
  title: textColumn('Title'),
  interventionId: lookupColumn('Intervention'),
  subject: textColumn('Subject'),
  stage: textColumn('Stage'),
  rule: textColumn('Rule'),
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
