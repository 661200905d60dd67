import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import { formatSweepReport } from '../../../../src/services/sweep/format-sweep-report.ts';
import { sweepSteps } from '../../../../src/services/sweep/run-sweep.ts';
import { EMMA, STOCKHOLM, SweepWorld, textOf } from './sweep-world.ts';

const T10 = '2027-04-16T06:00:00Z';

describe('runSweep', () => {
  it('runs the invoicing steps, then the approvals pickup, then anomalies when asked', () => {
    expect(sweepSteps().map((step) => step.name)).toEqual(['Rekvisitioner', 'Påminnelser', 'Beslutsärenden']);
    expect(sweepSteps({ anomalies: true }).map((step) => step.name)).toEqual([
      'Rekvisitioner',
      'Påminnelser',
      'Beslutsärenden',
      'Avvikelser',
    ]);
  });

  it('still sends the reminders when the reconciliation fails, and says which step failed', async () => {
    const world = await SweepWorld.withNova('2027-04-01T06:00:00Z');
    await world.sweep(); // rows exist from an earlier sweep
    vi.spyOn(world.repos.interventions, 'list').mockRejectedValue(
      new AppError('UPSTREAM_FAILED', 'Graph answered 503 three times'),
    );

    const report = await world.sweepAt(T10);

    expect(report.steps.map((step) => [step.name, step.ok])).toEqual([
      ['Rekvisitioner', false],
      ['Påminnelser', true],
      ['Beslutsärenden', true],
    ]);
    expect(world.delivered()).toEqual([{ to: EMMA, text: 'reminder NOVA-2027-Q1 10' }]);
    expect(formatSweepReport(report, STOCKHOLM)).toContain(
      'Rekvisitioner: steget misslyckades – Graph answered 503 three times',
    );
  });

  it('reports a broken setting and goes on with its default', async () => {
    const world = await SweepWorld.withNova(T10);
    await world.repos.settings.set('paminnelse.arbetsdagar-fore', '[10, 5, "en"]');

    const report = await world.sweep();

    expect(textOf(report)).toContain('paminnelse.arbetsdagar-fore');
    expect(world.delivered()).toEqual([{ to: EMMA, text: 'reminder NOVA-2027-Q1 10' }]);
  });

  it('sends nothing on guessed defaults when the Settings list cannot be read', async () => {
    const world = await SweepWorld.withNova(T10);
    vi.spyOn(world.repos.settings, 'getAll').mockRejectedValue(new Error('Graph is down'));

    const report = await world.sweep();

    expect(world.delivered()).toEqual([]);
    expect(await world.rows()).toEqual([]);
    expect(report.settingsProblems).toEqual(['Inställningarna kunde inte läsas: Graph is down']);
    expect(report.steps.every((step) => !step.ok)).toBe(true);
  });

  it('prints a Swedish report: the date and time swept, rows created, reminders sent', async () => {
    const world = await SweepWorld.withNova(T10);
    const text = formatSweepReport(await world.sweep({ anomalies: true }), STOCKHOLM);

    expect(text).toContain('Svep av insatsregistret 2027-04-16 kl. 08:00 (Europe/Stockholm)');
    expect(text).toContain('4 skapade, 0 ändrade, 0 borttagna');
    expect(text).toContain('1 meddelande skickat');
    expect(text).toContain(
      '  Påminnelse om NOVA-2027-Q1 (sista dag 2027-04-30, 10 arbetsdagar kvar) skickad till Emma Ström',
    );
    expect(text).toMatch(/Avvikelser i registret: /);
  });
});
