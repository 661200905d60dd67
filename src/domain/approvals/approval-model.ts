/**
 * The approval model (DESIGN.md §6, issue 4): a matter (Subject) put to one body (Stage) under one
 * decision rule (Rule), answered by that body's approvers before a DueDate. Pure types shared by
 * the rules, the chains, the services and the cards.
 */
import type { ApprovalRule, ApprovalStage, ApprovalSubject, Role, VoteDecision } from '../vocabulary.ts';

/** One person entitled to answer at a stage, and in which capacity. */
export type Approver = {
  readonly aadObjectId: string;
  readonly name: string;
  /** the role that makes them an approver (Styrelseledamot, Styrelseersättare, Styrgrupp …) */
  readonly role: Role;
  /** the member organisation they sit for (board, beredningsgrupp, firmatecknare), else null */
  readonly memberOrgId: string | null;
  /** an ersättare: under 'En per medlemsorganisation' their vote counts only while the ledamot's is missing */
  readonly substitute: boolean;
};

/** A vote as the rules see it: who, for which organisation, what, and when (ISO instant, for order). */
export type CastVote = {
  readonly voterAadId: string;
  readonly onBehalfOfOrgId: string | null;
  readonly decision: VoteDecision;
  readonly at: string;
};

export type Outcome = 'Pågår' | 'Godkänd' | 'Avslagen';

/** The count every card shows: for 'En per medlemsorganisation' the units are organisations, else people. */
export type Tally = {
  readonly unit: 'organisationer' | 'personer';
  /** how many units can answer (organisations with a ledamot, or approvers) */
  readonly total: number;
  readonly approve: number;
  readonly reject: number;
  readonly abstain: number;
  /** units that have not answered yet */
  readonly waiting: number;
  /** approvals needed for Godkänd (more than half, or everyone under 'Alla', 1 under 'Först svarande') */
  readonly needed: number;
};

export type Evaluation = {
  readonly outcome: Outcome;
  readonly tally: Tally;
  /**
   * The votes that count, one per unit: under 'En per medlemsorganisation' the ledamot's vote, or
   * the ersättare's while the ledamot has not voted; under the other rules each approver's vote.
   * Votes from people who are not approvers never count.
   */
  readonly counted: readonly CastVote[];
};

export type { ApprovalRule, ApprovalStage, ApprovalSubject, VoteDecision };
