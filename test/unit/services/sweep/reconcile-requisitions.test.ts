import { describe, expect, it, vi } from 'vitest';
import { countOf } from '../../../../src/services/sweep/run-sweep.ts';
import { SweepWorld, textOf } from './sweep-world.ts';

// a Tuesday night: no reminders are due, so these tests see the reconciliation alone
const NIGHT = '2026-11-24T23:00:00Z';

const byKey = (rows: { periodKey: string; dueDate: string; status: string }[]) =>
  rows
    .map((row) => `${row.periodKey} ${row.dueDate} ${row.status}`)
    .sort()
    .join('\n');

describe('reconciling requisitions in the sweep', () => {
  it('creates one Förväntad row per quarter of the period, due by the förbund rule', async () => {
    const world = await SweepWorld.withNova(NIGHT);
    const report = await world.sweep();

    expect(byKey(await world.rows())).toBe(
      [
        'NOVA-2027-Q1 2027-04-30 Förväntad',
        // 31 July 2027 is a Saturday and 31 October a Sunday: the working day before
        'NOVA-2027-Q2 2027-07-30 Förväntad',
        'NOVA-2027-Q3 2027-10-29 Förväntad',
        'NOVA-2027-Q4 2028-01-20 Förväntad',
      ].join('\n'),
    );
    expect(countOf(report, 'Rekvisitioner', 'created')).toBe(4);
    expect(textOf(report)).toContain('NOVA: 4 förväntade rekvisitioner skapade – NOVA-2027-Q1 (sista dag 2027-04-30)');
  });

  it('skips an unchanged insats on the next sweep without reading its rows', async () => {
    const world = await SweepWorld.withNova(NIGHT);
    await world.sweep();
    const reads = vi.spyOn(world.repos.requisitions, 'listByIntervention');
    const writes = vi.spyOn(world.repos.requisitions, 'createMany');

    const report = await world.sweep();

    expect(reads).not.toHaveBeenCalled();
    expect(writes).not.toHaveBeenCalled();
    expect(countOf(report, 'Rekvisitioner', 'unchanged')).toBe(1);
    expect(await world.rows()).toHaveLength(4);
  });

  it('follows an EndDate the kansli changes, and never touches a registered invoice', async () => {
    const world = await SweepWorld.withNova(NIGHT, { endDate: '2027-06-30' });
    await world.sweep();
    const q1 = await world.row('NOVA-2027-Q1');
    await world.repos.requisitions.update(q1.id, { status: 'Inkommen', amount: 250_000, receivedDate: '2027-04-20' });
    const nova = await world.repos.interventions.findByCode('NOVA');
    // the period now starts in Q2 and runs to the end of September: Q1 is outside, Q3 new
    await world.repos.interventions.update(nova?.id ?? '', { startDate: '2027-04-01', endDate: '2027-09-30' });

    const report = await world.sweep();

    expect(byKey(await world.rows())).toBe(
      [
        'NOVA-2027-Q1 2027-04-30 Inkommen',
        'NOVA-2027-Q2 2027-07-30 Förväntad',
        'NOVA-2027-Q3 2027-10-29 Förväntad',
      ].join('\n'),
    );
    expect(textOf(report)).toContain('NOVA: förväntad rekvisition skapad – NOVA-2027-Q3');
  });

  it('removes the open rows of an insats stopped (Avbruten), keeps its registered ones, then leaves it be', async () => {
    const world = await SweepWorld.withNova(NIGHT);
    await world.sweep();
    const q1 = await world.row('NOVA-2027-Q1');
    await world.repos.requisitions.update(q1.id, { status: 'Granskad' });
    const nova = await world.repos.interventions.findByCode('NOVA');
    await world.repos.interventions.update(nova?.id ?? '', { stage: 'Avbruten' });

    const report = await world.sweep();

    expect(byKey(await world.rows())).toBe('NOVA-2027-Q1 2027-04-30 Granskad');
    expect(textOf(report)).toContain('NOVA: NOVA-2027-Q2 borttagen (insatsen är Avbruten)');
    expect((await world.repos.interventions.findByCode('NOVA'))?.requisitionSync ?? null).toBeNull();

    const reads = vi.spyOn(world.repos.requisitions, 'listByIntervention');
    await world.sweep();
    expect(reads).not.toHaveBeenCalled();
  });

  it("uses the insats's own due rule, and the förbund's with a problem when the insats's is broken", async () => {
    const world = await SweepWorld.withNova(NIGHT, {
      invoiceDueRule: JSON.stringify({ q1: '04-15', q2: '07-15', q3: '10-15', q4: '01-15' }),
    });
    await world.addInsats({ code: 'ENTER', projectLeaderAadId: null, invoiceDueRule: '{"q1": "30 april"' });

    const report = await world.sweep();

    // 15 April 2027 is a Thursday, 15 January 2028 a Saturday
    expect((await world.row('NOVA-2027-Q1')).dueDate).toBe('2027-04-15');
    expect((await world.row('NOVA-2027-Q4')).dueDate).toBe('2028-01-14');
    expect((await world.row('ENTER-2027-Q1')).dueDate).toBe('2027-04-30');
    expect(textOf(report)).toContain('ENTER: insatsens egen förfalloregel går inte att läsa');
    expect(textOf(report)).toContain('förbundets regel används');
  });

  it('moves the open rows when the kansli changes the förbund rule in Settings', async () => {
    const world = await SweepWorld.withNova(NIGHT);
    await world.sweep();
    await world.repos.settings.set('faktura.forfalloregel', '{"q1":"05-14","q2":"08-14","q3":"11-12","q4":"01-20"}');

    const report = await world.sweep();

    expect((await world.row('NOVA-2027-Q1')).dueDate).toBe('2027-05-14');
    expect(textOf(report)).toContain('NOVA: NOVA-2027-Q1 har ny sista dag 2027-05-14');
  });

  it('with --full replans an unchanged insats: a row deleted by hand comes back', async () => {
    const world = await SweepWorld.withNova(NIGHT);
    await world.sweep();
    await world.repos.requisitions.delete((await world.row('NOVA-2027-Q3')).id);

    await world.sweep();
    expect(await world.rows()).toHaveLength(3);

    await world.sweep({ full: true });
    expect((await world.row('NOVA-2027-Q3')).status).toBe('Förväntad');
  });

  it('leaves a quarter alone when another instance created its row first (409 on PeriodKey)', async () => {
    const world = await SweepWorld.withNova(NIGHT);
    const nova = await world.repos.interventions.findByCode('NOVA');
    // what a second instance would have written a moment earlier
    await world.repos.requisitions.create({
      interventionId: nova?.id ?? '',
      year: 2027,
      quarter: 1,
      periodKey: 'NOVA-2027-Q1',
      dueDate: '2027-04-30',
      status: 'Förväntad',
      amount: null,
      specification: null,
      receivedDate: null,
      invoiceNumber: null,
    });
    const listRows = vi.spyOn(world.repos.requisitions, 'listByIntervention').mockResolvedValueOnce([]);

    const report = await world.sweep();

    listRows.mockRestore();
    expect(await world.rows()).toHaveLength(4);
    expect(countOf(report, 'Rekvisitioner', 'deferred')).toBe(1);
    expect(report.steps.flatMap((step) => step.problems)).toEqual([]);
  });
});
