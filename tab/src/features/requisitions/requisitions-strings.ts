/**
 * Rekvisitioner's words, Swedish first, in the requisition card's wording
 * (bot/cards/requisition-card.ts) so the projektledare and the ekonom read the same thing in
 * chat and tab.
 */
import type { RequisitionAction } from '../../../../src/domain/invoicing/requisition-workflow.ts';
import type { RequisitionStatus } from '../../../../src/domain/vocabulary.ts';

const SV_WAITING_FOR: Readonly<Record<RequisitionStatus, string>> = {
  Förväntad: 'Väntar på att insatsen registrerar fakturan.',
  Inkommen: 'Väntar på ekonomens granskning.',
  Granskad: 'Väntar på förbundschefens attest.',
  Attesterad: 'Väntar på att ekonomen markerar fakturan som betald.',
  Betald: 'Fakturan är betald. Inget mer återstår.',
  Avvisad: 'Väntar på att insatsen registrerar en rättad faktura.',
};

const EN_WAITING_FOR: Readonly<Record<RequisitionStatus, string>> = {
  Förväntad: 'Waiting for the intervention to register the invoice.',
  Inkommen: "Waiting for the finance officer's review.",
  Granskad: "Waiting for the director's certification.",
  Attesterad: 'Waiting for the finance officer to mark the invoice as paid.',
  Betald: 'The invoice is paid. Nothing more to do.',
  Avvisad: 'Waiting for the intervention to register a corrected invoice.',
};

/** the buttons of the steps after registration */
const SV_STEP: Readonly<Record<Exclude<RequisitionAction, 'registrera'>, string>> = {
  granska: 'Markera som granskad',
  attestera: 'Attestera',
  betala: 'Markera som betald',
  avvisa: 'Avvisa',
};

const EN_STEP: typeof SV_STEP = {
  granska: 'Mark as reviewed',
  attestera: 'Certify',
  betala: 'Mark as paid',
  avvisa: 'Return',
};

/** "Fakturan är granskad." after a step */
const SV_DONE: Readonly<Record<RequisitionAction, string>> = {
  registrera: 'Fakturan är registrerad.',
  granska: 'Fakturan är granskad och går vidare till förbundschefens attest.',
  attestera: 'Fakturan är attesterad och går vidare till ekonomen för betalning.',
  betala: 'Fakturan är markerad som betald.',
  avvisa: 'Fakturan är avvisad och skickad tillbaka till insatsen med skälet.',
};

const EN_DONE: typeof SV_DONE = {
  registrera: 'The invoice is registered.',
  granska: "The invoice is reviewed and goes on to the director's certification.",
  attestera: 'The invoice is certified and goes on to the finance officer for payment.',
  betala: 'The invoice is marked as paid.',
  avvisa: 'The invoice is returned to the intervention with the reason.',
};

/** what an item in the inbox asks of me, in a few words */
const SV_TODO: Readonly<Record<RequisitionAction, string>> = {
  registrera: 'registrera',
  granska: 'granska',
  attestera: 'attestera',
  betala: 'betala',
  avvisa: 'avvisa',
};

const EN_TODO: typeof SV_TODO = {
  registrera: 'register',
  granska: 'review',
  attestera: 'certify',
  betala: 'pay',
  avvisa: 'return',
};

const sv = {
  title: 'Rekvisitioner',
  lead: 'Kvartalsfakturor (rekvisitioner) som väntar på dig: att registrera, granska, attestera eller betala.',
  loading: 'Laddar rekvisitioner …',
  toHandleTitle: 'Att hantera',
  othersTitle: 'Övriga',
  othersLead: 'Fakturor du följer men där nästa steg är någon annans.',
  emptyTitle: 'Inget väntar på dig',
  emptyLead:
    'Här visas kvartalsfakturor som väntar på dig: för en projektledare de som ska in inom 30 dagar eller är avvisade, för ekonomen de som ska granskas och betalas, för förbundschefen de som ska attesteras.',
  groupTitle: (status: string, count: number) => `${status} (${count})`,
  todo: (actions: readonly RequisitionAction[]) => `Att göra: ${actions.map((action) => SV_TODO[action]).join(', ')}`,
  backToList: 'Alla rekvisitioner',
  headline: (code: string, quarter: number, year: number) => `Faktura ${code}, kvartal ${quarter} ${year}`,
  insats: 'Insats',
  period: 'Period',
  dueDate: 'Sista dag',
  status: 'Status',
  invoiceNumber: 'Fakturanummer',
  amount: 'Belopp',
  received: 'Inkom',
  overdue: 'Försenad',
  overBudget: 'Över budget',
  overBudgetToReview: 'Över budget – ekonomen behöver titta på fakturan',
  overBudgetFallback: 'En budgetpost överskrids.',
  rejectionTitle: 'Skäl till avvisningen',
  waitingFor: (status: RequisitionStatus) => SV_WAITING_FOR[status],
  barredReview: 'Du registrerade fakturan och får därför inte också granska den (åtskilda arbetsuppgifter).',
  barredAttest:
    'Du registrerade eller granskade fakturan och får därför inte också attestera den (åtskilda arbetsuppgifter). Någon annan med förbundschefens attesträtt behöver attestera.',
  budgetTitle: (year: number) => `Budget ${year}`,
  budgetNote: 'Fakturerat räknar andra registrerade fakturor samma år, inte den här.',
  post: 'Post',
  granted: 'Beviljat',
  invoiced: 'Fakturerat',
  remaining: 'Kvar',
  thisInvoice: 'Denna faktura',
  mustContainTitle: 'Fakturan ska innehålla',
  mustContainName: (name: string) => `insatsens namn (${name})`,
  mustContainPeriod: (period: string) => `perioden (${period})`,
  mustContainSpecification: 'specifikation per budgetpost, med faktiska kostnader',
  registerTitle: 'Registrera fakturan',
  registerLead: 'Belopp skrivs som på fakturan, t.ex. 12 500 eller 12 500,50.',
  invoiceNumberLabel: 'Fakturanummer',
  receivedLabel: 'Fakturan kom in',
  receivedHint: 'Lämna tomt för i dag.',
  postLabel: (post: string, remaining: string) => `${post} (kvar ${remaining})`,
  postsLegend: 'Belopp per budgetpost',
  totalLabel: 'Totalt belopp (kr), summan av posterna',
  sumOfPosts: (sum: string) => `Summan av posterna: ${sum}.`,
  sumUnreadable: 'Summan av posterna kan inte räknas ut förrän varje belopp är ett tal.',
  registerButton: 'Registrera fakturan',
  registering: 'Registrerar …',
  registerFailed: 'Fakturan kunde inte registreras',
  fixMarked: 'Rätta det som är markerat och försök igen.',
  stepsTitle: 'Hantera fakturan',
  stepButton: (action: Exclude<RequisitionAction, 'registrera'>) => SV_STEP[action],
  reasonLabel: 'Skäl (krävs för att avvisa)',
  reasonHint: 'Vad behöver insatsen rätta? Projektledaren får se skälet.',
  working: 'Sparar …',
  stepFailed: 'Det gick inte',
  done: (action: RequisitionAction) => SV_DONE[action],
};

const en: typeof sv = {
  title: 'Requisitions',
  lead: 'Quarterly invoices (requisitions) waiting for you: to register, review, certify or pay.',
  loading: 'Loading requisitions …',
  toHandleTitle: 'To handle',
  othersTitle: 'Others',
  othersLead: 'Invoices you follow where the next step is someone else’s.',
  emptyTitle: 'Nothing is waiting for you',
  emptyLead:
    'This lists quarterly invoices waiting for you: for a project leader those due within 30 days or returned, for the finance officer those to review and pay, for the director those to certify.',
  groupTitle: (status, count) => `${status} (${count})`,
  todo: (actions) => `To do: ${actions.map((action) => EN_TODO[action]).join(', ')}`,
  backToList: 'All requisitions',
  headline: (code, quarter, year) => `Invoice ${code}, quarter ${quarter} ${year}`,
  insats: 'Intervention',
  period: 'Period',
  dueDate: 'Due',
  status: 'Status',
  invoiceNumber: 'Invoice number',
  amount: 'Amount',
  received: 'Received',
  overdue: 'Overdue',
  overBudget: 'Over budget',
  overBudgetToReview: 'Over budget – the finance officer needs to look at the invoice',
  overBudgetFallback: 'A budget post is exceeded.',
  rejectionTitle: 'Why it was returned',
  waitingFor: (status) => EN_WAITING_FOR[status],
  barredReview: 'You registered the invoice and so may not also review it (separation of duties).',
  barredAttest:
    "You registered or reviewed the invoice and so may not also certify it (separation of duties). Someone else with the director's authority needs to certify it.",
  budgetTitle: (year) => `Budget ${year}`,
  budgetNote: 'Invoiced counts the other registered invoices of the year, not this one.',
  post: 'Post',
  granted: 'Granted',
  invoiced: 'Invoiced',
  remaining: 'Remaining',
  thisInvoice: 'This invoice',
  mustContainTitle: 'The invoice must contain',
  mustContainName: (name) => `the intervention's name (${name})`,
  mustContainPeriod: (period) => `the period (${period})`,
  mustContainSpecification: 'a specification per budget post, with actual costs',
  registerTitle: 'Register the invoice',
  registerLead: 'Write amounts as on the invoice, e.g. 12 500 or 12 500,50.',
  invoiceNumberLabel: 'Invoice number',
  receivedLabel: 'Invoice received',
  receivedHint: 'Leave empty for today.',
  postLabel: (post, remaining) => `${post} (remaining ${remaining})`,
  postsLegend: 'Amount per budget post',
  totalLabel: 'Total amount (kr), the sum of the posts',
  sumOfPosts: (sum) => `Sum of the posts: ${sum}.`,
  sumUnreadable: 'The sum of the posts cannot be worked out until every amount is a number.',
  registerButton: 'Register the invoice',
  registering: 'Registering …',
  registerFailed: 'The invoice could not be registered',
  fixMarked: 'Correct what is marked and try again.',
  stepsTitle: 'Handle the invoice',
  stepButton: (action) => EN_STEP[action],
  reasonLabel: 'Reason (required to return)',
  reasonHint: 'What does the intervention need to correct? The project leader sees the reason.',
  working: 'Saving …',
  stepFailed: 'That did not work',
  done: (action) => EN_DONE[action],
};

export const requisitionsStrings = { sv, en };
export type RequisitionsStrings = typeof sv;
