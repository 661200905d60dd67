import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../../../src/domain/entities/intervention.ts';
import { portfolioOverview } from '../../../../src/domain/portfolio/portfolio-overview.ts';
import type { RequisitionStatus, Stage } from '../../../../src/domain/vocabulary.ts';
import { STAGES } from '../../../../src/domain/vocabulary.ts';

function insats(id: string, code: string, stage: Stage): Intervention {
  return { id, code, stage, title: `Insatsen ${code}` } as Intervention;
}

function requisition(
  interventionId: string,
  periodKey: string,
  dueDate: string,
  status: RequisitionStatus,
  amount: number | null,
) {
  return { interventionId, periodKey, year: Number(periodKey.split('-')[1]), dueDate, status, amount };
}

describe('portfolioOverview', () => {
  const interventions = [
    insats('1', 'NOVA', 'Pågående'),
    insats('2', 'SAMSYN', 'Förslag till styrelsen'),
    insats('3', 'GAMMAL', 'Avbruten'),
    insats('4', 'KLAR', 'Avslutad'),
  ];
  const budgetLines = [
    { interventionId: '1', year: 2026, amount: 400_000 },
    { interventionId: '1', year: 2027, amount: 500_000 },
    { interventionId: '2', year: 2027, amount: 900_000 },
    { interventionId: '3', year: 2026, amount: 300_000 },
    { interventionId: '4', year: 2024, amount: 100_000 },
    { interventionId: '99', year: 2026, amount: 1_000_000 },
  ];

  it('counts every stage, sums granted and invoiced per year, and lists open invoices up to a year overdue', () => {
    const overview = portfolioOverview({
      interventions,
      budgetLines,
      requisitions: [
        requisition('1', 'NOVA-2026-Q1', '2026-04-30', 'Betald', 90_000),
        requisition('1', 'NOVA-2026-Q2', '2026-07-31', 'Inkommen', 110_000),
        requisition('1', 'NOVA-2025-Q4', '2026-01-20', 'Förväntad', null),
        requisition('1', 'NOVA-2026-Q3', '2026-10-30', 'Förväntad', null),
        requisition('1', 'NOVA-2026-Q4', '2027-01-20', 'Förväntad', null),
        requisition('1', 'NOVA-2026-X', '2026-11-20', 'Avvisad', 50_000),
        requisition('3', 'GAMMAL-2026-Q2', '2026-07-31', 'Attesterad', 20_000),
        requisition('3', 'GAMMAL-2026-Q3', '2026-12-01', 'Förväntad', null),
        requisition('99', 'OKAND-2026-Q3', '2026-12-01', 'Förväntad', null),
        requisition('4', 'KLAR-2024-Q4', '2025-01-20', 'Granskad', 80_000),
      ],
      today: '2026-11-24',
    });
    expect(overview.stages).toHaveLength(STAGES.length);
    expect(overview.stages.map((row) => row.stage)).toEqual([...STAGES]);
    expect(overview.stages.filter((row) => row.count > 0)).toEqual(
      [
        { stage: 'Förslag till styrelsen', count: 1 },
        { stage: 'Avslutad', count: 1 },
        { stage: 'Avbruten', count: 1 },
        { stage: 'Pågående', count: 1 },
      ].sort((a, b) => STAGES.indexOf(a.stage as Stage) - STAGES.indexOf(b.stage as Stage)),
    );
    // SAMSYN is not granted yet and GAMMAL was stopped: neither counts as granted money
    expect(overview.years).toEqual([
      { year: 2024, granted: 100_000, invoiced: 80_000 },
      { year: 2026, granted: 400_000, invoiced: 220_000 },
      { year: 2027, granted: 500_000, invoiced: 0 },
    ]);
    expect(overview.totals).toEqual({ granted: 1_000_000, invoiced: 300_000 });
    // overdue by 25 days and by ten months are shown (first: the oldest is the most urgent);
    // the unknown insats's row is not ours
    expect(overview.deadlines.map((row) => `${row.periodKey} ${row.status}`)).toEqual([
      'NOVA-2025-Q4 Förväntad',
      'NOVA-2026-Q3 Förväntad',
      'NOVA-2026-X Avvisad',
      'GAMMAL-2026-Q3 Förväntad',
      'NOVA-2026-Q4 Förväntad',
    ]);
    expect(overview.deadlines[2]).toEqual({
      periodKey: 'NOVA-2026-X',
      interventionId: '1',
      code: 'NOVA',
      title: 'Insatsen NOVA',
      dueDate: '2026-11-20',
      status: 'Avvisad',
    });
  });

  it('keeps at most ten deadlines, soonest first, and counts only what it is given', () => {
    const requisitions = Array.from({ length: 14 }, (_, index) =>
      requisition(
        '1',
        `NOVA-${2027 + Math.floor(index / 4)}-Q${(index % 4) + 1}`,
        `2027-${String(12 - (index % 12)).padStart(2, '0')}-01`,
        'Förväntad',
        null,
      ),
    );
    const overview = portfolioOverview({
      interventions: [interventions[0] as Intervention],
      budgetLines,
      requisitions,
      today: '2026-11-24',
    });
    expect(overview.deadlines).toHaveLength(10);
    const dates = overview.deadlines.map((row) => row.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect(overview.stages.reduce((sum, row) => sum + row.count, 0)).toBe(1);
    expect(overview.years).toEqual([
      { year: 2026, granted: 400_000, invoiced: 0 },
      { year: 2027, granted: 500_000, invoiced: 0 },
    ]);
  });

  it('is empty but complete for someone who sees nothing', () => {
    const overview = portfolioOverview({ interventions: [], budgetLines, requisitions: [], today: '2026-11-24' });
    expect(overview).toMatchObject({ years: [], deadlines: [], totals: { granted: 0, invoiced: 0 } });
    expect(overview.stages.every((row) => row.count === 0)).toBe(true);
  });
});
