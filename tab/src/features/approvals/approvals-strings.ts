/**
 * Beslut's words, Swedish first. The sentences mirror the approval card's (bot/cards/approval-card.ts)
 * so a board member reads the same tally and outcome in Teams' chat and in the tab.
 */
import type { ApprovalRule, ApprovalStage, VoteDecision } from '../../../../src/domain/vocabulary.ts';

export type TallyWords = {
  readonly unit: 'organisationer' | 'personer';
  readonly total: number;
  readonly approve: number;
  readonly reject: number;
  readonly abstain: number;
  readonly needed: number;
};

function svUnit(tally: TallyWords): string {
  if (tally.unit === 'organisationer') {
    return tally.total === 1 ? 'organisation' : 'organisationer';
  }
  return tally.total === 1 ? 'person' : 'personer';
}

function enUnit(tally: TallyWords): string {
  if (tally.unit === 'organisationer') {
    return tally.total === 1 ? 'organisation' : 'organisations';
  }
  return tally.total === 1 ? 'person' : 'people';
}

const SV_STAGE: Readonly<Record<ApprovalStage, string>> = {
  Styrelse: 'styrelsen',
  Beredningsgrupp: 'beredningsgruppen',
  Styrgrupp: 'styrgruppen',
  Förbundschef: 'förbundschefen',
  Firmatecknare: 'firmatecknarna',
};

const EN_STAGE: Readonly<Record<ApprovalStage, string>> = {
  Styrelse: 'the board',
  Beredningsgrupp: 'the preparatory group',
  Styrgrupp: 'the steering group',
  Förbundschef: 'the director',
  Firmatecknare: 'the authorised signatories',
};

const SV_RULE: Readonly<Record<ApprovalRule, string>> = {
  'En per medlemsorganisation': 'en röst per medlemsorganisation',
  Majoritet: 'mer än hälften ska godkänna',
  Alla: 'alla ska godkänna',
  'Först svarande': 'den som svarar först avgör',
};

const EN_RULE: Readonly<Record<ApprovalRule, string>> = {
  'En per medlemsorganisation': 'one vote per member organisation',
  Majoritet: 'more than half must approve',
  Alla: 'everyone must approve',
  'Först svarande': 'the first answer decides',
};

const SV_PRESENT: Readonly<Record<VoteDecision, string>> = {
  Godkänn: 'godkänner',
  Avslå: 'avslår',
  Avstår: 'avstår',
};
const SV_PAST: Readonly<Record<VoteDecision, string>> = {
  Godkänn: 'godkände',
  Avslå: 'avslog',
  Avstår: 'avstod',
};
const SV_BUTTON: Readonly<Record<VoteDecision, string>> = { Godkänn: 'Godkänn', Avslå: 'Avslå', Avstår: 'Avstår' };
const EN_PRESENT: Readonly<Record<VoteDecision, string>> = {
  Godkänn: 'approves',
  Avslå: 'rejects',
  Avstår: 'abstains',
};
const EN_PAST: Readonly<Record<VoteDecision, string>> = {
  Godkänn: 'approved',
  Avslå: 'rejected',
  Avstår: 'abstained',
};
const EN_BUTTON: Readonly<Record<VoteDecision, string>> = { Godkänn: 'Approve', Avslå: 'Reject', Avstår: 'Abstain' };

/** the server names the next stage in Swedish (`styrelsen`); the English view translates the known ones */
const EN_STAGE_TITLE: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SV_STAGE).map(([stage, title]) => [title, EN_STAGE[stage as ApprovalStage]]),
);

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const sv = {
  title: 'Beslut',
  lead: 'Beslutsärenden som väntar på din röst och ärenden du har begärt.',
  loading: 'Laddar beslutsärenden …',
  awaitingTitle: 'Väntar på din röst',
  awaitingNone: 'Inget beslutsärende väntar på din röst just nu.',
  othersTitle: 'Övriga ärenden',
  othersLead: 'Avgjorda ärenden, ärenden du har begärt och ärenden där du inte röstar.',
  emptyTitle: 'Inga beslutsärenden',
  emptyLead:
    'Här visas beslut där du röstar – i styrelsen, beredningsgruppen eller en styrgrupp – och ärenden du har begärt. Just nu finns inga.',
  delegationTitle: 'Delegationsbeslut',
  delegationLead: 'Förbundschefens beslut på delegation (mindre ändringar), nyast först. De anmäls till styrelsen.',
  delegationNone: 'Inga delegationsbeslut.',
  backToList: 'Alla beslut',
  insats: 'Insats',
  subject: 'Ärende',
  decidedBy: 'Beslutas av',
  amount: 'Belopp',
  dueDate: 'Svara senast',
  requestedBy: 'Begärt av',
  status: 'Status',
  overdue: 'Försenat',
  openInsats: 'Öppna insatsen',
  stage: (stage: ApprovalStage) => SV_STAGE[stage],
  bodyAndRule: (stage: ApprovalStage, rule: ApprovalRule) => `${capitalise(SV_STAGE[stage])} – ${SV_RULE[rule]}`,
  headline: (title: string, stage: ApprovalStage) => `Beslut: ${title} (${SV_STAGE[stage]})`,
  tally: (tally: TallyWords, rule: ApprovalRule) => {
    const voted = tally.approve + tally.reject + tally.abstain;
    const parts = (
      [
        [tally.approve, 'godkänner'],
        [tally.reject, 'avslår'],
        [tally.abstain, 'avstår'],
      ] as const
    )
      .filter(([count]) => count > 0)
      .map(([count, word]) => `${count} ${word}`);
    const counted =
      voted === 0
        ? `Ingen av ${tally.total} ${svUnit(tally)} har röstat ännu.`
        : `${voted} av ${tally.total} ${svUnit(tally)} har röstat: ${parts.join(', ')}.`;
    const needed =
      rule === 'Alla'
        ? tally.total === 1
          ? 'Godkännande behövs för beslut.'
          : `Alla ${tally.total} behöver godkänna.`
        : rule === 'Först svarande'
          ? 'Första svaret avgör.'
          : `${tally.needed} behövs för beslut.`;
    return `${counted} ${needed}`;
  },
  decidedBySentence: (tally: TallyWords) =>
    [
      `${tally.approve} av ${tally.total} ${svUnit(tally)} godkände`,
      tally.reject > 0 ? `${tally.reject} avslog` : null,
      tally.abstain > 0 ? `${tally.abstain} avstod` : null,
    ]
      .filter((part) => part !== null)
      .join(', '),
  firstDecided: (name: string, decision: VoteDecision) => `${name} ${SV_PAST[decision]}`,
  outcomeDecided: (status: string, on: string, by: string) => `Beslutat${on === '' ? '' : ` ${on}`}: ${status} – ${by}`,
  outcomeWithdrawn: (on: string, reason: string | null) =>
    reason === null
      ? `Återkallat${on === '' ? '' : ` ${on}`}: ärendet drogs tillbaka och röstningen är stängd.`
      : `Återkallat${on === '' ? '' : ` ${on}`}: ärendet drogs tillbaka (${reason}) och röstningen är stängd.`,
  outcomeExpired: (on: string, due: string | null) =>
    due === null
      ? `Utgånget${on === '' ? '' : ` ${on}`}: inget beslut fattades och röstningen är stängd.`
      : `Utgånget${on === '' ? '' : ` ${on}`}: inget beslut fattades senast ${due} och röstningen är stängd.`,
  nextStage: (title: string) => `Ärendet går vidare till ${title}.`,
  delegationNote: 'Delegationsbeslut: anmäls till styrelsen vid nästa sammanträde.',
  recommendationTitle: (stage: ApprovalStage) => `${capitalise(SV_STAGE[stage])}s rekommendation`,
  recommendation: (stage: ApprovalStage, outcome: 'Godkänd' | 'Avslagen', tally: TallyWords) =>
    `${capitalise(SV_STAGE[stage])} ${outcome === 'Godkänd' ? 'tillstyrker' : 'avstyrker'} (${outcome.toLowerCase()}): ${tally.approve} av ${tally.total} godkände${tally.reject > 0 ? `, ${tally.reject} avslog` : ''}${tally.abstain > 0 ? `, ${tally.abstain} avstod` : ''}.`,
  budgetChangeTitle: 'Budgetändring',
  budgetFrom: 'Från',
  budgetTo: 'Till',
  budgetYear: 'År',
  budgetMinor: 'Mindre ändring: förbundschefen beslutar på delegation.',
  budgetMajor: 'Större ändring: styrelsen beslutar.',
  planChangeTitle: 'Planändring',
  planMinor: 'Mindre ändring enligt delegationsordningen: förbundschefen beslutar på delegation.',
  planMajor: 'Större ändring: styrelsen beslutar.',
  votesTitle: 'Röster',
  noVotes: 'Inga röster ännu.',
  present: (decision: VoteDecision) => SV_PRESENT[decision],
  substituteCounting: 'ersättare, räknas tills ledamoten röstar',
  substituteReplaced: 'ersättare, ersatt av ledamotens röst',
  substitute: 'ersättare',
  notCounted: 'räknas inte',
  yourVoteTitle: 'Din röst',
  youVoted: (decision: VoteDecision, at: string) => `Du ${SV_PAST[decision]} ${at}.`,
  notApprover: (stage: ApprovalStage) =>
    `Ärendet väntar på ${SV_STAGE[stage]}. Du kan följa det här men inte rösta i det här steget.`,
  substituteNotNeeded:
    'Din organisation har redan röstat genom ledamoten eller en annan ersättare, så din röst behövs inte.',
  notAwaited: 'Ärendet väntar inte på din röst.',
  closedNoVote: 'Röstningen är stängd.',
  comment: 'Kommentar (frivillig)',
  commentHint: 'Syns för alla som ser ärendet. Skriv inga personuppgifter om enskilda.',
  decisionButton: (decision: VoteDecision) => SV_BUTTON[decision],
  voting: 'Registrerar din röst …',
  confirmRejectTitle: 'Avslå ärendet?',
  confirmRejectBody: (title: string) =>
    `Du röstar för att avslå "${title}". En röst kan inte ändras när den är registrerad.`,
  confirmReject: 'Ja, avslå',
  cancel: 'Avbryt',
  recorded: 'Din röst är registrerad',
  alreadyVoted: 'Du har redan röstat',
  alreadyVotedBody: 'Din tidigare röst gäller; den nya ändrade ingenting.',
  closed: 'Röstningen är stängd',
  voteFailed: 'Rösten kunde inte registreras',
  withdrawTitle: 'Återkalla ärendet',
  withdrawLead:
    'Den som begärde beslutet eller förbundschefen kan återkalla ärendet innan det är avgjort. Röstningen stängs och alla kort visar att det är återkallat.',
  withdrawReason: 'Skäl',
  withdrawButton: 'Återkalla',
  withdrawing: 'Återkallar …',
  withdrawn: 'Ärendet är återkallat.',
  withdrawFailed: 'Ärendet kunde inte återkallas',
};

const en: typeof sv = {
  title: 'Decisions',
  lead: 'Matters awaiting your vote and matters you asked for.',
  loading: 'Loading matters …',
  awaitingTitle: 'Awaiting your vote',
  awaitingNone: 'Nothing is awaiting your vote right now.',
  othersTitle: 'Other matters',
  othersLead: 'Decided matters, matters you asked for and matters in which you do not vote.',
  emptyTitle: 'No matters',
  emptyLead:
    'This lists decisions in which you vote – on the board, the preparatory group or a steering group – and matters you asked for. There are none right now.',
  delegationTitle: 'Delegated decisions',
  delegationLead: "The director's delegated decisions (minor changes), newest first. They are reported to the board.",
  delegationNone: 'No delegated decisions.',
  backToList: 'All decisions',
  insats: 'Intervention',
  subject: 'Matter',
  decidedBy: 'Decided by',
  amount: 'Amount',
  dueDate: 'Answer by',
  requestedBy: 'Requested by',
  status: 'Status',
  overdue: 'Overdue',
  openInsats: 'Open the intervention',
  stage: (stage) => EN_STAGE[stage],
  bodyAndRule: (stage, rule) => `${capitalise(EN_STAGE[stage])} – ${EN_RULE[rule]}`,
  headline: (title, stage) => `Decision: ${title} (${EN_STAGE[stage]})`,
  tally: (tally, rule) => {
    const voted = tally.approve + tally.reject + tally.abstain;
    const parts = (
      [
        [tally.approve, 'approve'],
        [tally.reject, 'reject'],
        [tally.abstain, 'abstain'],
      ] as const
    )
      .filter(([count]) => count > 0)
      .map(([count, word]) => `${count} ${word}`);
    const counted =
      voted === 0
        ? `None of ${tally.total} ${enUnit(tally)} has voted yet.`
        : `${voted} of ${tally.total} ${enUnit(tally)} have voted: ${parts.join(', ')}.`;
    const needed =
      rule === 'Alla'
        ? tally.total === 1
          ? 'Approval is needed for a decision.'
          : `All ${tally.total} must approve.`
        : rule === 'Först svarande'
          ? 'The first answer decides.'
          : `${tally.needed} needed for a decision.`;
    return `${counted} ${needed}`;
  },
  decidedBySentence: (tally) =>
    [
      `${tally.approve} of ${tally.total} ${enUnit(tally)} approved`,
      tally.reject > 0 ? `${tally.reject} rejected` : null,
      tally.abstain > 0 ? `${tally.abstain} abstained` : null,
    ]
      .filter((part) => part !== null)
      .join(', '),
  firstDecided: (name, decision) => `${name} ${EN_PAST[decision]}`,
  outcomeDecided: (status, on, by) => `Decided${on === '' ? '' : ` ${on}`}: ${status} – ${by}`,
  outcomeWithdrawn: (on, reason) =>
    reason === null
      ? `Withdrawn${on === '' ? '' : ` ${on}`}: the matter was withdrawn and voting is closed.`
      : `Withdrawn${on === '' ? '' : ` ${on}`}: the matter was withdrawn (${reason}) and voting is closed.`,
  outcomeExpired: (on, due) =>
    due === null
      ? `Expired${on === '' ? '' : ` ${on}`}: no decision was made and voting is closed.`
      : `Expired${on === '' ? '' : ` ${on}`}: no decision was made by ${due} and voting is closed.`,
  nextStage: (title) => `The matter goes on to ${EN_STAGE_TITLE[title] ?? title}.`,
  delegationNote: 'Delegated decision: reported to the board at its next meeting.',
  recommendationTitle: (stage) => `Recommendation of ${EN_STAGE[stage]}`,
  recommendation: (stage, outcome, tally) =>
    `${capitalise(EN_STAGE[stage])} ${outcome === 'Godkänd' ? 'recommends approval' : 'recommends rejection'}: ${tally.approve} of ${tally.total} approved${tally.reject > 0 ? `, ${tally.reject} rejected` : ''}${tally.abstain > 0 ? `, ${tally.abstain} abstained` : ''}.`,
  budgetChangeTitle: 'Budget change',
  budgetFrom: 'From',
  budgetTo: 'To',
  budgetYear: 'Year',
  budgetMinor: 'Minor change: the director decides on delegation.',
  budgetMajor: 'Major change: the board decides.',
  planChangeTitle: 'Plan change',
  planMinor: 'Minor change under the delegation rules: the director decides on delegation.',
  planMajor: 'Major change: the board decides.',
  votesTitle: 'Votes',
  noVotes: 'No votes yet.',
  present: (decision) => EN_PRESENT[decision],
  substituteCounting: 'deputy, counts until the member votes',
  substituteReplaced: "deputy, replaced by the member's vote",
  substitute: 'deputy',
  notCounted: 'not counted',
  yourVoteTitle: 'Your vote',
  youVoted: (decision, at) => `You ${EN_PAST[decision]} ${at}.`,
  notApprover: (stage) => `The matter awaits ${EN_STAGE[stage]}. You can follow it here but not vote at this stage.`,
  substituteNotNeeded:
    'Your organisation has already voted through its member or another deputy: your vote is not needed.',
  notAwaited: 'The matter is not awaiting your vote.',
  closedNoVote: 'Voting is closed.',
  comment: 'Comment (optional)',
  commentHint: 'Visible to everyone who sees the matter. Do not write personal data about individuals.',
  decisionButton: (decision) => EN_BUTTON[decision],
  voting: 'Recording your vote …',
  confirmRejectTitle: 'Reject the matter?',
  confirmRejectBody: (title) => `You vote to reject "${title}". A vote cannot be changed once it is recorded.`,
  confirmReject: 'Yes, reject',
  cancel: 'Cancel',
  recorded: 'Your vote is recorded',
  alreadyVoted: 'You have already voted',
  alreadyVotedBody: 'Your earlier vote stands; the new one changed nothing.',
  closed: 'Voting is closed',
  voteFailed: 'The vote could not be recorded',
  withdrawTitle: 'Withdraw the matter',
  withdrawLead:
    'Whoever asked for the decision, or the director, can withdraw the matter before it is decided. Voting closes and every card shows it as withdrawn.',
  withdrawReason: 'Reason',
  withdrawButton: 'Withdraw',
  withdrawing: 'Withdrawing …',
  withdrawn: 'The matter is withdrawn.',
  withdrawFailed: 'The matter could not be withdrawn',
};

export const approvalsStrings = { sv, en };
export type ApprovalsStrings = typeof sv;
