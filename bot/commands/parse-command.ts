/**
 * What a chat message asks for. Swedish first with English aliases, and forgiving about what
 * Teams and people add: `<at>Insatsnavet</at>` mentions, HTML from the compose box, case,
 * diacritics, extra spaces and trailing punctuation. Pure, so it is tested on its own.
 */

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'greeting' }
  | { readonly kind: 'mine' }
  | { readonly kind: 'status'; readonly query: string }
  | { readonly kind: 'deadlines' }
  | { readonly kind: 'approvals' }
  /** `faktura NOVA`, `registrera faktura NOVA`, `rekvisition NOVA-2027-Q1`: one invoice's card */
  | { readonly kind: 'requisition'; readonly query: string }
  /** `fakturor`: the invoices waiting for the person */
  | { readonly kind: 'requisitions' }
  /** `kalender`: the person's calendar feed link; `ny kalenderlänk` replaces it */
  | { readonly kind: 'calendar' }
  | { readonly kind: 'calendar-renew' }
  /** `beslut 12` or `beslut SAMSYN`: one approval's card */
  | { readonly kind: 'approval'; readonly query: string }
  /** `delegationsbeslut`: the minor decisions the förbundschef made on delegation, for the board */
  | { readonly kind: 'delegation-decisions' }
  /** `nytt beslut NOVA`, `begär beslut NOVA`: the kansli's form to start an approval */
  | { readonly kind: 'start-approval'; readonly query: string }
  /** `signera avtal SAMUTB`: the kansli sends the insats's samarbetsavtal out for signing */
  | { readonly kind: 'start-signing'; readonly query: string }
  | { readonly kind: 'act-as'; readonly name: string }
  | { readonly kind: 'act-as-self' }
  | { readonly kind: 'who-am-i' }
  | { readonly kind: 'unknown'; readonly text: string };

export type ParseOptions = {
  /** the dev commands (`agera som`, `vem är jag`) exist only with AUTH_MODE=dev */
  readonly devCommands: boolean;
};

/** whole-message phrases, as folded words */
const PHRASES: ReadonlyArray<readonly [string, Command['kind']]> = [
  ['kalender', 'calendar'],
  ['min kalender', 'calendar'],
  ['kalenderlank', 'calendar'],
  ['calendar', 'calendar'],
  ['my calendar', 'calendar'],
  ['ny kalenderlank', 'calendar-renew'],
  ['ny kalender', 'calendar-renew'],
  ['new calendar link', 'calendar-renew'],
  ['hjalp', 'help'],
  ['help', 'help'],
  ['kommandon', 'help'],
  ['commands', 'help'],
  ['vad kan du', 'help'],
  ['hej', 'greeting'],
  ['hejsan', 'greeting'],
  ['hallo', 'greeting'],
  ['tjena', 'greeting'],
  ['god morgon', 'greeting'],
  ['hi', 'greeting'],
  ['hello', 'greeting'],
  ['mina insatser', 'mine'],
  ['mina', 'mine'],
  ['my interventions', 'mine'],
  ['my insatser', 'mine'],
  ['mine', 'mine'],
  ['frister', 'deadlines'],
  ['frist', 'deadlines'],
  ['fakturafrister', 'deadlines'],
  ['kommande frister', 'deadlines'],
  ['deadlines', 'deadlines'],
  ['deadline', 'deadlines'],
  ['att besluta', 'approvals'],
  ['delegationsbeslut', 'delegation-decisions'],
  ['delegationsbeslutet', 'delegation-decisions'],
  ['delegation decisions', 'delegation-decisions'],
  ['beslut', 'approvals'],
  ['to decide', 'approvals'],
  ['approvals', 'approvals'],
  ['fakturor', 'requisitions'],
  ['mina fakturor', 'requisitions'],
  ['rekvisitioner', 'requisitions'],
  ['mina rekvisitioner', 'requisitions'],
  ['invoices', 'requisitions'],
  ['my invoices', 'requisitions'],
];

/** the words before an insats's code or a period key that ask for one invoice's card */
const REQUISITION_PREFIXES = [
  'registrera faktura',
  'registrera fakturan',
  'registrera rekvisition',
  'faktura',
  'fakturan',
  'rekvisition',
  'rekvisitionen',
  'invoice',
  'register invoice',
] as const;

/** the words before an insats's code that ask for the start form; longest first */
const START_APPROVAL_PREFIXES = [
  'nytt beslutsarende',
  'nytt beslut',
  'begar beslut',
  'starta beslut',
  'new approval',
] as const;

/** the words before an insats's code that start the signing of its samarbetsavtal; longest first */
const START_SIGNING_PREFIXES = [
  'signera samarbetsavtal',
  'signera samarbetsavtalet',
  'signera avtalet',
  'signera avtal',
  'starta signering',
  'skicka avtal',
  'skicka avtalet',
  'sign agreement',
] as const;

/** the words before an approval's id or an insats's code that ask for one approval's card */
const APPROVAL_PREFIXES = ['beslutsarende', 'beslut', 'approval'] as const;

const DEV_PHRASES: ReadonlyArray<readonly [string, Command['kind']]> = [
  ['vem ar jag', 'who-am-i'],
  ['who am i', 'who-am-i'],
  ['whoami', 'who-am-i'],
  ['agera som mig sjalv', 'act-as-self'],
  ['agera som mig', 'act-as-self'],
  ['agera som jag', 'act-as-self'],
  ['act as myself', 'act-as-self'],
  ['act as me', 'act-as-self'],
];

const ACT_AS_PREFIXES = ['agera som', 'act as'] as const;

export function parseCommand(raw: string, options: ParseOptions): Command {
  const text = cleanMessageText(raw);
  const words = text === '' ? [] : text.split(' ');
  const folded = words.map(foldWord);
  const whole = folded.join(' ');

  // an @mention alone is a call for help
  if (whole === '') {
    return { kind: 'help' };
  }
  if (options.devCommands) {
    const dev = DEV_PHRASES.find(([phrase]) => phrase === whole);
    if (dev !== undefined) {
      return commandOf(dev[1]);
    }
    for (const prefix of ACT_AS_PREFIXES) {
      const size = prefix.split(' ').length;
      if (folded.slice(0, size).join(' ') === prefix) {
        const name = words.slice(size).join(' ');
        return name === '' ? { kind: 'who-am-i' } : { kind: 'act-as', name };
      }
    }
  }
  const phrase = PHRASES.find(([candidate]) => candidate === whole);
  if (phrase !== undefined) {
    return commandOf(phrase[1]);
  }
  if (folded[0] === 'status') {
    return { kind: 'status', query: words.slice(1).join(' ') };
  }
  // the longest prefix first: `registrera faktura NOVA` is not `registrera` + `faktura NOVA`
  for (const prefix of REQUISITION_PREFIXES) {
    const size = prefix.split(' ').length;
    if (folded.slice(0, size).join(' ') === prefix) {
      return { kind: 'requisition', query: words.slice(size).join(' ') };
    }
  }
  for (const prefix of START_SIGNING_PREFIXES) {
    const size = prefix.split(' ').length;
    if (folded.slice(0, size).join(' ') === prefix) {
      return { kind: 'start-signing', query: words.slice(size).join(' ') };
    }
  }
  for (const prefix of START_APPROVAL_PREFIXES) {
    const size = prefix.split(' ').length;
    if (folded.slice(0, size).join(' ') === prefix) {
      return { kind: 'start-approval', query: words.slice(size).join(' ') };
    }
  }
  if (folded.length > 1 && (APPROVAL_PREFIXES as readonly string[]).includes(folded[0] ?? '')) {
    return { kind: 'approval', query: words.slice(1).join(' ').replace(/^#/, '') };
  }
  return { kind: 'unknown', text };
}

function commandOf(kind: Command['kind']): Command {
  switch (kind) {
    case 'status':
    case 'requisition':
    case 'approval':
    case 'start-approval':
    case 'start-signing':
      return { kind, query: '' };
    case 'act-as':
      return { kind, name: '' };
    case 'unknown':
      return { kind, text: '' };
    default:
      return { kind };
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};

/**
 * The words of a message as the user meant them: mentions and markup removed, entities decoded,
 * whitespace collapsed, a leading slash and trailing punctuation dropped.
 */
export function cleanMessageText(raw: string): string {
  return raw
    .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[/!]+/, '')
    .replace(/[\s.!?,;:…]+$/u, '')
    .trim();
}

/** lower case without diacritics: `Hjälp` → `hjalp` */
function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
