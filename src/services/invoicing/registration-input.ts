/**
 * What a person sends to register an invoice or to move it along, from a card, the bot or the
 * API, and the Swedish messages for what is wrong with it. A bad input answers with one message
 * per field (`details.fields`: fakturanummer, inkom, total, specifikation and each budget post)
 * so the form can put each message by its field; nothing is stored.
 */
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { isoDate } from '../../domain/entities/common.ts';
import type { Specification } from '../../domain/entities/requisition.ts';
import { formatKronorExact, kronorProblemText, readKronor, toOre } from '../../domain/invoicing/kronor-input.ts';
import { freeText } from '../../domain/personal-data/free-text.ts';
import { containsPersonalIdentityNumber } from '../../domain/personal-data/personal-identity-number.ts';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../../domain/vocabulary.ts';

const swedish = z.locales.sv().localeError;

/** the field names of `details.fields`, as the Swedish form names them */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  invoiceNumber: 'fakturanummer',
  receivedDate: 'inkom',
  amount: 'total',
  specification: 'specifikation',
  etag: 'etag',
  action: 'åtgärd',
  reason: 'skäl',
};

/** how a message names its field when zod's own message does not */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  fakturanummer: 'Fakturanummer',
  inkom: 'Datum då fakturan kom in',
  total: 'Totalen',
  specifikation: 'Specifikationen',
  etag: 'Versionen (etag)',
  åtgärd: 'Åtgärden',
  skäl: 'Skälet',
  uppgifter: 'Uppgifterna',
};

/** a card's empty input field comes as '' and means "not given" */
function blankToUndefined(value: unknown): unknown {
  return value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
}

/** an amount in kronor typed the Swedish way ("12 500,50 kr") or sent as a number */
function kronorInput(label: string) {
  return z
    .union([z.number(), z.string()], { error: `${label} ska vara ett belopp i kronor, t.ex. 12 500 eller 12 500,50.` })
    .transform((value, context) => {
      const reading = readKronor(value);
      if (!reading.ok) {
        context.addIssue({ code: 'custom', message: `${label} ${kronorProblemText(reading.problem)}.`, input: value });
        return z.NEVER;
      }
      return reading.amount;
    });
}

const CATEGORY_LIST = BUDGET_CATEGORIES.join(', ');

function canonicalCategory(key: string): BudgetCategory | undefined {
  return BUDGET_CATEGORIES.find((category) => category.toLowerCase() === key.trim().toLowerCase());
}

/** amount per budget post; a post left empty is no post, a post of 0 kr is dropped */
const specificationInput = z
  .record(z.string(), z.unknown(), {
    error: `Specifikationen ska ange ett belopp per budgetpost (${CATEGORY_LIST}).`,
  })
  .transform((raw, context) => {
    const specification: Specification = {};
    for (const [key, value] of Object.entries(raw)) {
      const category = canonicalCategory(key);
      if (category === undefined) {
        // the key is echoed back as the field's name: never a personnummer, never a page of text
        const shown = containsPersonalIdentityNumber(key) ? 'okänd budgetpost' : key.slice(0, 40);
        context.addIssue({
          code: 'custom',
          path: [shown],
          message: `"${shown}" är ingen budgetpost. Budgetposterna är ${CATEGORY_LIST}.`,
          input: value,
        });
        continue;
      }
      const given = blankToUndefined(value);
      if (given === undefined) {
        continue;
      }
      const reading = readKronor(given);
      if (!reading.ok) {
        context.addIssue({
          code: 'custom',
          path: [category],
          message: `${category} ${kronorProblemText(reading.problem)}.`,
          input: value,
        });
        continue;
      }
      if (reading.amount > 0) {
        specification[category] = (specification[category] ?? 0) + reading.amount;
      }
    }
    return specification;
  })
  .describe(`Belopp per budgetpost (${CATEGORY_LIST}), som tal eller text: 12500, "12 500", "12 500,50 kr"`);

/**
 * The registration of a quarter's invoice. The rules that need today's date or the quarter
 * (not in the future, not before the quarter began) are checked by {@link parseRegistrationInput}.
 */
export const requisitionRegistrationSchema = z
  .object({
    invoiceNumber: z.preprocess(
      (value) => (typeof value === 'number' ? String(value) : (value ?? '')),
      freeText('Fakturanummer', { min: 1, max: 50, singleLine: true }),
    ),
    receivedDate: z.preprocess(blankToUndefined, isoDate.optional()).optional(),
    amount: z
      .preprocess((value) => value ?? '', kronorInput('Totalen'))
      .describe('Fakturans total i kronor; ska vara summan av posterna'),
    specification: specificationInput,
    /** the eTag the requisition was read with; a stale one answers 412 */
    etag: z.preprocess(blankToUndefined, z.string().max(255).optional()).optional(),
  })
  .superRefine((value, context) => {
    const posts = Object.values(value.specification);
    if (posts.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['specification'],
        message: 'Ange belopp för minst en budgetpost i specifikationen.',
        input: value.specification,
      });
      return;
    }
    const sum = posts.reduce((total, amount) => total + toOre(amount), 0);
    if (sum !== toOre(value.amount)) {
      context.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `Totalen ${formatKronorExact(value.amount)} stämmer inte med summan av posterna ${formatKronorExact(sum / 100)}.`,
        input: value.amount,
      });
    }
  });

export type RequisitionRegistration = {
  readonly invoiceNumber: string;
  /** `YYYY-MM-DD`; when absent the service takes today */
  readonly receivedDate: string | undefined;
  readonly amount: number;
  /** only posts above 0 kr */
  readonly specification: Specification;
  readonly etag: string | undefined;
};

export type RegistrationContext = {
  /** today where the förbund is, `YYYY-MM-DD` */
  readonly today: string;
  /** the first day of the requisition's quarter */
  readonly quarterStart: string;
};

/**
 * Parses and checks a registration; throws AppError INVALID_INPUT with every bad field at once.
 * The received date defaults to today.
 */
export function parseRegistrationInput(
  input: unknown,
  context: RegistrationContext,
): RequisitionRegistration & { readonly receivedDate: string } {
  const parsed = requisitionRegistrationSchema.safeParse(input ?? {}, { error: swedish });
  const fields = parsed.success ? {} : fieldMessages(parsed.error);
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const given = blankToUndefined(raw.receivedDate);
  const receivedDate = typeof given === 'string' && isoDate.safeParse(given).success ? given : context.today;
  if (fields.inkom === undefined) {
    const problem = receivedDateProblem(receivedDate, context);
    if (problem !== null) {
      fields.inkom = problem;
    }
  }
  if (!parsed.success || Object.keys(fields).length > 0) {
    throw invalidInput('Fakturan kunde inte registreras', fields);
  }
  const { invoiceNumber, amount, specification, etag } = parsed.data;
  return { invoiceNumber, amount, specification, etag, receivedDate };
}

function receivedDateProblem(date: string, context: RegistrationContext): string | null {
  if (date > context.today) {
    return `Fakturan kan inte ha kommit in ${date}: det är i framtiden (i dag är det ${context.today}).`;
  }
  // A rekvisition may come before its quarter (a förbund that pays in advance, an early invoice),
  // but not from the year before the quarter's year began: that is a typo in the year.
  const earliest = `${Number(context.quarterStart.slice(0, 4)) - 1}-01-01`;
  if (date < earliest) {
    return `Fakturan kan inte ha kommit in ${date}: det är långt före kvartalet (${context.quarterStart}). Stämmer året?`;
  }
  return null;
}

/** the steps after registration */
export const REQUISITION_STEP_ACTIONS = ['granska', 'attestera', 'betala', 'avvisa'] as const;
export type RequisitionStepAction = (typeof REQUISITION_STEP_ACTIONS)[number];

export const requisitionAdvanceSchema = z
  .object({
    action: z.enum(REQUISITION_STEP_ACTIONS, {
      error: 'Åtgärden ska vara granska, attestera, betala eller avvisa.',
    }),
    /** why it is sent back; required for avvisa, shown to the projektledare */
    reason: z.preprocess(blankToUndefined, freeText('Skälet', { min: 3, max: 1_000 }).optional()).optional(),
    etag: z.preprocess(blankToUndefined, z.string().max(255).optional()).optional(),
  })
  .superRefine((value, context) => {
    if (value.action === 'avvisa' && value.reason === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Skriv skälet till att fakturan avvisas (minst 3 tecken); projektledaren får se det.',
        input: value.reason,
      });
    }
  });

export type RequisitionAdvance = {
  readonly action: RequisitionStepAction;
  readonly reason: string | undefined;
  readonly etag: string | undefined;
};

export function parseAdvanceInput(input: unknown): RequisitionAdvance {
  const parsed = requisitionAdvanceSchema.safeParse(input ?? {}, { error: swedish });
  if (!parsed.success) {
    throw invalidInput('Ändringen kunde inte göras', fieldMessages(parsed.error));
  }
  return { action: parsed.data.action, reason: parsed.data.reason, etag: parsed.data.etag };
}

/** one message per field, named the Swedish way; the first issue of a field wins */
function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const [first, second] = issue.path.map(String);
    const field =
      first === undefined
        ? 'uppgifter'
        : first === 'specification' && second !== undefined
          ? second
          : (FIELD_NAMES[first] ?? first);
    if (issue.code === 'unrecognized_keys' || fields[field] !== undefined) {
      continue;
    }
    const label = FIELD_LABELS[field] ?? field;
    fields[field] = issue.message.toLowerCase().includes(label.toLowerCase())
      ? issue.message
      : `${label}: ${issue.message}`;
  }
  return fields;
}

function invalidInput(what: string, fields: Record<string, string>): AppError {
  const lines = Object.values(fields);
  return new AppError('INVALID_INPUT', `invalid requisition input: ${Object.keys(fields).join(', ')}`, {
    userMessage: `${what}:\n${lines.map((line) => `• ${line}`).join('\n')}`,
    details: { fields },
  });
}
