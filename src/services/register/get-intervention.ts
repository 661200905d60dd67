/**
 * One insats with everything around it: budget, requisitions, approvals with their votes,
 * documents, agreements, what its application still lacks, and what the caller could do next
 * (with the reasons why not).
 */
import type { Approval, Vote } from '../../domain/entities/approval.ts';
import type { BudgetLine } from '../../domain/entities/budget-line.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { AgreementFile, DocumentFile } from '../../domain/entities/library-file.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { allowedTransitions, type NextTransition } from '../../domain/lifecycle/allowed-transitions.ts';
import { readVisibleIntervention } from './access.ts';
import { DRAFT_STAGES } from './draft-fields.ts';
import type { RegisterDeps } from './register-deps.ts';
import { gatherTransitionFacts } from './transition-facts.ts';

export type InterventionDetail = {
  readonly intervention: Intervention;
  readonly budgetLines: readonly BudgetLine[];
  readonly requisitions: readonly Requisition[];
  readonly approvals: ReadonlyArray<Approval & { readonly votes: readonly Vote[] }>;
  readonly documents: readonly DocumentFile[];
  readonly agreements: readonly AgreementFile[];
  /** what the application lacks before it can be submitted (drafts only) */
  readonly applicationProblems: readonly string[];
  readonly nextTransitions: readonly NextTransition[];
};

export async function getIntervention(deps: RegisterDeps, actor: Actor, id: string): Promise<InterventionDetail> {
  const intervention = await readVisibleIntervention(deps, actor, id);
  const [budgetLines, requisitions, approvals, documents, agreements, facts] = await Promise.all([
    deps.repos.budgetLines.listByIntervention(intervention.id),
    deps.repos.requisitions.listByIntervention(intervention.id),
    deps.repos.approvals.listByIntervention(intervention.id),
    deps.repos.documents.listByIntervention(intervention.id),
    deps.repos.agreements.listByIntervention(intervention.id),
    gatherTransitionFacts(deps, intervention),
  ]);
  const withVotes = await Promise.all(
    approvals.map(async (approval) => ({ ...approval, votes: await deps.repos.votes.listByApproval(approval.id) })),
  );
  return {
    intervention,
    budgetLines: [...budgetLines].sort((a, b) => a.year - b.year || a.category.localeCompare(b.category)),
    requisitions: [...requisitions].sort((a, b) => a.periodKey.localeCompare(b.periodKey)),
    approvals: withVotes,
    documents,
    agreements,
    applicationProblems: DRAFT_STAGES.includes(intervention.stage) ? facts.applicationProblems : [],
    nextTransitions: allowedTransitions(intervention, actor, facts),
  };
}
