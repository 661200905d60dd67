/**
 * `nytt beslut <kod>`: the kansli's form to put a matter to decision for one insats — what kind
 * of matter, a summary, an amount, the reply-by day, and for a budget change one move between
 * two posts (more moves through the API). Submitting starts the approval; the approvers of its
 * first stage get their cards from the services.
 */
import { BUDGET_CATEGORIES } from '../../src/domain/vocabulary.ts';
import { APPROVAL_START_VERB } from './approval-card.ts';
import { type AdaptiveCard, type CardElement, card, escapeMarkdown, heading, nameWithCode, text } from './card-kit.ts';

/** the form's inputs: the key the bot reads → the input's id on the card */
export const APPROVAL_START_FIELDS = {
  subject: 'arendetyp',
  summary: 'sammanfattning',
  amount: 'belopp',
  dueDate: 'svaraSenast',
  year: 'ar',
  from: 'franPost',
  to: 'tillPost',
  moveAmount: 'flyttbelopp',
  minor: 'mindre',
} as const;

/** the matters the kansli starts from the chat; Samarbetsavtal and Rekvisition start elsewhere */
export const STARTABLE_SUBJECTS = ['Budgetändring', 'Planändring', 'Ansökan'] as const;

export type ApprovalStartCardInput = {
  readonly intervention: { readonly code: string; readonly title: string };
  /** the first year the budget change can concern (this year) */
  readonly defaultYear: number;
  /** what the user typed, keyed by input id, put back when the form returns with an error */
  readonly entered?: Readonly<Record<string, string>>;
  /** the refusal: the message and, per field, what is wrong */
  readonly error?: { readonly message: string; readonly details: readonly string[] };
};

export function approvalStartCard(input: ApprovalStartCardInput): AdaptiveCard {
  const entered = input.entered ?? {};
  const value = (id: string): { value?: string } => {
    const typed = entered[id];
    return typed === undefined || typed === '' ? {} : { value: typed };
  };
  const name = nameWithCode(input.intervention.code, input.intervention.title);
  const F = APPROVAL_START_FIELDS;
  const categories = BUDGET_CATEGORIES.map((category) => ({ title: category, value: category }));
  const body: CardElement[] = [heading(`Nytt beslutsärende: ${escapeMarkdown(name)}`)];
  if (input.error !== undefined) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: [
        {
          type: 'TextBlock',
          text: escapeMarkdown(input.error.message),
          wrap: true,
          weight: 'Bolder',
          color: 'Attention',
        },
        ...input.error.details.map((detail) => ({
          type: 'TextBlock',
          text: escapeMarkdown(detail),
          wrap: true,
          spacing: 'None',
        })),
      ],
    });
  }
  body.push(
    text('Beslutande får kortet i Teams så snart ärendet är startat.', { subtle: true }),
    {
      type: 'Input.ChoiceSet',
      id: F.subject,
      label: 'Ärendetyp',
      isRequired: true,
      errorMessage: 'Välj ärendetyp.',
      style: 'compact',
      choices: STARTABLE_SUBJECTS.map((subject) => ({ title: subject, value: subject })),
      value: entered[F.subject] ?? 'Budgetändring',
    },
    {
      type: 'Input.Text',
      id: F.summary,
      label: 'Sammanfattning (vad ska beslutas och varför)',
      isMultiline: true,
      isRequired: true,
      errorMessage: 'Skriv vad som ska beslutas.',
      maxLength: 4000,
      placeholder: 'Skriv inga personuppgifter om enskilda deltagare.',
      ...value(F.summary),
    },
    {
      type: 'Input.Number',
      id: F.amount,
      label: 'Belopp (kr, frivilligt)',
      min: 0,
      ...numberValue(entered[F.amount]),
    },
    {
      type: 'Input.Date',
      id: F.dueDate,
      label: 'Svara senast (tomt: standard, 10 arbetsdagar – styrelsen 15)',
      ...value(F.dueDate),
    },
    text('Vid budgetändring: en flytt mellan två poster', { bold: true, separator: true }),
    text('Fler flyttar samma år går att begära via fliken.', { subtle: true }),
    {
      type: 'Input.Number',
      id: F.year,
      label: 'År',
      min: 2000,
      max: 2100,
      ...numberValue(entered[F.year] ?? String(input.defaultYear)),
    },
    {
      type: 'Input.ChoiceSet',
      id: F.from,
      label: 'Från post',
      style: 'compact',
      choices: categories,
      ...value(F.from),
    },
    {
      type: 'Input.ChoiceSet',
      id: F.to,
      label: 'Till post',
      style: 'compact',
      choices: categories,
      ...value(F.to),
    },
    {
      type: 'Input.Number',
      id: F.moveAmount,
      label: 'Belopp att flytta (kr)',
      min: 1,
      ...numberValue(entered[F.moveAmount]),
    },
    text('Vid planändring', { bold: true, separator: true }),
    {
      type: 'Input.Toggle',
      id: F.minor,
      title: 'Mindre ändring enligt delegationsordningen (förbundschefen beslutar efter styrgruppen)',
      valueOn: 'true',
      valueOff: 'false',
      value: entered[F.minor] === 'true' ? 'true' : 'false',
    },
  );
  const fallback = `Nytt beslutsärende för ${name}: formuläret kräver en Teams-klient som visar Adaptive Cards.`;
  return card(fallback, body, [
    {
      type: 'Action.Execute',
      title: 'Starta beslutsärendet',
      verb: APPROVAL_START_VERB,
      data: { insats: input.intervention.code },
      associatedInputs: 'auto',
      style: 'positive',
    },
  ]);
}

/** an Input.Number takes a number; what was typed comes back as a string */
function numberValue(raw: string | undefined): { value?: number } {
  if (raw === undefined || raw.trim() === '') {
    return {};
  }
  const number = Number(raw.replace(/\s|kr/g, '').replace(',', '.'));
  return Number.isFinite(number) ? { value: number } : {};
}
