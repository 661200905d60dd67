/**
 * A small reader of Bicep for tests, because the Bicep compiler (a .NET binary) cannot be
 * installed here. It tokenizes the file (comments, strings with `${}` interpolation, multi-line
 * strings), checks that brackets and strings are balanced, reads the top-level declarations with
 * their decorators, and lists identifiers that are used but declared nowhere (a typo such as
 * `webapp.properties`). It does NOT check types, property names against the resource providers'
 * schemas, API versions against what Azure offers, or what ARM would do at deployment.
 */

export type Token = {
  readonly kind: 'ident' | 'string' | 'number' | 'punct' | 'newline';
  readonly value: string;
  readonly line: number;
};

export type Decorator = { readonly name: string; readonly firstString: string | undefined };

export type Declaration = {
  readonly keyword: 'param' | 'var' | 'resource' | 'output' | 'module' | 'type' | 'func' | 'metadata' | 'targetScope';
  readonly name: string;
  readonly line: number;
  readonly decorators: readonly Decorator[];
  /** param/output: the type; resource/module: the type string ('Microsoft.Web/sites@2023-12-01') */
  readonly type: string | undefined;
  /** param: has `= default` */
  readonly hasDefault: boolean;
  /** the tokens after `=` up to the end of the declaration */
  readonly body: readonly Token[];
};

export type BicepOutline = {
  readonly tokens: readonly Token[];
  readonly declarations: readonly Declaration[];
  /** syntax problems: unbalanced brackets, unterminated strings or comments, unexpected tokens */
  readonly problems: readonly string[];
  /** identifiers used but declared nowhere, with their line */
  readonly unresolved: readonly string[];
};

const PUNCT = ['?.', '??', '==', '!=', '<=', '>=', '&&', '||', '=>', '::', '.?'];

/** Bicep's built-in functions and namespaces the file may call (the ones in use, and their kin). */
const FUNCTIONS = new Set(
  `any array base64 base64ToString bool concat contains dataUri deployment empty endsWith environment filter first
format guid indexOf int intersection json last lastIndexOf length list listKeys loadFileAsBase64 loadJsonContent
loadTextContent managementGroup map max min newGuid padLeft pickZones range reduce reference replace resourceGroup
resourceId skip sort split startsWith string subscription subscriptionResourceId substring take tenant
tenantResourceId toLower toUpper trim union uniqueString uri uriComponent uriComponentToString utcNow items
extensionResourceId managementGroupResourceId dateTimeAdd toObject flatten objectKeys shallowMerge readEnvironmentVariable sys az`
    .split(/\s+/)
    .filter((name) => name !== ''),
);
const KEYWORDS = new Set([
  'true',
  'false',
  'null',
  'if',
  'for',
  'in',
  'existing',
  'param',
  'var',
  'resource',
  'output',
  'module',
  'type',
  'func',
  'metadata',
  'targetScope',
  'import',
  'with',
  'as',
]);
const TOP_LEVEL = new Set(['param', 'var', 'resource', 'output', 'module', 'type', 'func', 'metadata', 'targetScope']);

function tokenize(source: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  // each open `${` remembers the brace depth at which it closes back into its string
  const interpolations: number[] = [];
  let braceDepth = 0;
  let stringBuffer: { text: string; line: number } | undefined;

  const readStringBody = (): void => {
    // inside a single-quoted string, until its end or an interpolation
    while (i < source.length) {
      const char = source[i];
      if (char === '\\') {
        stringBuffer = { text: `${stringBuffer?.text ?? ''}${source.slice(i, i + 2)}`, line };
        i += 2;
        continue;
      }
      if (char === '\n') {
        problems.push(`line ${line}: a single-quoted string runs over the end of the line`);
        line += 1;
      }
      if (char === "'") {
        tokens.push({ kind: 'string', value: stringBuffer?.text ?? '', line: stringBuffer?.line ?? line });
        stringBuffer = undefined;
        i += 1;
        return;
      }
      if (char === '$' && source[i + 1] === '{') {
        stringBuffer = { text: `${stringBuffer?.text ?? ''}\${…}`, line };
        interpolations.push(braceDepth);
        braceDepth += 1;
        i += 2;
        return;
      }
      stringBuffer = { text: `${stringBuffer?.text ?? ''}${char}`, line };
      i += 1;
    }
    problems.push(`line ${stringBuffer?.line ?? line}: unterminated string`);
  };

  while (i < source.length) {
    const char = source[i] ?? '';
    const next = source[i + 1];
    if (char === '\n') {
      tokens.push({ kind: 'newline', value: '\n', line });
      line += 1;
      i += 1;
    } else if (/\s/.test(char)) {
      i += 1;
    } else if (char === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        i += 1;
      }
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end === -1) {
        problems.push(`line ${line}: unterminated comment`);
        return tokens;
      }
      line += source.slice(i, end).split('\n').length - 1;
      i = end + 2;
    } else if (source.startsWith("'''", i)) {
      const end = source.indexOf("'''", i + 3);
      if (end === -1) {
        problems.push(`line ${line}: unterminated multi-line string`);
        return tokens;
      }
      tokens.push({ kind: 'string', value: source.slice(i + 3, end), line });
      line += source.slice(i, end).split('\n').length - 1;
      i = end + 3;
    } else if (char === "'") {
      i += 1;
      stringBuffer = { text: '', line };
      readStringBody();
    } else if (char === '}' && interpolations.length > 0 && interpolations.at(-1) === braceDepth - 1) {
      // the end of `${…}`: back into the string
      interpolations.pop();
      braceDepth -= 1;
      i += 1;
      readStringBody();
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))?.[0] ?? char;
      tokens.push({ kind: 'ident', value: match, line });
      i += match.length;
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+/.exec(source.slice(i))?.[0] ?? char;
      tokens.push({ kind: 'number', value: match, line });
      i += match.length;
    } else {
      const two = source.slice(i, i + 2);
      const value = PUNCT.includes(two) ? two : char;
      if (value === '{') {
        braceDepth += 1;
      } else if (value === '}') {
        braceDepth -= 1;
      }
      tokens.push({ kind: 'punct', value, line });
      i += value.length;
    }
  }
  if (stringBuffer !== undefined) {
    problems.push(`line ${stringBuffer.line}: unterminated string`);
  }
  return tokens;
}

function checkBrackets(tokens: readonly Token[], problems: string[]): void {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: Token[] = [];
  for (const token of tokens) {
    if (token.kind !== 'punct') {
      continue;
    }
    if (token.value === '(' || token.value === '[' || token.value === '{') {
      stack.push(token);
    } else if (token.value in pairs) {
      const open = stack.pop();
      if (open === undefined || open.value !== pairs[token.value]) {
        problems.push(
          `line ${token.line}: '${token.value}' closes ${open === undefined ? 'nothing' : `'${open.value}' of line ${open.line}`}`,
        );
        return;
      }
    }
  }
  for (const open of stack) {
    problems.push(`line ${open.line}: '${open.value}' is never closed`);
  }
}

/** Splits the token stream into top-level statements: a newline at bracket depth 0 ends one. */
function statements(tokens: readonly Token[]): Token[][] {
  const result: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'punct' && ['(', '[', '{'].includes(token.value)) {
      depth += 1;
    } else if (token.kind === 'punct' && [')', ']', '}'].includes(token.value)) {
      depth -= 1;
    }
    if (token.kind === 'newline' && depth === 0) {
      if (current.length > 0) {
        result.push(current);
      }
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) {
    result.push(current);
  }
  return result;
}

export function readBicep(source: string): BicepOutline {
  const problems: string[] = [];
  const tokens = tokenize(source, problems);
  checkBrackets(tokens, problems);
  const declarations: Declaration[] = [];
  let decorators: Decorator[] = [];
  for (const statement of problems.length === 0 ? statements(tokens) : []) {
    const [first, second, third] = statement;
    if (first === undefined) {
      continue;
    }
    if (first.value === '@' && second?.kind === 'ident') {
      const firstString = statement.find((token) => token.kind === 'string')?.value;
      decorators.push({ name: second.value, firstString });
      continue;
    }
    if (first.kind !== 'ident' || !TOP_LEVEL.has(first.value)) {
      problems.push(`line ${first.line}: unexpected '${first.value}' at the top level`);
      decorators = [];
      continue;
    }
    const keyword = first.value as Declaration['keyword'];
    if (keyword === 'targetScope') {
      declarations.push({
        keyword,
        name: 'targetScope',
        line: first.line,
        decorators,
        type: undefined,
        hasDefault: true,
        body: statement.slice(2),
      });
      decorators = [];
      continue;
    }
    if (second?.kind !== 'ident') {
      problems.push(`line ${first.line}: ${keyword} without a name`);
      decorators = [];
      continue;
    }
    const equals = statement.findIndex((token) => token.kind === 'punct' && token.value === '=');
    const type = keyword === 'var' ? undefined : third?.value;
    if ((keyword === 'resource' || keyword === 'module') && third?.kind !== 'string') {
      problems.push(`line ${first.line}: ${keyword} ${second.value} has no type string`);
    }
    if (keyword !== 'param' && equals === -1) {
      problems.push(`line ${first.line}: ${keyword} ${second.value} has no '='`);
    }
    declarations.push({
      keyword,
      name: second.value,
      line: first.line,
      decorators,
      type,
      hasDefault: equals !== -1,
      body: equals === -1 ? [] : statement.slice(equals + 1),
    });
    decorators = [];
  }
  return {
    tokens,
    declarations,
    problems,
    unresolved: problems.length === 0 ? unresolvedNames(tokens, declarations) : [],
  };
}

function unresolvedNames(tokens: readonly Token[], declarations: readonly Declaration[]): string[] {
  const declared = new Set(declarations.filter((d) => d.keyword !== 'output').map((d) => d.name));
  // loop and lambda variables
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    if (token.value === 'for' && next?.kind === 'ident') {
      declared.add(next.value);
    }
    if (token.kind === 'ident' && next?.value === '=>') {
      declared.add(token.value);
    }
  });
  const significant = tokens;
  const unresolved: string[] = [];
  significant.forEach((token, index) => {
    if (token.kind !== 'ident' || KEYWORDS.has(token.value)) {
      return;
    }
    const before = significant[index - 1];
    const after = significant[index + 1];
    const twoBefore = significant[index - 2];
    // property access, decorator names, declaration names and their types
    if (before !== undefined && ['.', '?.', '@', '::'].includes(before.value)) {
      return;
    }
    if (before?.kind === 'ident' && TOP_LEVEL.has(before.value)) {
      return;
    }
    if (twoBefore?.kind === 'ident' && ['param', 'output', 'type'].includes(twoBefore.value)) {
      return;
    }
    // object keys: `name:` at the start of a line or after `{` or `,`
    if (after?.value === ':' && (before === undefined || ['\n', '{', ','].includes(before.value))) {
      return;
    }
    if (after?.value === '(' && FUNCTIONS.has(token.value)) {
      return;
    }
    if (!declared.has(token.value)) {
      unresolved.push(`line ${token.line}: ${token.value}`);
    }
  });
  return unresolved;
}

/** The keys of an object literal given as tokens (`{ KEY: value … }`), top level only. */
export function objectKeys(body: readonly Token[]): Map<string, Token[]> {
  const keys = new Map<string, Token[]>();
  let depth = 0;
  let current: Token[] | undefined;
  body.forEach((token, index) => {
    if (token.kind === 'punct' && ['(', '[', '{'].includes(token.value)) {
      depth += 1;
      if (depth === 1) {
        return;
      }
    } else if (token.kind === 'punct' && [')', ']', '}'].includes(token.value)) {
      depth -= 1;
    }
    const before = body[index - 1];
    if (
      depth === 1 &&
      (token.kind === 'ident' || token.kind === 'string') &&
      body[index + 1]?.value === ':' &&
      before !== undefined &&
      ['\n', '{', ','].includes(before.value)
    ) {
      current = [];
      keys.set(token.value, current);
      return;
    }
    if (depth >= 1 && current !== undefined && token.value !== ':' && token.kind !== 'newline') {
      current.push(token);
    }
  });
  return keys;
}
