/**
 * The text of a samarbetsavtal, section by section (seed 003 §4.1–§4.5, §6–§7; research
 * domain.md §5.11): what a förbund writes when the board has granted an insats. Each section
 * reads what the register knows and says plainly what is not yet known — an agreement that is
 * sent for signature must never show an empty field, `null` or `undefined`.
 */
import { formatKr } from '../format.ts';
import type {
  AgreementBlock,
  AgreementBudgetRow,
  AgreementFact,
  AgreementInput,
  AgreementParty,
  AgreementSection,
  AgreementTable,
} from './agreement-content.ts';
import type { AgreementDueDay } from './agreement-invoicing.ts';
import { dueRuleSentence } from './agreement-invoicing.ts';
import {
  type AgreementPerson,
  projectLeaderOf,
  projectOwnerRepresentativeOf,
  steeringGroupOf,
} from './agreement-people.ts';
import {
  addMonths,
  formatNumber,
  joinSwedish,
  paragraphRef,
  paragraphsOf,
  present,
  quarterMonths,
} from './agreement-text.ts';

/** what buildAgreementContent has worked out before the text is written */
export type AgreementFacts = {
  readonly input: AgreementInput;
  readonly parties: readonly AgreementParty[];
  readonly budget: {
    readonly years: readonly number[];
    readonly rows: readonly AgreementBudgetRow[];
    readonly total: number;
  };
  readonly dueDays: readonly AgreementDueDay[];
  readonly indicatorsAgreed: boolean;
};

const DEFAULT_THRESHOLD_PERCENT = 10;

const paragraph = (text: string): AgreementBlock => ({ kind: 'paragraph', text });
const subheading = (text: string): AgreementBlock => ({ kind: 'subheading', text });
const list = (items: readonly string[]): AgreementBlock => ({ kind: 'list', items });

/** the plain text of blocks, for `AgreementSection.paragraphs` */
function textOf(blocks: readonly AgreementBlock[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'paragraph':
        return [block.text];
      case 'list':
        return block.items.map((item) => `– ${item}`);
      case 'facts':
        return block.rows.map((row) => `${row.label}: ${row.value}`);
      case 'table':
        return [
          ...(block.table.caption === undefined ? [] : [block.table.caption]),
          ...[...block.table.rows, ...(block.table.totalRow === undefined ? [] : [block.table.totalRow])].map((row) =>
            row.join(' | '),
          ),
          ...(block.table.note === undefined ? [] : [block.table.note]),
        ];
      default:
        // subheadings and the signature blocks are no running text
        return [];
    }
  });
}

function section(number: string, heading: string, blocks: readonly AgreementBlock[]): AgreementSection {
  return { number, heading, blocks, paragraphs: textOf(blocks) };
}

/** `Samordningsförbundet Värends`; a name ending in s, x or z takes no further s */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

function ownerOf(facts: AgreementFacts): string | null {
  return facts.parties.find((party) => party.projectOwner)?.name ?? null;
}

function decisionOf(facts: AgreementFacts): string | null {
  const { decisionDate, decisionRef } = facts.input.intervention;
  const ref = present(decisionRef);
  if (decisionDate === null) {
    return ref === null ? null : paragraphRef(ref);
  }
  return ref === null ? decisionDate : `${decisionDate}, ${paragraphRef(ref)}`;
}

function periodOf(facts: AgreementFacts): string {
  const { startDate, endDate } = facts.input.intervention;
  if (startDate !== null && endDate !== null) {
    return `${startDate} – ${endDate}`;
  }
  if (startDate !== null) {
    return `från ${startDate}, slutdatum ej fastställt`;
  }
  return endDate === null ? 'Ej fastställd' : `till ${endDate}, startdatum ej fastställt`;
}

function personText(person: AgreementPerson, role?: string): string {
  return [person.name, role, person.organisation, person.email].filter((part) => present(part) !== null).join(', ');
}

function kindText(facts: AgreementFacts): string {
  const { kind } = facts.input.intervention;
  return kind === 'Individinriktad'
    ? 'Individinriktad insats'
    : kind === 'Strukturell'
      ? 'Strukturell insats'
      : 'Ej angiven';
}

/** the facts box under the title */
export function identificationOf(facts: AgreementFacts): AgreementFact[] {
  const { intervention } = facts.input;
  const granted = intervention.grantedAmount;
  return [
    { label: 'Insats', value: intervention.title },
    { label: 'Insatskod', value: intervention.code },
    { label: 'Typ av insats', value: kindText(facts) },
    { label: 'Projektägare', value: ownerOf(facts) ?? 'Ej angiven' },
    { label: 'Diarienummer', value: present(intervention.diaryNumber) ?? 'Ej registrerat' },
    { label: 'Styrelsens beslut', value: decisionOf(facts) ?? 'Uppgift saknas' },
    { label: 'Avtalstid', value: periodOf(facts) },
    {
      label: 'Beviljat belopp',
      value:
        granted !== null
          ? formatKr(granted)
          : facts.budget.total > 0
            ? `${formatKr(facts.budget.total)} enligt budget`
            : 'Ej fastställt',
    },
    { label: 'Upprättat', value: facts.input.today },
  ];
}

/** the paragraphs before section 1 */
export function agreementPreamble(facts: AgreementFacts): string[] {
  const { forbundName, intervention } = facts.input;
  const decision = intervention.decisionDate;
  const ref = present(intervention.decisionRef);
  const owner = ownerOf(facts);
  const granted =
    decision === null
      ? `Detta avtal reglerar villkoren för ${genitive(forbundName)} finansiering av insatsen ${intervention.title} och samarbetet mellan parterna i insatsen.`
      : `Styrelsen för ${forbundName} beslutade ${decision}${ref === null ? '' : ` (${paragraphRef(ref)})`} att bevilja finansiering av insatsen ${intervention.title}. Detta avtal reglerar villkoren för finansieringen och samarbetet mellan parterna i insatsen.`;
  const terms = `I avtalet avses med förbundet ${forbundName}${owner === null ? '' : `, med projektägaren ${owner}`} och med parterna projektägaren och samverkansparterna.`;
  return [granted, terms];
}

function partiesSection(facts: AgreementFacts): AgreementSection {
  const { forbundName } = facts.input;
  const leader = projectLeaderOf(facts.input);
  const ownerRep = projectOwnerRepresentativeOf(facts.input);
  const blocks: AgreementBlock[] = [];
  if (facts.parties.length === 0) {
    blocks.push(
      paragraph(
        `Avtalet är träffat mellan ${forbundName} som finansiär och insatsens parter. Parterna är ännu inte angivna: avtalet kan inte undertecknas förrän projektägare och samverkansparter har angetts.`,
      ),
    );
  } else {
    blocks.push(
      paragraph('Avtalet är träffat mellan förbundet som finansiär och de organisationer som genomför insatsen:'),
    );
    blocks.push({
      kind: 'table',
      table: {
        columns: [
          { label: 'Roll', align: 'left', weight: 1 },
          { label: 'Organisation', align: 'left', weight: 2.4 },
        ],
        rows: [
          ['Finansiär', forbundName],
          ...facts.parties.map((party) => [party.projectOwner ? 'Projektägare' : 'Samverkanspart', party.name]),
        ],
      },
    });
  }
  if (ownerOf(facts) === null && facts.parties.length > 0) {
    blocks.push(
      paragraph(
        'Projektägare är ännu inte angiven. Projektägaren ska vara en av förbundets medlemmar och anges innan avtalet undertecknas.',
      ),
    );
  }
  blocks.push(
    paragraph(
      'Projektägaren har huvudansvaret för att insatsen genomförs enligt avtalet och ansökan, är ordförande och sammankallande i styrgruppen och rekvirerar förbundets medel. Samverkansparterna deltar aktivt i insatsen enligt ansökan och är representerade i styrgruppen.',
    ),
  );
  blocks.push(subheading('Kontaktpersoner'));
  blocks.push({
    kind: 'facts',
    rows: [
      {
        label: 'Projektägarens företrädare',
        value: ownerRep === null ? 'Ej utsedd – projektägaren meddelar förbundet namnet' : personText(ownerRep),
      },
      {
        label: 'Kontaktperson för insatsen',
        value:
          leader === null
            ? 'Projektledaren är ännu inte utsedd – projektägaren meddelar förbundet namnet när projektledaren har utsetts'
            : personText(leader, 'projektledare'),
      },
    ],
  });
  blocks.push(
    paragraph(
      'Kontaktperson för insatsen är projektledaren, som ansvarar för att insatsen drivs enligt beslutad plan, har kontakt med berörda parter och tar upp frågor med projektägaren och styrgruppen. Byte av projektledare eller företrädare meddelas förbundet skriftligen.',
    ),
  );
  return section('1', 'Parter', blocks);
}

function goalsBlocks(facts: AgreementFacts): AgreementBlock[] {
  const details = facts.input.intervention.applicationDetails ?? null;
  const goals = (details?.goals ?? []).filter((goal) => present(goal.text) !== null);
  if (goals.length === 0) {
    const text = paragraphsOf(facts.input.intervention.goals);
    return text.length === 0 ? [paragraph('Målen är inte angivna i ansökan.')] : text.map(paragraph);
  }
  const withIndicators = goals.some((goal) => present(goal.indicator) !== null);
  if (!withIndicators) {
    return [
      list(
        goals.map(
          (goal) => `${goal.kind}: ${present(goal.text) ?? ''}${goal.date === null ? '' : ` (senast ${goal.date})`}`,
        ),
      ),
    ];
  }
  const target = (value: number | null): string => (value === null ? '–' : formatNumber(value));
  return [
    paragraph('Målen enligt ansökan, med de indikatorer de mäts med och målvärden för kvinnor och män:'),
    {
      kind: 'table',
      table: {
        columns: [
          { label: 'Mål', align: 'left', weight: 3 },
          { label: 'Indikator', align: 'left', weight: 2.2 },
          { label: 'Kvinnor', align: 'right', weight: 0.9 },
          { label: 'Män', align: 'right', weight: 0.9 },
          { label: 'Senast', align: 'right', weight: 1.25 },
        ],
        rows: goals.map((goal) => [
          `${goal.kind}: ${present(goal.text) ?? ''}`,
          present(goal.indicator) ?? '–',
          target(goal.targetWomen),
          target(goal.targetMen),
          goal.date ?? '–',
        ]),
        note: 'Målvärdena anges i den enhet indikatorn mäter, oftast procent.',
      },
    },
  ];
}

function targetGroupBlocks(facts: AgreementFacts): AgreementBlock[] {
  const { intervention } = facts.input;
  const details = intervention.applicationDetails ?? null;
  const text = paragraphsOf(intervention.targetGroup).map(paragraph);
  const criteria = present(details?.targetGroup.criteria);
  const count = details?.targetGroup.estimatedCount ?? null;
  const extra = [
    ...(criteria === null ? [] : [paragraph(`Kriterier: ${criteria}`)]),
    ...(count === null ? [] : [paragraph(`Uppskattat antal personer i målgruppen: ${formatNumber(count)}.`)]),
  ];
  const blocks = [...text, ...extra];
  return blocks.length === 0 ? [paragraph('Målgruppen är inte angiven i ansökan.')] : blocks;
}

function orMissing(text: string | null, missing: string): AgreementBlock[] {
  const paragraphs = paragraphsOf(text);
  return paragraphs.length === 0 ? [paragraph(missing)] : paragraphs.map(paragraph);
}

function backgroundSection(facts: AgreementFacts): AgreementSection {
  const { intervention } = facts.input;
  const diary = present(intervention.diaryNumber);
  const background = paragraphsOf(intervention.background);
  const implementation = paragraphsOf(intervention.implementationPlan);
  return section('2', 'Bakgrund och syfte', [
    paragraph(
      `Avtalet bygger på ansökan om finansiering av insatsen${diary === null ? '' : ` (diarienummer ${diary})`}. Nedan sammanfattas ansökan; ansökan i sin helhet är underlag till avtalet. Om ansökan och avtalet skiljer sig åt gäller avtalet.`,
    ),
    ...(background.length === 0 ? [] : [subheading('Bakgrund'), ...background.map(paragraph)]),
    subheading('Syfte'),
    ...orMissing(intervention.purpose, 'Syftet är inte angivet i ansökan.'),
    subheading('Mål'),
    ...goalsBlocks(facts),
    subheading('Målgrupp'),
    ...targetGroupBlocks(facts),
    subheading('Metoder'),
    ...orMissing(intervention.methods, 'Metoderna är inte angivna i ansökan.'),
    subheading('Bemanning och resurser'),
    ...orMissing(intervention.staffing, 'Bemanningen är inte angiven i ansökan.'),
    ...(implementation.length === 0 ? [] : [subheading('Implementering'), ...implementation.map(paragraph)]),
  ]);
}

function periodSection(facts: AgreementFacts): AgreementSection {
  const { startDate, endDate } = facts.input.intervention;
  const first =
    startDate !== null && endDate !== null
      ? `Avtalet avser insatsen under perioden från och med ${startDate} till och med ${endDate}. Förbundet ersätter kostnader som uppstår under den perioden.`
      : startDate !== null
        ? `Avtalet avser insatsen från och med ${startDate}. Slutdatum är ännu inte fastställt och ska anges genom en skriftlig ändring av avtalet innan insatsen kan slutredovisas.`
        : endDate !== null
          ? `Avtalet avser insatsen till och med ${endDate}. Startdatum är ännu inte fastställt; insatsen startar tidigast när avtalet har undertecknats av samtliga parter.`
          : 'Insatsens start- och slutdatum är ännu inte fastställda. Avtalet gäller från det att det har undertecknats av samtliga parter; perioden anges genom en skriftlig ändring av avtalet.';
  return section('3', 'Avtalstid', [
    paragraph(first),
    paragraph(
      'Bestämmelserna om slutfaktura, slutrapport och utvärdering gäller även efter avtalstidens slut, till dess att de har fullgjorts.',
    ),
  ]);
}

const WHAT_EACH_POST_COVERS: Readonly<Record<string, string>> = {
  Personal:
    'lönekostnader inklusive sociala avgifter för den personal som enligt bemanningen arbetar i insatsen, i den omfattning ansökan anger',
  Lokaler: 'hyra och andra kostnader för lokaler som används i insatsen',
  Kompetensutveckling: 'utbildning, handledning och konferenser för personalen i insatsen',
  Utvärdering: 'utvärdering av insatsen enligt avsnitt 8',
  Material: 'förbrukningsmaterial, litteratur och utrustning för insatsens verksamhet',
  Övrigt: 'resor, aktiviteter för deltagare och övriga kostnader som anges i ansökan',
};

function budgetTable(facts: AgreementFacts): AgreementTable {
  const { years, rows, total } = facts.budget;
  const many = years.length > 1;
  const yearTotals = years.map((_, index) => rows.reduce((sum, row) => sum + (row.amounts[index] ?? 0), 0));
  return {
    caption: 'Budget per år och budgetpost',
    columns: [
      { label: 'Budgetpost', align: 'left', weight: 1.6 },
      ...years.map((year) => ({ label: String(year), align: 'right' as const, weight: 1 })),
      ...(many ? [{ label: 'Totalt', align: 'right' as const, weight: 1.1 }] : []),
    ],
    rows: rows.map((row) => [
      row.category,
      ...row.amounts.map((amount) => (amount === 0 ? '–' : formatKr(amount))),
      ...(many ? [formatKr(row.total)] : []),
    ]),
    totalRow: ['Summa', ...yearTotals.map(formatKr), ...(many ? [formatKr(total)] : [])],
  };
}

function dueDayTable(facts: AgreementFacts): AgreementTable | null {
  const { dueDays } = facts;
  if (dueDays.length === 0) {
    return null;
  }
  const years = [...new Set(dueDays.map((day) => day.year))];
  const quarters = ([1, 2, 3, 4] as const).filter((quarter) => dueDays.some((day) => day.quarter === quarter));
  const moved = dueDays.some((day) => day.due !== day.nominal);
  return {
    caption: 'Sista dag för faktura',
    columns: [
      { label: 'Kostnader för', align: 'left', weight: 1.6 },
      // dates left-aligned, so the mark of a moved day does not push its date out of line
      ...years.map((year) => ({ label: String(year), align: 'left' as const, weight: 1 })),
    ],
    rows: quarters.map((quarter) => [
      quarterMonths(quarter),
      ...years.map((year) => {
        const day = dueDays.find((candidate) => candidate.year === year && candidate.quarter === quarter);
        return day === undefined ? '–' : `${day.due}${day.due === day.nominal ? '' : ' *'}`;
      }),
    ]),
    ...(moved
      ? { note: '* Regelns dag är en lördag, söndag eller helgdag; sista dag är närmast föregående vardag.' }
      : {}),
  };
}

function compensationSection(facts: AgreementFacts): AgreementSection {
  const { intervention } = facts.input;
  const owner = ownerOf(facts);
  const decision = decisionOf(facts);
  const { rows, total } = facts.budget;
  const granted = intervention.grantedAmount;
  const blocks: AgreementBlock[] = [subheading('4.1 Ersättning')];
  blocks.push(
    paragraph(
      `Förbundet ersätter insatsens faktiska kostnader under avtalstiden, högst med de belopp per år och budgetpost som anges i tabellen nedan. Ersättningen betalas till projektägaren${owner === null ? '' : `, ${owner}`}.`,
    ),
  );
  if (granted !== null && rows.length > 0 && granted !== total) {
    blocks.push(
      paragraph(
        `Styrelsen har beviljat sammanlagt ${formatKr(granted)}${decision === null ? '' : ` (${decision})`}. Budgeten nedan uppgår till ${formatKr(total)}; förbundets ersättning är högst det beviljade beloppet.`,
      ),
    );
  } else if (granted !== null) {
    blocks.push(
      paragraph(
        `Styrelsen har beviljat sammanlagt ${formatKr(granted)} för hela avtalstiden${decision === null ? '' : ` (${decision})`}.`,
      ),
    );
  } else if (rows.length > 0) {
    blocks.push(paragraph(`Förbundets ersättning är högst budgetens totalbelopp, ${formatKr(total)}.`));
  }
  if (rows.length === 0) {
    blocks.push(
      paragraph(
        'Budget per år och budgetpost är ännu inte registrerad. Ersättning betalas inte ut förrän budgeten har fastställts genom en skriftlig ändring av avtalet.',
      ),
    );
  } else {
    blocks.push({ kind: 'table', table: budgetTable(facts) });
    blocks.push(paragraph('Ersättning lämnas för följande kostnader enligt budgeten:'));
    blocks.push(
      list(rows.map((row) => `${row.category}: ${WHAT_EACH_POST_COVERS[row.category] ?? 'kostnader enligt ansökan'}.`)),
    );
  }
  blocks.push(paragraph('Ersättning lämnas inte för:'));
  blocks.push(
    list([
      'kostnader utöver budgeten, eller utöver beloppet för en budgetpost, om inte en ändring har godkänts enligt avsnitt 9',
      'kostnader som uppstår före avtalstidens början eller efter dess slut',
      'parternas medverkan i styrgruppen eller personal som deltar inom ordinarie tjänst',
      'mervärdesskatt som parten har rätt att dra av eller få ersättning för',
      'administrativa påslag och gemensamma kostnader hos parten som inte finns i budgeten.',
    ]),
  );
  blocks.push(
    paragraph(
      'Medel som inte har använts under ett år förs inte över till nästa år utan att förbundet har godkänt det enligt avsnitt 9.',
    ),
  );
  return section('4', 'Ersättning och rekvirering', [...blocks, ...requisitionBlocks(facts)]);
}

function requisitionBlocks(facts: AgreementFacts): AgreementBlock[] {
  const { intervention } = facts.input;
  const diary = present(intervention.diaryNumber);
  const partners = facts.parties.some((party) => !party.projectOwner);
  const table = dueDayTable(facts);
  const example = facts.dueDays[0];
  return [
    subheading('4.2 Rekvirering'),
    paragraph(
      `Projektägaren rekvirerar medlen i efterskott med en faktura per kvartal på de faktiska kostnaderna för januari–mars, april–juni, juli–september och oktober–december.${partners ? ' Samverkansparternas kostnader enligt budgeten faktureras projektägaren, som tar med dem i sin faktura till förbundet.' : ''}`,
    ),
    paragraph(
      `${dueRuleSentence(facts.input.dueRule)} Infaller dagen på en lördag, söndag eller helgdag ska fakturan ha kommit in närmast föregående vardag.${table === null ? '' : ' Tabellen visar sista dag för varje kvartal under avtalstiden.'}`,
    ),
    ...(table === null ? [] : [{ kind: 'table' as const, table }]),
    paragraph('Fakturan ställs till förbundet och ska innehålla:'),
    list([
      `insatsens namn och kod: ${intervention.title} (${intervention.code})`,
      `vilken period fakturan avser, till exempel ${example === undefined ? 'januari–mars' : `${example.months} ${example.year}`}`,
      diary === null ? 'förbundets diarienummer för insatsen' : `förbundets diarienummer ${diary}`,
      'en specifikation av kostnaderna per budgetpost enligt tabellen i 4.1, med belopp för perioden och hittills under året.',
    ]),
    paragraph(
      'Personalkostnader specificeras per befattning och tjänstgöringsgrad. Fakturan och specifikationen får inte innehålla uppgifter om enskilda deltagare.',
    ),
    paragraph(
      'Förbundet granskar fakturan mot avtalet och budgeten och betalar den efter attest. En faktura som saknar uppgifter eller avser kostnader utanför avtalet skickas tillbaka till projektägaren. Fakturan för avtalstidens sista kvartal är slutfaktura.',
    ),
    paragraph(
      'Kostnader får inte flyttas mellan budgetposter förrän ändringen har godkänts enligt förbundets delegationsordning (avsnitt 9).',
    ),
  ];
}

function workEnvironmentSection(facts: AgreementFacts): AgreementSection {
  const owner = ownerOf(facts);
  const leader = projectLeaderOf(facts.input);
  return section('5', 'Arbetsmiljöansvar', [
    paragraph(
      'Personalen i insatsen är anställd hos en av parterna och behåller sin anställning där. Arbetsgivaren har arbetsmiljöansvaret för sina anställda enligt arbetsmiljölagen (1977:1160), även när arbetet utförs i insatsen, tillsammans med personal från andra parter eller i en annan parts lokaler. Förbundet är inte arbetsgivare för personal som är anställd hos parterna.',
    ),
    paragraph(
      'Arbetsmiljöarbetet i insatsen följer ”Rekommendationer för arbetsmiljöarbete på samordningsförbunden” (2019). När insatsen startar dokumenterar parterna, i den mall som hör till rekommendationerna, vem som har rådighets- och samordningsansvar.',
    ),
    subheading('Ansvarsfördelning'),
    {
      kind: 'facts',
      rows: [
        {
          label: 'Arbetsmiljöansvar för personalen',
          value: 'Den part som är arbetsgivare för respektive medarbetare (se bemanningen i avsnitt 2)',
        },
        {
          label: 'Samordning av arbetsmiljöarbetet i insatsen',
          value: owner === null ? 'Projektägaren' : `Projektägaren, ${owner}`,
        },
        {
          label: 'Lokaler och utrustning',
          value: 'Den part som tillhandahåller lokalerna eller utrustningen (rådighetsansvar)',
        },
        {
          label: 'Ledning av det dagliga arbetet',
          value: `Projektledaren${leader === null ? '' : `, ${leader.name}`}, inom ramen för insatsens plan`,
        },
        { label: 'Anställning, lön och rehabilitering', value: 'Arbetsgivaren' },
        {
          label: 'Förbundet',
          value:
            'Följer upp att ansvarsfördelningen är dokumenterad; har inget arbetsmiljöansvar för parternas personal',
        },
      ],
    },
    paragraph(
      'Tillbud, arbetsskador och brister i arbetsmiljön rapporteras till arbetsgivaren enligt dennes rutiner och tas upp i styrgruppen.',
    ),
  ]);
}

function steeringGroupSection(facts: AgreementFacts): AgreementSection {
  const { forbundName } = facts.input;
  const seats = steeringGroupOf(facts.input);
  const forbundSeat = seats.some((seat) => seat.organisation === forbundName);
  const blocks: AgreementBlock[] = [
    paragraph(
      'Insatsen leds av en styrgrupp med företrädare med beslutsmandat från parterna. Projektägarens företrädare är ordförande och sammankallande; projektledaren är föredragande.',
    ),
  ];
  if (seats.length === 0) {
    blocks.push(
      paragraph(
        'Styrgruppens ledamöter är ännu inte registrerade. Projektägaren utser styrgruppen, där varje part ska vara representerad, och meddelar förbundet ledamöterna innan insatsen startar.',
      ),
    );
  } else {
    blocks.push({
      kind: 'table',
      table: {
        caption: 'Styrgruppens sammansättning',
        columns: [
          { label: 'Namn', align: 'left', weight: 1.3 },
          { label: 'Organisation', align: 'left', weight: 1.7 },
          { label: 'Roll', align: 'left', weight: 1.1 },
        ],
        rows: seats.map((seat) => [
          seat.name,
          seat.organisation ?? '–',
          seat.chair ? 'Ordförande' : seat.organisation === forbundName ? 'Förbundets representant' : 'Ledamot',
        ]),
      },
    });
  }
  if (!forbundSeat) {
    blocks.push(paragraph('Förbundet utser en representant från kansliet som deltar i styrgruppens möten.'));
  }
  blocks.push(paragraph('Styrgruppen ska:'));
  blocks.push(
    list([
      'stödja projektledaren i att nå insatsens mål och ta ställning till frågor som projektledaren tar upp',
      'följa insatsens resultat, budget och eventuella avvikelser från ansökan',
      'bereda ändringar av insatsens plan och budget innan de lämnas till förbundet (avsnitt 9)',
      'föra information om insatsen tillbaka till den egna organisationen',
      'planera utvärderingen och verka för att arbetssätt som fungerar förs in i ordinarie verksamhet.',
    ]),
  );
  blocks.push(
    paragraph(
      'Styrgruppen sammanträder regelbundet. Minnesanteckningar förs vid varje möte och skickas till förbundet, så att arbetet inte blir personbundet.',
    ),
  );
  return section('6', 'Styrgrupp', blocks);
}

function followUpSection(facts: AgreementFacts): AgreementSection {
  const { intervention } = facts.input;
  const structural = intervention.kind === 'Strukturell';
  const individual = intervention.kind === 'Individinriktad';
  const registered = intervention.followUpRegistered
    ? 'Insatsen är registrerad i Uppföljning Finsam.'
    : 'Förbundet registrerar insatsen i Uppföljning Finsam innan den startar.';
  const finsam = structural
    ? `Insatsen är strukturell och har inga deltagare som registreras. Förbundet redovisar insatsens budget och utfall i Uppföljning Finsam, det nationella uppföljningssystem som Försäkringskassan ansvarar för. ${registered}`
    : `Insatsen följs upp i Uppföljning Finsam, det nationella uppföljningssystem som Försäkringskassan ansvarar för. ${registered} ${individual ? 'Projektägaren utser en deltagaransvarig som registrerar deltagarna' : 'Har insatsen deltagare utser projektägaren en deltagaransvarig som registrerar dem'} enligt Försäkringskassans anvisningar och avslutar registreringen när insatsen avslutas.`;
  const aggregated =
    'Förbundet tar bara emot sammanställda uppgifter – antal deltagare fördelat på kvinnor och män, antal som har avslutat insatsen och vad de har gått vidare till – och inga personuppgifter om enskilda deltagare, varken ur Uppföljning Finsam, i fakturor eller i rapporter.';
  const end = intervention.endDate;
  const finalDate = end === null ? null : addMonths(end, 3);
  const goalsWithIndicators = (intervention.applicationDetails?.goals ?? []).some(
    (goal) => present(goal.indicator) !== null,
  );
  return section('7', 'Uppföljning och rapportering', [
    subheading('7.1 Uppföljning Finsam'),
    paragraph(finsam),
    ...(structural ? [] : [paragraph(aggregated)]),
    subheading('7.2 Lägesrapporter'),
    paragraph(
      `Projektledaren lämnar en skriftlig lägesrapport till förbundet per tertial (januari–april, maj–augusti och september–december), senast en månad efter tertialets slut. Rapporten beskriver insatsens utveckling, ${structural ? '' : 'antal deltagare och inflöde, '}resultat i förhållande till målen, ekonomi och hur samverkan fungerar, och är underlag för förbundets delårsrapport och årsredovisning.`,
    ),
    paragraph(
      'Projektledaren redovisar muntligt för styrgruppen vid varje möte och, när förbundet begär det, för förbundets styrelse.',
    ),
    subheading('7.3 Slutrapport'),
    paragraph(
      `Projektledaren lämnar en slutrapport till förbundet senast tre månader efter avtalstidens slut${finalDate === null ? '' : `, det vill säga senast ${finalDate}`}. Slutrapporten beskriver insatsen, målgruppen, arbetssätten, resultaten i förhållande till målen, styrning och ledning samt framgångar och hinder. Har insatsen utvecklat ett arbetssätt eller en metod beskrivs den i en metodhandbok. Förbundet får publicera slutrapport, metodhandbok och utvärdering.`,
    ),
    subheading('7.4 Indikatorenkäter'),
    paragraph(
      facts.indicatorsAgreed
        ? `Parterna är överens om att insatsen följs upp med de nationella indikatorenkäterna för samordningsförbund. Enkäterna besvaras av ${structural ? 'medarbetare och chefer' : 'deltagare, medarbetare och chefer'} enligt förbundets anvisningar; svaren är anonyma och redovisas sammanställda.${goalsWithIndicators ? ' Måluppfyllelsen följs upp med de indikatorer som anges för målen i avsnitt 2.' : ''}`
        : 'Insatsen använder inte de nationella indikatorenkäterna. Måluppfyllelsen följs upp i lägesrapporterna och slutrapporten. Vill parterna införa indikatorenkäterna görs det genom en skriftlig ändring av avtalet.',
    ),
  ]);
}

function evaluationSection(facts: AgreementFacts): AgreementSection {
  const evaluation = facts.budget.rows.find((row) => row.category === 'Utvärdering');
  return section('8', 'Utvärdering', [
    paragraph(
      'Insatsen utvärderas utifrån målen i avsnitt 2. Styrgruppen planerar utvärderingen tidigt, så att de uppgifter som behövs kan samlas in, och väljer i samråd med förbundet vilken typ av utvärdering som passar insatsen: summativ, formativ eller följeforskning.',
    ),
    paragraph(
      `Förbundets kansli ansvarar för upphandling av och avtal med utvärderaren. ${evaluation === undefined ? 'Förbundet finansierar utvärderingen utanför insatsens budget.' : `Utvärderingen finansieras inom insatsens budget, posten Utvärdering (${formatKr(evaluation.total)}).`}`,
    ),
    paragraph(
      'Parterna medverkar i utvärderingen, bland annat med intervjuer och sammanställda uppgifter. Uppgifter om enskilda deltagare lämnas till utvärderaren bara med deltagarens samtycke och aldrig till förbundet. Utvärderingen är underlag för beslut om implementering i ordinarie verksamhet.',
    ),
  ]);
}

function changesSection(facts: AgreementFacts): AgreementSection {
  const threshold = facts.input.changeThresholdPercent ?? DEFAULT_THRESHOLD_PERCENT;
  return section('9', 'Ändringar och uppsägning', [
    paragraph(
      'Ändringar av och tillägg till avtalet ska vara skriftliga och godkända av parterna och förbundet för att gälla.',
    ),
    paragraph(
      `Ändringar av insatsens plan eller budget bereds av styrgruppen och lämnas till förbundet. Enligt förbundets delegationsordning beslutar förbundschefen om mindre ändringar: omfördelning mellan budgetposter inom samma år, med oförändrat totalbelopp, av högst ${formatNumber(threshold)} procent av årets budget. Övriga ändringar – ett högre totalbelopp, omfördelning mellan år, ändrad avtalstid eller ändrade mål, målgrupp eller projektägare – beslutas av förbundets styrelse.`,
    ),
    paragraph(
      'Förbundets styrelse kan besluta att avsluta insatsen i förtid om uppföljningen visar att den inte ger avsedd nytta för parterna, om förutsättningarna för insatsen väsentligt ändras eller om avtalet inte följs. En part som vill lämna insatsen meddelar förbundet och övriga parter skriftligen; parterna och förbundet kommer då överens om hur insatsen ska avslutas eller fortsätta.',
    ),
    paragraph(
      'Avslutas insatsen i förtid ersätter förbundet kostnader som har uppstått till dess och åtaganden som inte kan avbrytas. Medel som har betalats ut för kostnader som inte avser insatsen eller inte kan styrkas ska betalas tillbaka till förbundet.',
    ),
    paragraph('Tvister om avtalet löses i första hand genom överläggningar mellan parterna och förbundet.'),
  ]);
}

function validitySection(facts: AgreementFacts): AgreementSection {
  const signers = joinSwedish(facts.parties.map((party) => party.name));
  const decision = decisionOf(facts);
  return section('10', 'Giltighet och underskrifter', [
    paragraph(
      `Avtalet gäller när samtliga parter${signers === '' ? '' : ` (${signers})`} har undertecknat det, för den avtalstid som anges i avsnitt 3. Förbundets åtagande grundar sig på styrelsens beslut${decision === null ? '' : ` (${decision})`}; förbundschefen undertecknar avtalet för förbundet.`,
    ),
    paragraph(
      'Avtalet undertecknas av behörig företrädare för varje part. När avtalet undertecknas elektroniskt i Microsoft Teams genom Insatsnavet fogas en underskriftssida till avtalet med varje företrädares namn, organisation och tidpunkt; underskriftsraderna nedan används när avtalet undertecknas på papper. Varje part får ett exemplar av det undertecknade avtalet.',
    ),
    { kind: 'signatures' },
  ]);
}

/** the ten sections of the agreement, in order */
export function agreementSections(facts: AgreementFacts): AgreementSection[] {
  return [
    partiesSection(facts),
    backgroundSection(facts),
    periodSection(facts),
    compensationSection(facts),
    workEnvironmentSection(facts),
    steeringGroupSection(facts),
    followUpSection(facts),
    evaluationSection(facts),
    changesSection(facts),
    validitySection(facts),
  ];
}
