import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyBudgetChange,
  type BudgetChange,
  budgetChangeSchema,
  classifyBudgetChange,
  parseChangeThreshold,
  planChangeSchema,
} from '../../../../src/domain/approvals/budget-change.ts';
import type { BudgetLine } from '../../../../src/domain/entities/budget-line.ts';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../../../../src/domain/vocabulary.ts';
import { SETTING_DEFAULTS } from '../../../../src/sharepoint/schema.ts';

let nextId = 1;
function line(year: number, category: BudgetCategory, amount: number): BudgetLine {
  const id = String(nextId++);
  return { id, etag: `"${id},1"`, interventionId: '40', year, category, amount };
}

/** NOVA-like: 1 000 000 kr in 2027 (Personal 700 000, Lokaler 200 000, Övrigt 100 000), 800 000 kr in 2028 */
const lines: BudgetLine[] = [
  line(2027, 'Personal', 700_000),
  line(2027, 'Lokaler', 200_000),
  line(2027, 'Övrigt', 100_000),
  line(2028, 'Personal', 600_000),
  line(2028, 'Övrigt', 200_000),
];
const byKey = (year: number, category: BudgetCategory) =>
  lines.find((candidate) => candidate.year === year && candidate.category === category);

function change(moves: BudgetChange['moves'], extra: Partial<BudgetChange> = {}): BudgetChange {
  return { year: 2027, moves, motivering: 'Mer personal under hösten.', ...extra };
}

const move = (amount: number, from: BudgetCategory = 'Övrigt', to: BudgetCategory = 'Personal') => ({
  from,
  to,
  amount,
});

function classify(candidate: BudgetChange, thresholdPercent = 10) {
  return classifyBudgetChange({ change: candidate, budgetLines: lines, thresholdPercent });
}

describe('budgetChangeSchema', () => {
  it('reads a change with one move, and "40 000 kr" typed in a card as 40000', () => {
    expect(
      budgetChangeSchema.parse({
        year: 2027,
        moves: [{ from: 'Övrigt', to: 'Personal', amount: '40 000 kr' }],
        motivering: ' Skäl ',
      }),
    ).toEqual({ year: 2027, moves: [{ from: 'Övrigt', to: 'Personal', amount: 40_000 }], motivering: 'Skäl' });
  });

  it('takes a missing motivering as empty', () => {
    expect(budgetChangeSchema.parse({ year: 2027, moves: [move(1)] }).motivering).toBe('');
  });

  it.each<[string, unknown, string]>([
    ['no moves', { year: 2027, moves: [] }, 'Ange minst en flytt mellan budgetposter.'],
    [
      'eleven moves',
      { year: 2027, moves: Array.from({ length: 11 }, () => move(1)) },
      'Högst tio flyttar i ett och samma beslut.',
    ],
    [
      'the same post on both sides',
      { year: 2027, moves: [move(1, 'Personal', 'Personal')] },
      'Från-post och till-post ska vara olika.',
    ],
    ['zero kronor', { year: 2027, moves: [move(0)] }, 'Beloppet ska vara större än 0 kr.'],
    ['a negative amount', { year: 2027, moves: [move(-5)] }, 'Beloppet ska vara större än 0 kr.'],
    ['öre', { year: 2027, moves: [move(10.5)] }, 'Beloppet ska vara i hela kronor.'],
    [
      'an unknown post',
      { year: 2027, moves: [{ from: 'Resor', to: 'Personal', amount: 1 }] },
      'Budgetposten ska vara en av',
    ],
    ['no year', { moves: [move(1)] }, 'Året ska vara ett årtal'],
    ['a year with decimals', { year: 2027.5, moves: [move(1)] }, 'Året ska vara ett årtal'],
    ['text as the amount', { year: 2027, moves: [move(Number.NaN)] }, 'Beloppet ska vara'],
  ])('refuses %s in Swedish', (_, input, message) => {
    const parsed = budgetChangeSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join(' | ')).toContain(message);
  });
});

describe('planChangeSchema', () => {
  it('a plan change is minor only when the kansli marks it so', () => {
    expect(planChangeSchema.parse({ beskrivning: 'Ny målgrupp' })).toEqual({ beskrivning: 'Ny målgrupp' });
    expect(planChangeSchema.parse({ beskrivning: 'Flytta en aktivitet', mindre: true }).mindre).toBe(true);
  });

  it('needs a description', () => {
    expect(planChangeSchema.safeParse({ beskrivning: '  ' }).error?.issues[0]?.message).toBe('Beskriv planändringen.');
    expect(planChangeSchema.safeParse({ beskrivning: 'x', mindre: 'ja' }).success).toBe(false);
  });
});

describe('classifyBudgetChange around the 10 % line (2027 budget 1 000 000 kr)', () => {
  it.each<[string, BudgetChange['moves'], boolean]>([
    ['99 999 kr (just under 10 %)', [move(99_999)], true],
    ['100 000 kr (exactly 10 %)', [move(100_000, 'Lokaler')], true],
    ['100 001 kr (just over 10 %)', [move(100_001, 'Lokaler')], false],
    ['two moves adding up to exactly 10 %', [move(60_000), move(40_000, 'Lokaler', 'Övrigt')], true],
    ['two moves adding up to just over 10 %', [move(60_000), move(40_001, 'Lokaler', 'Övrigt')], false],
  ])('%s', (_, moves, minor) => {
    const result = classify(change(moves));
    expect(result.minor).toBe(minor);
    expect(result.yearTotal).toBe(1_000_000);
    expect(result.movedAmount).toBe(moves.reduce((sum, entry) => sum + entry.amount, 0));
  });

  it('explains a minor change', () => {
    const result = classify(change([move(40_000)]));
    expect(result).toMatchObject({ minor: true, problems: [] });
    expect(result.reasons.join(' ')).toContain('4\u00a0%');
    expect(result.reasons.join(' ')).toContain('totalen är oförändrad');
  });

  it('explains a change over the line', () => {
    const result = classify(change([move(150_000, 'Lokaler')]));
    expect(result.minor).toBe(false);
    expect(result.reasons).toEqual([
      '150\u00a0000\u00a0kr är 15\u00a0% av budgeten för 2027 (1\u00a0000\u00a0000\u00a0kr) – mer än gränsen 10\u00a0%.',
    ]);
  });

  it('follows the threshold setting', () => {
    expect(classify(change([move(40_000)]), 5).minor).toBe(true);
    expect(classify(change([move(60_000)]), 5).minor).toBe(false);
    expect(classify(change([move(1)]), 0).minor).toBe(false);
    expect(classify(change([move(150_000, 'Lokaler')]), 15).minor).toBe(true);
  });

  it('a change to the total is for the board', () => {
    const result = classify(change([move(10_000)], { adjustments: [{ category: 'Personal', amount: 5_000 }] }));
    expect(result.minor).toBe(false);
    expect(result.reasons[0]).toContain('höjer budgeten med 5\u00a0000\u00a0kr');
  });

  it('moving money across two years is for the board', () => {
    const result = classify(change([move(10_000), { ...move(10_000), year: 2028 }]));
    expect(result.minor).toBe(false);
    expect(result.reasons[0]).toContain('fler år än 2027 (2028)');
  });

  it('a post that would go below zero makes the change major, with the reason, and a problem', () => {
    const result = classify(change([move(100_001)]));
    expect(result.minor).toBe(false);
    expect(result.problems).toEqual(['Posten Övrigt 2027 skulle bli negativ (−1\u00a0kr).']);
    expect(result.reasons).toContain('Posten Övrigt 2027 skulle bli negativ (−1\u00a0kr).');
  });

  it('moving out of a post the insats has no line for goes below zero', () => {
    const result = classify(change([move(1_000, 'Material', 'Personal')]));
    expect(result.problems).toEqual(['Posten Material 2027 skulle bli negativ (−1\u00a0000\u00a0kr).']);
  });

  it('a year without budget is for the board', () => {
    const result = classify(change([move(1_000)], { year: 2030 }));
    expect(result).toMatchObject({ minor: false, yearTotal: 0 });
    expect(result.reasons[0]).toBe('Insatsen har ingen budget för 2030.');
  });

  it('property: minor exactly when one year, total unchanged, nothing negative and at most the threshold', () => {
    const moveArb = fc.record({
      from: fc.constantFrom(...BUDGET_CATEGORIES),
      to: fc.constantFrom(...BUDGET_CATEGORIES),
      amount: fc.integer({ min: 1, max: 300_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(
          moveArb.filter((entry) => entry.from !== entry.to),
          { minLength: 1, maxLength: 4 },
        ),
        fc.integer({ min: 0, max: 30 }),
        (moves, threshold) => {
          const candidate = change(moves);
          const result = classify(candidate, threshold);
          const { updates, creates } = applyBudgetChange(lines, candidate);
          const nonNegative =
            updates.every((update) => update.amount >= 0) && creates.every((create) => create.amount >= 0);
          const moved = moves.reduce((sum, entry) => sum + entry.amount, 0);
          expect(result.minor).toBe(nonNegative && moved * 100 <= threshold * 1_000_000);
          expect(result.problems.length === 0).toBe(nonNegative);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('applyBudgetChange', () => {
  it('moves money between existing lines', () => {
    expect(applyBudgetChange(lines, change([move(40_000)]))).toEqual({
      updates: [
        { id: byKey(2027, 'Övrigt')?.id, amount: 60_000 },
        { id: byKey(2027, 'Personal')?.id, amount: 740_000 },
      ],
      creates: [],
    });
  });

  it('a move into a post without a line creates the line', () => {
    expect(applyBudgetChange(lines, change([move(25_000, 'Lokaler', 'Kompetensutveckling')]))).toEqual({
      updates: [{ id: byKey(2027, 'Lokaler')?.id, amount: 175_000 }],
      creates: [{ year: 2027, category: 'Kompetensutveckling', amount: 25_000 }],
    });
  });

  it('moves that cancel out leave the post alone, and the year’s total never changes', () => {
    const result = applyBudgetChange(lines, change([move(10_000), move(10_000, 'Personal', 'Lokaler')]));
    expect(result.updates).toEqual([
      { id: byKey(2027, 'Övrigt')?.id, amount: 90_000 },
      { id: byKey(2027, 'Lokaler')?.id, amount: 210_000 },
    ]);
  });

  it('property: moves within the year keep its total; other years are untouched', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .record({
              from: fc.constantFrom(...BUDGET_CATEGORIES),
              to: fc.constantFrom(...BUDGET_CATEGORIES),
              amount: fc.integer({ min: 1, max: 50_000 }),
            })
            .filter((entry) => entry.from !== entry.to),
          { minLength: 1, maxLength: 10 },
        ),
        (moves) => {
          const { updates, creates } = applyBudgetChange(lines, change(moves));
          const after = new Map(lines.map((entry) => [entry.id, entry.amount]));
          for (const update of updates) {
            after.set(update.id, update.amount);
          }
          const total2027 =
            lines.filter((entry) => entry.year === 2027).reduce((sum, entry) => sum + (after.get(entry.id) ?? 0), 0) +
            creates.reduce((sum, create) => sum + create.amount, 0);
          expect(total2027).toBe(1_000_000);
          expect(creates.every((create) => create.year === 2027)).toBe(true);
          const touched = new Set(updates.map((update) => update.id));
          expect(lines.filter((entry) => entry.year === 2028).some((entry) => touched.has(entry.id))).toBe(false);
        },
      ),
    );
  });

  it('adjustments change the total', () => {
    const result = applyBudgetChange(
      lines,
      change([move(1_000)], { adjustments: [{ category: 'Lokaler', amount: -50_000 }] }),
    );
    expect(result.updates).toContainEqual({ id: byKey(2027, 'Lokaler')?.id, amount: 150_000 });
  });
});

describe('parseChangeThreshold', () => {
  it('the default is the Settings default, 10 %', () => {
    expect(SETTING_DEFAULTS['andring.grans-procent']).toBe('10');
    expect(parseChangeThreshold({ 'andring.grans-procent': SETTING_DEFAULTS['andring.grans-procent'] })).toEqual({
      percent: 10,
      problem: null,
    });
  });

  it('there is no kronor threshold any more: the issue’s rule is a share of the year’s budget', () => {
    expect(Object.keys(SETTING_DEFAULTS).filter((key) => key.startsWith('andring.'))).toEqual([
      'andring.grans-procent',
    ]);
  });

  it.each<[string | undefined, number]>([
    [undefined, 10],
    ['', 10],
    ['  ', 10],
    ['15', 15],
    [' 7,5 ', 7.5],
    ['12.5', 12.5],
    ['20 %', 20],
    ['0', 0],
    ['100', 100],
  ])('%j → %d %%, no problem', (raw, percent) => {
    expect(parseChangeThreshold({ 'andring.grans-procent': raw })).toEqual({ percent, problem: null });
  });

  it.each(['tio', '-5', '150', '1e1', '10 kr', '5,5,5'])('%j → the default and a Swedish problem', (raw) => {
    expect(parseChangeThreshold({ 'andring.grans-procent': raw })).toEqual({
      percent: 10,
      problem: 'andring.grans-procent: ska vara en procentsats mellan 0 och 100, t.ex. 10 – standardvärdet 10 används',
    });
  });
});
