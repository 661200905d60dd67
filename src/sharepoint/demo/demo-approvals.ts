import type { NewApproval } from '../../domain/entities/approval.ts';
import type { ApprovalRule, ApprovalStage } from '../../domain/vocabulary.ts';
import { budgetTotal, DEMO_INTERVENTIONS } from './demo-interventions.ts';
import type { MemberKey } from './demo-members.ts';
import type { PersonKey } from './demo-people.ts';

/**
 * Open approvals of the demo, so `att besluta` has something to show on "today" (2026-11-24):
 * SAMSYN's application is before the board (one vote per member organisation), SAMSJUK's is with
 * the beredningsgrupp, where Försäkringskassan's member has already recommended it.
 */
export type DemoApproval = Omit<NewApproval, 'interventionId' | 'requestedByAadId' | 'amount' | 'previousId'> & {
  readonly code: string;
  readonly requestedBy: PersonKey;
  readonly votes: ReadonlyArray<{
    readonly voter: PersonKey;
    readonly onBehalfOf: MemberKey;
    readonly decision: 'Godkänn' | 'Avslå' | 'Avstår';
    readonly comment: string | null;
  }>;
};

const application = (
  code: string,
  stage: ApprovalStage,
  rule: ApprovalRule,
  dueDate: string,
  votes: DemoApproval['votes'],
): DemoApproval => {
  const intervention = DEMO_INTERVENTIONS.find((candidate) => candidate.code === code);
  return {
    code,
    title: `Ansökan ${code} – ${intervention?.title ?? code}`,
    subject: 'Ansökan',
    stage,
    rule,
    status: 'Pågår',
    dueDate,
    requestedBy: 'karin.vallgren',
    payload: { diarienummer: intervention?.diaryNumber ?? null },
    votes,
  };
};

export const DEMO_APPROVALS: readonly DemoApproval[] = [
  // decided at the board meeting after the beredningsgrupp recommended it; votes close mid-December
  application('SAMSYN', 'Styrelse', 'En per medlemsorganisation', '2026-12-17', []),
  application('SAMSJUK', 'Beredningsgrupp', 'Majoritet', '2027-01-14', [
    {
      voter: 'helena.rydberg',
      onBehalfOf: 'FK',
      decision: 'Godkänn',
      comment: 'Försäkringskassan ser ett tydligt behov i målgruppen.',
    },
  ]),
];

/** the amount applied for, which the approval carries */
export function demoApprovalAmount(code: string): number | null {
  const intervention = DEMO_INTERVENTIONS.find((candidate) => candidate.code === code);
  return intervention === undefined ? null : budgetTotal(intervention.budget);
}
