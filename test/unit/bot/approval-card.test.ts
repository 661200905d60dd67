// @vitest-environment happy-dom
/**
 * The approval card: every kind × status × viewer state parses in the Adaptive Cards renderer
 * without problems, shows the buttons only to an approver the approval waits for (Avstår only
 * where the rule allows it), tells a voter what they voted and when, shows the outcome to everyone
 * once decided, and refreshes for the approvers (at most 60). Also the `att besluta` and
 * `delegationsbeslut` lists and the kansli's start form.
 */
import { describe, expect, it } from 'vitest';
import { renderApprovalCard, tallyText, timeText } from '../../../bot/cards/approval-card.ts';
import { createApprovalMessages } from '../../../bot/cards/approval-messages.ts';
import { approvalStartCard } from '../../../bot/cards/approval-start-card.ts';
import { approvalsCard, delegationDecisionsCard } from '../../../bot/cards/approvals-card.ts';
import type { CardElement, JsonValue } from '../../../bot/cards/card-kit.ts';
import { FixedClock } from '../../../src/domain/clock.ts';
import { APPROVAL_STATUSES, type ApprovalStatus } from '../../../src/domain/vocabulary.ts';
import type { ApprovalMessageKind } from '../../../src/services/approvals/approval-deps.ts';
import type { ApprovalView } from '../../../src/services/approvals/approval-view.ts';
import { cardProblems } from './card-problems.ts';

const GUNILLA = '8ec5fd0f-b881-59d2-ae49-44aa221496fd';
const KARIN = '4dc56134-bb48-5d37-b76d-b9a5c3b155d3';
/** 2026-12-10 14:02 in Stockholm */
const NOW = new Date('2026-12-10T13:02:00Z');
const OPTIONS = { timeZone: 'Europe/Stockholm', now: NOW } as const;

const board: ApprovalView = {
  approvalId: '3',
  etag: '"3,1"',
  title: 'Ansökan SAMSYN – Samsyn och samhandling',
  subject: 'Ansökan',
  stage: 'Styrelse',
  rule: 'En per medlemsorganisation',
  status: 'Pågår',
  dueDate: '2026-12-17',
  amount: 850_000,
  summary: 'Gemensam kartläggning av samsjuklighet i länet.',
  requestedByName: 'Karin Vallgren',
  intervention: { id: '8', code: 'SAMSYN', title: 'SAMSYN – Samsyn och samhandling' },
  tabUrl: 'https://insatsnavet.example/?insats=8',
  recommendation: {
    stage: 'Beredningsgrupp',
    outcome: 'Godkänd',
    tally: { unit: 'personer', total: 7, approve: 5, reject: 1, abstain: 0, waiting: 1, needed: 4 },
    comments: [{ name: 'Helena Rydberg', decision: 'Godkänn', comment: 'Tydligt behov i målgruppen.' }],
  },
  budgetChange: null,
  planChange: null,
  tally: { unit: 'organisationer', total: 7, approve: 3, reject: 1, abstain: 0, waiting: 3, needed: 4 },
  votes: [
    {
      name: 'Henrik Blom',
      orgName: 'Region Kronoberg',
      decision: 'Godkänn',
      at: '2026-12-09T08:15:00Z',
      comment: null,
      counted: true,
      substitute: true,
    },
    {
      name: 'Lars Nyström',
      orgName: 'Växjö kommun',
      decision: 'Avslå',
      at: '2026-12-10T12:30:00Z',
      comment: 'Finansieringen efter 2027 är oklar.',
      counted: true,
      substitute: false,
    },
  ],
  approverIds: [GUNILLA, KARIN],
  viewer: {
    aadObjectId: GUNILLA,
    approver: {
      aadObjectId: GUNILLA,
      name: 'Gunilla Axelsson',
      role: 'Styrelseledamot',
      memberOrgId: '2',
      substitute: false,
    },
    myVote: null,
    awaited: true,
    allowedDecisions: ['Godkänn', 'Avslå', 'Avstår'],
  },
  decidedAt: null,
  nextStageTitle: null,
  delegationDecision: false,
  withdrawnReason: null,
  agreement: null,
};

const budgetChange: ApprovalView = {
  ...board,
  approvalId: '12',
  title: 'Budgetändring NOVA – flytt 40 000 kr från Övrigt till Personal 2027',
  subject: 'Budgetändring',
  stage: 'Förbundschef',
  rule: 'Först svarande',
  amount: 40_000,
  intervention: { id: '1', code: 'NOVA', title: 'NOVA – nya vägar för unga vuxna' },
  recommendation: null,
  budgetChange: {
    year: 2027,
    moves: [{ from: 'Övrigt', to: 'Personal', amount: 40_000 }],
    minor: true,
    reasons: ['Flytten är 7,5 % av årets budget (gränsen är 10 %).'],
  },
  tally: { unit: 'personer', total: 1, approve: 0, reject: 0, abstain: 0, waiting: 1, needed: 1 },
  votes: [],
  approverIds: [KARIN],
  viewer: {
    aadObjectId: KARIN,
    approver: {
      aadObjectId: KARIN,
      name: 'Karin Vallgren',
      role: 'Förbundschef',
      memberOrgId: null,
      substitute: false,
    },
    myVote: null,
    awaited: true,
    allowedDecisions: ['Godkänn', 'Avslå'],
  },
};

const planChange: ApprovalView = {
  ...budgetChange,
  approvalId: '13',
  title: 'Planändring NOVA',
  subject: 'Planändring',
  stage: 'Styrgrupp',
  rule: 'Alla',
  budgetChange: null,
  planChange: { description: 'Gruppträffarna flyttas från tisdagar till torsdagar.', minor: true },
  tally: { unit: 'personer', total: 3, approve: 1, reject: 0, abstain: 0, waiting: 2, needed: 3 },
};

type ViewerState = 'awaited' | 'voted' | 'substitute replaced' | 'reader';

function asViewer(view: ApprovalView, state: ViewerState): ApprovalView {
  switch (state) {
    case 'awaited':
      return view;
    case 'voted':
      return {
        ...view,
        viewer: {
          ...view.viewer,
          myVote: { decision: 'Godkänn', at: '2026-12-10T13:02:00Z' },
          awaited: false,
          allowedDecisions: [],
        },
      };
    case 'substitute replaced':
      return {
        ...view,
        viewer: {
          ...view.viewer,
          approver:
            view.viewer.approver === null
              ? null
              : { ...view.viewer.approver, substitute: true, role: 'Styrelseersättare' },
          awaited: false,
          allowedDecisions: [],
        },
      };
    case 'reader':
      return {
        ...view,
        viewer: { aadObjectId: KARIN, approver: null, myVote: null, awaited: false, allowedDecisions: [] },
      };
  }
}

function withStatus(view: ApprovalView, status: ApprovalStatus): ApprovalView {
  if (status === 'Pågår') {
    return view;
  }
  const closed = { ...view, status, decidedAt: '2026-12-10T13:30:00Z' };
  // a closed approval awaits nobody: the services say so in the view
  return { ...closed, viewer: { ...closed.viewer, awaited: false, allowedDecisions: [] } };
}

function actionsOf(value: JsonValue | CardElement): CardElement[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: JsonValue) => actionsOf(item));
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  const object = value as { readonly [key: string]: JsonValue };
  const own = typeof object.type === 'string' && object.type.startsWith('Action.') ? [object] : [];
  return [...own, ...Object.entries(object).flatMap(([key, inner]) => (key === 'refresh' ? [] : actionsOf(inner)))];
}

const voteButtons = (card: unknown): string[] =>
  actionsOf(card as JsonValue)
    .filter((action) => action.verb === 'beslut.rosta')
    .map((action) => String(action.title));

const KINDS: ReadonlyArray<ApprovalMessageKind | undefined> = [
  undefined,
  'request',
  'reminder',
  'outcome',
  'requester-outcome',
  'expired',
];
const STATES: readonly ViewerState[] = ['awaited', 'voted', 'substitute replaced', 'reader'];
const SUBJECTS: ReadonlyArray<readonly [string, ApprovalView]> = [
  ['board application', board],
  ['budget change', budgetChange],
  ['plan change', planChange],
];

describe('renderApprovalCard', () => {
  const combinations = SUBJECTS.flatMap(([subject, view]) =>
    KINDS.flatMap((kind) =>
      APPROVAL_STATUSES.flatMap((status) =>
        STATES.map((state) => [subject, kind ?? 'none', status, state, view, kind] as const),
      ),
    ),
  );

  it.each(combinations)('%s, kind %s, %s, viewer %s: parses without problems', (_s, _k, status, state, view, kind) => {
    const card = renderApprovalCard(asViewer(withStatus(view, status), state), {
      ...OPTIONS,
      ...(kind ? { kind } : {}),
    });
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
    expect(card.refresh.action).toEqual({
      type: 'Action.Execute',
      verb: 'beslut.visa',
      data: { approvalId: view.approvalId },
    });
    for (const action of actionsOf(card as unknown as JsonValue)) {
      expect(['Action.Execute', 'Action.OpenUrl']).toContain(action.type);
    }
    const buttons = voteButtons(card);
    if (status === 'Pågår' && state === 'awaited') {
      expect(buttons.length).toBeGreaterThan(0);
    } else {
      expect(buttons).toEqual([]);
    }
  });

  it('gives an awaited board member Godkänn, Avslå and Avstår with the comment field, naming only the approval', () => {
    const card = renderApprovalCard(board, OPTIONS);
    expect(voteButtons(card)).toEqual(['Godkänn', 'Avslå', 'Avstår']);
    const votes = actionsOf(card as unknown as JsonValue).filter((action) => action.verb === 'beslut.rosta');
    expect(votes.map((action) => action.data)).toEqual([
      { approvalId: '3', beslut: 'Godkänn' },
      { approvalId: '3', beslut: 'Avslå' },
      { approvalId: '3', beslut: 'Avstår' },
    ]);
    expect(votes.map((action) => action.style)).toEqual(['positive', 'destructive', undefined]);
    expect(JSON.stringify(card)).toContain('"id":"kommentar"');
  });

  it('offers no Avstår where the rule does not allow it', () => {
    expect(voteButtons(renderApprovalCard(budgetChange, OPTIONS))).toEqual(['Godkänn', 'Avslå']);
  });

  it('shows what is to be decided: insats, body and rule in words, amount, reply-by day, requester, summary, link', () => {
    const card = renderApprovalCard(board, OPTIONS);
    const json = JSON.stringify(card);
    expect(json).toContain('Beslut: Ansökan SAMSYN – Samsyn och samhandling (styrelsen)');
    expect(json).toContain('styrelsen – en röst per medlemsorganisation');
    expect(json).toContain('850\u00a0000\u00a0kr');
    expect(json).toContain('torsdag 2026-12-17');
    expect(json).toContain('Karin Vallgren');
    expect(json).toContain('Gemensam kartläggning');
    expect(actionsOf(card as unknown as JsonValue)).toContainEqual({
      type: 'Action.OpenUrl',
      title: 'Öppna insatsen',
      url: 'https://insatsnavet.example/?insats=8',
    });
  });

  it('shows the beredningsgrupp’s recommendation with its tally and comments', () => {
    const json = JSON.stringify(renderApprovalCard(board, OPTIONS));
    expect(json).toContain('Beredningsgruppens rekommendation');
    expect(json).toContain('tillstyrker (godkänd): 5 av 7 godkände, 1 avslog');
    expect(json).toContain('Tydligt behov i målgruppen.');
  });

  it('shows the tally to everyone and marks an ersättare’s vote by whether it counts', () => {
    const reader = JSON.stringify(renderApprovalCard(asViewer(board, 'reader'), OPTIONS));
    expect(reader).toContain('4 av 7 organisationer har röstat: 3 godkänner, 1 avslår. 4 behövs för beslut.');
    expect(reader).toContain(
      'Henrik Blom, Region Kronoberg: godkänner 2026-12-09 09:15 (ersättare, räknas tills ledamoten röstar)',
    );
    expect(reader).toContain('Lars Nyström, Växjö kommun: avslår 13:30');
    expect(reader).toContain('Finansieringen efter 2027 är oklar.');
    const replaced = renderApprovalCard(
      { ...board, votes: board.votes.map((vote) => (vote.substitute ? { ...vote, counted: false } : vote)) },
      OPTIONS,
    );
    expect(JSON.stringify(replaced)).toContain('(ersättare, ersatt av ledamotens röst)');
  });

  it('tells a voter what they voted and when, without buttons', () => {
    const json = JSON.stringify(renderApprovalCard(asViewer(board, 'voted'), OPTIONS));
    expect(json).toContain('Du godkände 14:02.');
    const yesterday = renderApprovalCard(asViewer(board, 'voted'), {
      ...OPTIONS,
      now: new Date('2026-12-11T09:00:00Z'),
    });
    expect(JSON.stringify(yesterday)).toContain('Du godkände 2026-12-10 14:02.');
  });

  it('tells an ersättare whose organisation has voted that their vote is not needed', () => {
    const json = JSON.stringify(renderApprovalCard(asViewer(board, 'substitute replaced'), OPTIONS));
    expect(json).toContain('Din organisation har redan röstat');
  });

  it('shows the outcome prominently to everyone once decided, withdrawn or expired', () => {
    const decided = {
      ...withStatus(board, 'Godkänd'),
      tally: { unit: 'organisationer', total: 7, approve: 5, reject: 1, abstain: 0, waiting: 1, needed: 4 },
    } as const;
    const json = JSON.stringify(renderApprovalCard(asViewer(decided, 'reader'), OPTIONS));
    expect(json).toContain('Beslutat 2026-12-10: Godkänd – 5 av 7 organisationer godkände, 1 avslog');
    expect(json).toContain('Godkänd: Ansökan SAMSYN');
    expect(json).not.toContain('väntar på styrelsen');
    expect(JSON.stringify(renderApprovalCard(withStatus(board, 'Återkallad'), OPTIONS))).toContain(
      'Återkallat 2026-12-10: ärendet drogs tillbaka',
    );
    expect(JSON.stringify(renderApprovalCard(withStatus(board, 'Utgången'), OPTIONS))).toContain(
      'Utgånget 2026-12-10: inget beslut fattades senast torsdag 2026-12-17',
    );
    const first = {
      ...withStatus(budgetChange, 'Godkänd'),
      votes: [
        {
          name: 'Karin Vallgren',
          orgName: null,
          decision: 'Godkänn',
          at: '2026-12-10T13:30:00Z',
          comment: null,
          counted: true,
          substitute: false,
        },
      ],
      delegationDecision: true,
    } as const;
    const delegation = JSON.stringify(renderApprovalCard(first, OPTIONS));
    expect(delegation).toContain('Beslutat 2026-12-10: Godkänd – Karin Vallgren godkände');
    expect(delegation).toContain('Delegationsbeslut: anmäls till styrelsen');
  });

  it('says where a decided stage went next', () => {
    const recommended = {
      ...withStatus(board, 'Godkänd'),
      stage: 'Beredningsgrupp',
      nextStageTitle: 'styrelsen',
    } as const;
    expect(JSON.stringify(renderApprovalCard(recommended, OPTIONS))).toContain('Ärendet går vidare till styrelsen.');
  });

  it('shows a budget change as a table with the delegation verdict and its reasons', () => {
    const json = JSON.stringify(renderApprovalCard(budgetChange, OPTIONS));
    expect(json).toContain('"type":"Table"');
    expect(json).toContain('Övrigt');
    expect(json).toContain('40\u00a0000\u00a0kr');
    expect(json).toContain('Mindre ändring: förbundschefen beslutar på delegation.');
    expect(json).toContain('7,5 %');
    const major = renderApprovalCard(
      { ...budgetChange, budgetChange: { year: 2027, moves: [], minor: false, reasons: [] } },
      OPTIONS,
    );
    expect(JSON.stringify(major)).toContain('Större ändring: styrelsen beslutar.');
  });

  it('puts a reminder’s reply-by day in the heading while the approver has not voted', () => {
    const reminder = renderApprovalCard(board, { ...OPTIONS, kind: 'reminder' });
    expect(JSON.stringify(reminder)).toContain('Påminnelse: svara senast torsdag 2026-12-17');
    const after = renderApprovalCard(asViewer(board, 'voted'), { ...OPTIONS, kind: 'reminder' });
    expect(JSON.stringify(after)).not.toContain('Påminnelse');
  });

  it('refreshes for the approvers, at most 60 of them', () => {
    expect(renderApprovalCard(board, OPTIONS).refresh.userIds).toEqual([GUNILLA, KARIN]);
    const many = Array.from({ length: 75 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    expect(renderApprovalCard({ ...board, approverIds: many }, OPTIONS).refresh.userIds).toHaveLength(60);
  });

  it('shows a notice and an error when given', () => {
    const json = JSON.stringify(
      renderApprovalCard(board, {
        ...OPTIONS,
        notice: 'Du har redan röstat – din röst ändras inte.',
        noticeTone: 'warning',
        error: 'Kommentaren är för lång.',
      }),
    );
    expect(json).toContain('"color":"Warning"');
    expect(json).toContain('Kommentaren är för lång.');
  });

  it('escapes Markdown in names and texts', () => {
    const json = JSON.stringify(renderApprovalCard({ ...board, summary: 'Se *viktigt* [länk]' }, OPTIONS));
    expect(json).toContain('Se \\\\*viktigt\\\\* \\\\[länk\\\\]');
  });
});

describe('tallyText', () => {
  it.each([
    [
      board.tally,
      'En per medlemsorganisation',
      '4 av 7 organisationer har röstat: 3 godkänner, 1 avslår. 4 behövs för beslut.',
    ],
    [
      { unit: 'organisationer', total: 7, approve: 0, reject: 0, abstain: 0, waiting: 7, needed: 4 },
      'En per medlemsorganisation',
      'Ingen av 7 organisationer har röstat ännu. 4 behövs för beslut.',
    ],
    [planChange.tally, 'Alla', '1 av 3 personer har röstat: 1 godkänner. Alla 3 behöver godkänna.'],
    [
      { unit: 'personer', total: 7, approve: 2, reject: 1, abstain: 1, waiting: 3, needed: 4 },
      'Majoritet',
      '4 av 7 personer har röstat: 2 godkänner, 1 avslår, 1 avstår. 4 behövs för beslut.',
    ],
    [budgetChange.tally, 'Först svarande', 'Ingen av 1 person har röstat ännu. Första svaret avgör.'],
  ] as const)('%j under %s', (tally, rule, expected) => {
    expect(tallyText(tally, rule)).toBe(expected);
  });
});

describe('timeText', () => {
  it('writes the time in Stockholm, with the date when it was not today', () => {
    expect(timeText('2026-12-10T13:02:00Z', 'Europe/Stockholm', NOW)).toBe('14:02');
    expect(timeText('2026-07-01T10:00:00Z', 'Europe/Stockholm', NOW)).toBe('2026-07-01 12:00');
  });
});

describe('createApprovalMessages', () => {
  it('sends the card with a summary and no text beside it (Teams would refuse to update it)', () => {
    const messages = createApprovalMessages({ timeZone: 'Europe/Stockholm', clock: new FixedClock(NOW) });
    const message = messages.approvalMessage({ kind: 'request', view: board });
    expect(message.text).toBeUndefined();
    expect(message.summary).toBe('Beslut: Ansökan SAMSYN – Samsyn och samhandling (styrelsen)');
    expect(cardProblems(message.card)).toEqual([]);
    const outcome = messages.approvalMessage({ kind: 'requester-outcome', view: withStatus(board, 'Avslagen') });
    expect(outcome.summary).toBe('Ditt ärende är avgjort: Ansökan SAMSYN – Samsyn och samhandling');
  });
});

describe('the approval lists', () => {
  const requested = { ...planChange, viewer: { ...planChange.viewer, awaited: false, allowedDecisions: [] } };

  it('att besluta: what waits for the vote first, each with an Öppna button, then what the person asked for', () => {
    const card = approvalsCard([board, requested]);
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('1 ärende väntar på din röst.');
    expect(json).toContain(
      'Styrelse (en per medlemsorganisation) · senast torsdag 2026-12-17 · du röstar som ledamot i styrelsen',
    );
    expect(json).toContain('Pågående ärenden du har begärt');
    expect(json.indexOf('SAMSYN')).toBeLessThan(json.indexOf('Planändring NOVA'));
    const open = actionsOf(card as unknown as JsonValue).filter((action) => action.verb === 'beslut.visa');
    expect(open.map((action) => [action.title, action.data])).toEqual([
      ['Öppna', { approvalId: '3' }],
      ['Öppna', { approvalId: '13' }],
    ]);
  });

  it('att besluta with nothing waiting says so', () => {
    const card = approvalsCard([]);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Inga beslutsärenden väntar på din röst just nu.');
  });

  it('delegationsbeslut lists the decisions newest first with their outcome', () => {
    const older = {
      ...withStatus(budgetChange, 'Godkänd'),
      approvalId: '20',
      decidedAt: '2026-10-01T08:00:00Z',
      delegationDecision: true,
    };
    const newer = {
      ...withStatus(planChange, 'Avslagen'),
      approvalId: '21',
      decidedAt: '2026-11-01T08:00:00Z',
      delegationDecision: true,
    };
    const card = delegationDecisionsCard([older, newer], 'Europe/Stockholm');
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('2 beslut som förbundschefen har fattat på delegation');
    expect(json.indexOf('Beslutat 2026-11-01')).toBeLessThan(json.indexOf('Beslutat 2026-10-01'));
    expect(JSON.stringify(delegationDecisionsCard([], 'Europe/Stockholm'))).toContain('Inga delegationsbeslut');
  });
});

describe('the start form', () => {
  it('parses, asks for the kind, summary, amount, reply-by day and one budget move, and names the insats', () => {
    const card = approvalStartCard({
      intervention: { code: 'NOVA', title: 'NOVA – nya vägar för unga vuxna' },
      defaultYear: 2027,
    });
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    for (const id of [
      'arendetyp',
      'sammanfattning',
      'belopp',
      'svaraSenast',
      'ar',
      'franPost',
      'tillPost',
      'flyttbelopp',
    ]) {
      expect(json).toContain(`"id":"${id}"`);
    }
    expect(json).toContain('Budgetändring');
    expect(json).toContain('Planändring');
    const submit = actionsOf(card as unknown as JsonValue).find((action) => action.verb === 'beslut.starta');
    expect(submit?.data).toEqual({ insats: 'NOVA' });
  });

  it('comes back with the error and what was typed', () => {
    const card = approvalStartCard({
      intervention: { code: 'NOVA', title: 'NOVA – nya vägar för unga vuxna' },
      defaultYear: 2027,
      entered: { sammanfattning: 'Flytt till personal', flyttbelopp: '40 000' },
      error: { message: 'Uppgifterna är inte giltiga.', details: ['Posten Övrigt skulle bli negativ.'] },
    });
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('Posten Övrigt skulle bli negativ.');
    expect(json).toContain('"value":"Flytt till personal"');
    expect(json).toContain('"value":40000');
  });
});
