/**
 * The four decision rules, exactly (issue 4):
 * - 'En per medlemsorganisation': each member organisation with a ledamot among the approvers has
 *   one vote. The ledamot's vote counts; an ersättare's counts only while that organisation's
 *   ledamot has not voted (a later ledamot vote replaces it). Godkänd when more than half of those
 *   organisations approve; Avslagen as soon as that can no longer happen.
 * - 'Majoritet': more than half of the approvers approve; Avslagen as soon as that cannot happen.
 * - 'Alla': everyone approves; any Avslå (or Avstår, which makes "everyone" impossible) → Avslagen.
 * - 'Först svarande': the first Godkänn or Avslå decides.
 * 'Avstår' never counts as approval. Votes from people who are not approvers of the stage never
 * count (the services refuse them before they are stored; the rules do not trust that).
 *
 * The outcome is judged on the votes that count now. Under 'En per medlemsorganisation' an
 * ersättare's vote is its organisation's vote until the ledamot votes; if it settles the matter,
 * the matter is settled — a decided approval takes no more votes.
 */
import type { ApprovalRule, VoteDecision } from '../vocabulary.ts';
import type { Approver, CastVote, Evaluation, Outcome, Tally } from './approval-model.ts';

/** the answers a rule offers: abstaining is for bodies that vote, not for sign-offs or a single decider */
export function allowedDecisions(rule: ApprovalRule): readonly VoteDecision[] {
  return rule === 'Majoritet' || rule === 'En per medlemsorganisation'
    ? ['Godkänn', 'Avslå', 'Avstår']
    : ['Godkänn', 'Avslå'];
}

function key(aadObjectId: string): string {
  return aadObjectId.toLowerCase();
}

/** earliest first; equal instants keep their input order */
function byTime(votes: readonly CastVote[]): CastVote[] {
  return [...votes].sort((a, b) => a.at.localeCompare(b.at));
}

/** each approver's latest vote (a person has one vote; a changed vote replaces the earlier) */
function latestPerApprover(approvers: readonly Approver[], votes: readonly CastVote[]): Map<string, CastVote> {
  const entitled = new Set(approvers.map((approver) => key(approver.aadObjectId)));
  const latest = new Map<string, CastVote>();
  for (const vote of byTime(votes)) {
    if (entitled.has(key(vote.voterAadId))) {
      latest.set(key(vote.voterAadId), vote);
    }
  }
  return latest;
}

function count(decisions: readonly VoteDecision[], decision: VoteDecision): number {
  return decisions.filter((candidate) => candidate === decision).length;
}

function majorityOf(total: number): number {
  return Math.floor(total / 2) + 1;
}

/** Godkänd at `needed` approvals; Avslagen once approvals plus the units still waiting fall short */
function byMajority(approve: number, waiting: number, needed: number, total: number): Outcome {
  if (total > 0 && approve >= needed) {
    return 'Godkänd';
  }
  if (total > 0 && approve + waiting < needed) {
    return 'Avslagen';
  }
  return 'Pågår';
}

function tallyOf(unit: Tally['unit'], total: number, decisions: readonly VoteDecision[], needed: number): Tally {
  return {
    unit,
    total,
    approve: count(decisions, 'Godkänn'),
    reject: count(decisions, 'Avslå'),
    abstain: count(decisions, 'Avstår'),
    waiting: Math.max(0, total - decisions.length),
    needed,
  };
}

function onePerOrganisation(approvers: readonly Approver[], votes: readonly CastVote[]): Evaluation {
  const latest = latestPerApprover(approvers, votes);
  const organisations = [
    ...new Set(
      approvers
        .filter((approver) => !approver.substitute && approver.memberOrgId !== null)
        .map((approver) => approver.memberOrgId as string),
    ),
  ];
  const counted: CastVote[] = [];
  for (const org of organisations) {
    const seats = approvers.filter((approver) => approver.memberOrgId === org);
    const votesOf = (substitute: boolean): CastVote[] =>
      byTime(
        seats
          .filter((seat) => seat.substitute === substitute)
          .map((seat) => latest.get(key(seat.aadObjectId)))
          .filter((vote): vote is CastVote => vote !== undefined),
      );
    // the ledamot's vote when there is one; else the first ersättare who answered
    const effective = votesOf(false).at(-1) ?? votesOf(true)[0];
    if (effective !== undefined) {
      counted.push(effective);
    }
  }
  const decisions = counted.map((vote) => vote.decision);
  const needed = majorityOf(organisations.length);
  const tally = tallyOf('organisationer', organisations.length, decisions, needed);
  return { outcome: byMajority(tally.approve, tally.waiting, needed, tally.total), tally, counted };
}

function majority(approvers: readonly Approver[], votes: readonly CastVote[]): Evaluation {
  const counted = [...latestPerApprover(approvers, votes).values()];
  const total = new Set(approvers.map((approver) => key(approver.aadObjectId))).size;
  const needed = majorityOf(total);
  const tally = tallyOf(
    'personer',
    total,
    counted.map((vote) => vote.decision),
    needed,
  );
  return { outcome: byMajority(tally.approve, tally.waiting, needed, total), tally, counted };
}

function everyone(approvers: readonly Approver[], votes: readonly CastVote[]): Evaluation {
  const counted = [...latestPerApprover(approvers, votes).values()];
  const total = new Set(approvers.map((approver) => key(approver.aadObjectId))).size;
  const tally = tallyOf(
    'personer',
    total,
    counted.map((vote) => vote.decision),
    total,
  );
  const outcome: Outcome =
    tally.reject > 0 || tally.abstain > 0 ? 'Avslagen' : total > 0 && tally.approve === total ? 'Godkänd' : 'Pågår';
  return { outcome, tally, counted };
}

function firstToAnswer(approvers: readonly Approver[], votes: readonly CastVote[]): Evaluation {
  const counted = byTime([...latestPerApprover(approvers, votes).values()]);
  const total = new Set(approvers.map((approver) => key(approver.aadObjectId))).size;
  const first = counted.find((vote) => vote.decision !== 'Avstår');
  const outcome: Outcome = first === undefined ? 'Pågår' : first.decision === 'Godkänn' ? 'Godkänd' : 'Avslagen';
  return {
    outcome,
    tally: tallyOf(
      'personer',
      total,
      counted.map((vote) => vote.decision),
      1,
    ),
    counted,
  };
}

/** The outcome of a stage under its rule, with the tally every card shows. Pure and total. */
export function evaluate(rule: ApprovalRule, approvers: readonly Approver[], votes: readonly CastVote[]): Evaluation {
  switch (rule) {
    case 'En per medlemsorganisation':
      return onePerOrganisation(approvers, votes);
    case 'Majoritet':
      return majority(approvers, votes);
    case 'Alla':
      return everyone(approvers, votes);
    case 'Först svarande':
      return firstToAnswer(approvers, votes);
  }
}
