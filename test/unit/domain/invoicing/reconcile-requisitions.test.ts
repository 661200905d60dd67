import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber } from '../../../../src/domain/calendar/iso-date.ts';
import type { NewRequisition, Requisition } from '../../../../src/domain/entities/requisition.ts';
import { DEFAULT_DUE_RULE, type DueRule, dueDateFor } from '../../../../src/domain/invoicing/due-rule.ts';
import { quartersOfPeriod } from '../../../../src/domain/invoicing/quarters.ts';
import {
  expectedRequisitions,
  isEmptyRequisitionPlan,
  type PlannedIntervention,
  planRequisitions,
  REQUISITION_STAGES,
  type RequisitionPlan,
} from '../../../../src/domain/invoicing/reconcile-requisitions.ts';
import { REQUISITION_STATUSES, type RequisitionStatus, STAGES } from '../../../../src/domain/vocabulary.ts';

const nova: PlannedIntervention = {
  id: '7',
  code: 'NOVA',
  stage: 'Pågående',
  startDate: '2027-02-15',
  endDate: '2027-11-30',
};

function row(
  year: number,
  quarter: 1 | 2 | 3 | 4,
  status: RequisitionStatus = 'Förväntad',
  overrides: Partial<Requisition> = {},
): Requisition {
  return {
    id: `${year}${quarter}`,
    etag: `"etag-${year}${quarter}"`,
    interventionId: '7',
    year,
    quarter,
    periodKey: `NOVA-${year}-Q${quarter}`,
    dueDate: dueDateFor(year, quarter),
    status,
    amount: status === 'Förväntad' ? null : 1000,
    specification: null,
    receivedDate: status === 'Förväntad' ? null : '2027-04-20',
    invoiceNumber: null,
    ...overrides,
  };
}

const keys = (rows: readonly { periodKey: string }[]): string[] => rows.map((r) => r.periodKey);

describe('expectedRequisitions', () => {
  it('gives one Förväntad row per quarter overlapping the period, due by the rule', () => {
    expect(expectedRequisitions(nova)).toEqual([
      {
        interventionId: '7',
        year: 2027,
        quarter: 1,
        periodKey: 'NOVA-2027-Q1',
        dueDate: '2027-04-30',
        status: 'Förväntad',
        amount: null,
        specification: null,
        receivedDate: null,
        invoiceNumber: null,
      },
      expect.objectContaining({ periodKey: 'NOVA-2027-Q2', dueDate: '2027-07-30' }),
      expect.objectContaining({ periodKey: 'NOVA-2027-Q3', dueDate: '2027-10-29' }),
      expect.objectContaining({ periodKey: 'NOVA-2027-Q4', dueDate: '2028-01-20' }),
    ]);
  });

  it.each(STAGES.filter((stage) => !REQUISITION_STAGES.includes(stage)))('expects nothing in stage %s', (stage) => {
    expect(expectedRequisitions({ ...nova, stage })).toEqual([]);
  });

  it.each([
    ['no start date', { startDate: null }],
    ['no end date', { endDate: null }],
    ['end before start', { startDate: '2027-05-01', endDate: '2027-04-30' }],
  ])('expects nothing with %s', (_, change) => {
    expect(expectedRequisitions({ ...nova, ...change })).toEqual([]);
  });

  it('uses the rule it is given', () => {
    const rule: DueRule = { q1: '04-15', q2: '07-15', q3: '10-15', q4: '01-15' };
    expect(expectedRequisitions({ ...nova, endDate: '2027-03-31' }, rule).map((r) => r.dueDate)).toEqual([
      '2027-04-15',
    ]);
  });
});

describe('planRequisitions', () => {
  it('creates every row for a new insats', () => {
    const plan = planRequisitions(nova, []);
    expect(keys(plan.create)).toEqual(['NOVA-2027-Q1', 'NOVA-2027-Q2', 'NOVA-2027-Q3', 'NOVA-2027-Q4']);
    expect(plan.update).toEqual([]);
    expect(plan.orphaned).toEqual([]);
  });

  it('plans nothing when the rows are in step', () => {
    const rows = [row(2027, 1, 'Betald'), row(2027, 2, 'Inkommen'), row(2027, 3), row(2027, 4)];
    expect(isEmptyRequisitionPlan(planRequisitions(nova, rows))).toBe(true);
  });

  it('creates only the missing quarters when the period is extended', () => {
    const rows = [row(2027, 1, 'Attesterad'), row(2027, 2), row(2027, 3), row(2027, 4)];
    const plan = planRequisitions({ ...nova, endDate: '2028-05-31' }, rows);
    expect(keys(plan.create)).toEqual(['NOVA-2028-Q1', 'NOVA-2028-Q2']);
    expect(plan.update).toEqual([]);
    expect(plan.orphaned).toEqual([]);
  });

  it('reports open rows outside a shortened period as orphaned, never a registered one', () => {
    const rows = [row(2027, 1, 'Granskad'), row(2027, 2), row(2027, 3), row(2027, 4)];
    const plan = planRequisitions({ ...nova, startDate: '2027-05-01', endDate: '2027-06-30' }, rows);
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(keys(plan.orphaned)).toEqual(['NOVA-2027-Q3', 'NOVA-2027-Q4']);
  });

  it.each(['Avslutad', 'Avbruten', 'Återtagen', 'Beviljad'] as const)(
    'orphans every open row when the stage becomes %s, and leaves registered ones alone',
    (stage) => {
      const rows = [row(2027, 1, 'Betald'), row(2027, 2, 'Avvisad'), row(2027, 3), row(2027, 4)];
      const plan = planRequisitions({ ...nova, stage }, rows);
      expect(plan.create).toEqual([]);
      expect(plan.update).toEqual([]);
      expect(keys(plan.orphaned)).toEqual(['NOVA-2027-Q3', 'NOVA-2027-Q4']);
    },
  );

  it('updates an open row whose DueDate no longer matches the rule, with its etag', () => {
    const rows = [row(2027, 1, 'Förväntad', { dueDate: '2027-05-14' }), row(2027, 2), row(2027, 3), row(2027, 4)];
    const plan = planRequisitions(nova, rows);
    expect(plan.update).toEqual([{ id: '20271', etag: '"etag-20271"', patch: { dueDate: '2027-04-30' } }]);
    expect(plan.create).toEqual([]);
    expect(plan.orphaned).toEqual([]);
  });

  it('follows a new due rule on open rows only', () => {
    const rule: DueRule = { ...DEFAULT_DUE_RULE, q2: '08-15', q3: '11-15' };
    const rows = [row(2027, 1), row(2027, 2, 'Inkommen'), row(2027, 3), row(2027, 4)];
    const plan = planRequisitions(nova, rows, rule);
    expect(plan.update).toEqual([{ id: '20273', etag: '"etag-20273"', patch: { dueDate: '2027-11-15' } }]);
  });

  it('never changes a registered row, even with a wrong DueDate', () => {
    const rows = [row(2027, 1, 'Inkommen', { dueDate: '2027-06-01' }), row(2027, 2), row(2027, 3), row(2027, 4)];
    expect(isEmptyRequisitionPlan(planRequisitions(nova, rows))).toBe(true);
  });

  it('moves the PeriodKey of open rows with the insats code, without creating a second set', () => {
    const rows = [row(2027, 1, 'Betald'), row(2027, 2), row(2027, 3), row(2027, 4)];
    const plan = planRequisitions({ ...nova, code: 'NOVA2' }, rows);
    expect(plan.create).toEqual([]);
    expect(plan.update.map((u) => u.patch)).toEqual([
      { periodKey: 'NOVA2-2027-Q2' },
      { periodKey: 'NOVA2-2027-Q3' },
      { periodKey: 'NOVA2-2027-Q4' },
    ]);
  });

  it('keeps the oldest of duplicate open rows and orphans the rest', () => {
    const rows = [
      row(2027, 1, 'Förväntad', { id: '12' }),
      row(2027, 1, 'Förväntad', { id: '9' }),
      row(2027, 2),
      row(2027, 3),
      row(2027, 4),
    ];
    const plan = planRequisitions(nova, rows);
    expect(plan.orphaned.map((r) => r.id)).toEqual(['12']);
    expect(plan.create).toEqual([]);
  });

  it('orphans an open row beside a registered one for the same quarter, and creates none', () => {
    const rows = [row(2027, 1, 'Förväntad', { id: '5' }), row(2027, 1, 'Inkommen', { id: '6' }), row(2027, 2)];
    const plan = planRequisitions({ ...nova, endDate: '2027-06-30' }, rows);
    expect(plan.orphaned.map((r) => r.id)).toEqual(['5']);
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([]);
  });

  it("ignores other insatser's rows", () => {
    const other = row(2027, 1, 'Förväntad', { id: '99', interventionId: '8', periodKey: 'ALFA-2027-Q1' });
    const plan = planRequisitions({ ...nova, endDate: '2027-03-31' }, [other]);
    expect(keys(plan.create)).toEqual(['NOVA-2027-Q1']);
    expect(plan.orphaned).toEqual([]);
  });
});

// --- property: planning again after applying a plan gives an empty plan -----------------------

const FIRST_DAY = dayNumber('2024-01-01');
const LAST_DAY = dayNumber('2030-12-31');
const arbDate = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(fromDayNumber);
const arbQuarter = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);
const arbStatus = fc.constantFrom(...REQUISITION_STATUSES);

const arbRow = fc.record({
  year: fc.integer({ min: 2023, max: 2031 }),
  quarter: arbQuarter,
  status: arbStatus,
  // a DueDate the rule would give, or one the kansli typed
  dueShift: fc.oneof(fc.constant(0), fc.integer({ min: -40, max: 40 })),
  code: fc.constantFrom('NOVA', 'NOVA', 'GAMMAL'),
  interventionId: fc.constantFrom('7', '7', '7', '8'),
});

const arbIntervention = fc.record({
  id: fc.constant('7'),
  code: fc.constant('NOVA'),
  stage: fc.constantFrom(...STAGES),
  startDate: fc.option(arbDate, { freq: 8 }),
  endDate: fc.option(arbDate, { freq: 8 }),
});

const arbRule = fc.oneof(
  fc.constant(DEFAULT_DUE_RULE),
  fc.constant<DueRule>({ q1: '04-15', q2: '07-15', q3: '10-15', q4: '02-29' }),
);

/** what the caller does: write the creates, patch the updates, remove the orphans */
function apply(rows: readonly Requisition[], plan: RequisitionPlan): Requisition[] {
  const gone = new Set(plan.orphaned.map((r) => r.id));
  const patches = new Map(plan.update.map((u) => [u.id, u.patch] as const));
  const kept = rows
    .filter((r) => !gone.has(r.id))
    .map((r) => ({ ...r, ...patches.get(r.id), etag: patches.has(r.id) ? `${r.etag}+` : r.etag }));
  const created = plan.create.map((r: NewRequisition, i) => ({ ...r, id: String(100_000 + i), etag: '"1"' }));
  return [...kept, ...created];
}

describe('planRequisitions (properties)', () => {
  it('is idempotent, never touches a registered row and leaves exactly one row per expected quarter', () => {
    fc.assert(
      fc.property(arbIntervention, fc.array(arbRow, { maxLength: 12 }), arbRule, (intervention, specs, rule) => {
        const existing: Requisition[] = specs.map((spec, i) => ({
          ...row(spec.year, spec.quarter, spec.status),
          id: String(i + 1),
          interventionId: spec.interventionId,
          periodKey: `${spec.code}-${spec.year}-Q${spec.quarter}`,
          dueDate: addDays(dueDateFor(spec.year, spec.quarter), spec.dueShift),
        }));
        const plan = planRequisitions(intervention, existing, rule);

        const touched = new Set([...plan.update.map((u) => u.id), ...plan.orphaned.map((r) => r.id)]);
        for (const r of existing) {
          if (r.status !== 'Förväntad' || r.interventionId !== '7') {
            expect(touched.has(r.id)).toBe(false);
          }
        }

        const after = apply(existing, plan);
        expect(isEmptyRequisitionPlan(planRequisitions(intervention, after, rule))).toBe(true);

        const ours = after.filter((r) => r.interventionId === '7');
        const expected = expectedRequisitions(intervention, rule);
        for (const wanted of expected) {
          const rows = ours.filter((r) => r.year === wanted.year && r.quarter === wanted.quarter);
          const open = rows.filter((r) => r.status === 'Förväntad');
          expect(rows.length).toBeGreaterThan(0);
          // never two open rows for a quarter, and none beside a registered invoice
          expect(open.length).toBe(rows.length === open.length ? 1 : 0);
          for (const r of open) {
            expect(r.dueDate).toBe(wanted.dueDate);
            expect(r.periodKey).toBe(wanted.periodKey);
          }
        }
        // open rows remain only for expected quarters
        const expectedQuarters = new Set(expected.map((e) => `${e.year}-${e.quarter}`));
        for (const r of ours.filter((o) => o.status === 'Förväntad')) {
          expect(expectedQuarters.has(`${r.year}-${r.quarter}`)).toBe(true);
        }
        // the period's quarters and the expected rows agree when the stage invoices
        if (
          REQUISITION_STAGES.includes(intervention.stage) &&
          intervention.startDate !== null &&
          intervention.endDate !== null
        ) {
          expect(expected.length).toBe(quartersOfPeriod(intervention.startDate, intervention.endDate).length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
