/**
 * One row of the list, whichever answer it came from: /api/insatser gives every reader the
 * insatser; the kansli's /api/register adds what has been invoiced, the next deadline and the
 * anomalies. Joined by id, so the filters (applied by the server to /api/insatser) decide which
 * rows there are and the register only adds columns.
 */
import type { z } from 'zod';
import type { Stage } from '../../../../src/domain/vocabulary.ts';
import type {
  interventionListResponseSchema,
  membersResponseSchema,
  registerResponseSchema,
} from '../../api/contracts.ts';

type Listed = z.infer<typeof interventionListResponseSchema>['insatser'][number];
type RegisterRow = z.infer<typeof registerResponseSchema>['rows'][number];
type Member = z.infer<typeof membersResponseSchema>['medlemmar'][number];

export type ListRow = {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly stage: Stage;
  readonly ownerName: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly grantedAmount: number | null;
  /** undefined: not known to this reader (the register is the kansli's) */
  readonly invoicedSoFar: number | undefined;
  readonly nextDeadline: { readonly periodKey: string; readonly dueDate: string } | null | undefined;
  readonly anomalies: number;
};

export function rowsOf(
  insatser: readonly Listed[],
  register: readonly RegisterRow[] | undefined,
  members: readonly Member[] | undefined,
): ListRow[] {
  const registerById = new Map((register ?? []).map((row) => [row.id, row]));
  const memberName = new Map((members ?? []).map((member) => [member.id, member.name]));
  return insatser.map((insats) => {
    const extra = registerById.get(insats.id);
    const ownerName = insats.ownerOrgId === null ? null : (memberName.get(insats.ownerOrgId) ?? extra?.owner ?? null);
    return {
      id: insats.id,
      code: insats.code,
      title: insats.title,
      stage: insats.stage,
      ownerName,
      startDate: insats.startDate,
      endDate: insats.endDate,
      grantedAmount: insats.grantedAmount,
      invoicedSoFar: extra?.invoicedSoFar,
      nextDeadline: extra === undefined ? undefined : extra.nextDeadline,
      anomalies: extra?.anomalies.length ?? 0,
    };
  });
}

/**
 * The owner organisations to filter on: the förbund's members when /api/medlemmar answered, else
 * the owners of the insatser the reader sees (named as the register names them, or by id).
 */
export function ownerOptions(
  members: readonly Member[] | undefined,
  insatser: readonly Listed[],
  register: readonly RegisterRow[] | undefined,
): Array<{ readonly id: string; readonly name: string }> {
  if (members !== undefined && members.length > 0) {
    return members.map((member) => ({ id: member.id, name: member.name }));
  }
  const names = new Map<string, string>();
  for (const insats of insatser) {
    if (insats.ownerOrgId !== null) {
      const named = register?.find((row) => row.id === insats.id)?.owner;
      names.set(insats.ownerOrgId, named ?? insats.ownerOrgId);
    }
  }
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** every year some insats's period touches (an open end counts to this year), newest first */
export function yearOptions(insatser: readonly Listed[], thisYear: number): number[] {
  const years = new Set<number>();
  for (const insats of insatser) {
    const start = insats.startDate === null ? null : Number(insats.startDate.slice(0, 4));
    const end = insats.endDate === null ? null : Number(insats.endDate.slice(0, 4));
    const from = start ?? end ?? thisYear;
    const to = end ?? Math.max(from, thisYear);
    for (let year = from; year <= to && year - from < 30; year++) {
      years.add(year);
    }
  }
  return [...years].sort((a, b) => b - a);
}
