/**
 * Properties of the decision rules over random boards, groups and vote sequences. What holds, and
 * for which rules:
 * - the tally adds up (every rule);
 * - Godkänd exactly when approvals reach `needed`, Avslagen exactly when even every waiting unit
 *   approving could not reach it (Majoritet, Alla, En per medlemsorganisation);
 * - a Godkänd board decision always has more than half of the organisations approving;
 * - the order people vote in does not matter (one vote each, at most one ersättare per
 *   organisation) — except under Först svarande, where the first answer is the decision;
 * - a decision stays decided when people who have not voted add theirs (Majoritet, Alla, Först
 *   svarande); under En per medlemsorganisation when organisations that have not voted add theirs
 *   (a ledamot replacing their ersättare's vote can change it — see the table tests);
 * - votes from outsiders, and the case of AAD ids, change nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Approver, CastVote } from '../../../../src/domain/approvals/approval-model.ts';
import { evaluate } from '../../../../src/domain/approvals/decision-rules.ts';
import {
  APPROVAL_RULES,
  type ApprovalRule,
  VOTE_DECISIONS,
  type VoteDecision,
} from '../../../../src/domain/vocabulary.ts';
import { ersattare, group, ledamot, vote } from './approval-fixtures.ts';

const RUNS = { numRuns: 400 };

/** a board: per organisation maybe a ledamot and 0–2 ersättare; rows may repeat (a person listed twice) */
const boardArb = fc
  .array(
    fc.record({
      hasLedamot: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      substitutes: fc.integer({ min: 0, max: 2 }),
    }),
    {
      minLength: 0,
      maxLength: 9,
    },
  )
  .chain((orgs) => {
    const approvers: Approver[] = orgs.flatMap((org, index) => [
      ...(org.hasLedamot ? [ledamot(index + 1)] : []),
      ...(org.substitutes >= 1 ? [ersattare(index + 1)] : []),
      ...(org.substitutes >= 2 ? [ersattare(index + 1, true)] : []),
    ]);
    return fc.subarray(approvers).map((repeated) => [...approvers, ...repeated]);
  });

const groupArb = fc.integer({ min: 0, max: 9 }).map((n) => group(n));

const anyApproversArb = fc.oneof(boardArb, groupArb);

const decisionArb = fc.constantFrom<VoteDecision>(...VOTE_DECISIONS);

/** votes by approvers and a few outsiders, in time order, people possibly voting twice */
function votesArb(approvers: readonly Approver[]): fc.Arbitrary<CastVote[]> {
  const voters = [...new Set(approvers.map((approver) => approver.aadObjectId)), 'X1', 'X2'];
  return fc
    .array(fc.record({ voter: fc.constantFrom(...voters), decision: decisionArb }), { maxLength: 25 })
    .map((cast) => cast.map(({ voter, decision }, index) => vote(voter, decision, index)));
}

/** each approver at most once, in a random order (the normal case: VoteKey is unique) */
function onceEachArb(approvers: readonly Approver[]): fc.Arbitrary<CastVote[]> {
  const people = [...new Set(approvers.map((approver) => approver.aadObjectId))];
  return fc
    .shuffledSubarray(people)
    .chain((voters) =>
      fc
        .array(decisionArb, { minLength: voters.length, maxLength: voters.length })
        .map((decisions) => voters.map((voter, index) => vote(voter, decisions[index] ?? 'Godkänn', index))),
    );
}

const scenario = (approversArb: fc.Arbitrary<Approver[]>) =>
  approversArb.chain((approvers) => votesArb(approvers).map((cast) => ({ approvers, cast })));

const ruleArb = fc.constantFrom<ApprovalRule>(...APPROVAL_RULES);
const countingRules: ApprovalRule[] = ['Majoritet', 'Alla', 'En per medlemsorganisation'];

describe('decision rules: properties', () => {
  it('the tally adds up: approve + reject + abstain + waiting = total, nothing negative', () => {
    fc.assert(
      fc.property(ruleArb, scenario(anyApproversArb), (rule, { approvers, cast }) => {
        const { tally, counted } = evaluate(rule, approvers, cast);
        expect(tally.approve + tally.reject + tally.abstain + tally.waiting).toBe(tally.total);
        expect(Math.min(tally.approve, tally.reject, tally.abstain, tally.waiting)).toBeGreaterThanOrEqual(0);
        expect(counted.length).toBe(tally.approve + tally.reject + tally.abstain);
      }),
      RUNS,
    );
  });

  it.each(countingRules)(
    '%s: Godkänd exactly at `needed` approvals, Avslagen exactly when waiting units could not get there',
    (rule) => {
      fc.assert(
        fc.property(scenario(anyApproversArb), ({ approvers, cast }) => {
          const { outcome, tally } = evaluate(rule, approvers, cast);
          expect(outcome === 'Godkänd').toBe(tally.total > 0 && tally.approve >= tally.needed);
          expect(outcome === 'Avslagen').toBe(tally.total > 0 && tally.approve + tally.waiting < tally.needed);
        }),
        RUNS,
      );
    },
  );

  it('a Godkänd board decision has more than half of the organisations approving among the counted votes', () => {
    fc.assert(
      fc.property(scenario(boardArb), ({ approvers, cast }) => {
        const { outcome, tally, counted } = evaluate('En per medlemsorganisation', approvers, cast);
        if (outcome === 'Godkänd') {
          const approving = counted.filter((v) => v.decision === 'Godkänn').length;
          expect(approving * 2).toBeGreaterThan(tally.total);
        }
      }),
      RUNS,
    );
  });

  it('counts at most one vote per organisation, and only from its own seats', () => {
    fc.assert(
      fc.property(scenario(boardArb), ({ approvers, cast }) => {
        const { counted } = evaluate('En per medlemsorganisation', approvers, cast);
        const orgOf = (voter: string) =>
          approvers.find((approver) => approver.aadObjectId.toLowerCase() === voter.toLowerCase())?.memberOrgId;
        const orgs = counted.map((v) => orgOf(v.voterAadId));
        expect(orgs.every((org) => org !== undefined && org !== null)).toBe(true);
        expect(new Set(orgs).size).toBe(orgs.length);
      }),
      RUNS,
    );
  });

  it.each(countingRules)('%s: the order people vote in does not change the decision', (rule) => {
    // one ersättare per organisation: of two, the first to answer speaks, so order would matter
    const oneSubstituteEach = boardArb.map((approvers) =>
      approvers.filter((approver) => !approver.aadObjectId.startsWith('F')),
    );
    fc.assert(
      fc.property(
        fc.oneof(oneSubstituteEach, groupArb).chain((approvers) =>
          onceEachArb(approvers).chain((cast) =>
            fc.shuffledSubarray(cast, { minLength: cast.length, maxLength: cast.length }).map((reordered) => ({
              approvers,
              cast,
              // the same people and decisions, cast in another order
              reordered: reordered.map((v, index) => ({ ...v, at: vote('x', 'Godkänn', index).at })),
            })),
          ),
        ),
        ({ approvers, cast, reordered }) => {
          const before = evaluate(rule, approvers, cast);
          const after = evaluate(rule, approvers, reordered);
          expect(after.outcome).toBe(before.outcome);
          expect(after.tally).toEqual(before.tally);
        },
      ),
      RUNS,
    );
  });

  it('Först svarande: the first Godkänn or Avslå in time is the decision, so the order does matter', () => {
    fc.assert(
      fc.property(
        groupArb.chain((approvers) => onceEachArb(approvers).map((cast) => ({ approvers, cast }))),
        ({ approvers, cast }) => {
          const first = cast.find((v) => v.decision !== 'Avstår');
          const expected = first === undefined ? 'Pågår' : first.decision === 'Godkänn' ? 'Godkänd' : 'Avslagen';
          expect(evaluate('Först svarande', approvers, cast).outcome).toBe(expected);
        },
      ),
      RUNS,
    );
    const two = group(2);
    expect(evaluate('Först svarande', two, [vote('P1', 'Godkänn', 1), vote('P2', 'Avslå', 2)]).outcome).toBe('Godkänd');
    expect(evaluate('Först svarande', two, [vote('P1', 'Godkänn', 2), vote('P2', 'Avslå', 1)]).outcome).toBe(
      'Avslagen',
    );
  });

  it.each<ApprovalRule>(['Majoritet', 'Alla', 'Först svarande'])(
    '%s: once decided, votes from people who have not voted do not change it',
    (rule) => {
      fc.assert(
        fc.property(
          groupArb.chain((approvers) =>
            onceEachArb(approvers).chain((cast) =>
              fc
                .integer({ min: 0, max: cast.length })
                .map((cut) => ({ approvers, first: cast.slice(0, cut), later: cast.slice(cut) })),
            ),
          ),
          ({ approvers, first, later }) => {
            const decided = evaluate(rule, approvers, first).outcome;
            if (decided !== 'Pågår') {
              expect(evaluate(rule, approvers, [...first, ...later]).outcome).toBe(decided);
            }
          },
        ),
        RUNS,
      );
    },
  );

  it('En per medlemsorganisation: once decided, organisations that had not voted do not change it', () => {
    fc.assert(
      fc.property(
        boardArb.chain((approvers) =>
          onceEachArb(approvers).chain((cast) =>
            fc.integer({ min: 0, max: cast.length }).map((cut) => ({ approvers, cast, cut })),
          ),
        ),
        ({ approvers, cast, cut }) => {
          const first = cast.slice(0, cut);
          const orgOf = (voter: string) => approvers.find((approver) => approver.aadObjectId === voter)?.memberOrgId;
          const votedOrgs = new Set(first.map((v) => orgOf(v.voterAadId)));
          const later = cast.slice(cut).filter((v) => !votedOrgs.has(orgOf(v.voterAadId)));
          const decided = evaluate('En per medlemsorganisation', approvers, first).outcome;
          if (decided !== 'Pågår') {
            expect(evaluate('En per medlemsorganisation', approvers, [...first, ...later]).outcome).toBe(decided);
          }
        },
      ),
      RUNS,
    );
  });

  it('votes from outsiders change nothing', () => {
    fc.assert(
      fc.property(
        ruleArb,
        scenario(anyApproversArb),
        fc.array(decisionArb, { maxLength: 5 }),
        (rule, { approvers, cast }, extra) => {
          const outsiders = extra.map((decision, index) => vote(`outsider-${index}`, decision, index));
          expect(evaluate(rule, approvers, [...outsiders, ...cast])).toEqual(evaluate(rule, approvers, cast));
        },
      ),
      RUNS,
    );
  });

  it('the case of an AAD id changes nothing', () => {
    fc.assert(
      fc.property(ruleArb, scenario(anyApproversArb), (rule, { approvers, cast }) => {
        const otherCase = cast.map((v) => ({ ...v, voterAadId: v.voterAadId.toLowerCase() }));
        const before = evaluate(rule, approvers, cast);
        const after = evaluate(rule, approvers, otherCase);
        expect(after.outcome).toBe(before.outcome);
        expect(after.tally).toEqual(before.tally);
      }),
      RUNS,
    );
  });
});
