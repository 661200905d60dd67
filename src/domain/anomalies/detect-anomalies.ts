/**
 * Finds the register's anomalies (see anomaly.ts). Pure: the caller reads the lists and passes
 * them in, so the tab, the API and `npm run sweep` report the same things.
 */
import type { BudgetLine } from '../entities/budget-line.ts';
import type { Intervention } from '../entities/intervention.ts';
import type { AgreementFile, DocumentFile } from '../entities/library-file.ts';
import type { RoleAssignment } from '../entities/role-assignment.ts';
import { formatKr } from '../format.ts';
import type { Stage } from '../vocabulary.ts';
import type { Anomaly, AnomalyCode, AnomalySeverity, UnreadableRow } from './anomaly.ts';

export type RegisterSnapshot = {
  readonly interventions: readonly Intervention[];
  readonly roleAssignments: readonly RoleAssignment[];
  readonly budgetLines: readonly BudgetLine[];
  readonly agreements: readonly AgreementFile[];
  readonly documents: readonly DocumentFile[];
  readonly unreadableRows: readonly UnreadableRow[];
  readonly today: string;
};

/** stages an insats can only be in after the board granted it */
export const GRANTED_STAGES: readonly Stage[] = [
  'Beviljad',
  'Avtal',
  'Uppstart',
  'Pågående',
  'Avslutas',
  'Avslutad',
  'Avbruten',
];
/** stages an application reaches only by being submitted */
export const SUBMITTED_STAGES: readonly Stage[] = [
  'Inkommen',
  'Beredning',
  'Komplettering',
  'Förslag till styrelsen',
  'Avslagen',
  ...GRANTED_STAGES,
];
const RUNNING_STAGES: readonly Stage[] = ['Uppstart', 'Pågående'];

export function detectAnomalies(snapshot: RegisterSnapshot): Anomaly[] {
  const found = snapshot.interventions.flatMap((intervention) => anomaliesOf(intervention, snapshot));
  const unreadable = snapshot.unreadableRows.map(
    (row): Anomaly => ({
      code: 'OLASBAR_RAD',
      interventionId: row.listKey === 'Interventions' ? row.itemId : null,
      interventionCode: null,
      title: 'Rad som inte kan läsas',
      message: `Rad ${row.itemId} i listan ${row.listKey} kunde inte läsas och hoppas över: ${row.issues
        .map((issue) => `${issue.field} ${issue.message}`)
        .join('; ')}.`,
      severity: 'fel',
    }),
  );
  return [...found, ...unreadable].sort(
    (a, b) => (a.interventionCode ?? '~').localeCompare(b.interventionCode ?? '~') || a.code.localeCompare(b.code),
  );
}

function anomaliesOf(intervention: Intervention, snapshot: RegisterSnapshot): Anomaly[] {
  const found: Anomaly[] = [];
  const add = (code: AnomalyCode, title: string, message: string, severity: AnomalySeverity = 'fel'): void => {
    found.push({
      code,
      interventionId: intervention.id,
      interventionCode: intervention.code,
      title,
      message,
      severity,
    });
  };
  const { stage, code } = intervention;

  if (RUNNING_STAGES.includes(stage) && !hasSignedAgreement(intervention.id, snapshot.agreements)) {
    add('AVTAL_SAKNAS', 'Igång utan signerat avtal', `${code} är ${stage} men har inget signerat samarbetsavtal.`);
  }
  if (
    intervention.startDate !== null &&
    intervention.endDate !== null &&
    intervention.endDate < intervention.startDate
  ) {
    add(
      'PERIOD_OMVAND',
      'Slutdatum före startdatum',
      `${code} slutar ${intervention.endDate}, före startdatum ${intervention.startDate}.`,
    );
  }
  if (intervention.projectLeaderAadId !== null && !hasLeaderRole(intervention, snapshot)) {
    add(
      'PROJEKTLEDARE_UTAN_ROLL',
      'Projektledare utan roll',
      `${code} har en projektledare (${intervention.projectLeaderAadId}) som saknar rollen Projektledare för insatsen i Roller.`,
      'varning',
    );
  }
  if (GRANTED_STAGES.includes(stage) && (intervention.decisionDate === null || isBlank(intervention.decisionRef))) {
    add('BESLUT_SAKNAS', 'Beslut saknas', `${code} är ${stage} men beslutsdatum eller beslutsparagraf saknas.`);
  }
  if (SUBMITTED_STAGES.includes(stage) && isBlank(intervention.diaryNumber)) {
    add('DIARIENUMMER_SAKNAS', 'Diarienummer saknas', `${code} är ${stage} men saknar diarienummer.`);
  }
  const organisations = new Set([
    ...(intervention.ownerOrgId === null ? [] : [intervention.ownerOrgId]),
    ...intervention.partnerOrgIds,
  ]);
  if (SUBMITTED_STAGES.includes(stage) && organisations.size < 2) {
    add(
      'FOR_FA_MEDLEMMAR',
      'För få medlemsorganisationer',
      `${code} är ${stage} men har ${organisations.size} medlemsorganisation${organisations.size === 1 ? '' : 'er'}; minst två krävs.`,
    );
  }
  if (stage === 'Avslutad' && !hasFinalReport(intervention.id, snapshot.documents)) {
    add('SLUTRAPPORT_SAKNAS', 'Slutrapport saknas', `${code} är Avslutad men ingen slutrapport finns.`, 'varning');
  }
  if (GRANTED_STAGES.includes(stage)) {
    const budget = snapshot.budgetLines
      .filter((line) => line.interventionId === intervention.id)
      .reduce((sum, line) => sum + line.amount, 0);
    if (intervention.grantedAmount === null) {
      add('BUDGET_AVVIKER', 'Beviljat belopp saknas', `${code} är ${stage} men beviljat belopp saknas.`);
    } else if (Math.round(budget) !== Math.round(intervention.grantedAmount)) {
      add(
        'BUDGET_AVVIKER',
        'Budget stämmer inte med beviljat belopp',
        `${code}: budgetposterna är ${formatKr(budget)} men beviljat belopp är ${formatKr(intervention.grantedAmount)}.`,
      );
    }
  }
  return found;
}

function isBlank(value: string | null): boolean {
  return value === null || value.trim() === '';
}

export function hasSignedAgreement(interventionId: string, agreements: readonly AgreementFile[]): boolean {
  return agreements.some((file) => file.interventionId === interventionId && file.agreementStatus === 'Signerat');
}

export function hasFinalReport(interventionId: string, documents: readonly DocumentFile[]): boolean {
  return documents.some((file) => file.interventionId === interventionId && file.documentKind === 'Slutrapport');
}

function hasLeaderRole(intervention: Intervention, snapshot: RegisterSnapshot): boolean {
  const leader = intervention.projectLeaderAadId?.toLowerCase();
  return snapshot.roleAssignments.some(
    (row) =>
      row.role === 'Projektledare' &&
      row.interventionId === intervention.id &&
      row.aadObjectId.toLowerCase() === leader &&
      (row.validTo === null || row.validTo >= snapshot.today),
  );
}
