import { describe, expect, it } from 'vitest';
import type { Approver, CastVote, Outcome } from '../../../../src/domain/approvals/approval-model.ts';
import { allowedDecisions, evaluate } from '../../../../src/domain/approvals/decision-rules.ts';
import { APPROVAL_RULES, type ApprovalRule } from '../../../../src/domain/vocabulary.ts';
import { board, ersattare, group, ledamot, vote, votes } from './approval-fixtures.ts';

type Row = [
  string,
  readonly Approver[],
  CastVote[],
  Outcome,
  { approve: number; reject: number; abstain: number; waiting: number },
];

function expectRow(rule: ApprovalRule, [, approvers, cast, outcome, counts]: Row): void {
  const result = evaluate(rule, approvers, cast);
  expect(result.outcome).toBe(outcome);
  expect(result.tally).toMatchObject(counts);
}

describe('allowedDecisions', () => {
  it.each<[ApprovalRule, string[]]>([
    ['En per medlemsorganisation', ['Godkänn', 'Avslå', 'Avstår']],
    ['Majoritet', ['Godkänn', 'Avslå', 'Avstår']],
    ['Alla', ['Godkänn', 'Avslå']],
    ['Först svarande', ['Godkänn', 'Avslå']],
  ])('%s offers %j', (rule, decisions) => {
    expect(allowedDecisions(rule)).toEqual(decisions);
  });
});

describe("'En per medlemsorganisation' (the board, 7 organisations: 4 needed)", () => {
  const seven = board(7);

  it('counts organisations, not people, and needs more than half of them', () => {
    expect(evaluate('En per medlemsorganisation', seven, []).tally).toEqual({
      unit: 'organisationer',
      total: 7,
      approve: 0,
      reject: 0,
      abstain: 0,
      waiting: 7,
      needed: 4,
    });
    expect(evaluate('En per medlemsorganisation', board(6), []).tally.needed).toBe(4);
    expect(evaluate('En per medlemsorganisation', board(1), []).tally.needed).toBe(1);
  });

  it.each<Row>([
    ['no votes', seven, [], 'Pågår', { approve: 0, reject: 0, abstain: 0, waiting: 7 }],
    [
      'three ledamöter approve',
      seven,
      votes(['L1', 'Godkänn'], ['L2', 'Godkänn'], ['L3', 'Godkänn']),
      'Pågår',
      { approve: 3, reject: 0, abstain: 0, waiting: 4 },
    ],
    [
      'four ledamöter approve',
      seven,
      votes(['L1', 'Godkänn'], ['L2', 'Godkänn'], ['L3', 'Godkänn'], ['L4', 'Godkänn']),
      'Godkänd',
      { approve: 4, reject: 0, abstain: 0, waiting: 3 },
    ],
    [
      'four ledamöter reject: approval can no longer reach 4',
      seven,
      votes(['L1', 'Avslå'], ['L2', 'Avslå'], ['L3', 'Avslå'], ['L4', 'Avslå']),
      'Avslagen',
      { approve: 0, reject: 4, abstain: 0, waiting: 3 },
    ],
    [
      '3 approve, 3 reject, one organisation still to vote',
      seven,
      votes(['L1', 'Godkänn'], ['L2', 'Godkänn'], ['L3', 'Godkänn'], ['L4', 'Avslå'], ['L5', 'Avslå'], ['L6', 'Avslå']),
      'Pågår',
      { approve: 3, reject: 3, abstain: 0, waiting: 1 },
    ],
    [
      '3 approve and 4 abstain: Avstår never approves',
      seven,
      votes(
        ['L1', 'Godkänn'],
        ['L2', 'Godkänn'],
        ['L3', 'Godkänn'],
        ['L4', 'Avstår'],
        ['L5', 'Avstår'],
        ['L6', 'Avstår'],
        ['L7', 'Avstår'],
      ),
      'Avslagen',
      { approve: 3, reject: 0, abstain: 4, waiting: 0 },
    ],
    [
      'four ersättare approve while their ledamöter are silent: their organisations have voted',
      seven,
      votes(['E1', 'Godkänn'], ['E2', 'Godkänn'], ['E3', 'Godkänn'], ['E4', 'Godkänn']),
      'Godkänd',
      { approve: 4, reject: 0, abstain: 0, waiting: 3 },
    ],
    [
      'an ersättare approves, then the ledamot rejects: the ledamot’s vote replaces it',
      seven,
      votes(['E3', 'Godkänn'], ['L3', 'Avslå']),
      'Pågår',
      { approve: 0, reject: 1, abstain: 0, waiting: 6 },
    ],
    [
      'the ledamot voted first: the ersättare’s later vote is ignored',
      seven,
      votes(['L3', 'Avslå'], ['E3', 'Godkänn']),
      'Pågår',
      { approve: 0, reject: 1, abstain: 0, waiting: 6 },
    ],
    [
      'ledamöter and ersättare of the same organisations both voting count once per organisation',
      seven,
      votes(
        ['E1', 'Godkänn'],
        ['L1', 'Godkänn'],
        ['E2', 'Godkänn'],
        ['L2', 'Godkänn'],
        ['L3', 'Godkänn'],
        ['E3', 'Godkänn'],
      ),
      'Pågår',
      { approve: 3, reject: 0, abstain: 0, waiting: 4 },
    ],
    [
      'someone who is not on the board votes: ignored',
      seven,
      votes(['P1', 'Godkänn'], ['outsider', 'Godkänn'], ['L1', 'Avslå']),
      'Pågår',
      { approve: 0, reject: 1, abstain: 0, waiting: 6 },
    ],
    [
      'the AAD id in another case is the same person',
      seven,
      votes(['l1', 'Godkänn'], ['e2', 'Godkänn'], ['L3', 'Godkänn'], ['l4', 'Godkänn']),
      'Godkänd',
      { approve: 4, reject: 0, abstain: 0, waiting: 3 },
    ],
    [
      'a ledamot who changes their vote: the latest counts',
      seven,
      votes(['L1', 'Godkänn'], ['L1', 'Avslå']),
      'Pågår',
      { approve: 0, reject: 1, abstain: 0, waiting: 6 },
    ],
    [
      'six organisations split 3–3: no majority, Avslagen',
      board(6),
      votes(['L1', 'Godkänn'], ['L2', 'Godkänn'], ['L3', 'Godkänn'], ['L4', 'Avslå'], ['L5', 'Avslå'], ['L6', 'Avslå']),
      'Avslagen',
      { approve: 3, reject: 3, abstain: 0, waiting: 0 },
    ],
    [
      'no approvers at all: nothing can be decided',
      [],
      votes(['L1', 'Godkänn']),
      'Pågår',
      {
        approve: 0,
        reject: 0,
        abstain: 0,
        waiting: 0,
      },
    ],
  ])('%s', (...row) => {
    expectRow('En per medlemsorganisation', row);
  });

  it('of two ersättare of one organisation, the first to answer speaks for it', () => {
    const approvers = [...seven, ersattare(2, true)];
    const result = evaluate('En per medlemsorganisation', approvers, votes(['F2', 'Avslå'], ['E2', 'Godkänn']));
    expect(result.tally).toMatchObject({ approve: 0, reject: 1, waiting: 6 });
    expect(result.counted.map((cast) => cast.voterAadId)).toEqual(['F2']);
  });

  it('the ledamot’s vote counts whether it was cast before or after the ersättare’s', () => {
    const cast = [vote('L3', 'Avslå', 5), vote('E3', 'Godkänn', 1)];
    expect(evaluate('En per medlemsorganisation', seven, cast).counted).toEqual([vote('L3', 'Avslå', 5)]);
  });

  it('an organisation with only an ersättare among the approvers has no vote', () => {
    const approvers = [ledamot(1), ledamot(2), ledamot(3), ersattare(4)];
    const result = evaluate('En per medlemsorganisation', approvers, votes(['E4', 'Godkänn'], ['L1', 'Godkänn']));
    expect(result.tally).toMatchObject({ total: 3, approve: 1, waiting: 2, needed: 2 });
  });

  it('a ledamot listed twice (two rows) is still one organisation', () => {
    const approvers = [ledamot(1), ledamot(1), ledamot(2), ersattare(2), ledamot(3)];
    const result = evaluate('En per medlemsorganisation', approvers, votes(['L1', 'Godkänn'], ['L2', 'Godkänn']));
    expect(result.tally).toMatchObject({ total: 3, approve: 2, needed: 2 });
    expect(result.outcome).toBe('Godkänd');
  });

  it('a full board decision with substitutes: Region’s ersättare approves, the ledamot rejects, the rest decide', () => {
    // organisations 1–7; 3 is Region Kronoberg
    const steps: Array<[string, 'Godkänn' | 'Avslå' | 'Avstår', Outcome, number, number]> = [
      ['E3', 'Godkänn', 'Pågår', 1, 0],
      ['L3', 'Avslå', 'Pågår', 0, 1],
      ['L1', 'Godkänn', 'Pågår', 1, 1],
      ['E2', 'Godkänn', 'Pågår', 2, 1],
      ['L5', 'Avstår', 'Pågår', 2, 1],
      ['L4', 'Godkänn', 'Pågår', 3, 1],
      ['L6', 'Godkänn', 'Godkänd', 4, 1],
    ];
    const cast: CastVote[] = [];
    for (const [index, [voter, decision, outcome, approve, reject]] of steps.entries()) {
      cast.push(vote(voter, decision, index));
      const result = evaluate('En per medlemsorganisation', seven, cast);
      expect({ voter, outcome: result.outcome, approve: result.tally.approve, reject: result.tally.reject }).toEqual({
        voter,
        outcome,
        approve,
        reject,
      });
    }
  });
});

describe("'Majoritet' (beredningsgrupp of 7: 4 needed)", () => {
  const seven = group(7);

  it.each<Row>([
    ['no votes', seven, [], 'Pågår', { approve: 0, reject: 0, abstain: 0, waiting: 7 }],
    [
      'four approve',
      seven,
      votes(['P1', 'Godkänn'], ['P2', 'Godkänn'], ['P3', 'Godkänn'], ['P4', 'Godkänn']),
      'Godkänd',
      { approve: 4, reject: 0, abstain: 0, waiting: 3 },
    ],
    [
      'four reject',
      seven,
      votes(['P1', 'Avslå'], ['P2', 'Avslå'], ['P3', 'Avslå'], ['P4', 'Avslå']),
      'Avslagen',
      { approve: 0, reject: 4, abstain: 0, waiting: 3 },
    ],
    [
      'three approve, three abstain, one to go',
      seven,
      votes(
        ['P1', 'Godkänn'],
        ['P2', 'Godkänn'],
        ['P3', 'Godkänn'],
        ['P4', 'Avstår'],
        ['P5', 'Avstår'],
        ['P6', 'Avstår'],
      ),
      'Pågår',
      { approve: 3, reject: 0, abstain: 3, waiting: 1 },
    ],
    [
      'three approve, four abstain: Avstår never approves',
      seven,
      votes(
        ['P1', 'Godkänn'],
        ['P2', 'Godkänn'],
        ['P3', 'Godkänn'],
        ['P4', 'Avstår'],
        ['P5', 'Avstår'],
        ['P6', 'Avstår'],
        ['P7', 'Avstår'],
      ),
      'Avslagen',
      { approve: 3, reject: 0, abstain: 4, waiting: 0 },
    ],
    [
      'half of an even group is not a majority',
      group(6),
      votes(['P1', 'Godkänn'], ['P2', 'Godkänn'], ['P3', 'Godkänn'], ['P4', 'Avslå'], ['P5', 'Avslå'], ['P6', 'Avslå']),
      'Avslagen',
      { approve: 3, reject: 3, abstain: 0, waiting: 0 },
    ],
    [
      'outsiders’ votes are ignored',
      seven,
      votes(['X1', 'Godkänn'], ['X2', 'Godkänn'], ['X3', 'Godkänn'], ['X4', 'Godkänn'], ['P1', 'Godkänn']),
      'Pågår',
      { approve: 1, reject: 0, abstain: 0, waiting: 6 },
    ],
    [
      'one person voting four times is one vote',
      seven,
      votes(['P1', 'Godkänn'], ['p1', 'Godkänn'], ['P1', 'Godkänn'], ['P1', 'Godkänn']),
      'Pågår',
      { approve: 1, reject: 0, abstain: 0, waiting: 6 },
    ],
    [
      'a person listed twice counts once (3 people: 2 needed)',
      [...group(3), ...group(2)],
      votes(['P1', 'Godkänn'], ['P2', 'Godkänn']),
      'Godkänd',
      { approve: 2, reject: 0, abstain: 0, waiting: 1 },
    ],
    ['no approvers', [], votes(['P1', 'Godkänn']), 'Pågår', { approve: 0, reject: 0, abstain: 0, waiting: 0 }],
  ])('%s', (...row) => {
    expectRow('Majoritet', row);
  });
});

describe("'Alla' (a styrgrupp of 3)", () => {
  const three = group(3, 'Styrgrupp');

  it.each<Row>([
    ['no votes', three, [], 'Pågår', { approve: 0, reject: 0, abstain: 0, waiting: 3 }],
    [
      'two of three approve',
      three,
      votes(['P1', 'Godkänn'], ['P2', 'Godkänn']),
      'Pågår',
      {
        approve: 2,
        reject: 0,
        abstain: 0,
        waiting: 1,
      },
    ],
    [
      'everyone approves',
      three,
      votes(['P1', 'Godkänn'], ['P2', 'Godkänn'], ['P3', 'Godkänn']),
      'Godkänd',
      { approve: 3, reject: 0, abstain: 0, waiting: 0 },
    ],
    [
      'the first Avslå decides at once',
      three,
      votes(['P2', 'Avslå']),
      'Avslagen',
      {
        approve: 0,
        reject: 1,
        abstain: 0,
        waiting: 2,
      },
    ],
    [
      'one Avstår makes "everyone" impossible',
      three,
      votes(['P1', 'Godkänn'], ['P2', 'Avstår']),
      'Avslagen',
      { approve: 1, reject: 0, abstain: 1, waiting: 1 },
    ],
    [
      'an outsider’s Avslå changes nothing',
      three,
      votes(['X1', 'Avslå'], ['P1', 'Godkänn'], ['P2', 'Godkänn'], ['P3', 'Godkänn']),
      'Godkänd',
      { approve: 3, reject: 0, abstain: 0, waiting: 0 },
    ],
    [
      'a person listed twice needs to approve once',
      [...three, ...group(1, 'Styrgrupp')],
      votes(['P1', 'Godkänn'], ['P2', 'Godkänn'], ['P3', 'Godkänn']),
      'Godkänd',
      { approve: 3, reject: 0, abstain: 0, waiting: 0 },
    ],
    ['no approvers: never Godkänd by default', [], [], 'Pågår', { approve: 0, reject: 0, abstain: 0, waiting: 0 }],
  ])('%s', (...row) => {
    expectRow('Alla', row);
  });
});

describe("'Först svarande' (the förbundschef, or whoever answers first)", () => {
  const two = group(2, 'Förbundschef');

  it.each<Row>([
    ['no votes', two, [], 'Pågår', { approve: 0, reject: 0, abstain: 0, waiting: 2 }],
    [
      'a Godkänn first',
      two,
      votes(['P2', 'Godkänn'], ['P1', 'Avslå']),
      'Godkänd',
      {
        approve: 1,
        reject: 1,
        abstain: 0,
        waiting: 0,
      },
    ],
    [
      'an Avslå first',
      two,
      votes(['P1', 'Avslå'], ['P2', 'Godkänn']),
      'Avslagen',
      {
        approve: 1,
        reject: 1,
        abstain: 0,
        waiting: 0,
      },
    ],
    [
      'an Avstår first decides nothing; the next answer does',
      two,
      votes(['P1', 'Avstår'], ['P2', 'Avslå']),
      'Avslagen',
      {
        approve: 0,
        reject: 1,
        abstain: 1,
        waiting: 0,
      },
    ],
    [
      'only an Avstår: still open',
      two,
      votes(['P1', 'Avstår']),
      'Pågår',
      { approve: 0, reject: 0, abstain: 1, waiting: 1 },
    ],
    [
      'an outsider answering first does not decide',
      two,
      votes(['X1', 'Avslå'], ['P1', 'Godkänn']),
      'Godkänd',
      {
        approve: 1,
        reject: 0,
        abstain: 0,
        waiting: 1,
      },
    ],
    ['no approvers', [], votes(['P1', 'Godkänn']), 'Pågår', { approve: 0, reject: 0, abstain: 0, waiting: 0 }],
  ])('%s', (...row) => {
    expectRow('Först svarande', row);
  });

  it('the earliest instant decides, whatever the order of the list', () => {
    const cast = [vote('P1', 'Avslå', 9), vote('P2', 'Godkänn', 3)];
    expect(evaluate('Först svarande', two, cast).outcome).toBe('Godkänd');
    expect(evaluate('Först svarande', two, cast.reverse()).outcome).toBe('Godkänd');
  });

  it('needs one answer', () => {
    expect(evaluate('Först svarande', two, []).tally.needed).toBe(1);
  });
});

describe('every rule', () => {
  it.each(APPROVAL_RULES)('%s: no approvers is never a decision', (rule) => {
    const cast = votes(['L1', 'Godkänn'], ['P1', 'Godkänn']);
    expect(evaluate(rule, [], cast).outcome).toBe('Pågår');
    expect(evaluate(rule, [], cast).counted).toEqual([]);
  });
});
