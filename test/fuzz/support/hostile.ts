/**
 * Generators of hostile input for the fuzz suite: strings (control characters, right-to-left
 * overrides, zero-width joiners, lone surrogates, 100 000 characters, HTML and script, Markdown
 * links, formula starts, personnummer), values of every JSON type (huge and negative numbers,
 * NaN-like strings, dates that do not exist), and mutations of a valid body (a field of the
 * wrong type, missing or extra, `__proto__`/`constructor`/`prototype` keys, an array where an
 * object belongs, 10 000 levels of nesting, broken JSON) — written out as the raw request body.
 */
import fc from 'fast-check';

/** made-up personnummer and samordningsnummer with a correct Luhn digit, in the formats people write */
export const PERSONNUMMER_FORMATS = [
  'YYYYMMDD-NNNN',
  'YYMMDD-NNNN',
  'YYMMDDNNNN',
  'YYYYMMDD+NNNN',
  'YYYYMMDDNNNN',
  'YYMMDD+NNNN',
] as const;

function luhn(nine: string): number {
  let sum = 0;
  for (let index = 0; index < nine.length; index += 1) {
    const product = Number(nine.charAt(index)) * (index % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

export const personnummer: fc.Arbitrary<string> = fc
  .record({
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    samordning: fc.boolean(),
    serial: fc.integer({ min: 0, max: 999 }),
    format: fc.constantFrom(...PERSONNUMMER_FORMATS),
  })
  .map(({ year, month, day, samordning, serial, format }) => {
    const two = (value: number) => String(value).padStart(2, '0');
    const date6 = `${two(year % 100)}${two(month)}${two(samordning ? day + 60 : day)}`;
    const nine = `${date6}${String(serial).padStart(3, '0')}`;
    const last4 = `${nine.slice(6)}${luhn(nine)}`;
    const century = String(Math.floor(year / 100));
    const written: Record<(typeof PERSONNUMMER_FORMATS)[number], string> = {
      'YYYYMMDD-NNNN': `${century}${date6}-${last4}`,
      'YYMMDD-NNNN': `${date6}-${last4}`,
      YYMMDDNNNN: `${date6}${last4}`,
      'YYYYMMDD+NNNN': `${century}${date6}+${last4}`,
      YYYYMMDDNNNN: `${century}${date6}${last4}`,
      'YYMMDD+NNNN': `${date6}+${last4}`,
    };
    return written[format];
  });

/** a personnummer in the middle of ordinary text, sometimes split by an invisible character */
export const textWithPersonnummer: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'Deltagaren ', 'Kontakt: ', 'Projektledare Anna (', '<b>', 'Faktura '),
    personnummer,
    fc.constantFrom('', ' har slutat.', ')', '</b>', ' – se bilaga'),
    fc.constantFrom('plain', 'zwj', 'zwsp', 'soft-hyphen', 'fullwidth'),
  )
  .map(([before, number, after, disguise]) => {
    const disguised =
      disguise === 'plain'
        ? number
        : disguise === 'fullwidth'
          ? number.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)))
          : `${number.slice(0, 4)}${{ zwj: '\u200d', zwsp: '\u200b', 'soft-hyphen': '\u00ad' }[disguise]}${number.slice(4)}`;
    return `${before}${disguised}${after}`;
  });

export const HTML_AND_SCRIPT = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>NOVA</b>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '<a href="https://evil.example">klicka</a>',
  '<at>Insatsnavet</at>',
] as const;

export const MARKDOWN = [
  '[länk](https://evil.example)',
  '**fet** _kursiv_ `kod`',
  '![bild](https://evil.example/x.png)',
  '- punkt\n- lista',
  '# Rubrik',
  '\\*escaped\\*',
] as const;

export const FORMULAS = ['=HYPERLINK("https://evil.example","klicka")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'];

export const SPECIAL_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31m',
  '\u202eAVON',
  'NO\u200dVA',
  '\u200b',
  '\ufeffBOM',
  '\ud800',
  'x\udfffy',
  '\u2028\u2029',
  'NOVA\r\nEND:VCALENDAR\r\nBEGIN:VEVENT',
  'a;b,c\\d',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-0',
  '0x10',
  '2027-02-30',
  '2027-13-01',
  '0000-00-00',
  '2027-04-31',
  '99999-01-01',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '{"$ne":null}',
  "' OR 1=1 --",
  "NOVA' or Code ne '",
  '../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, on purpose
  '${7*7}',
  '{{7*7}}',
  'null',
  'undefined',
  'true',
  '12 500,50 kr',
  '-12500',
  '١٢٣',
  '𝟏𝟐𝟑',
  'Å'.repeat(300),
  ...HTML_AND_SCRIPT,
  ...MARKDOWN,
  ...FORMULAS,
];

/** strings of any UTF-16 code unit, lone surrogates and control characters included */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) });

/** a string someone hostile might send */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: fc.string() },
  { weight: 2, arbitrary: codeUnits },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 2, arbitrary: textWithPersonnummer },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'Ö', '<', '\u202e', '9'), fc.constantFrom(256, 4_001, 20_001, 100_000))
      .map(([character, length]) => character.repeat(length)),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...SPECIAL_STRINGS), { minLength: 2, maxLength: 4 })
      .map((parts) => parts.join(' ')),
  },
);

/** a number someone hostile might send */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, -0.5, 0.001, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, Number.MIN_VALUE, 2027, 99_999_999_999),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** a key someone hostile might put in a body */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'etag', 'id', 'aadObjectId', 'from', 'isAdmin', ''),
  fc.string({ maxLength: 12 }),
  personnummer,
);

/** any JSON value, a few levels deep, hostile leaves */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: hostileString },
    { weight: 2, arbitrary: hostileNumber },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(hostileKey, tie('value'), { maxKeys: 3 }) },
  ),
})).value;

type Json = unknown;
type Path = readonly (string | number)[];

/** every path into a JSON value (objects and arrays), the root included */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      paths.push(...pathsOf(item, [...prefix, index]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      paths.push(...pathsOf(item, [...prefix, key]));
    }
  }
  return paths;
}

function clone(value: Json): Json {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** sets (or with `undefined`, deletes) the value at a path; own properties only, `__proto__` included */
function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) {
    return value;
  }
  // a key into a body that is a string or a number makes it an object
  const copy = (typeof root === 'object' && root !== null ? clone(root) : {}) as Record<string | number, Json>;
  let parent: Record<string | number, Json> = copy;
  for (const [index, key] of path.slice(0, -1).entries()) {
    // a path the body does not have yet (an optional field left out) is made
    if (typeof parent[key] !== 'object' || parent[key] === null) {
      parent[key] = typeof path[index + 1] === 'number' ? [] : {};
    }
    parent = parent[key] as Record<string | number, Json>;
  }
  const last = path[path.length - 1] as string | number;
  if (value === undefined) {
    delete parent[last];
  } else {
    Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

const DEEP = '\u0000DEEP\u0000';
const deepJson = (levels: number, kind: 'object' | 'array') =>
  kind === 'object' ? `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}` : `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** a body as it goes on the wire, and what was done to it (for the report) */
export type Body = { readonly text: string; readonly mutation: string };

function written(value: Json, mutation: string): Body {
  return { text: JSON.stringify(value) ?? 'null', mutation };
}

/**
 * A valid body, or one of many ways to spoil it. `freeTextPaths` are the fields a person types
 * into: they get personnummer, HTML, Markdown and control characters more often than the rest.
 */
export function mutatedBody(valid: fc.Arbitrary<Json>, freeTextPaths: readonly Path[] = []): fc.Arbitrary<Body> {
  return valid.chain((body) => {
    const paths = pathsOf(body);
    const anyPath = fc.constantFrom(...paths);
    const innerPaths = paths.filter((path) => path.length > 0);
    const fieldPath = innerPaths.length === 0 ? fc.constant<Path>([]) : fc.constantFrom(...innerPaths);
    const objectPaths = paths.filter((path) => {
      let node: Json = body;
      for (const key of path) {
        node = (node as Record<string | number, Json>)[key];
      }
      return typeof node === 'object' && node !== null && !Array.isArray(node);
    });
    const objectPath = objectPaths.length === 0 ? fc.constant<Path>([]) : fc.constantFrom(...objectPaths);
    const textPath = freeTextPaths.length === 0 ? fieldPath : fc.constantFrom(...freeTextPaths);
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(written(body, 'valid')) },
      {
        weight: 4,
        arbitrary: fc
          .tuple(textPath, fc.oneof(hostileString, textWithPersonnummer, fc.constantFrom(...HTML_AND_SCRIPT)))
          .map(([path, text]) => written(setAt(body, path, text), `free text ${path.join('.')}`)),
      },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fieldPath, hostileValue)
          .map(([path, value]) => written(setAt(body, path, value), `value at ${path.join('.')}`)),
      },
      {
        weight: 2,
        arbitrary: fieldPath.map((path) => written(setAt(body, path, undefined), `missing ${path.join('.')}`)),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(objectPath, hostileKey, hostileValue)
          .map(([path, key, value]) => written(setAt(body, [...path, key], value), `extra key ${JSON.stringify(key)}`)),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(objectPath, fc.constantFrom('__proto__', 'constructor', 'prototype'))
          .map(([path, key]) =>
            written(
              setAt(body, [...path, key], { polluted: true, isAdmin: true, prototype: { polluted: true } }),
              `${key} at ${path.join('.')}`,
            ),
          ),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom<Json>([body], [], 'text', 12, null, true, [[body]])
          .map((value) => written(value, `whole body ${JSON.stringify(value).slice(0, 20)}`)),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(anyPath, fc.constantFrom(100, 10_000), fc.constantFrom<'object' | 'array'>('object', 'array'))
          .map(([path, levels, kind]) => ({
            text: (JSON.stringify(setAt(body, path, DEEP)) ?? '').replace(JSON.stringify(DEEP), deepJson(levels, kind)),
            mutation: `${levels} levels of ${kind} at ${path.join('.')}`,
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(
            (text: string) => text.slice(0, Math.max(1, text.length - 1)),
            (text: string) => `${text}}`,
            (text: string) => text.replace(/:/, ':NaN,"x":'),
            (text: string) => text.replace(/}$/, ',}'),
            (text: string) => `/* kommentar */${text}`,
            (text: string) => text.replace(/^\{/, '{"etag":1,"etag":2,'),
            (text: string) => text.replaceAll('"', "'"),
          )
          .map((spoil) => ({ text: spoil(JSON.stringify(body) ?? ''), mutation: 'broken JSON' })),
      },
    );
  });
}

/**
 * Percent-encodes every byte of the text's UTF-8 form but the unreserved characters. Unlike
 * encodeURIComponent it takes lone surrogates (as U+FFFD, the bytes a client would send).
 */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const character = String.fromCharCode(byte);
      return /[A-Za-z0-9\-_.~]/.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** path parameters: real ids, ids that do not exist, and hostile ones (encoded slashes, dots, unicode) */
export function pathParameter(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '0',
        '-1',
        '999999',
        '1.5',
        '1e3',
        '%2e%2e',
        '..%2F..%2Fetc%2Fpasswd',
        '%2F',
        '%00',
        '%E2%80%AE1',
        '%F0%9F%92%A9',
        '%FF',
        '%C0%AE%C0%AE',
        'NOVA-2027-Q5',
        'nova-2027-q1',
        '__proto__',
        'constructor',
        '%3Cscript%3E',
        'x'.repeat(2000),
      ),
    },
    { weight: 2, arbitrary: hostileString.map((text) => percentEncode(text.slice(0, 300))) },
  );
}

/** a query string: the route's own parameters with hostile values, repeated, as arrays, and strangers */
export function queryString(names: readonly string[]): fc.Arbitrary<string> {
  const name = fc.oneof(fc.constantFrom(...names, '__proto__[x]', 'constructor[prototype][x]', 'a[b][c][d][e][f]'));
  const pair = fc
    .tuple(
      name,
      fc.oneof(
        hostileString.map((text) => text.slice(0, 500)),
        fc.constantFrom('', '2027', 'Pågående'),
      ),
    )
    .map(([key, value]) => `${key.includes('[') ? key : percentEncode(key)}=${percentEncode(value)}`);
  return fc.oneof(
    fc.constant(''),
    fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`),
    fc.constantFrom(...names).map((key) => `?${key}=a&${key}=b`),
    fc.constantFrom(...names).map((key) => `?${key}[]=a&${key}[]=b`),
    fc.constantFrom(...names).map((key) => `?${key}[x]=1`),
    fc.constant('?%FF=%FE'),
    fc.constant(`?${'a=1&'.repeat(2000)}`),
  );
}
