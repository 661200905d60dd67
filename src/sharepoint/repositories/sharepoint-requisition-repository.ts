import {
  type NewRequisition,
  newRequisitionSchema,
  type Requisition,
  requisitionSchema,
} from '../../domain/entities/requisition.ts';
import type { BulkResult, Patch, WriteOptions } from '../../domain/ports/common.ts';
import type { RequisitionRepository } from '../../domain/ports/requisition-repository.ts';
import type { RequisitionStatus } from '../../domain/vocabulary.ts';
import { booleanColumn, dateOnlyColumn, jsonColumn, lookupColumn, numberColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter } from './odata-filter.ts';

const requisitionFields: FieldMap<NewRequisition> = {
  interventionId: lookupColumn('Intervention'),
  year: numberColumn('Year'),
  quarter: numberColumn('Quarter'),
  periodKey: textColumn('PeriodKey'),
  dueDate: dateOnlyColumn('DueDate'),
  status: textColumn('Status'),
  amount: numberColumn('Amount'),
  specification: jsonColumn('Specification'),
  receivedDate: dateOnlyColumn('ReceivedDate'),
  invoiceNumber: textColumn('InvoiceNumber'),
  overBudget: booleanColumn('OverBudget'),
  budgetWarning: textColumn('BudgetWarning'),
  rejectionReason: textColumn('RejectionReason'),
};

/** Requisitions (Rekvisitioner): PeriodKey is unique; the sweep reads by indexed Status + DueDate. */
export class SharePointRequisitionRepository implements RequisitionRepository {
  private readonly table: ListTable<NewRequisition, Requisition>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: requisitionFields,
      schema: requisitionSchema,
      newSchema: newRequisitionSchema,
      patchSchema: newRequisitionSchema.partial(),
      titleOf: (requisition) => requisition.periodKey,
      conflictMessage: 'Det finns redan en rekvisition för den perioden.',
    });
  }

  findByPeriodKey(periodKey: string): Promise<Requisition | null> {
    return this.table.findOne(filter.eq('PeriodKey', periodKey));
  }

  list(): Promise<Requisition[]> {
    return this.table.query();
  }

  listByIntervention(interventionId: string): Promise<Requisition[]> {
    return this.table.query({ filter: filter.lookupEq('Intervention', interventionId) });
  }

  listByStatusDueBefore(status: RequisitionStatus, onOrBefore: string): Promise<Requisition[]> {
    return this.table.query({ filter: filter.and(filter.eq('Status', status), filter.dateLe('DueDate', onOrBefore)) });
  }

  listByStatus(status: RequisitionStatus): Promise<Requisition[]> {
    return this.table.query({ filter: filter.eq('Status', status) });
  }

  create(requisition: NewRequisition): Promise<Requisition> {
    return this.table.create(requisition);
  }

  createMany(requisitions: readonly NewRequisition[]): Promise<BulkResult<Requisition>> {
    return this.table.createMany(requisitions);
  }

  update(id: string, patch: Patch<NewRequisition>, options?: WriteOptions): Promise<Requisition> {
    return this.table.update(id, patch, options);
  }

  delete(id: string, options?: WriteOptions): Promise<void> {
    return this.table.delete(id, options);
  }
}
