/**
 * The SharePoint schema of Insatsnavet (DESIGN.md §5), defined once.
 *
 * Internal column names are English and stable; display names and choice values are Swedish,
 * because the kansli reads and edits these lists in SharePoint. A list's title is fixed when it
 * is created (Graph v1.0 cannot rename a list) and becomes its URL name.
 *
 * Provisioning creates what is missing from this file; repositories read and write by these
 * names; the demo data is validated against it. Changing a name here is a migration.
 */

import {
  AGREEMENT_STATUSES,
  APPROVAL_RULES,
  APPROVAL_STAGES,
  APPROVAL_STATUSES,
  APPROVAL_SUBJECTS,
  BUDGET_CATEGORIES,
  CONVERSATION_SCOPES,
  DOCUMENT_KINDS,
  INTERVENTION_KINDS,
  MEETING_BODIES,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  ORG_TYPES,
  REQUISITION_STATUSES,
  ROLES,
  STAGES,
  VOTE_DECISIONS,
} from '../domain/vocabulary.ts';

/** The code's names for the lists (English); their SharePoint titles are in `title`. */
export type ListKey =
  | 'Members'
  | 'RoleAssignments'
  | 'Interventions'
  | 'BudgetLines'
  | 'Requisitions'
  | 'Approvals'
  | 'Votes'
  | 'Notifications'
  | 'Conversations'
  | 'Meetings'
  | 'AuditLog'
  | 'Settings'
  | 'Agreements'
  | 'Documents';

type ColumnBase = {
  /** internal name: the key in Graph `fields` (lookups are written and read as `<name>LookupId`) */
  readonly name: string;
  /** Swedish display name shown in SharePoint */
  readonly displayName: string;
  /** columns used in $filter/$orderby must be indexed (≤ 20 per list) */
  readonly indexed?: boolean;
  /** enforceUniqueValues; SharePoint requires a unique column to be indexed */
  readonly unique?: boolean;
  readonly required?: boolean;
};

export type ColumnSpec = ColumnBase &
  (
    | { readonly type: 'text'; readonly multiline?: boolean }
    | { readonly type: 'number'; readonly decimals?: 'none' | 'two' }
    | { readonly type: 'currency' }
    | { readonly type: 'dateTime'; readonly dateOnly: boolean }
    | { readonly type: 'boolean' }
    | { readonly type: 'choice'; readonly choices: readonly string[] }
    | { readonly type: 'lookup'; readonly list: ListKey; readonly multi?: boolean }
  );

export type ListSpec = {
  readonly key: ListKey;
  /** the Swedish title the list is created with; it becomes the URL name */
  readonly title: string;
  readonly description: string;
  readonly template: 'genericList' | 'documentLibrary';
  /** the Swedish display name of the built-in Title column (generic lists only) */
  readonly titleDisplayName?: string;
  /** the Title column is the list's key (Settings): indexed and enforceUniqueValues */
  readonly titleUnique?: boolean;
  readonly columns: readonly ColumnSpec[];
};

const text = (name: string, displayName: string, extra: Partial<ColumnBase> = {}): ColumnSpec => ({
  name,
  displayName,
  type: 'text',
  ...extra,
});
const note = (name: string, displayName: string): ColumnSpec => ({
  name,
  displayName,
  type: 'text',
  multiline: true,
});
const date = (name: string, displayName: string, extra: Partial<ColumnBase> = {}): ColumnSpec => ({
  name,
  displayName,
  type: 'dateTime',
  dateOnly: true,
  ...extra,
});
const instant = (name: string, displayName: string, extra: Partial<ColumnBase> = {}): ColumnSpec => ({
  name,
  displayName,
  type: 'dateTime',
  dateOnly: false,
  ...extra,
});
const choice = (
  name: string,
  displayName: string,
  choices: readonly string[],
  extra: Partial<ColumnBase> = {},
): ColumnSpec => ({ name, displayName, type: 'choice', choices, ...extra });
const lookup = (
  name: string,
  displayName: string,
  list: ListKey,
  extra: Partial<ColumnBase> & { multi?: boolean } = {},
): ColumnSpec => ({ name, displayName, type: 'lookup', list, ...extra });
const money = (name: string, displayName: string): ColumnSpec => ({ name, displayName, type: 'currency' });
const integer = (name: string, displayName: string, extra: Partial<ColumnBase> = {}): ColumnSpec => ({
  name,
  displayName,
  type: 'number',
  decimals: 'none',
  ...extra,
});
const flag = (name: string, displayName: string): ColumnSpec => ({ name, displayName, type: 'boolean' });

export const SCHEMA: readonly ListSpec[] = [
  {
    key: 'Members',
    title: 'Medlemmar',
    description: 'Förbundets medlemsorganisationer och deras finansieringsandelar.',
    template: 'genericList',
    titleDisplayName: 'Organisation',
    columns: [
      choice('OrgType', 'Organisationstyp', ORG_TYPES),
      { name: 'FinancingSharePct', displayName: 'Finansieringsandel (%)', type: 'number', decimals: 'two' },
      flag('Active', 'Aktiv'),
    ],
  },
  {
    key: 'Interventions',
    title: 'Insatser',
    description: 'Insatsregistret: varje insats och var den står i sin livscykel.',
    template: 'genericList',
    titleDisplayName: 'Insatsens namn',
    columns: [
      text('Code', 'Kod', { indexed: true, unique: true, required: true }),
      choice('Kind', 'Typ av insats', INTERVENTION_KINDS),
      choice('Stage', 'Skede', STAGES, { indexed: true, required: true }),
      lookup('OwnerOrg', 'Projektägare (organisation)', 'Members'),
      lookup('PartnerOrgs', 'Samverkansparter', 'Members', { multi: true }),
      text('ProjectLeaderAadId', 'Projektledare (Entra-id)', { indexed: true }),
      date('StartDate', 'Startdatum'),
      date('EndDate', 'Slutdatum', { indexed: true }),
      money('GrantedAmount', 'Beviljat belopp'),
      date('DecisionDate', 'Beslutsdatum'),
      text('DecisionRef', 'Beslutsparagraf (§)'),
      // indexed + unique: the year's numbers are found with startswith, and a race gives 409, not a duplicate
      text('DiaryNumber', 'Diarienummer', { indexed: true, unique: true }),
      flag('FollowUpRegistered', 'Registrerad i Uppföljning Finsam'),
      note('Purpose', 'Syfte'),
      note('Background', 'Bakgrund och behov'),
      note('Goals', 'Mål'),
      note('TargetGroup', 'Målgrupp'),
      note('Methods', 'Metoder'),
      note('Staffing', 'Resurser och bemanning'),
      note('Anchoring', 'Förankring'),
      note('ImplementationPlan', 'Implementeringsplan'),
      // SMART goals, målgrupp counts, signatories and the four criteria of the application
      note('ApplicationDetails', 'Ansökans uppgifter (JSON)'),
      // the samarbetsavtal's own invoice due rule, same JSON as Settings faktura.forfalloregel; empty: the förbund's
      note('InvoiceDueRule', 'Förfalloregel för fakturor (JSON, ersätter förbundets)'),
      // written by the sweep: what the Requisitions rows were last planned from, so unchanged insatser are skipped
      text('RequisitionSync', 'Rekvisitioner avstämda mot (systemfält)'),
    ],
  },
  {
    key: 'RoleAssignments',
    title: 'Roller',
    description: 'Vem har vilken roll: styrelse, beredningsgrupp, kansli, styrgrupper, projektledare, firmatecknare.',
    template: 'genericList',
    titleDisplayName: 'Namn',
    columns: [
      text('AadObjectId', 'Entra-id', { indexed: true, required: true }),
      text('Email', 'E-post'),
      choice('Role', 'Roll', ROLES, { indexed: true, required: true }),
      lookup('MemberOrg', 'Medlemsorganisation', 'Members'),
      lookup('Intervention', 'Insats', 'Interventions', { indexed: true }),
      date('ValidFrom', 'Gäller från'),
      date('ValidTo', 'Gäller till'),
    ],
  },
  {
    key: 'BudgetLines',
    title: 'Budgetposter',
    description: 'Beviljad budget per insats, år och budgetpost.',
    template: 'genericList',
    titleDisplayName: 'Rubrik',
    columns: [
      lookup('Intervention', 'Insats', 'Interventions', { indexed: true, required: true }),
      integer('Year', 'År'),
      choice('Category', 'Budgetpost', BUDGET_CATEGORIES),
      money('Amount', 'Belopp'),
    ],
  },
  {
    key: 'Requisitions',
    title: 'Rekvisitioner',
    description: 'Kvartalsvisa rekvisitioner (fakturor) från insatserna.',
    template: 'genericList',
    titleDisplayName: 'Rubrik',
    columns: [
      lookup('Intervention', 'Insats', 'Interventions', { indexed: true, required: true }),
      integer('Year', 'År'),
      integer('Quarter', 'Kvartal'),
      text('PeriodKey', 'Periodnyckel', { indexed: true, unique: true, required: true }),
      date('DueDate', 'Sista dag', { indexed: true }),
      choice('Status', 'Status', REQUISITION_STATUSES, { indexed: true, required: true }),
      money('Amount', 'Belopp'),
      note('Specification', 'Specifikation (JSON)'),
      date('ReceivedDate', 'Inkom'),
      text('InvoiceNumber', 'Fakturanummer'),
      // set at registration when a budget post would be overdrawn: the ekonom reviews it, nothing is silently accepted
      flag('OverBudget', 'Över budget – granskas'),
      note('BudgetWarning', 'Budgetavvikelse'),
      note('RejectionReason', 'Skäl för avvisning'),
    ],
  },
  {
    key: 'Approvals',
    title: 'Beslutsärenden',
    description:
      'Ärenden som väntar på beslut av styrgrupp, förbundschef, beredningsgrupp, styrelse eller firmatecknare.',
    template: 'genericList',
    titleDisplayName: 'Ärende',
    columns: [
      lookup('Intervention', 'Insats', 'Interventions', { indexed: true }),
      choice('Subject', 'Ärendetyp', APPROVAL_SUBJECTS),
      choice('Stage', 'Beslutsinstans', APPROVAL_STAGES),
      choice('Rule', 'Beslutsregel', APPROVAL_RULES),
      choice('Status', 'Status', APPROVAL_STATUSES, { indexed: true, required: true }),
      date('DueDate', 'Svara senast', { indexed: true }),
      text('RequestedByAadId', 'Begärt av (Entra-id)'),
      money('Amount', 'Belopp'),
      note('Payload', 'Underlag (JSON)'),
      lookup('Previous', 'Föregående ärende', 'Approvals'),
    ],
  },
  {
    key: 'Votes',
    title: 'Röster',
    description: 'Varje röst i ett beslutsärende.',
    template: 'genericList',
    titleDisplayName: 'Rubrik',
    columns: [
      lookup('Approval', 'Beslutsärende', 'Approvals', { indexed: true, required: true }),
      text('VoterAadId', 'Röstande (Entra-id)'),
      lookup('OnBehalfOfOrg', 'För organisation', 'Members'),
      choice('Decision', 'Beslut', VOTE_DECISIONS),
      note('Comment', 'Kommentar'),
      text('VoteKey', 'Röstnyckel', { indexed: true, unique: true, required: true }),
    ],
  },
  {
    key: 'Notifications',
    title: 'Utskick',
    description: 'Utskick i Teams (kort, påminnelser, eskaleringar): skrivs innan de skickas.',
    template: 'genericList',
    titleDisplayName: 'Rubrik',
    columns: [
      text('Key', 'Nyckel', { indexed: true, unique: true, required: true }),
      choice('Kind', 'Typ', NOTIFICATION_KINDS),
      text('RecipientAadId', 'Mottagare (Entra-id)', { indexed: true }),
      choice('Status', 'Status', NOTIFICATION_STATUSES, { indexed: true, required: true }),
      integer('Attempts', 'Försök'),
      text('ActivityId', 'Aktivitets-id'),
      text('ConversationId', 'Konversations-id'),
      note('LastError', 'Senaste fel'),
      instant('NotBefore', 'Skickas tidigast', { indexed: true }),
      // the message itself, so that a row left 'Väntar' by a crash can be sent by any instance
      note('Payload', 'Meddelande (JSON)'),
    ],
  },
  {
    key: 'Conversations',
    title: 'Konversationer',
    description: 'Var boten är installerad och hur den når dit.',
    template: 'genericList',
    titleDisplayName: 'Rubrik',
    columns: [
      text('Key', 'Nyckel', { indexed: true, unique: true, required: true }),
      choice('Scope', 'Omfång', CONVERSATION_SCOPES),
      note('Reference', 'Referens (JSON)'),
      flag('Active', 'Aktiv'),
    ],
  },
  {
    key: 'Meetings',
    title: 'Sammanträden',
    description: 'Sammanträden för styrelse, beredningsgrupp och styrgrupper.',
    template: 'genericList',
    titleDisplayName: 'Rubrik',
    columns: [
      choice('Body', 'Organ', MEETING_BODIES),
      lookup('Intervention', 'Insats', 'Interventions'),
      date('Date', 'Datum', { indexed: true }),
      date('PapersDue', 'Handlingar senast'),
    ],
  },
  {
    key: 'AuditLog',
    title: 'Händelselogg',
    description: 'Vem gjorde vad och när. Skrivs bara till, ändras aldrig.',
    template: 'genericList',
    titleDisplayName: 'Rubrik',
    columns: [
      instant('At', 'Tidpunkt', { indexed: true, required: true }),
      text('ActorAadId', 'Utförd av (Entra-id)', { indexed: true }),
      text('Action', 'Händelse'),
      text('EntityList', 'Lista'),
      text('EntityId', 'Post-id', { indexed: true }),
      note('Details', 'Detaljer (JSON)'),
    ],
  },
  {
    key: 'Settings',
    title: 'Inställningar',
    description: 'Förbundets inställningar: fakturaregel, påminnelser, gränsen för mindre ändringar.',
    template: 'genericList',
    titleDisplayName: 'Nyckel',
    titleUnique: true,
    columns: [note('Value', 'Värde')],
  },
  {
    key: 'Agreements',
    title: 'Samarbetsavtal',
    description: 'Samarbetsavtal per insats: utkast, under signering och signerade.',
    template: 'documentLibrary',
    columns: [
      lookup('Intervention', 'Insats', 'Interventions', { indexed: true }),
      choice('AgreementStatus', 'Avtalsstatus', AGREEMENT_STATUSES),
      date('ValidFrom', 'Gäller från'),
      date('ValidTo', 'Gäller till'),
      note('Parties', 'Parter'),
      date('SignedDate', 'Signerat datum'),
      text('Sha256', 'SHA-256'),
      // the signing's Approvals row, and who signed for which party when (one line each)
      text('ApprovalId', 'Beslutsärende'),
      note('Signatories', 'Undertecknare'),
    ],
  },
  {
    key: 'Documents',
    // Not 'Dokument': that is the title of the default library ("Shared Documents") on every
    // Swedish SharePoint site, which provisioning would otherwise adopt and fill with columns.
    title: 'Insatsdokument',
    description: 'Ansökningar, bilagor, rapporter, protokoll och fakturaspecifikationer per insats.',
    template: 'documentLibrary',
    columns: [
      lookup('Intervention', 'Insats', 'Interventions', { indexed: true }),
      choice('DocumentKind', 'Dokumenttyp', DOCUMENT_KINDS),
      text('Period', 'Period'),
    ],
  },
];

/** Settings keys and their defaults (DESIGN.md §5). Values are stored as text (JSON where structured). */
export const SETTING_DEFAULTS = {
  /** the invoice due rule: the month after the quarter ends, last day; Q4 on 20 January */
  'faktura.forfalloregel': JSON.stringify({ q1: '04-30', q2: '07-31', q3: '10-31', q4: '01-20' }),
  /** working days before the due day on which the projektledare is reminded */
  'paminnelse.arbetsdagar-fore': JSON.stringify([10, 5, 1]),
  /** working days after the due day on which the ekonom gets an escalation */
  'eskalering.arbetsdagar-efter': '1',
  /** local time from which reminders are sent on working days */
  'paminnelse.klockslag': '08:00',
  /**
   * a budget change (moves between posts within one year, total unchanged) of at most this share of
   * the insats's budget that year (%) is minor: the förbundschef decides on delegation; above it, the
   * styrelse (src/domain/approvals/budget-change.ts)
   */
  'andring.grans-procent': '10',
  /** the diarienummer of incoming applications: {år} the year, {nr:3} the year's number with 3 digits */
  'diarium.format': 'SFV {år}/{nr:3}',
  /** the förbund's name, as the samarbetsavtal names the financing party */
  'forbund.namn': 'Samordningsförbundet',
} as const satisfies Record<string, string>;

export function listSpec(key: ListKey): ListSpec {
  const spec = SCHEMA.find((list) => list.key === key);
  if (spec === undefined) {
    throw new Error(`No list '${key}' in schema.ts`);
  }
  return spec;
}
