import {
  type Intervention,
  interventionSchema,
  type NewIntervention,
  newInterventionSchema,
} from '../../domain/entities/intervention.ts';
import type { BulkResult, Patch, WriteOptions } from '../../domain/ports/common.ts';
import type { InterventionRepository } from '../../domain/ports/intervention-repository.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import {
  booleanColumn,
  dateOnlyColumn,
  jsonColumn,
  lookupColumn,
  multiLookupColumn,
  numberColumn,
  textColumn,
} from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter, odataString } from './odata-filter.ts';

const interventionFields: FieldMap<NewIntervention> = {
  title: textColumn('Title'),
  code: textColumn('Code'),
  kind: textColumn('Kind'),
  stage: textColumn('Stage'),
  ownerOrgId: lookupColumn('OwnerOrg'),
  partnerOrgIds: multiLookupColumn('PartnerOrgs'),
  projectLeaderAadId: textColumn('ProjectLeaderAadId'),
  startDate: dateOnlyColumn('StartDate'),
  endDate: dateOnlyColumn('EndDate'),
  grantedAmount: numberColumn('GrantedAmount'),
  decisionDate: dateOnlyColumn('DecisionDate'),
  decisionRef: textColumn('DecisionRef'),
  diaryNumber: textColumn('DiaryNumber'),
  followUpRegistered: booleanColumn('FollowUpRegistered'),
  purpose: textColumn('Purpose'),
  background: textColumn('Background'),
  goals: textColumn('Goals'),
  targetGroup: textColumn('TargetGroup'),
  methods: textColumn('Methods'),
  staffing: textColumn('Staffing'),
  anchoring: textColumn('Anchoring'),
  implementationPlan: textColumn('ImplementationPlan'),
  applicationDetails: jsonColumn('ApplicationDetails'),
  invoiceDueRule: textColumn('InvoiceDueRule'),
  requisitionSync: textColumn('RequisitionSync'),
};

/** Interventions (Insatser): finders on the indexed Code, Stage, ProjectLeaderAadId and EndDate. */
export class SharePointInterventionRepository implements InterventionRepository {
  private readonly table: ListTable<NewIntervention, Intervention>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: interventionFields,
      schema: interventionSchema,
      newSchema: newInterventionSchema,
      patchSchema: newInterventionSchema.partial(),
      conflictMessage: 'Det finns redan en insats med den koden eller det diarienumret.',
    });
  }

  list(): Promise<Intervention[]> {
    return this.table.query();
  }

  findById(id: string): Promise<Intervention | null> {
    return this.table.getById(id);
  }

  findByCode(code: string): Promise<Intervention | null> {
    return this.table.findOne(filter.eq('Code', code));
  }

  async listByStages(stages: readonly Stage[]): Promise<Intervention[]> {
    if (stages.length === 0) {
      return [];
    }
    // one request: alternatives on a single indexed column
    return this.table.query({ filter: filter.or(...stages.map((stage) => filter.eq('Stage', stage))) });
  }

  listByProjectLeader(aadObjectId: string): Promise<Intervention[]> {
    return this.table.query({ filter: filter.eq('ProjectLeaderAadId', aadObjectId) });
  }

  listEndingOnOrBefore(date: string): Promise<Intervention[]> {
    return this.table.query({ filter: filter.dateLe('EndDate', date) });
  }

  listByDiaryNumberPrefix(prefix: string): Promise<Intervention[]> {
    // DiaryNumber is indexed, so this is one indexed query however large the register grows
    return this.table.query({ filter: `startswith(fields/DiaryNumber,${odataString(prefix)})` });
  }

  create(intervention: NewIntervention): Promise<Intervention> {
    return this.table.create(intervention);
  }

  createMany(interventions: readonly NewIntervention[]): Promise<BulkResult<Intervention>> {
    return this.table.createMany(interventions);
  }

  update(id: string, patch: Patch<NewIntervention>, options?: WriteOptions): Promise<Intervention> {
    return this.table.update(id, patch, options);
  }
}
