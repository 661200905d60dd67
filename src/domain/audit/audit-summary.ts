/**
 * AuditLog rows as a person reads them in the tab: one short Swedish line per row ("Skede:
 * Beredning → Förslag till styrelsen", "Röst: Godkänn", "Rekvisition NOVA-2027-Q1 registrerad"),
 * and an insats's stage history from its stage-change rows.
 *
 * Details is JSON written by the app, but the list is editable in SharePoint, so nothing here
 * trusts its shape: a field of the wrong type is left out of the line. Free text that a row may
 * carry (a vote's comment, a withdrawal's reason, a transition's comment) is never put in a line:
 * the line says what happened, not what someone wrote.
 */
import { formatKr } from '../format.ts';
import { STAGES, type Stage } from '../vocabulary.ts';

export type AuditLine = {
  readonly action: string;
  readonly entityList: string;
  readonly details: unknown;
};

/** what the row is about, when Details does not say it (an old row, a row typed by hand) */
export type AuditSubject = {
  /** the requisition's PeriodKey (rows about Requisitions) */
  readonly periodKey?: string | null;
  /** the approval's subject, e.g. Budgetändring (rows about Approvals) */
  readonly approvalSubject?: string | null;
};

/** the insats fields an update names, as the tab labels them */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'namn',
  code: 'kod',
  kind: 'typ av insats',
  ownerOrgId: 'projektägare',
  partnerOrgIds: 'parter',
  projectLeaderAadId: 'projektledare',
  startDate: 'startdatum',
  endDate: 'slutdatum',
  purpose: 'syfte',
  background: 'bakgrund och behov',
  goals: 'mål',
  targetGroup: 'målgrupp',
  methods: 'metoder',
  staffing: 'resurser och bemanning',
  anchoring: 'förankring',
  implementationPlan: 'implementeringsplan',
  applicationDetails: 'ansökans uppgifter',
  grantedAmount: 'beviljat belopp',
  decisionDate: 'beslutsdatum',
  decisionRef: 'beslutsparagraf',
  followUpRegistered: 'uppföljning registrerad',
  budget: 'budget',
};

/** which body an approval stage is, in a sentence: "till styrgruppen" */
const BODY_OF_STAGE: Readonly<Record<string, string>> = {
  Styrgrupp: 'styrgruppen',
  Förbundschef: 'förbundschefen',
  Beredningsgrupp: 'beredningsgruppen',
  Styrelse: 'styrelsen',
  Firmatecknare: 'firmatecknarna',
};

const REQUISITION_STEPS: Readonly<Record<string, string>> = {
  'rekvisition.registrerad': 'registrerad',
  'rekvisition.granskad': 'granskad',
  'rekvisition.attesterad': 'attesterad',
  'rekvisition.betald': 'betald',
  'rekvisition.avvisad': 'avvisad',
};

function record(details: unknown): Readonly<Record<string, unknown>> {
  return typeof details === 'object' && details !== null && !Array.isArray(details)
    ? (details as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function amount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function fieldList(value: unknown): string | null {
  if (!Array.isArray(value)) {
    return null;
  }
  const labels = value.flatMap((field) => (typeof field === 'string' ? [FIELD_LABELS[field] ?? field] : []));
  return labels.length === 0 ? null : labels.join(', ');
}

function stageOf(value: unknown): Stage | null {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value) ? (value as Stage) : null;
}

function refusal(line: AuditLine, details: Readonly<Record<string, unknown>>, subject: AuditSubject): string {
  const from = stageOf(details.from);
  const to = stageOf(details.to);
  if (line.entityList === 'Requisitions') {
    const periodKey = text(details.periodKey) ?? text(subject.periodKey);
    const attempted = text(details.attempted);
    return `Nekad: ${attempted ?? 'åtgärd på'} rekvisition${periodKey === null ? '' : ` ${periodKey}`}`;
  }
  if (line.entityList === 'Approvals') {
    const what = text(details.what);
    return what === null ? 'Nekad åtgärd i beslutsärendet' : `Nekad: ${what}`;
  }
  if (from !== null && to !== null) {
    return `Nekad: skede ${from} → ${to}`;
  }
  const changed = fieldList(details.changed);
  if (changed !== null) {
    return `Nekad: ändring av ${changed}`;
  }
  const action = text(details.action);
  if (action !== null) {
    return `Nekad: ändring av ${action}`;
  }
  // the refusal helper's rows name the action in a few words ("läsa insatsen", "skapa insats")
  const what = text(details.what);
  return what === null ? 'Nekad åtgärd' : `Nekad: ${what}`;
}

/** one short Swedish line for an AuditLog row */
export function summariseAuditEntry(line: AuditLine, subject: AuditSubject = {}): string {
  const details = record(line.details);
  const step = REQUISITION_STEPS[line.action];
  if (step !== undefined) {
    const periodKey = text(details.periodKey) ?? text(subject.periodKey);
    const sum = line.action === 'rekvisition.registrerad' ? amount(details.amount) : null;
    return `Rekvisition${periodKey === null ? '' : ` ${periodKey}`} ${step}${sum === null ? '' : ` (${formatKr(sum)})`}`;
  }
  switch (line.action) {
    case 'insats.skapad': {
      const to = stageOf(details.to);
      return to === null ? 'Insatsen skapad' : `Insatsen skapad som ${to}`;
    }
    case 'insats.uppdaterad': {
      const changed = fieldList(details.changed);
      return changed === null ? 'Uppgifter ändrade' : `Ändrat: ${changed}`;
    }
    case 'insats.budget': {
      const before = amount(details.before);
      const after = amount(details.after);
      return before === null || after === null ? 'Budget ändrad' : `Budget: ${formatKr(before)} → ${formatKr(after)}`;
    }
    case 'insats.inskickad': {
      const diaryNumber = text(details.diaryNumber);
      return diaryNumber === null ? 'Ansökan inskickad' : `Ansökan inskickad, diarienummer ${diaryNumber}`;
    }
    case 'insats.skede': {
      const from = stageOf(details.from);
      const to = stageOf(details.to);
      return from === null || to === null ? 'Skede ändrat' : `Skede: ${from} → ${to}`;
    }
    case 'budget.andrad': {
      const year = amount(details.year);
      if (details.applied === false) {
        return 'Godkänd budgetändring kunde inte genomföras';
      }
      return year === null ? 'Budgetändring genomförd' : `Budgetändring genomförd för ${year}`;
    }
    case 'beslut.startat': {
      const about = text(details.subject) ?? text(subject.approvalSubject);
      const body = BODY_OF_STAGE[text(details.stage) ?? ''];
      return `Beslut begärt${about === null ? '' : `: ${about}`}${body === undefined ? '' : ` till ${body}`}`;
    }
    case 'beslut.rost': {
      const decision = text(details.decision);
      const substitute = details.substitute === true ? ' (som ersättare)' : '';
      return decision === null ? `Röst lagd${substitute}` : `Röst: ${decision}${substitute}`;
    }
    case 'beslut.fattat': {
      const outcome = text(details.outcome);
      const body = BODY_OF_STAGE[text(details.stage) ?? ''];
      return `Beslut${body === undefined ? '' : ` i ${body}`}${outcome === null ? '' : `: ${outcome}`}`;
    }
    case 'beslut.aterkallat':
      return 'Beslutsärendet återkallat';
    case 'beslut.utganget':
      return 'Beslutsärendet gick ut utan beslut';
    case 'avtal.utkast':
      return 'Samarbetsavtalets utkast arkiverat och skickat till firmatecknarna';
    case 'avtal.signerat':
      return 'Samarbetsavtalet signerat av alla parter och arkiverat';
    case 'avtal.avslaget':
      return 'Samarbetsavtalet avslaget – utkastet tillbaka hos kansliet';
    case 'avtal.signering-misslyckad':
      return 'Samarbetsavtalet kunde inte signeras: utkastet hade ändrats eller saknades';
    case 'avtal.arkiverat':
      return 'Signerat samarbetsavtal arkiverat (inskannat)';
    case 'nekad':
      return refusal(line, details, subject);
    case 'installningar.andrad': {
      const changes = Array.isArray(details.changes) ? details.changes : [];
      const keys = changes.flatMap((change) => {
        const key = text(record(change).key);
        return key === null ? [] : [key];
      });
      return keys.length === 0 ? 'Inställningar ändrade' : `Inställningar ändrade: ${keys.join(', ')}`;
    }
    default:
      return line.action;
  }
}

export type StageChange<Entry> = {
  readonly entry: Entry;
  readonly from: Stage;
  readonly to: Stage;
};

/**
 * An insats's stage changes, oldest first, from its own AuditLog rows (`insats.skede` and
 * `insats.inskickad`, which both record `from` and `to`); rows without two readable stages are
 * left out.
 */
export function stageChangesOf<Entry extends AuditLine & { readonly at: string; readonly id: string }>(
  entries: readonly Entry[],
): StageChange<Entry>[] {
  return entries
    .filter(
      (entry) =>
        entry.entityList === 'Interventions' &&
        (entry.action === 'insats.skede' || entry.action === 'insats.inskickad'),
    )
    .flatMap((entry) => {
      const details = record(entry.details);
      const from = stageOf(details.from);
      const to = stageOf(details.to);
      return from === null || to === null ? [] : [{ entry, from, to }];
    })
    .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || Number(a.entry.id) - Number(b.entry.id));
}
