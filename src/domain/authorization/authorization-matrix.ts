/**
 * Who may do what in Insatsnavet (issue 9 item 3; research/domain.md §3): one row per action, one
 * column per role (and "no role"), each cell the conditions under which a holder of that role may
 * act. This array is the one source: `may()` evaluates it for the services, the README's table is
 * rendered from it (a test keeps the two equal), and the table-driven service test walks every
 * cell. A cell is a list of alternatives; an alternative is a list of conditions that must all
 * hold. `[]` is no, `[[]]` is yes.
 *
 * Access principle: the kansli works with everything; the board and the beredningsgrupp read
 * everything and act only where they decide; the people of an insats (projektledare,
 * projektägare, styrgrupp) see and act on their own insatser only.
 */
import type { Role } from '../vocabulary.ts';

export const NO_ROLE = 'Ingen roll';
export type Column = Role | typeof NO_ROLE;

/** the matrix's columns, in the README's order: the kansli, the board, the bodies, the insats's people */
export const MATRIX_COLUMNS: readonly Column[] = [
  'Förbundschef',
  'Ekonom',
  'Processledare',
  'Nämndsekreterare',
  'Ordförande',
  'Styrelseledamot',
  'Styrelseersättare',
  'Beredningsgrupp',
  'Styrgrupp',
  'Projektledare',
  'Projektägare',
  'Firmatecknare',
  NO_ROLE,
];

/** the roles held for one insats: their cells may say "egen insats" */
export const PER_INSATS_COLUMNS: readonly Column[] = ['Styrgrupp', 'Projektledare', 'Projektägare'];

export type Condition =
  /** the role is held for this insats (Projektledare also by the insats's ProjectLeaderAadId) */
  | 'egen-insats'
  /** the person holds a seat in the approval's current stage (snapshot taken when the stage opened) */
  | 'beslutande'
  /** the person asked for the approval */
  | 'begarde'
  /** the lifecycle's rule for this transition names the role's party (transition-rules.ts) */
  | 'livscykeln'
  /** the person did not register this invoice (separation of duties) */
  | 'inte-registrerat'
  /** the person did not review this invoice */
  | 'inte-granskat';

export type Cell = readonly (readonly Condition[])[];

export const AUTHORIZATION_ACTIONS = [
  'lasa-insats',
  'skapa-utkast',
  'andra-utkast',
  'andra-registeruppgifter',
  'skicka-in',
  'byta-skede',
  'begara-beslut',
  'lasa-beslutsarende',
  'rosta',
  'aterkalla-beslut',
  'lasa-delegationsbeslut',
  'registrera',
  'granska',
  'attestera',
  'betala',
  'avvisa',
  'ladda-upp',
  'starta-signering',
  'arkivera-avtal',
  'lasa-registervyn',
  'lasa-avvikelser',
  'lasa-installningar',
  'andra-installningar',
  'kalenderlank',
] as const;
export type AuthorizationAction = (typeof AUTHORIZATION_ACTIONS)[number];

export type ActionSpec = {
  readonly action: AuthorizationAction;
  /** what is done, in Swedish, as the table names it */
  readonly label: string;
  /** the same in a few words, as the AuditLog's `nekad` rows name it ("Nekad: röst") */
  readonly short: string;
  /** the word for it */
  readonly english: string;
  /** where it is asked for: routes, bot commands, card buttons */
  readonly where: string;
  /** lists answer with what the caller may see instead of refusing */
  readonly filters?: boolean;
  /** the Swedish refusal when no cell applies */
  readonly refusal: string;
  readonly cells: Readonly<Record<Column, Cell>>;
};

const YES: Cell = [[]];
const NO: Cell = [];
const when = (...conditions: Condition[]): Cell => [conditions];

const KANSLI_COLUMNS = ['Förbundschef', 'Ekonom', 'Processledare', 'Nämndsekreterare'] as const;
const BOARD_COLUMNS = ['Ordförande', 'Styrelseledamot', 'Styrelseersättare'] as const;

/** every column no, then the given cells */
function cells(given: Partial<Record<Column, Cell>>): Readonly<Record<Column, Cell>> {
  return Object.fromEntries(MATRIX_COLUMNS.map((column) => [column, given[column] ?? NO])) as Record<Column, Cell>;
}

function each(columns: readonly Column[], cell: Cell): Partial<Record<Column, Cell>> {
  return Object.fromEntries(columns.map((column) => [column, cell]));
}

/** the kansli, the board and the beredningsgrupp see every insats; its own people see theirs */
const READS_INSATSER = cells({
  ...each(KANSLI_COLUMNS, YES),
  ...each(BOARD_COLUMNS, YES),
  Beredningsgrupp: YES,
  ...each(PER_INSATS_COLUMNS, when('egen-insats')),
});

/** the kansli, and the insats's projektledare and projektägare ("sökande") */
const KANSLI_AND_APPLICANTS = cells({
  ...each(KANSLI_COLUMNS, YES),
  Projektledare: when('egen-insats'),
  Projektägare: when('egen-insats'),
});

const KANSLI_ONLY = cells(each(KANSLI_COLUMNS, YES));

export const AUTHORIZATION_MATRIX: readonly ActionSpec[] = [
  {
    action: 'lasa-insats',
    short: 'läsa insatsen',
    label: 'Läsa en insats: uppgifter, budget, rekvisitioner, beslutsärenden, dokument, händelselogg',
    english: 'read',
    where:
      '`GET /api/insatser/:id`, `GET /api/rekvisitioner/:periodKey`, boten `status`, `faktura`; listorna (`GET /api/insatser`, `/api/oversikt`) visar bara dessa',
    refusal: 'Du har ingen roll i den här insatsen.',
    cells: READS_INSATSER,
  },
  {
    action: 'skapa-utkast',
    short: 'skapa insats',
    label: 'Skapa en insats (idé eller ansökningsutkast)',
    english: 'draft: create',
    where: '`POST /api/insatser`',
    refusal:
      'Nya ansökningar skapas av kansliet eller av den som arbetar med insatser (projektledare, projektägare, styrgrupp). Styrelsen, beredningsgruppen och firmatecknarna bedömer och undertecknar ansökningar men skapar dem inte.',
    cells: cells({
      ...each(KANSLI_COLUMNS, YES),
      Styrgrupp: YES,
      Projektledare: YES,
      Projektägare: YES,
    }),
  },
  {
    action: 'andra-utkast',
    short: 'ändra ansökan',
    label: 'Ändra ansökans uppgifter och budget (i Idé, Ansökan, Komplettering)',
    english: 'draft: edit',
    where: '`PATCH /api/insatser/:id` (ansökans fält), `PUT /api/insatser/:id/budget`',
    refusal: 'Bara insatsens projektledare eller projektägare eller kansliet får ändra ansökan.',
    cells: KANSLI_AND_APPLICANTS,
  },
  {
    action: 'andra-registeruppgifter',
    short: 'ändra registeruppgifter',
    label: 'Ändra registeruppgifter (beviljat belopp, beslutsdatum, §, uppföljning)',
    english: 'register fields',
    where: '`PATCH /api/insatser/:id` (registerfälten)',
    refusal: 'Bara kansliet får ändra registeruppgifterna.',
    cells: KANSLI_ONLY,
  },
  {
    action: 'skicka-in',
    short: 'skicka in ansökan',
    label: 'Skicka in ansökan',
    english: 'submit',
    where: '`POST /api/insatser/:id/skicka-in`',
    refusal: 'Bara insatsens projektledare eller projektägare eller kansliet får skicka in ansökan.',
    cells: KANSLI_AND_APPLICANTS,
  },
  {
    action: 'byta-skede',
    short: 'byta skede',
    label: 'Flytta insatsen till ett annat skede (övergångarna i livscykeltabellen)',
    english: 'transition',
    where: '`POST /api/insatser/:id/skede`',
    refusal: 'Du får inte flytta insatsen till det skedet.',
    cells: cells({
      ...each(KANSLI_COLUMNS, when('livscykeln')),
      Projektledare: when('egen-insats', 'livscykeln'),
      Projektägare: when('egen-insats', 'livscykeln'),
    }),
  },
  {
    action: 'begara-beslut',
    short: 'starta beslutsärende',
    label: 'Begära ett beslut (starta ett beslutsärende)',
    english: 'open an approval',
    where: '`POST /api/beslut`, boten `nytt beslut`, startformuläret',
    refusal: 'Bara kansliet kan begära ett beslut.',
    cells: KANSLI_ONLY,
  },
  {
    action: 'lasa-beslutsarende',
    short: 'läsa beslutsärende',
    label: 'Läsa ett beslutsärende med röster',
    english: 'read an approval',
    where: '`GET /api/beslut/:id`, boten `beslut`, kortens Uppdatera',
    refusal: 'Du har ingen roll i det här beslutsärendet.',
    cells: cells({
      ...each(KANSLI_COLUMNS, YES),
      ...each(BOARD_COLUMNS, YES),
      Beredningsgrupp: YES,
      ...each(PER_INSATS_COLUMNS, when('egen-insats')),
      Firmatecknare: when('beslutande'),
    }),
  },
  {
    action: 'rosta',
    short: 'röst',
    label: 'Rösta (Godkänn, Avslå, Avstår där regeln tillåter)',
    english: 'vote',
    where: '`POST /api/beslut/:id/rost`, kortens knappar',
    refusal: 'Du är inte beslutande i det här beslutsärendet.',
    cells: cells({
      Förbundschef: when('beslutande'),
      ...each(BOARD_COLUMNS, when('beslutande')),
      Beredningsgrupp: when('beslutande'),
      Styrgrupp: when('egen-insats', 'beslutande'),
      Firmatecknare: when('beslutande'),
    }),
  },
  {
    action: 'aterkalla-beslut',
    short: 'återkalla',
    label: 'Återkalla ett öppet beslutsärende',
    english: 'withdraw an approval',
    where: '`POST /api/beslut/:id/aterkalla`',
    refusal: 'Bara den som begärde beslutet eller förbundschefen kan återkalla ärendet.',
    cells: cells({
      Förbundschef: YES,
      Ekonom: when('begarde'),
      Processledare: when('begarde'),
      Nämndsekreterare: when('begarde'),
    }),
  },
  {
    action: 'lasa-delegationsbeslut',
    short: 'läsa delegationsbeslut',
    label: 'Läsa förbundschefens delegationsbeslut',
    english: 'read delegation decisions',
    where: '`GET /api/delegationsbeslut`, boten `delegationsbeslut`',
    refusal: 'Delegationsbesluten visas för styrelsen och kansliet.',
    cells: cells({ ...each(KANSLI_COLUMNS, YES), ...each(BOARD_COLUMNS, YES) }),
  },
  {
    action: 'registrera',
    short: 'registrera',
    label: 'Registrera kvartalets faktura (rekvisition)',
    english: 'register a requisition',
    where: '`POST /api/rekvisitioner/:periodKey/registrera`, påminnelsekortet',
    refusal: 'Bara insatsens projektledare eller projektägare, eller kansliet kan göra det.',
    cells: KANSLI_AND_APPLICANTS,
  },
  {
    action: 'granska',
    short: 'granska',
    label: 'Granska en faktura',
    english: 'review',
    where: '`POST /api/rekvisitioner/:periodKey/status` `granska`, kortet',
    refusal: 'Bara ekonomen kan göra det.',
    cells: cells({ Ekonom: when('inte-registrerat') }),
  },
  {
    action: 'attestera',
    short: 'attestera',
    label: 'Attestera en faktura',
    english: 'attest',
    where: '`POST /api/rekvisitioner/:periodKey/status` `attestera`, kortet',
    refusal: 'Bara förbundschefen kan göra det.',
    cells: cells({ Förbundschef: when('inte-registrerat', 'inte-granskat') }),
  },
  {
    action: 'betala',
    short: 'betala',
    label: 'Markera en faktura som betald',
    english: 'pay',
    where: '`POST /api/rekvisitioner/:periodKey/status` `betala`, kortet',
    refusal: 'Bara ekonomen kan göra det.',
    cells: cells({ Ekonom: YES }),
  },
  {
    action: 'avvisa',
    short: 'avvisa',
    label: 'Avvisa en faktura med skäl',
    english: 'reject',
    where: '`POST /api/rekvisitioner/:periodKey/status` `avvisa`, kortet',
    refusal: 'Bara ekonomen eller förbundschefen kan göra det.',
    cells: cells({ Ekonom: YES, Förbundschef: YES }),
  },
  {
    action: 'ladda-upp',
    short: 'ladda upp dokument',
    label: 'Ladda upp dokument till insatsen (ännu ingen route)',
    english: 'upload (not yet a route)',
    where: 'ännu ingen route – regeln som uppladdningen ska använda',
    refusal: 'Bara insatsens projektledare eller projektägare eller kansliet kan ladda upp dokument till insatsen.',
    cells: KANSLI_AND_APPLICANTS,
  },
  {
    action: 'starta-signering',
    short: 'starta signering',
    label: 'Starta signeringen av samarbetsavtalet (utkastet arkiveras, firmatecknarna får kort)',
    english: 'start agreement signing',
    where: '`POST /api/insatser/:id/avtal/signering`, boten `signera avtal`',
    refusal: 'Bara kansliet kan starta signeringen av ett samarbetsavtal.',
    cells: KANSLI_ONLY,
  },
  {
    // filing a signed agreement moves the insats from Avtal to Uppstart (B8): the kansli's, and the
    // projektägare's, who signs for the project and often holds the signed original — not the
    // projektledare's, whose uploads ('ladda-upp') are the insats's reports and documents
    action: 'arkivera-avtal',
    short: 'arkivera avtal',
    label: 'Arkivera ett signerat samarbetsavtal (inskannat original, PDF)',
    english: 'file a signed agreement',
    where: '`POST /api/insatser/:id/avtal`, en PDF till boten i en personlig chatt',
    refusal: 'Bara kansliet eller insatsens projektägare kan arkivera ett signerat samarbetsavtal.',
    cells: cells({ ...each(KANSLI_COLUMNS, YES), Projektägare: when('egen-insats') }),
  },
  {
    action: 'lasa-registervyn',
    short: 'läsa registervyn',
    label: 'Läsa kansliets registervy',
    english: 'read the register',
    where: '`GET /api/register`',
    refusal: 'Registervyn är kansliets. Se dina insatser under /api/insatser.',
    cells: KANSLI_ONLY,
  },
  {
    action: 'lasa-avvikelser',
    short: 'läsa avvikelser',
    label: 'Läsa avvikelser',
    english: 'read anomalies',
    where: '`GET /api/avvikelser` (svaret tar med de insatser man får läsa; tom lista annars)',
    filters: true,
    refusal: 'Du har ingen roll i den här insatsen.',
    cells: READS_INSATSER,
  },
  {
    action: 'lasa-installningar',
    short: 'läsa inställningar',
    label: 'Läsa inställningarna',
    english: 'read settings',
    where: '`GET /api/installningar`',
    refusal: 'Inställningarna visas för kansliet och styrelsen.',
    cells: cells({ ...each(KANSLI_COLUMNS, YES), ...each(BOARD_COLUMNS, YES) }),
  },
  {
    action: 'andra-installningar',
    short: 'ändra inställningar',
    label: 'Ändra inställningarna',
    english: 'change settings',
    where: '`PUT /api/installningar`',
    refusal: 'Bara kansliet kan ändra inställningarna.',
    cells: KANSLI_ONLY,
  },
  {
    action: 'kalenderlank',
    short: 'kalenderlänk',
    label: 'Hämta eller byta sin egen kalenderlänk',
    english: 'calendar link',
    where: '`GET /api/kalender`, `POST /api/kalender/ny-lank`, boten `kalender`',
    refusal: 'Du har ingen roll i Insatsnavet och därför ingen kalender.',
    cells: cells(
      Object.fromEntries(MATRIX_COLUMNS.filter((column) => column !== NO_ROLE).map((column) => [column, YES])),
    ),
  },
];

export function specOf(action: AuthorizationAction): ActionSpec {
  const spec = AUTHORIZATION_MATRIX.find((candidate) => candidate.action === action);
  if (spec === undefined) {
    throw new Error(`no authorization rule for ${action}`);
  }
  return spec;
}
