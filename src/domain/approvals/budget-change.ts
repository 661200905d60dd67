/**
 * Budget and plan changes put to approval (issue 4): what Approvals.Payload holds for them, whether
 * a change is minor (the förbundschef decides on delegation) or not (the styrelse decides), and
 * how an approved budget change lands in BudgetLines.
 *
 * Minor, by default: money moved between an insats's budget posts within one year, the total
 * unchanged, no post below zero, and at most `andring.grans-procent` (10 %) of that year's budget.
 * A plan change has no amount to measure, so it is minor only when the kansli marks it `mindre:
 * true` — whether a change of plan falls under the delegationsordning is a judgement the kansli
 * makes, not something the app can compute.
 */
import { z } from 'zod';
import type { BudgetLine } from '../entities/budget-line.ts';
import { formatKr } from '../format.ts';
import { MAX_KRONOR, readKronor } from '../invoicing/kronor-input.ts';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../vocabulary.ts';

export const CHANGE_THRESHOLD_SETTING = 'andring.grans-procent';
export const DEFAULT_CHANGE_THRESHOLD_PERCENT = 10;

const THRESHOLD_MESSAGE = 'ska vara en procentsats mellan 0 och 100, t.ex. 10';

/** the threshold as a number: a percentage from 0 to 100 (the settings screen takes the same) */
export const changeThresholdPercentSchema = z
  .number(THRESHOLD_MESSAGE)
  .min(0, THRESHOLD_MESSAGE)
  .max(100, THRESHOLD_MESSAGE);

const year = z
  .number({ error: 'Året ska vara ett årtal, t.ex. 2027.' })
  .int('Året ska vara ett årtal, t.ex. 2027.')
  .min(2000, 'Året ska vara ett årtal, t.ex. 2027.')
  .max(2100, 'Året ska vara ett årtal, t.ex. 2027.');

const category = z.enum(BUDGET_CATEGORIES, {
  error: `Budgetposten ska vara en av ${BUDGET_CATEGORIES.join(', ')}.`,
});

/** whole kronor above zero; "40 000 kr" typed in a card is read like 40000 */
const positiveKronor = z.preprocess(
  (value) => {
    if (typeof value !== 'string') {
      return value;
    }
    const reading = readKronor(value);
    return reading.ok ? reading.amount : value;
  },
  z
    .number({ error: 'Beloppet ska vara ett belopp i hela kronor, t.ex. 40 000.' })
    .int('Beloppet ska vara i hela kronor.')
    .positive('Beloppet ska vara större än 0 kr.')
    .max(MAX_KRONOR, `Beloppet får vara högst ${formatKr(MAX_KRONOR)}.`),
);

const moveSchema = z
  .object({
    from: category,
    to: category,
    amount: positiveKronor,
    /** another year than the change's: allowed to record, but never a minor change */
    year: year.optional(),
  })
  .refine((move) => move.from !== move.to, {
    message: 'Från-post och till-post ska vara olika.',
    path: ['to'],
  });

const adjustmentSchema = z.object({
  category,
  /** kronor added (positive) or removed (negative) without a counter-post: the total changes */
  amount: z
    .number({ error: 'Beloppet ska vara ett belopp i hela kronor.' })
    .int('Beloppet ska vara i hela kronor.')
    .refine((amount) => amount !== 0, 'Beloppet får inte vara 0 kr.')
    .refine((amount) => Math.abs(amount) <= MAX_KRONOR, `Beloppet får vara högst ${formatKr(MAX_KRONOR)}.`),
  year: year.optional(),
});

/** Approvals.Payload of a Budgetändring */
export const budgetChangeSchema = z.object({
  /** the budget year the change is about */
  year,
  moves: z
    .array(moveSchema, { error: 'Ange minst en flytt mellan budgetposter.' })
    .min(1, 'Ange minst en flytt mellan budgetposter.')
    .max(10, 'Högst tio flyttar i ett och samma beslut.'),
  motivering: z
    .string({ error: 'Motiveringen ska vara text.' })
    .trim()
    .max(4000, 'Motiveringen får vara högst 4 000 tecken.')
    .default(''),
  /** raising or lowering posts outright (a changed total): always for the styrelse */
  adjustments: z.array(adjustmentSchema).max(10, 'Högst tio ändringar av totalen i ett och samma beslut.').optional(),
});
export type BudgetChange = z.output<typeof budgetChangeSchema>;
export type BudgetMove = BudgetChange['moves'][number];

/** Approvals.Payload of a Planändring */
export const planChangeSchema = z.object({
  beskrivning: z
    .string({ error: 'Beskriv planändringen.' })
    .trim()
    .min(1, 'Beskriv planändringen.')
    .max(4000, 'Beskrivningen får vara högst 4 000 tecken.'),
  /** the kansli's call under the delegationsordning: true sends it to the förbundschef */
  mindre: z.boolean({ error: 'mindre ska vara true eller false.' }).optional(),
});
export type PlanChange = z.output<typeof planChangeSchema>;

export type BudgetChangeClassification = {
  readonly minor: boolean;
  /** Swedish, for the card: why the change is minor, or every reason it is not */
  readonly reasons: string[];
  /** problems that make the change impossible to apply as it stands (a post would go below zero) */
  readonly problems: string[];
  /** the sum of the moves, kronor */
  readonly movedAmount: number;
  /** the insats's total budget for the change's year before the change, kronor */
  readonly yearTotal: number;
};

type PostKey = `${number}:${BudgetCategory}`;

function postKey(postYear: number, post: BudgetCategory): PostKey {
  return `${postYear}:${post}`;
}

/** amount per (year, post) after the change, starting from the insats's lines */
function postsAfter(budgetLines: readonly BudgetLine[], change: BudgetChange): Map<PostKey, number> {
  const posts = new Map<PostKey, number>();
  const add = (postYear: number, post: BudgetCategory, amount: number): void => {
    const key = postKey(postYear, post);
    posts.set(key, (posts.get(key) ?? 0) + amount);
  };
  for (const line of budgetLines) {
    add(line.year, line.category, line.amount);
  }
  for (const move of change.moves) {
    add(move.year ?? change.year, move.from, -move.amount);
    add(move.year ?? change.year, move.to, move.amount);
  }
  for (const adjustment of change.adjustments ?? []) {
    add(adjustment.year ?? change.year, adjustment.category, adjustment.amount);
  }
  return posts;
}

const percentFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

function percentText(part: number, whole: number): string {
  return `${percentFormat.format((part / whole) * 100)}\u00a0%`;
}

/** Whether an approved Styrgrupp change goes to the förbundschef (minor) or the styrelse. */
export function classifyBudgetChange(input: {
  readonly change: BudgetChange;
  readonly budgetLines: readonly BudgetLine[];
  readonly thresholdPercent: number;
}): BudgetChangeClassification {
  const { change, budgetLines, thresholdPercent } = input;
  const movedAmount = change.moves.reduce((sum, move) => sum + move.amount, 0);
  const yearTotal = budgetLines.filter((line) => line.year === change.year).reduce((sum, line) => sum + line.amount, 0);
  const reasons: string[] = [];
  const problems: string[] = [];

  const otherYears = [
    ...new Set(
      [...change.moves, ...(change.adjustments ?? [])]
        .map((entry) => entry.year ?? change.year)
        .filter((entryYear) => entryYear !== change.year),
    ),
  ].sort();
  if (otherYears.length > 0) {
    reasons.push(
      `Ändringen gäller fler år än ${change.year} (${otherYears.join(', ')}) – bara flyttar inom ett år är mindre ändringar.`,
    );
  }
  if (yearTotal <= 0) {
    reasons.push(`Insatsen har ingen budget för ${change.year}.`);
  }
  const totalChange = (change.adjustments ?? []).reduce((sum, adjustment) => sum + adjustment.amount, 0);
  if ((change.adjustments ?? []).length > 0) {
    reasons.push(
      totalChange === 0
        ? 'Ändringen höjer och sänker poster utan motsvarande flytt – bara flyttar mellan poster är mindre ändringar.'
        : `Ändringen ${totalChange > 0 ? 'höjer' : 'sänker'} budgeten med ${formatKr(Math.abs(totalChange))} – totalen ska vara oförändrad för en mindre ändring.`,
    );
  }
  for (const [key, amount] of postsAfter(budgetLines, change)) {
    if (amount < 0) {
      const [postYear, post] = key.split(':');
      problems.push(`Posten ${post} ${postYear} skulle bli negativ (${formatKr(amount)}).`);
    }
  }
  reasons.push(...problems);
  const withinThreshold = yearTotal > 0 && movedAmount * 100 <= thresholdPercent * yearTotal;
  if (yearTotal > 0 && !withinThreshold) {
    reasons.push(
      `${formatKr(movedAmount)} är ${percentText(movedAmount, yearTotal)} av budgeten för ${change.year} (${formatKr(yearTotal)}) – mer än gränsen ${percentFormat.format(thresholdPercent)}\u00a0%.`,
    );
  }
  const minor = reasons.length === 0;
  if (minor) {
    reasons.push(
      `Flytt mellan budgetposter inom ${change.year}; totalen är oförändrad.`,
      `${formatKr(movedAmount)} är ${percentText(movedAmount, yearTotal)} av budgeten för ${change.year} (${formatKr(yearTotal)}), högst ${percentFormat.format(thresholdPercent)}\u00a0%.`,
    );
  }
  return { minor, reasons, problems, movedAmount, yearTotal };
}

/**
 * The BudgetLines writes that carry out an approved change: new amounts for existing lines, and a
 * new line for a post the insats had no line for. Lines the change does not touch are left out.
 * Where the list holds two lines for one year and post, the first takes the whole difference.
 */
export function applyBudgetChange(
  budgetLines: readonly BudgetLine[],
  change: BudgetChange,
): {
  updates: Array<{ id: string; amount: number }>;
  creates: Array<{ year: number; category: BudgetCategory; amount: number }>;
} {
  const delta = new Map<PostKey, { year: number; category: BudgetCategory; amount: number }>();
  const add = (postYear: number, post: BudgetCategory, amount: number): void => {
    const key = postKey(postYear, post);
    const held = delta.get(key) ?? { year: postYear, category: post, amount: 0 };
    delta.set(key, { ...held, amount: held.amount + amount });
  };
  for (const move of change.moves) {
    add(move.year ?? change.year, move.from, -move.amount);
    add(move.year ?? change.year, move.to, move.amount);
  }
  for (const adjustment of change.adjustments ?? []) {
    add(adjustment.year ?? change.year, adjustment.category, adjustment.amount);
  }
  const updates: Array<{ id: string; amount: number }> = [];
  const creates: Array<{ year: number; category: BudgetCategory; amount: number }> = [];
  for (const [key, post] of delta) {
    if (post.amount === 0) {
      continue;
    }
    const line = budgetLines.find((candidate) => postKey(candidate.year, candidate.category) === key);
    if (line === undefined) {
      creates.push({ year: post.year, category: post.category, amount: post.amount });
    } else {
      updates.push({ id: line.id, amount: line.amount + post.amount });
    }
  }
  return { updates, creates };
}

/**
 * `andring.grans-procent` from the Settings list. Blank or missing: the default, silently; a value
 * that is not a percentage (0–100, decimal comma allowed): the default and a Swedish problem line.
 */
export function parseChangeThreshold(settings: Readonly<Record<string, string | undefined>>): {
  percent: number;
  problem: string | null;
} {
  const raw = settings[CHANGE_THRESHOLD_SETTING];
  if (raw === undefined || raw.trim() === '') {
    return { percent: DEFAULT_CHANGE_THRESHOLD_PERCENT, problem: null };
  }
  const text = raw.trim().replace(/\s*%$/, '').replace(',', '.');
  const parsed = changeThresholdPercentSchema.safeParse(/^\d{1,3}(\.\d+)?$/.test(text) ? Number(text) : Number.NaN);
  if (!parsed.success) {
    return {
      percent: DEFAULT_CHANGE_THRESHOLD_PERCENT,
      problem: `${CHANGE_THRESHOLD_SETTING}: ${THRESHOLD_MESSAGE} – standardvärdet ${DEFAULT_CHANGE_THRESHOLD_PERCENT} används`,
    };
  }
  return { percent: parsed.data, problem: null };
}
