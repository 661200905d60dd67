/**
 * The sweep's report in Swedish, as `npm run sweep` prints it: what was created, changed and
 * removed, which reminders and escalations went to whom, and what the kansli should look at.
 */
import type { Anomaly } from '../../domain/anomalies/anomaly.ts';
import { countOf, type SweepReport } from './run-sweep.ts';

export function formatSweepReport(report: SweepReport, timeZone: string): string {
  const lines = [`Svep av insatsregistret ${report.today} kl. ${localTime(report.now, timeZone)} (${timeZone})`];

  const reconcile = report.steps.find((step) => step.name === 'Rekvisitioner');
  if (reconcile?.ok) {
    const figure = (name: string): number => countOf(report, 'Rekvisitioner', name);
    lines.push(
      `Rekvisitioner: ${figure('considered')} insatser med kvartalsfakturering, ${figure('replanned')} avstämda på nytt; ` +
        `${figure('created')} skapade, ${figure('updated')} ändrade, ${figure('removed')} borttagna.`,
    );
  }
  const reminders = report.steps.find((step) => step.name === 'Påminnelser');
  if (reminders?.ok) {
    const figure = (name: string): number => countOf(report, 'Påminnelser', name);
    const sent = figure('sent');
    lines.push(
      `Påminnelser: ${figure('dueRows')} förväntade fakturor inom påminnelsefönstret; ${sent} ${sent === 1 ? 'meddelande skickat' : 'meddelanden skickade'}, ` +
        `${figure('alreadyClaimed')} redan skickade tidigare.`,
    );
  }
  for (const step of report.steps) {
    for (const line of step.lines) {
      lines.push(`  ${line}`);
    }
  }

  const problems = [
    ...report.settingsProblems.map((problem) => `Inställningar: ${problem}`),
    ...report.steps.flatMap((step) => [
      ...(step.error === null ? [] : [`${step.name}: steget misslyckades – ${step.error}`]),
      ...step.problems,
    ]),
  ];
  if (problems.length > 0) {
    lines.push(`Att åtgärda (${problems.length}):`);
    for (const problem of problems) {
      lines.push(`  ${problem}`);
    }
  }
  if (report.anomalies !== null) {
    lines.push(...anomalyLines(report.anomalies));
  }
  return lines.join('\n');
}

function anomalyLines(anomalies: readonly Anomaly[]): string[] {
  if (anomalies.length === 0) {
    return ['Avvikelser i registret: inga.'];
  }
  const errors = anomalies.filter((anomaly) => anomaly.severity === 'fel').length;
  const warnings = anomalies.length - errors;
  const lines = [
    `Avvikelser i registret: ${anomalies.length} ${anomalies.length === 1 ? 'avvikelse' : 'avvikelser'} (${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}):`,
  ];
  for (const anomaly of anomalies) {
    lines.push(
      `  ${anomaly.severity.padEnd(7)} ${(anomaly.interventionCode ?? '–').padEnd(8)} ${anomaly.title}: ${anomaly.message}`,
    );
  }
  // the sweep repairs derived rows (requisitions) but never the register itself
  lines.push('Inget har ändrats för avvikelserna: kansliet avgör vad som ska rättas.');
  return lines;
}

function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}
