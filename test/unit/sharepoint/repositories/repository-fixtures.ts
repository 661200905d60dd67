import type { GraphClient } from '../../../../src/sharepoint/graph/graph-client.ts';
import type { RowIssue } from '../../../../src/sharepoint/repositories/invalid-row.ts';
import type { ListContext } from '../../../../src/sharepoint/repositories/list-table.ts';
import type { ListKey } from '../../../../src/sharepoint/schema.ts';

export type ReportedRow = { listKey: ListKey; itemId: string; issues: readonly RowIssue[] };

/** A list context whose invalid-row reports land in `reported`. */
export function contextFor(
  graph: GraphClient,
  listKey: ListKey,
  reported: ReportedRow[] = [],
): ListContext & { reported: ReportedRow[] } {
  return {
    graph,
    siteId: 'localhost,00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000002',
    listId: `list-${listKey}`,
    listKey,
    onInvalidRow: (key, itemId, issues) => reported.push({ listKey: key, itemId, issues }),
    reported,
  };
}

/** The Graph fields of a valid NOVA insats. */
export function novaFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Title: 'NOVA',
    Code: 'NOVA',
    Kind: 'Individinriktad',
    Stage: 'Pågående',
    OwnerOrgLookupId: '7',
    PartnerOrgs: [
      { LookupId: 3, LookupValue: 'Region Kronoberg' },
      { LookupId: 7, LookupValue: 'Växjö kommun' },
    ],
    ProjectLeaderAadId: '4f1c2a9e-8d3b-5c6a-9e7f-0a1b2c3d4e5f',
    StartDate: '2025-01-01T00:00:00Z',
    EndDate: '2027-12-31T00:00:00Z',
    GrantedAmount: 2460000,
    DecisionDate: '2024-10-17T00:00:00Z',
    DecisionRef: '§ 44',
    DiaryNumber: 'SFV 2024/018',
    FollowUpRegistered: true,
    Purpose: 'Att unga vuxna ska närma sig arbete eller studier.',
    ...overrides,
  };
}

export function requisitionFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Title: 'NOVA-2027-Q1',
    InterventionLookupId: '5',
    Year: 2027,
    Quarter: 1,
    PeriodKey: 'NOVA-2027-Q1',
    DueDate: '2027-04-30T00:00:00Z',
    Status: 'Förväntad',
    ...overrides,
  };
}
