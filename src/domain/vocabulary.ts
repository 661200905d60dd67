/**
 * The Swedish vocabulary of a samordningsförbund, as stored in SharePoint choice columns
 * (DESIGN.md §5). Shared by the domain, the SharePoint schema and the tab.
 */

export const STAGES = [
  'Idé',
  'Ansökan',
  'Inkommen',
  'Beredning',
  'Komplettering',
  'Förslag till styrelsen',
  'Beviljad',
  'Avslagen',
  'Avtal',
  'Uppstart',
  'Pågående',
  'Avslutas',
  'Avslutad',
  'Avbruten',
  'Återtagen',
] as const;

export const ROLES = [
  'Styrelseledamot',
  'Styrelseersättare',
  'Ordförande',
  'Beredningsgrupp',
  'Förbundschef',
  'Ekonom',
  'Processledare',
  'Nämndsekreterare',
  'Projektledare',
  'Projektägare',
  'Styrgrupp',
  'Firmatecknare',
] as const;

export const ORG_TYPES = ['Stat', 'Region', 'Kommun', 'Annan'] as const;
export const INTERVENTION_KINDS = ['Individinriktad', 'Strukturell'] as const;
export const BUDGET_CATEGORIES = [
  'Personal',
  'Lokaler',
  'Kompetensutveckling',
  'Utvärdering',
  'Material',
  'Övrigt',
] as const;
export const REQUISITION_STATUSES = ['Förväntad', 'Inkommen', 'Granskad', 'Attesterad', 'Betald', 'Avvisad'] as const;
export const APPROVAL_SUBJECTS = ['Ansökan', 'Budgetändring', 'Planändring', 'Samarbetsavtal', 'Rekvisition'] as const;
export const APPROVAL_STAGES = ['Styrgrupp', 'Förbundschef', 'Beredningsgrupp', 'Styrelse', 'Firmatecknare'] as const;
export const APPROVAL_RULES = ['Alla', 'Majoritet', 'Först svarande', 'En per medlemsorganisation'] as const;
export const APPROVAL_STATUSES = ['Pågår', 'Godkänd', 'Avslagen', 'Återkallad', 'Utgången'] as const;
export const VOTE_DECISIONS = ['Godkänn', 'Avslå', 'Avstår'] as const;
export const NOTIFICATION_KINDS = ['Godkännande', 'Påminnelse', 'Eskalering', 'Information'] as const;
export const NOTIFICATION_STATUSES = ['Väntar', 'Skickad', 'Misslyckad'] as const;
export const CONVERSATION_SCOPES = ['personal', 'channel', 'groupChat'] as const;
export const MEETING_BODIES = ['Styrelse', 'Beredningsgrupp', 'Styrgrupp'] as const;
export const AGREEMENT_STATUSES = ['Utkast', 'Under signering', 'Signerat', 'Ersatt'] as const;
export const DOCUMENT_KINDS = [
  'Ansökan',
  'Bilaga',
  'Fakturaspecifikation',
  'Lägesrapport',
  'Slutrapport',
  'Metodhandbok',
  'Utvärdering',
  'Protokoll',
] as const;

export type Stage = (typeof STAGES)[number];
export type Role = (typeof ROLES)[number];
export type OrgType = (typeof ORG_TYPES)[number];
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];
export type ApprovalSubject = (typeof APPROVAL_SUBJECTS)[number];
export type ApprovalStage = (typeof APPROVAL_STAGES)[number];
export type ApprovalRule = (typeof APPROVAL_RULES)[number];
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export type VoteDecision = (typeof VOTE_DECISIONS)[number];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export type ConversationScope = (typeof CONVERSATION_SCOPES)[number];
export type MeetingBody = (typeof MEETING_BODIES)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** the kansli: who keeps the register and sees every insats */
export const KANSLI_ROLES: readonly Role[] = ['Förbundschef', 'Ekonom', 'Processledare', 'Nämndsekreterare'];
/** the board (styrelsen), ordförande included */
export const BOARD_ROLES: readonly Role[] = ['Styrelseledamot', 'Styrelseersättare', 'Ordförande'];
/** the roles held for one insats (RoleAssignments.Intervention set) */
export const INSATS_ROLES: readonly Role[] = ['Projektledare', 'Projektägare', 'Styrgrupp'];
