/**
 * The settings screen's words: each setting with one plain sentence on what it changes for whom
 * (the meanings are those of src/sharepoint/schema.ts SETTING_DEFAULTS and the sweep's parsers).
 */
const MONTHS_SV = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const sv = {
  title: 'Inställningar',
  lead: 'Inställningarna gäller hela förbundet: när fakturor ska in, när projektledare och ekonom påminns och vem som beslutar om en budgetändring. En ändring gäller från nästa svep, inom en minut.',
  loading: 'Hämtar inställningarna …',
  readOnly: 'Bara kansliet kan ändra inställningarna. Du ser de värden som gäller nu.',
  problemsTitle: 'Några sparade värden går inte att läsa',
  problemsLead: 'För dem gäller förvalet tills någon sparar ett giltigt värde här:',
  months: MONTHS_SV,
  dayMonth: (day: number, month: number) => `${day} ${MONTHS_SV[month - 1] ?? ''}`,
  dueTitle: 'Fakturadag per kvartal',
  dueExplain:
    'Sista dag för projektledaren att skicka in kvartalets faktura (rekvisition); datumet syns i påminnelser, kort och kalendrar för alla insatser som följer förbundets regel. Är dagen en lördag, söndag eller helgdag flyttas den bakåt till närmast föregående arbetsdag.',
  dueOwnRule: 'En insats vars samarbetsavtal har en egen regel behåller den.',
  quarter: (quarter: number) =>
    [
      'Kvartal 1 (januari–mars)',
      'Kvartal 2 (april–juni)',
      'Kvartal 3 (juli–september)',
      'Kvartal 4 (oktober–december, fakturadagen infaller året efter)',
    ][quarter - 1] ?? `Kvartal ${quarter}`,
  day: 'Dag',
  month: 'Månad',
  remindersTitle: 'Påminnelser före fakturadagen',
  remindersExplain:
    'Så många arbetsdagar före fakturadagen får projektledaren en påminnelse i Teams om att fakturan ska in; utan några dagar skickas inga påminnelser.',
  reminder: (index: number) => `Påminnelse ${index} – arbetsdagar före`,
  removeReminder: (index: number) => `Ta bort påminnelse ${index}`,
  addReminder: 'Lägg till påminnelse',
  noReminders: 'Inga påminnelser skickas.',
  escalationTitle: 'Eskalering efter fakturadagen',
  escalationExplain:
    'Har fakturan inte kommit in så här många arbetsdagar efter fakturadagen får ekonomen en eskalering och projektledaren ett förseningsbesked.',
  escalation: 'Arbetsdagar efter fakturadagen',
  sendTimeTitle: 'Klockslag för påminnelser',
  sendTimeExplain:
    'Påminnelser och eskaleringar skickas på arbetsdagar från det här klockslaget, svensk tid, så att ingen får dem mitt i natten.',
  sendTime: 'Klockslag (TT:MM)',
  thresholdTitle: 'Gräns för mindre budgetändring',
  thresholdExplain:
    'En budgetändring som flyttar högst så här stor andel av insatsens budget för året mellan budgetposterna är en mindre ändring som förbundschefen beslutar om; en större går till styrelsen.',
  threshold: 'Procent av årets budget',
  defaultIs: (text: string) => `Förval: ${text}.`,
  workingDays: (days: readonly number[]) =>
    days.length === 0 ? 'inga påminnelser' : `${list(days.map(String), 'och')} arbetsdagar före`,
  percent: (value: number) => `${String(value).replace('.', ',')} %`,
  save: 'Spara inställningar',
  saving: 'Sparar …',
  savedTitle: 'Inställningarna är sparade',
  savedChanged: (labels: readonly string[]) => `Ändrat: ${list(labels, 'och')}.`,
  savedNothing: 'Inga värden ändrades – de var redan de som gäller.',
  nothingChanged: 'Du har inte ändrat något ännu.',
  refused: 'Inställningarna sparades inte – se fälten markerade i rött.',
  clientWhole: 'ska vara ett heltal, t.ex. 5',
  clientNumber: 'ska vara ett tal, t.ex. 10',
  clientTime: 'ska vara ett klockslag på formen TT:MM, t.ex. 08:00',
  labels: {
    dueRule: 'fakturadag per kvartal',
    reminderOffsets: 'påminnelser',
    escalationOffset: 'eskalering',
    sendTime: 'klockslag',
    changeThresholdPercent: 'gräns för mindre budgetändring',
  } as Record<string, string>,
};

export type SettingsStrings = typeof sv;

const en: SettingsStrings = {
  title: 'Settings',
  lead: 'The settings apply to the whole förbund: when invoices are due, when project leaders and the finance officer are reminded, and who decides a budget change. A change applies from the next sweep, within a minute.',
  loading: 'Loading the settings …',
  readOnly: 'Only the office can change the settings. You see the values in force.',
  problemsTitle: 'Some stored values cannot be read',
  problemsLead: 'For these the default applies until someone saves a valid value here:',
  months: MONTHS_EN,
  dayMonth: (day: number, month: number) => `${day} ${MONTHS_EN[month - 1] ?? ''}`,
  dueTitle: 'Invoice due day per quarter',
  dueExplain:
    "The last day for the project leader to send in the quarter's invoice (requisition); the date appears in reminders, cards and calendars for every intervention that follows the förbund's rule. A Saturday, Sunday or public holiday moves back to the previous working day.",
  dueOwnRule: 'An intervention whose agreement has a rule of its own keeps it.',
  quarter: (quarter: number) =>
    [
      'Quarter 1 (January–March)',
      'Quarter 2 (April–June)',
      'Quarter 3 (July–September)',
      'Quarter 4 (October–December, due the following year)',
    ][quarter - 1] ?? `Quarter ${quarter}`,
  day: 'Day',
  month: 'Month',
  remindersTitle: 'Reminders before the due day',
  remindersExplain:
    'This many working days before the due day the project leader gets a reminder in Teams that the invoice is due; with no days, no reminders are sent.',
  reminder: (index: number) => `Reminder ${index} – working days before`,
  removeReminder: (index: number) => `Remove reminder ${index}`,
  addReminder: 'Add reminder',
  noReminders: 'No reminders are sent.',
  escalationTitle: 'Escalation after the due day',
  escalationExplain:
    'If the invoice has not come in this many working days after the due day, the finance officer gets an escalation and the project leader a notice that it is late.',
  escalation: 'Working days after the due day',
  sendTimeTitle: 'Time of day for reminders',
  sendTimeExplain:
    'Reminders and escalations go out on working days from this time, Swedish time, so nobody gets them in the middle of the night.',
  sendTime: 'Time (HH:MM)',
  thresholdTitle: 'Threshold of a minor budget change',
  thresholdExplain:
    "A budget change moving at most this share of the intervention's budget for the year between posts is minor and decided by the director; a larger one goes to the board.",
  threshold: "Per cent of the year's budget",
  defaultIs: (text: string) => `Default: ${text}.`,
  workingDays: (days: readonly number[]) =>
    days.length === 0 ? 'no reminders' : `${list(days.map(String), 'and')} working days before`,
  percent: (value: number) => `${value} %`,
  save: 'Save settings',
  saving: 'Saving …',
  savedTitle: 'The settings are saved',
  savedChanged: (labels: readonly string[]) => `Changed: ${list(labels, 'and')}.`,
  savedNothing: 'No values changed – they already were the ones in force.',
  nothingChanged: 'You have not changed anything yet.',
  refused: 'The settings were not saved – see the fields marked in red.',
  clientWhole: 'must be a whole number, e.g. 5',
  clientNumber: 'must be a number, e.g. 10',
  clientTime: 'must be a time as HH:MM, e.g. 08:00',
  labels: {
    dueRule: 'invoice due day per quarter',
    reminderOffsets: 'reminders',
    escalationOffset: 'escalation',
    sendTime: 'time of day',
    changeThresholdPercent: 'threshold of a minor budget change',
  },
};

export const settingsStrings = { sv, en };
