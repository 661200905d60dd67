/**
 * Loads what every approval use case works on: the row, its payload, its insats (code and title),
 * the approvers of its stage and its votes. The approvers come from the snapshot the pickup stamps
 * on the row, so a vote costs no RoleAssignments read; before the pickup they are read live.
 */
import { approversFor } from '../../domain/approvals/approvers.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { RecordedVote } from '../../domain/ports/vote-repository.ts';
import type { ApprovalStage } from '../../domain/vocabulary.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import { type ApprovalPayload, type ApproverSeat, readPayload } from './approval-payload.ts';
import { type ApprovalView, buildApprovalView } from './approval-view.ts';

export type InterventionRef = { readonly id: string; readonly code: string; readonly title: string };

export type ApprovalContext = {
  readonly approval: Approval;
  readonly payload: ApprovalPayload;
  readonly intervention: InterventionRef | null;
  readonly seats: readonly ApproverSeat[];
  readonly votes: readonly RecordedVote[];
};

type ContextDeps = Pick<ApprovalDeps, 'repos' | 'clock' | 'timeZone'>;

export function refOf(intervention: Pick<Intervention, 'id' | 'code' | 'title'>): InterventionRef {
  return { id: intervention.id, code: intervention.code, title: intervention.title };
}

/** the approvers of `stage` today, with their organisation's name for the card */
export async function readSeats(
  deps: ContextDeps,
  stage: ApprovalStage,
  intervention: Pick<Intervention, 'id' | 'ownerOrgId' | 'partnerOrgIds'> | null,
): Promise<ApproverSeat[]> {
  const [assignments, members] = await Promise.all([deps.repos.roleAssignments.list(), deps.repos.members.list()]);
  const orgNames = new Map(members.map((member) => [member.id, member.name]));
  return approversFor({ stage, intervention, assignments, today: todayIn(deps.clock, deps.timeZone) }).map(
    (approver) => ({
      ...approver,
      orgName: approver.memberOrgId === null ? null : (orgNames.get(approver.memberOrgId) ?? null),
    }),
  );
}

export async function loadApprovalContext(
  deps: ContextDeps,
  approval: Approval,
  known: { readonly votes?: readonly RecordedVote[]; readonly intervention?: Intervention | null } = {},
): Promise<ApprovalContext> {
  const payload = readPayload(approval.payload);
  const snapshotFits = payload.intervention !== undefined && payload.intervention.id === approval.interventionId;
  const needsRow = payload.approvers === undefined || !snapshotFits;
  const [intervention, votes] = await Promise.all([
    known.intervention !== undefined || !needsRow || approval.interventionId === null
      ? Promise.resolve(known.intervention ?? null)
      : deps.repos.interventions.findById(approval.interventionId),
    known.votes ?? deps.repos.votes.listByApproval(approval.id),
  ]);
  const seats = payload.approvers ?? (await readSeats(deps, approval.stage, intervention));
  const ref =
    snapshotFits && payload.intervention !== undefined
      ? payload.intervention
      : intervention === null
        ? null
        : refOf(intervention);
  return { approval, payload, intervention: ref, seats, votes };
}

export function viewFor(
  deps: Pick<ApprovalDeps, 'tabUrl' | 'agreementFileUrl'>,
  context: ApprovalContext,
  viewerAadId: string,
): ApprovalView {
  return buildApprovalView({
    approval: context.approval,
    payload: context.payload,
    intervention: context.intervention,
    approvers: context.seats,
    votes: context.votes,
    viewerAadId,
    tabUrl: deps.tabUrl,
    agreementFileUrl: deps.agreementFileUrl,
  });
}
