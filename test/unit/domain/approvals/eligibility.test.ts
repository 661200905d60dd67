import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Approver, CastVote } from '../../../../src/domain/approvals/approval-model.ts';
import { evaluate } from '../../../../src/domain/approvals/decision-rules.ts';
import { awaitedApprover } from '../../../../src/domain/approvals/eligibility.ts';
import {
  APPROVAL_RULES,
  APPROVAL_STATUSES,
  type ApprovalRule,
  VOTE_DECISIONS,
  type VoteDecision,
} from '../../../../src/domain/vocabulary.ts';
import { board, ersattare, group, ledamot, vote, votes } from './approval-fixtures.ts';

const boardOf7 = board(7);
const open = (rule: ApprovalRule) => ({ status: 'Pågår' as const, rule });

function awaited(rule: ApprovalRule, approvers: readonly Approver[], cast: CastVote[], who: string): string | null {
  return (
    awaitedApprover({ approval: open(rule), approvers: [...approvers], votes: cast, aadObjectId: who })?.aadObjectId ??
    null
  );
}

describe('awaitedApprover', () => {
  it('waits for an approver who has not voted, and returns their seat', () => {
    expect(
      awaitedApprover({
        approval: open('En per medlemsorganisation'),
        approvers: boardOf7,
        votes: [],
        aadObjectId: 'E3',
      }),
    ).toEqual(ersattare(3));
  });

  it('not for someone who is not an approver', () => {
    expect(awaited('En per medlemsorganisation', boardOf7, [], 'P1')).toBeNull();
    expect(awaited('Majoritet', group(3), [], 'L1')).toBeNull();
  });

  it.each(APPROVAL_STATUSES.filter((status) => status !== 'Pågår'))('not once the approval is %s', (status) => {
    expect(
      awaitedApprover({ approval: { status, rule: 'Majoritet' }, approvers: group(3), votes: [], aadObjectId: 'P1' }),
    ).toBeNull();
  });

  it('not after they voted, whatever the case of their id in the vote', () => {
    expect(awaited('Majoritet', group(3), votes(['p1', 'Avstår']), 'P1')).toBeNull();
    expect(awaited('Majoritet', group(3), votes(['p1', 'Avstår']), 'P2')).toBe('P2');
  });

  it('not once the rule is met', () => {
    const cast = votes(['P1', 'Godkänn'], ['P2', 'Godkänn'], ['P3', 'Godkänn'], ['P4', 'Godkänn']);
    expect(awaited('Majoritet', group(7), cast, 'P5')).toBeNull();
    expect(awaited('Alla', group(3), votes(['P1', 'Avslå']), 'P2')).toBeNull();
    expect(awaited('Först svarande', group(2), votes(['P1', 'Godkänn']), 'P2')).toBeNull();
  });

  it('Först svarande: an Avstår decides nothing, so the others are still asked', () => {
    expect(awaited('Först svarande', group(2), votes(['P1', 'Avstår']), 'P2')).toBe('P2');
  });

  describe("under 'En per medlemsorganisation'", () => {
    const rule = 'En per medlemsorganisation';

    it('the ledamot is asked even after the ersättare voted: the ledamot’s vote replaces it', () => {
      expect(awaited(rule, boardOf7, votes(['E3', 'Godkänn']), 'L3')).toBe('L3');
    });

    it('the ersättare is not asked once the ledamot voted', () => {
      expect(awaited(rule, boardOf7, votes(['L3', 'Godkänn']), 'E3')).toBeNull();
    });

    it('the ersättare is not asked once another ersättare of the organisation voted', () => {
      const approvers = [...boardOf7, ersattare(3, true)];
      expect(awaited(rule, approvers, votes(['F3', 'Avslå']), 'E3')).toBeNull();
      expect(awaited(rule, approvers, votes(['F3', 'Avslå']), 'L3')).toBe('L3');
    });

    it('the ersättare is asked while the organisation is silent, whoever else voted', () => {
      expect(awaited(rule, boardOf7, votes(['L1', 'Godkänn'], ['E2', 'Avslå']), 'E3')).toBe('E3');
    });

    it('an ersättare of an organisation without a ledamot among the approvers has no vote to give', () => {
      expect(awaited(rule, [ledamot(1), ledamot(2), ersattare(3)], [], 'E3')).toBeNull();
    });

    it('nobody is asked once four organisations approved', () => {
      const cast = votes(['E1', 'Godkänn'], ['L2', 'Godkänn'], ['L3', 'Godkänn'], ['E4', 'Godkänn']);
      expect(awaited(rule, boardOf7, cast, 'L5')).toBeNull();
      expect(awaited(rule, boardOf7, cast, 'L1')).toBeNull();
    });
  });

  it('property: whoever is awaited, their vote would count', () => {
    const scenario = fc
      .record({
        rule: fc.constantFrom<ApprovalRule>(...APPROVAL_RULES),
        orgs: fc.integer({ min: 0, max: 7 }),
        secondSubstitute: fc.boolean(),
      })
      .chain(({ rule, orgs, secondSubstitute }) => {
        const approvers =
          rule === 'En per medlemsorganisation'
            ? [...board(orgs), ...(secondSubstitute && orgs > 0 ? [ersattare(1, true)] : [])]
            : group(orgs);
        const ids = approvers.map((approver) => approver.aadObjectId);
        return fc
          .record({
            cast: fc.array(
              fc.record({
                voter: fc.constantFrom('X1', ...ids),
                decision: fc.constantFrom<VoteDecision>(...VOTE_DECISIONS),
              }),
              { maxLength: 12 },
            ),
            who: fc.constantFrom('X1', ...ids),
            decision: fc.constantFrom<VoteDecision>(...VOTE_DECISIONS),
          })
          .map(({ cast, who, decision }) => ({
            rule,
            approvers,
            cast: cast.map(({ voter, decision: d }, index) => vote(voter, d, index)),
            who,
            decision,
          }));
      });
    fc.assert(
      fc.property(scenario, ({ rule, approvers, cast, who, decision }) => {
        const seat = awaitedApprover({ approval: open(rule), approvers, votes: cast, aadObjectId: who });
        if (seat === null) {
          return;
        }
        expect(cast.some((v) => v.voterAadId === who)).toBe(false);
        expect(evaluate(rule, approvers, cast).outcome).toBe('Pågår');
        const after = evaluate(rule, approvers, [...cast, vote(who, decision, 59)]);
        expect(after.counted.some((v) => v.voterAadId === who)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
