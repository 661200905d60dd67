/**
 * `$expand` values such as `fields`, `fields(select=Title,Code)`, `fields($select=Title)`,
 * `columns`. Nested options are split on `;` as OData does; only `select` is understood.
 */
import { invalidRequest } from '../errors.ts';

export type ExpandClause = {
  readonly name: string;
  /** `select` inside the parentheses, undefined when absent */
  readonly select: readonly string[] | undefined;
};

export function parseExpand(source: string): ExpandClause[] {
  const clauses: ExpandClause[] = [];
  for (const part of splitTopLevel(source, ',')) {
    const trimmed = part.trim();
    if (trimmed === '') {
      throw invalidRequest(`Invalid $expand '${source}': empty item.`);
    }
    const open = trimmed.indexOf('(');
    if (open === -1) {
      assertName(trimmed, source);
      clauses.push({ name: trimmed, select: undefined });
      continue;
    }
    if (!trimmed.endsWith(')')) {
      throw invalidRequest(`Invalid $expand '${source}': missing ')'.`);
    }
    const name = trimmed.slice(0, open).trim();
    assertName(name, source);
    const inner = trimmed.slice(open + 1, -1);
    let select: string[] | undefined;
    for (const option of splitTopLevel(inner, ';')) {
      if (option.trim() === '') {
        continue;
      }
      const equals = option.indexOf('=');
      if (equals === -1) {
        throw invalidRequest(`Invalid $expand '${source}': '${option}' is not an option=value pair.`);
      }
      const key = option.slice(0, equals).trim().replace(/^\$/, '').toLowerCase();
      const value = option.slice(equals + 1).trim();
      if (key === 'select') {
        select = value
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '');
      } else if (key !== 'expand') {
        throw invalidRequest(`The query option '${key}' is not supported inside $expand=${name}(...).`);
      }
    }
    clauses.push({ name, select });
  }
  return clauses;
}

function assertName(name: string, source: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw invalidRequest(`Invalid $expand '${source}': '${name}' is not a navigation property name.`);
  }
}

function splitTopLevel(source: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < source.length; index += 1) {
    const char = source.charAt(index);
    if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth < 0) {
        throw invalidRequest(`Invalid $expand '${source}': unbalanced ')'.`);
      }
    } else if (char === separator && depth === 0) {
      parts.push(source.slice(start, index));
      start = index + 1;
    }
  }
  if (depth !== 0) {
    throw invalidRequest(`Invalid $expand '${source}': unbalanced '('.`);
  }
  parts.push(source.slice(start));
  return parts;
}
