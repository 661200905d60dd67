// Reads the Agents Toolkit style environment files: env/.env.<name> (committed, non-secret) and
// env/.env.<name>.user (git-ignored, secrets and machine-specific values), the latter overriding the former.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export class EnvFileError extends Error {
  override name = 'EnvFileError';
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Parses dotenv text: `KEY=value` lines, `#` comments, blank lines, an optional `export ` prefix,
 * values in single or double quotes (double quotes understand \n, \" and \\), and ` # comment` after
 * an unquoted value. A line that is none of these is an error naming the file and line.
 */
export function parseEnvFile(text: string, source: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      return;
    }
    const where = `${source}:${index + 1}`;
    const assignment = line.replace(/^export\s+/, '');
    const eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new EnvFileError(`${where}: expected KEY=value, got "${line}"`);
    }
    const key = assignment.slice(0, eq).trim();
    if (!KEY.test(key)) {
      throw new EnvFileError(`${where}: "${key}" is not a valid variable name`);
    }
    values[key] = parseValue(assignment.slice(eq + 1).trim(), where);
  });
  return values;
}

function parseValue(value: string, where: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const end = findClosingQuote(value, quote);
    if (end < 0) {
      throw new EnvFileError(`${where}: unterminated ${quote} quote`);
    }
    const rest = value.slice(end + 1).trim();
    if (rest !== '' && !rest.startsWith('#')) {
      throw new EnvFileError(`${where}: unexpected text after the closing quote: "${rest}"`);
    }
    const inner = value.slice(1, end);
    return quote === "'" ? inner : inner.replace(/\\(["\\n])/g, (_match, c: string) => (c === 'n' ? '\n' : c));
  }
  const comment = value.search(/\s#/);
  return (comment >= 0 ? value.slice(0, comment) : value).trim();
}

function findClosingQuote(value: string, quote: string): number {
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '\\' && quote === '"') {
      i++;
    } else if (value[i] === quote) {
      return i;
    }
  }
  return -1;
}

export interface LoadedEnvironment {
  values: Record<string, string>;
  /** the files read, in order (the .user file last, when present) */
  files: string[];
}

/** Reads env/.env.<envName> (required) and env/.env.<envName>.user (optional; its values win). */
export function loadEnvironment(envDir: string, envName: string): LoadedEnvironment {
  if (!ENV_NAME.test(envName)) {
    throw new EnvFileError(`"${envName}" is not a valid environment name (letters, digits, - and _)`);
  }
  const main = join(envDir, `.env.${envName}`);
  if (!existsSync(main)) {
    throw new EnvFileError(`no environment file ${main} (environment "${envName}")`);
  }
  const files = [main];
  const values = parseEnvFile(readFileSync(main, 'utf8'), main);
  const user = `${main}.user`;
  if (existsSync(user)) {
    files.push(user);
    Object.assign(values, parseEnvFile(readFileSync(user, 'utf8'), user));
  }
  return { values, files };
}
