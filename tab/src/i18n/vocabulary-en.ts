/**
 * English names of the Swedish values stored in SharePoint (stages, roles, statuses, posts), for
 * the English view. Unknown values are shown as stored.
 */
const EN: Readonly<Record<string, string>> = {
  // stages
  Idé: 'Idea',
  Ansökan: 'Application',
  Inkommen: 'Received',
  Beredning: 'In preparation',
  Komplettering: 'Supplement requested',
  'Förslag till styrelsen': 'Proposed to the board',
  Beviljad: 'Granted',
  Avslagen: 'Rejected',
  Avtal: 'Agreement',
  Uppstart: 'Start-up',
  Pågående: 'Running',
  Avslutas: 'Closing',
  Avslutad: 'Closed',
  Avbruten: 'Cancelled',
  Återtagen: 'Withdrawn',
  // roles
  Styrelseledamot: 'Board member',
  Styrelseersättare: 'Deputy board member',
  Ordförande: 'Chair',
  Beredningsgrupp: 'Preparatory group',
  Förbundschef: 'Director',
  Ekonom: 'Finance officer',
  Processledare: 'Process manager',
  Nämndsekreterare: 'Board secretary',
  Projektledare: 'Project leader',
  Projektägare: 'Project owner',
  Styrgrupp: 'Steering group',
  Firmatecknare: 'Authorised signatory',
  // requisition statuses
  Förväntad: 'Expected',
  Granskad: 'Reviewed',
  Attesterad: 'Certified',
  Betald: 'Paid',
  Avvisad: 'Returned',
  // approvals
  Pågår: 'Open',
  Godkänd: 'Approved',
  Återkallad: 'Withdrawn',
  Utgången: 'Expired',
  Godkänn: 'Approve',
  Avslå: 'Reject',
  Avstår: 'Abstain',
  Budgetändring: 'Budget change',
  Planändring: 'Plan change',
  Samarbetsavtal: 'Cooperation agreement',
  Rekvisition: 'Requisition',
  Styrelse: 'Board',
  Alla: 'All',
  Majoritet: 'Majority',
  'Först svarande': 'First to answer',
  'En per medlemsorganisation': 'One per member organisation',
  // budget posts
  Personal: 'Staff',
  Lokaler: 'Premises',
  Kompetensutveckling: 'Training',
  Utvärdering: 'Evaluation',
  Material: 'Materials',
  Övrigt: 'Other',
  // kinds
  Individinriktad: 'Individual',
  Strukturell: 'Structural',
  // documents
  Bilaga: 'Attachment',
  Fakturaspecifikation: 'Invoice specification',
  Lägesrapport: 'Progress report',
  Slutrapport: 'Final report',
  Metodhandbok: 'Method handbook',
  Protokoll: 'Minutes',
  // agreements
  Utkast: 'Draft',
  'Under signering': 'Being signed',
  Signerat: 'Signed',
  Ersatt: 'Replaced',
};

export function termIn(language: 'sv' | 'en', value: string): string {
  return language === 'sv' ? value : (EN[value] ?? value);
}
