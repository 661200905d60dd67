/**
 * One approval (beslutsärende) as one person sees it: what is to be decided, by whom and under
 * which rule, the tally everyone sees, the votes so far, and — for an approver the approval is
 * waiting for — a comment field and the buttons. The card refreshes itself for every approver
 * (`refresh.userIds`), so a card opened after the decision shows the outcome, not the buttons.
 */
import type { Tally } from '../../src/domain/approvals/approval-model.ts';
import { formatDate, formatKr } from '../../src/domain/format.ts';
import type { ApprovalRule, ApprovalStage, VoteDecision } from '../../src/domain/vocabulary.ts';
import type { ApprovalMessageKind } from '../../src/services/approvals/approval-deps.ts';
import type { ApprovalView } from '../../src/services/approvals/approval-view.ts';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  escapeMarkdown,
  facts,
  heading,
  nameWithCode,
  text,
} from './card-kit.ts';
import { dayText } from './period-text.ts';

export const APPROVAL_VIEW_VERB = 'beslut.visa';
export const APPROVAL_VOTE_VERB = 'beslut.rosta';
export const APPROVAL_START_VERB = 'beslut.starta';
/** the id of the optional comment input */
export const APPROVAL_COMMENT_FIELD = 'kommentar';

/** Teams refreshes a card automatically for at most 60 users */
export const MAX_REFRESH_USERS = 60;

const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

export type ApprovalCardOptions = {
  readonly kind?: ApprovalMessageKind;
  /** what just happened, shown first: "Din röst är registrerad 14:02." */
  readonly notice?: string;
  readonly noticeTone?: 'good' | 'warning';
  /** a refused vote's message (a comment that is too long …) */
  readonly error?: string;
  /** the förbund's time zone, for "Du godkände 14:02" */
  readonly timeZone?: string;
  /** now, to write a vote's time without its date when it was today */
  readonly now?: Date;
};

export type ApprovalCard = AdaptiveCard & {
  readonly refresh: {
    readonly action: {
      readonly type: 'Action.Execute';
      readonly verb: typeof APPROVAL_VIEW_VERB;
      readonly data: { readonly approvalId: string };
    };
    readonly userIds: readonly string[];
  };
};

/** the body that decides, in the definite form a sentence needs */
export const STAGE_WORDS: Readonly<Record<ApprovalStage, string>> = {
  Styrelse: 'styrelsen',
  Beredningsgrupp: 'beredningsgruppen',
  Styrgrupp: 'styrgruppen',
  Förbundschef: 'förbundschefen',
  Firmatecknare: 'firmatecknarna',
};

export const RULE_WORDS: Readonly<Record<ApprovalRule, string>> = {
  'En per medlemsorganisation': 'en röst per medlemsorganisation',
  Majoritet: 'mer än hälften ska godkänna',
  Alla: 'alla ska godkänna',
  'Först svarande': 'den som svarar först avgör',
};

/** "godkänner" in the tally and the vote list */
const DECISION_PRESENT: Readonly<Record<VoteDecision, string>> = {
  Godkänn: 'godkänner',
  Avslå: 'avslår',
  Avstår: 'avstår',
};

/** "Du godkände 14:02" */
const DECISION_PAST: Readonly<Record<VoteDecision, string>> = {
  Godkänn: 'godkände',
  Avslå: 'avslog',
  Avstår: 'avstod',
};

const BUTTONS: ReadonlyArray<readonly [VoteDecision, string | null]> = [
  ['Godkänn', 'positive'],
  ['Avslå', 'destructive'],
  ['Avstår', null],
];

/** "styrelsen – en röst per medlemsorganisation" */
export function bodyAndRule(view: Pick<ApprovalView, 'stage' | 'rule'>): string {
  return `${STAGE_WORDS[view.stage]} – ${RULE_WORDS[view.rule]}`;
}

/** the approval's title with the insats's code in it, so a preview names the insats */
function titleWithCode(view: ApprovalView): string {
  return view.intervention === null ? view.title : nameWithCode(view.intervention.code, view.title);
}

/** the heading and, when useful, a line under it; the heading is also the message's summary */
export function approvalHeadline(
  view: ApprovalView,
  kind: ApprovalMessageKind | undefined,
): { readonly title: string; readonly subtitle: string | null } {
  const title = titleWithCode(view);
  if (view.status === 'Pågår' && view.agreement !== null && view.agreement !== undefined && kind !== 'reminder') {
    return { title: `Underteckna: ${title}`, subtitle: null };
  }
  if (view.status === 'Pågår') {
    if (kind === 'reminder' && view.viewer.awaited && view.dueDate !== null) {
      return {
        title: `Påminnelse: svara senast ${dayText(view.dueDate)}`,
        subtitle: `${title} (${STAGE_WORDS[view.stage]})`,
      };
    }
    return { title: `Beslut: ${title} (${STAGE_WORDS[view.stage]})`, subtitle: null };
  }
  const mine = kind === 'requester-outcome';
  switch (view.status) {
    case 'Godkänd':
    case 'Avslagen':
      return {
        title: mine ? `Ditt ärende är avgjort: ${title}` : `${view.status}: ${title}`,
        subtitle: mine ? `${capitalise(STAGE_WORDS[view.stage])} har beslutat: ${view.status}.` : null,
      };
    case 'Återkallad':
      return { title: `Återkallat: ${title}`, subtitle: null };
    case 'Utgången':
      return {
        title: mine || kind === 'expired' ? `Utgånget utan beslut: ${title}` : `Utgånget: ${title}`,
        subtitle: null,
      };
  }
}

export function renderApprovalCard(view: ApprovalView, options: ApprovalCardOptions = {}): ApprovalCard {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const now = options.now ?? new Date();
  const headline = approvalHeadline(view, options.kind);
  const body: CardElement[] = [];
  if (options.notice !== undefined) {
    body.push({
      type: 'TextBlock',
      text: escapeMarkdown(options.notice),
      wrap: true,
      weight: 'Bolder',
      color: options.noticeTone === 'warning' ? 'Warning' : 'Good',
    });
  }
  body.push(heading(escapeMarkdown(headline.title)));
  if (headline.subtitle !== null) {
    body.push(text(escapeMarkdown(headline.subtitle), { subtle: true }));
  }
  const outcome = outcomeText(view, timeZone);
  if (outcome !== null) {
    body.push(outcomeBox(view, outcome));
  }
  body.push(facts(factRows(view)));
  if (view.summary !== null && view.summary.trim() !== '') {
    body.push(text(escapeMarkdown(view.summary)));
  }
  if (view.recommendation !== null) {
    body.push(recommendationBlock(view.recommendation));
  }
  if (view.budgetChange !== null) {
    body.push(budgetChangeBlock(view.budgetChange));
  }
  if (view.planChange !== null) {
    body.push(planChangeBlock(view.planChange));
  }
  const agreement = view.agreement ?? null;
  if (agreement !== null) {
    body.push(...agreementBlocks(view, agreement, timeZone));
  }
  body.push(text(tallyText(view.tally, view.rule), { bold: true, separator: true }));
  if (view.votes.length > 0) {
    body.push(votesBlock(view, timeZone, now));
  }
  if (options.error !== undefined) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: [
        { type: 'TextBlock', text: escapeMarkdown(options.error), wrap: true, weight: 'Bolder', color: 'Attention' },
      ],
    });
  }

  const actions: CardElement[] = [];
  const voting = view.status === 'Pågår' && view.viewer.awaited;
  if (voting && agreement !== null) {
    body.push(...signingInputs());
    actions.push(...signingButtons(view, agreement));
  } else if (voting) {
    body.push({
      type: 'Input.Text',
      id: APPROVAL_COMMENT_FIELD,
      label: 'Kommentar (frivillig)',
      isMultiline: true,
      maxLength: 2000,
      placeholder: 'Syns för alla som ser ärendet. Skriv inga personuppgifter om enskilda.',
      separator: true,
    });
    for (const [decision, style] of BUTTONS) {
      if (view.viewer.allowedDecisions.includes(decision)) {
        actions.push({
          type: 'Action.Execute',
          title: decision,
          verb: APPROVAL_VOTE_VERB,
          data: { approvalId: view.approvalId, beslut: decision },
          associatedInputs: 'auto',
          ...(style === null ? {} : { style }),
        });
      }
    }
  } else {
    const state = viewerStateText(view, timeZone, now);
    if (state !== null) {
      body.push(text(escapeMarkdown(state), { bold: true, separator: true }));
    }
  }
  if (agreement !== null) {
    actions.push(...agreementLinks(agreement));
  }
  if (view.tabUrl !== null) {
    actions.push({ type: 'Action.OpenUrl', title: 'Öppna insatsen', url: view.tabUrl });
  }

  const base = card(fallbackText(view, headline, outcome), body, actions);
  return {
    ...base,
    refresh: {
      action: { type: 'Action.Execute', verb: APPROVAL_VIEW_VERB, data: { approvalId: view.approvalId } },
      userIds: view.approverIds.slice(0, MAX_REFRESH_USERS),
    },
  };
}

function factRows(view: ApprovalView): Array<readonly [string, string]> {
  const rows: Array<readonly [string, string]> = [];
  if (view.intervention !== null) {
    rows.push(['Insats', nameWithCode(view.intervention.code, view.intervention.title)]);
  }
  rows.push(['Ärende', view.subject]);
  rows.push(['Beslutas av', bodyAndRule(view)]);
  if (view.amount !== null) {
    rows.push(['Belopp', formatKr(view.amount)]);
  }
  if (view.dueDate !== null) {
    rows.push(['Svara senast', dayText(view.dueDate)]);
  }
  if (view.requestedByName !== null) {
    rows.push(['Begärt av', view.requestedByName]);
  }
  rows.push(['Status', view.status]);
  // facts() escapes the values: a title must not turn into formatting
  return rows;
}

/** "4 av 7 organisationer har röstat: 3 godkänner, 1 avslår. 4 behövs för beslut." */
export function tallyText(tally: Tally, rule: ApprovalRule): string {
  const voted = tally.approve + tally.reject + tally.abstain;
  const unit =
    tally.unit === 'organisationer'
      ? tally.total === 1
        ? 'organisation'
        : 'organisationer'
      : tally.total === 1
        ? 'person'
        : 'personer';
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
      ? `Ingen av ${tally.total} ${unit} har röstat ännu.`
      : `${voted} av ${tally.total} ${unit} har röstat: ${parts.join(', ')}.`;
  return `${counted} ${neededText(tally, rule)}`;
}

function neededText(tally: Tally, rule: ApprovalRule): string {
  switch (rule) {
    case 'Alla':
      return tally.total === 1 ? 'Godkännande behövs för beslut.' : `Alla ${tally.total} behöver godkänna.`;
    case 'Först svarande':
      return 'Första svaret avgör.';
    default:
      return `${tally.needed} behövs för beslut.`;
  }
}

/** the outcome in one line, for a closed approval; null while it is open */
export function outcomeText(view: ApprovalView, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  const on = view.decidedAt === null ? '' : ` ${formatDate(view.decidedAt, timeZone)}`;
  switch (view.status) {
    case 'Pågår':
      return null;
    case 'Godkänd':
    case 'Avslagen':
      return `Beslutat${on}: ${view.status} – ${decidedBy(view)}`;
    case 'Återkallad':
      return view.withdrawnReason === null || view.withdrawnReason.trim() === ''
        ? `Återkallat${on}: ärendet drogs tillbaka och röstningen är stängd.`
        : `Återkallat${on}: ärendet drogs tillbaka (${view.withdrawnReason.trim()}) och röstningen är stängd.`;
    case 'Utgången':
      return view.dueDate === null
        ? `Utgånget${on}: inget beslut fattades och röstningen är stängd.`
        : `Utgånget${on}: inget beslut fattades senast ${dayText(view.dueDate)} och röstningen är stängd.`;
  }
}

/** "5 av 7 organisationer godkände", or under 'Först svarande' who decided */
function decidedBy(view: ApprovalView): string {
  const { tally } = view;
  if (view.rule === 'Först svarande') {
    const first = [...view.votes]
      .filter((vote) => vote.counted && vote.decision !== 'Avstår')
      .sort((a, b) => a.at.localeCompare(b.at))[0];
    if (first !== undefined) {
      return `${first.name} ${DECISION_PAST[first.decision]}`;
    }
  }
  const unit =
    tally.unit === 'organisationer'
      ? tally.total === 1
        ? 'organisation'
        : 'organisationer'
      : tally.total === 1
        ? 'person'
        : 'personer';
  const rest = [
    tally.reject > 0 ? `${tally.reject} avslog` : null,
    tally.abstain > 0 ? `${tally.abstain} avstod` : null,
  ].filter((part) => part !== null);
  return [`${tally.approve} av ${tally.total} ${unit} godkände`, ...rest].join(', ');
}

function outcomeBox(view: ApprovalView, outcome: string): CardElement {
  const tone = view.status === 'Godkänd' ? 'good' : view.status === 'Avslagen' ? 'attention' : 'warning';
  const color = tone === 'good' ? 'Good' : tone === 'attention' ? 'Attention' : 'Warning';
  const items: CardElement[] = [
    { type: 'TextBlock', text: escapeMarkdown(outcome), wrap: true, weight: 'Bolder', size: 'Medium', color },
  ];
  if (view.nextStageTitle !== null) {
    items.push({
      type: 'TextBlock',
      text: `Ärendet går vidare till ${escapeMarkdown(view.nextStageTitle)}.`,
      wrap: true,
    });
  }
  if (view.delegationDecision) {
    items.push({
      type: 'TextBlock',
      text: 'Delegationsbeslut: anmäls till styrelsen vid nästa sammanträde.',
      wrap: true,
    });
  }
  return { type: 'Container', style: tone, spacing: 'Medium', items };
}

function recommendationBlock(recommendation: NonNullable<ApprovalView['recommendation']>): CardElement {
  const verdict = recommendation.outcome === 'Godkänd' ? 'tillstyrker' : 'avstyrker';
  const { tally } = recommendation;
  const items: CardElement[] = [
    text(`${capitalise(STAGE_WORDS[recommendation.stage])}s rekommendation`, { bold: true }),
    text(
      `${capitalise(STAGE_WORDS[recommendation.stage])} ${verdict} (${recommendation.outcome.toLowerCase()}): ${tally.approve} av ${tally.total} godkände${tally.reject > 0 ? `, ${tally.reject} avslog` : ''}${tally.abstain > 0 ? `, ${tally.abstain} avstod` : ''}.`,
    ),
  ];
  for (const comment of recommendation.comments) {
    items.push(
      text(
        `${escapeMarkdown(comment.name)} (${DECISION_PRESENT[comment.decision]}): ”${escapeMarkdown(comment.comment)}”`,
        {
          subtle: true,
        },
      ),
    );
  }
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

function budgetChangeBlock(change: NonNullable<ApprovalView['budgetChange']>): CardElement {
  const headers = ['Från', 'Till', 'Belopp', 'År'];
  const rows = change.moves.map((move) => [move.from, move.to, formatKr(move.amount), String(change.year)]);
  const verdict = change.minor
    ? 'Mindre ändring: förbundschefen beslutar på delegation.'
    : 'Större ändring: styrelsen beslutar.';
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      text('Budgetändring', { bold: true }),
      {
        type: 'Table',
        firstRowAsHeader: true,
        showGridLines: false,
        columns: headers.map((_, index) => ({ width: index === 2 ? 2 : index === 3 ? 1 : 3 })),
        rows: [headers, ...rows].map((cells, rowIndex) => ({
          type: 'TableRow',
          ...(rowIndex === 0 ? { style: 'emphasis' } : {}),
          cells: cells.map((value, cellIndex) => ({
            type: 'TableCell',
            items: [
              {
                type: 'TextBlock',
                text: value,
                wrap: true,
                ...(rowIndex === 0 ? { weight: 'Bolder' } : {}),
                ...(cellIndex >= 2 ? { horizontalAlignment: 'Right' } : {}),
              },
            ],
          })),
        })),
      },
      text(verdict, { bold: true }),
      ...(change.reasons.length === 0
        ? []
        : [text(change.reasons.map((reason) => `- ${escapeMarkdown(reason)}`).join('\n'), { subtle: true })]),
    ],
  };
}

function planChangeBlock(plan: NonNullable<ApprovalView['planChange']>): CardElement {
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      text('Planändring', { bold: true }),
      text(escapeMarkdown(plan.description)),
      text(
        plan.minor
          ? 'Mindre ändring enligt delegationsordningen: förbundschefen beslutar på delegation.'
          : 'Större ändring: styrelsen beslutar.',
        { bold: true },
      ),
    ],
  };
}

function votesBlock(view: ApprovalView, timeZone: string, now: Date): CardElement {
  const lines = [...view.votes]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((vote) => {
      const who = vote.orgName === null ? vote.name : `${vote.name}, ${vote.orgName}`;
      const marker = voteMarker(view, vote);
      const line = `- ${escapeMarkdown(who)}: ${DECISION_PRESENT[vote.decision]} ${timeText(vote.at, timeZone, now)}${marker}`;
      return vote.comment === null || vote.comment.trim() === ''
        ? line
        : `${line}\n  ”${escapeMarkdown(vote.comment.trim())}”`;
    });
  return { type: 'Container', items: [text('Röster', { bold: true }), text(lines.join('\n'))] };
}

function voteMarker(view: ApprovalView, vote: ApprovalView['votes'][number]): string {
  if (vote.substitute) {
    if (!vote.counted) {
      return ' (ersättare, ersatt av ledamotens röst)';
    }
    return view.status === 'Pågår' ? ' (ersättare, räknas tills ledamoten röstar)' : ' (ersättare)';
  }
  return vote.counted ? '' : ' (räknas inte)';
}

/** what the viewer sees instead of the buttons; null when there is nothing to say */
function viewerStateText(view: ApprovalView, timeZone: string, now: Date): string | null {
  const { viewer } = view;
  if (viewer.myVote !== null && view.agreement !== null && view.agreement !== undefined) {
    const org = view.agreement.viewerOrganisation;
    const at = timeText(viewer.myVote.at, timeZone, now);
    return viewer.myVote.decision === 'Godkänn'
      ? `Du undertecknade avtalet${org === null ? '' : ` för ${org}`} ${at}.`
      : `Du avslog avtalet ${at}.`;
  }
  if (viewer.myVote !== null) {
    return `Du ${DECISION_PAST[viewer.myVote.decision]} ${timeText(viewer.myVote.at, timeZone, now)}.`;
  }
  if (view.status !== 'Pågår') {
    return null;
  }
  if (viewer.approver === null) {
    return `Ärendet väntar på ${STAGE_WORDS[view.stage]}. Du kan följa det här men inte rösta i det här steget.`;
  }
  if (viewer.approver.substitute && view.rule === 'En per medlemsorganisation') {
    return 'Din organisation har redan röstat genom ledamoten eller en annan ersättare, så din röst behövs inte.';
  }
  return 'Ärendet väntar inte på din röst.';
}

/** "14:02" today, "2026-12-10 14:02" another day, in the förbund's time zone */
export function timeText(at: string, timeZone: string, now: Date): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) {
    return at;
  }
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit' }).format(instant);
  return formatDate(instant, timeZone) === formatDate(now, timeZone)
    ? time
    : `${formatDate(instant, timeZone)} ${time}`;
}

type AgreementView = NonNullable<ApprovalView['agreement']>;

/** the input the Avslå button needs: why (required for Avslå, not read by the signing button) */
function signingInputs(): CardElement[] {
  return [
    {
      type: 'Input.Text',
      id: APPROVAL_COMMENT_FIELD,
      label: 'Om du avslår: skriv varför (går till kansliet)',
      isMultiline: true,
      isRequired: true,
      errorMessage: 'Skriv varför du avslår avtalet.',
      maxLength: 2000,
      placeholder: 'T.ex. vad i avtalet som behöver ändras. Skriv inga personuppgifter om enskilda.',
      separator: true,
    },
  ];
}

/**
 * "Jag godkänner och undertecknar avtalet för <organisation>" — the signature, which reads no
 * input (so the comment need not be filled in) — and Avslå, which requires the comment.
 */
function signingButtons(view: ApprovalView, agreement: AgreementView): CardElement[] {
  const org = agreement.viewerOrganisation;
  const buttons: CardElement[] = [];
  if (view.viewer.allowedDecisions.includes('Godkänn')) {
    buttons.push({
      type: 'Action.Execute',
      title: `Jag godkänner och undertecknar avtalet${org === null ? '' : ` för ${org}`}`,
      verb: APPROVAL_VOTE_VERB,
      data: { approvalId: view.approvalId, beslut: 'Godkänn' },
      associatedInputs: 'none',
      style: 'positive',
    });
  }
  if (view.viewer.allowedDecisions.includes('Avslå')) {
    buttons.push({
      type: 'Action.Execute',
      title: 'Avslå',
      verb: APPROVAL_VOTE_VERB,
      data: { approvalId: view.approvalId, beslut: 'Avslå' },
      associatedInputs: 'auto',
      style: 'destructive',
    });
  }
  return buttons;
}

/** the draft to read (the app's link for this reader when known, else SharePoint's), and the signed file */
function agreementLinks(agreement: AgreementView): CardElement[] {
  const links: CardElement[] = [];
  if (agreement.signed !== null) {
    links.push({
      type: 'Action.OpenUrl',
      title: 'Läs det signerade avtalet (PDF)',
      url: agreement.signed.fileUrl ?? agreement.signed.webUrl,
    });
  } else {
    links.push({
      type: 'Action.OpenUrl',
      title: 'Läs avtalet (PDF)',
      url: agreement.draft.fileUrl ?? agreement.draft.webUrl,
    });
  }
  return links;
}

/** what is signed, who has signed for which party and when, who remains, and how it ended */
function agreementBlocks(view: ApprovalView, agreement: AgreementView, timeZone: string): CardElement[] {
  const period =
    agreement.validFrom === null || agreement.validTo === null
      ? 'enligt avtalet'
      : `${agreement.validFrom} – ${agreement.validTo}`;
  const parties = agreement.parties
    .map((party) => (party.projectOwner ? `${party.name} (projektägare)` : party.name))
    .join(', ');
  const facts: Array<readonly [string, string]> = [
    ['Avtal', agreement.signed?.name ?? agreement.draft.name],
    ['Parter', parties],
    ['Avtalstid', period],
    ['Ersättning', `${formatKr(agreement.total)} totalt`],
  ];
  const blocks: CardElement[] = [
    {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        text('Samarbetsavtalet', { bold: true }),
        ...facts.map(([label, value]) => text(`**${label}:** ${escapeMarkdown(value)}`)),
      ],
    },
  ];
  const lines = agreement.parties.map((party) => {
    if (party.refusal !== null) {
      const why = party.refusal.comment === null ? '' : `: ”${escapeMarkdown(party.refusal.comment.trim())}”`;
      return `- ${escapeMarkdown(party.refusal.name)} (${escapeMarkdown(party.name)}) avslog ${longTime(party.refusal.at, timeZone)}${why}`;
    }
    if (party.signatures.length > 0) {
      return party.signatures
        .map(
          (signature) =>
            `- Undertecknat av ${escapeMarkdown(signature.name)} för ${escapeMarkdown(party.name)} ${longTime(signature.at, timeZone)}`,
        )
        .join('\n');
    }
    const who = party.signatories.length === 0 ? 'firmatecknaren' : party.signatories.join(', ');
    return `- ${escapeMarkdown(party.name)}: väntar på ${escapeMarkdown(who)}`;
  });
  blocks.push({ type: 'Container', items: [text('Underskrifter', { bold: true }), text(lines.join('\n'))] });
  if (view.status === 'Pågår' && agreement.remaining.length > 0) {
    blocks.push(text(`Kvar att underteckna: ${escapeMarkdown(agreement.remaining.join(', '))}.`, { subtle: true }));
  }
  if (agreement.failure !== null) {
    blocks.push({
      type: 'Container',
      style: 'attention',
      items: [
        { type: 'TextBlock', text: 'Avtalet kunde inte signeras', wrap: true, weight: 'Bolder', color: 'Attention' },
        { type: 'TextBlock', text: escapeMarkdown(agreement.failure), wrap: true },
      ],
    });
  } else if (agreement.signed !== null) {
    blocks.push({
      type: 'Container',
      style: 'good',
      items: [
        {
          type: 'TextBlock',
          text: `Det signerade avtalet är arkiverat: ${escapeMarkdown(agreement.signed.name)}`,
          wrap: true,
          weight: 'Bolder',
        },
        { type: 'TextBlock', text: `SHA-256 ${agreement.signed.sha256}`, wrap: true, isSubtle: true, size: 'Small' },
      ],
    });
  } else if (view.status === 'Avslagen') {
    blocks.push(text('Utkastet är tillbaka hos kansliet (Utkast).', { subtle: true }));
  }
  return blocks;
}

/** `2027-01-10 14:02` in the förbund's time zone: a signature says its date */
function longTime(at: string, timeZone: string): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) {
    return at;
  }
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit' }).format(instant);
  return `${formatDate(instant, timeZone)} ${time}`;
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function fallbackText(
  view: ApprovalView,
  headline: { readonly title: string; readonly subtitle: string | null },
  outcome: string | null,
): string {
  return [
    headline.title,
    headline.subtitle,
    outcome,
    `Beslutas av ${bodyAndRule(view)}.`,
    view.dueDate === null ? null : `Svara senast ${dayText(view.dueDate)}.`,
    tallyText(view.tally, view.rule),
  ]
    .filter((line) => line !== null)
    .join('\n');
}
