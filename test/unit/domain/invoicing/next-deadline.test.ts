import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../../src/domain/calendar/iso-date.ts';
import type { Requisition } from '../../../../src/domain/entities/requisition.ts';
import { DEFAULT_DUE_RULE, dueDateFor } from '../../../../src/domain/invoicing/due-rule.ts';
import { nextDeadline } from '../../../../src/domain/invoicing/next-deadline.ts';
import { quarterEnd, quarterStart, quartersOfPeriod } from '../../../../src/domain/invoicing/quarters.ts';
import type { RequisitionStatus } from '../../../../src/domain/vocabulary.ts';

const nova = { id: '1', code: 'NOVA', startDate: '2025-01-01', endDate: '2027-12-31' };

function requisition(
  year: number,
  quarter: 1 | 2 | 3 | 4,
  status: RequisitionStatus,
  overrides: Partial<Requisition> = {},
): Requisition {
  return {
    id: `${year}${quarter}`,
    etag: '"1"',
    interventionId: '1',
    year,
    quarter,
    periodKey: `NOVA-${year}-Q${quarter}`,
    dueDate: dueDateFor(year, quarter),
    status,
    amount: null,
    specification: null,
    receivedDate: null,
    invoiceNumber: null,
    ...overrides,
  };
}

/** every quarter up to Q3 2026 invoiced, as in the demo on 2026-11-24 */
const history = quartersOfPeriod('2025-01-01', '2026-09-30').map(({ year, quarter }) =>
  requisition(year, quarter, 'Betald'),
);

describe('nextDeadline', () => {
  it('is the first quarter not yet invoiced whose due day has not passed', () => {
    expect(nextDeadline(nova, history, '2026-11-24')).toMatchObject({
      year: 2026,
      quarter: 4,
      periodKey: 'NOVA-2026-Q4',
      dueDate: '2027-01-20',
      requisition: null,
    });
  });

  it('skips a registered quarter and takes the one after', () => {
    const withQ4 = [...history, requisition(2026, 4, 'Inkommen')];
    expect(nextDeadline(nova, withQ4, '2026-11-24')).toMatchObject({
      periodKey: 'NOVA-2027-Q1',
      dueDate: '2027-04-30',
    });
  });

  it('counts an expected (Förväntad) row as open and uses its DueDate', () => {
    const expected = requisition(2026, 4, 'Förväntad', { dueDate: '2027-01-15' });
    expect(nextDeadline(nova, [...history, expected], '2026-11-24')).toMatchObject({
      periodKey: 'NOVA-2026-Q4',
      dueDate: '2027-01-15',
      requisition: expected,
    });
  });

  it('includes a deadline that is today and passes over one that was yesterday', () => {
    expect(nextDeadline(nova, history, '2027-01-20')?.periodKey).toBe('NOVA-2026-Q4');
    expect(nextDeadline(nova, history, '2027-01-21')?.periodKey).toBe('NOVA-2027-Q1');
  });

  it('ignores rows of other insatser', () => {
    const other = { ...requisition(2026, 4, 'Betald'), interventionId: '2' };
    expect(nextDeadline(nova, [...history, other], '2026-11-24')?.periodKey).toBe('NOVA-2026-Q4');
  });

  it('uses the rule it is given', () => {
    const rule = { ...DEFAULT_DUE_RULE, q4: '01-31' };
    expect(nextDeadline(nova, history, '2026-11-24', rule)?.dueDate).toBe('2027-01-29'); // 31 Jan 2027 is a Sunday
  });

  it('covers an insats that has not started yet, and none after its period', () => {
    const samutb = { id: '9', code: 'SAMUTB', startDate: '2027-01-01', endDate: '2027-12-31' };
    expect(nextDeadline(samutb, [], '2026-11-24')).toMatchObject({
      periodKey: 'SAMUTB-2027-Q1',
      dueDate: '2027-04-30',
    });
    expect(nextDeadline(samutb, [], '2028-01-21')).toBeNull();
    expect(nextDeadline(samutb, [], '2028-01-20')?.periodKey).toBe('SAMUTB-2027-Q4');
  });

  it('is null without a period', () => {
    expect(nextDeadline({ ...nova, startDate: null }, [], '2026-11-24')).toBeNull();
    expect(nextDeadline({ ...nova, endDate: null }, [], '2026-11-24')).toBeNull();
  });

  it('property: the deadline is today or later, its quarter overlaps the period, and no earlier open quarter is still due', () => {
    const dates = fc
      .integer({ min: dayNumber('2024-06-01'), max: dayNumber('2028-06-30') })
      .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
    const statuses = fc.constantFrom<RequisitionStatus | null>(null, 'Förväntad', 'Inkommen', 'Betald', 'Avvisad');
    fc.assert(
      fc.property(dates, fc.array(statuses, { minLength: 12, maxLength: 12 }), (today, perQuarter) => {
        const quarters = quartersOfPeriod(nova.startDate, nova.endDate);
        const rows = quarters.flatMap((quarter, index) => {
          const status = perQuarter[index] ?? null;
          return status === null ? [] : [requisition(quarter.year, quarter.quarter, status)];
        });
        const result = nextDeadline(nova, rows, today);
        const open = quarters.filter((quarter, index) => {
          const status = perQuarter[index] ?? null;
          return (status === null || status === 'Förväntad') && dueDateFor(quarter.year, quarter.quarter) >= today;
        });
        if (result === null) {
          expect(open).toEqual([]);
          return;
        }
        expect(result.dueDate >= today).toBe(true);
        expect(quarterStart(result) <= nova.endDate && quarterEnd(result) >= nova.startDate).toBe(true);
        expect({ year: result.year, quarter: result.quarter }).toEqual(open[0]);
      }),
    );
  });
});
