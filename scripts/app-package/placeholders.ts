// Fills Agents Toolkit placeholders, ${{VAR}}, in every string of a parsed JSON value.
// Working on the parsed value (not the text) means a value containing quotes or backslashes cannot
// break the JSON.

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface FillResult<T> {
  value: T;
  /** variables used but not defined, sorted, each once */
  missing: string[];
  /** strings that still contain "${{" after filling (a malformed placeholder), with their JSON path */
  malformed: string[];
}

/** Every variable name used in a JSON value, sorted, each once. */
export function placeholderNames(value: unknown): string[] {
  const names = new Set<string>();
  walk(value, '$', (text) => {
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (match[1] !== undefined) {
        names.add(match[1]);
      }
    }
    return text;
  });
  return [...names].sort();
}

/** Replaces every ${{VAR}} with vars[VAR]; a variable defined as "" is filled with "". */
export function fillPlaceholders<T>(value: T, vars: Readonly<Record<string, string>>): FillResult<T> {
  const missing = new Set<string>();
  const malformed: string[] = [];
  const filled = walk(value, '$', (text, path) => {
    const result = text.replace(PLACEHOLDER, (match, name: string) => {
      const replacement = Object.hasOwn(vars, name) ? vars[name] : undefined;
      if (replacement === undefined) {
        missing.add(name);
        return match;
      }
      return replacement;
    });
    const stripped = result.replace(PLACEHOLDER, '');
    if (stripped.includes('${{')) {
      malformed.push(`${path}: "${text}"`);
    }
    return result;
  });
  return { value: filled as T, missing: [...missing].sort(), malformed };
}

function walk(value: unknown, path: string, onString: (text: string, path: string) => string): unknown {
  if (typeof value === 'string') {
    return onString(value, path);
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => walk(item, `${path}[${index}]`, onString));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = walk(item, `${path}.${key}`, onString);
    }
    return out;
  }
  return value;
}
