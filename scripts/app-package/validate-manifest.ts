// Offline validation of a Teams app manifest (or localization file) with @microsoft/app-manifest.
// The schema is taken from the package's bundled copies (Teams v1.0–v1.30, not v1.18) and passed in
// explicitly, so validation never reaches for the network.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

type AppManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/;

const packageBuildDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));

/** The bundled schema file for a `$schema` URL, or an explanation of why there is none. */
export function bundledSchemaFile(schemaUrl: unknown): { file: string } | { error: string } {
  if (typeof schemaUrl !== 'string') {
    return { error: '$schema is missing: offline validation needs the Teams schema URL' };
  }
  const match = SCHEMA_URL.exec(schemaUrl);
  if (match === null || match[1] === undefined || match[2] === undefined) {
    return {
      error: `$schema "${schemaUrl}" is not https://developer.microsoft.com/json-schemas/teams/vX.Y/MicrosoftTeams[.Localization].schema.json`,
    };
  }
  const file = join(packageBuildDir, 'json-schemas', 'teams', match[1], match[2]);
  if (!existsSync(file)) {
    return {
      error: `$schema "${schemaUrl}": @microsoft/app-manifest bundles no ${match[1]} schema (v1.18 is missing)`,
    };
  }
  return { file };
}

const schemaCache = new Map<string, ManifestSchema>();

function loadSchema(file: string): ManifestSchema {
  const cached = schemaCache.get(file);
  if (cached) {
    return cached;
  }
  // the same clean-up app-manifest applies to the published schemas (\a and \v are not valid JSON escapes)
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = unicodeSafePatterns(JSON.parse(text)) as ManifestSchema;
  schemaCache.set(file, schema);
  return schema;
}

/**
 * ajv compiles schema patterns with the `u` flag, in which a lone `]` is a syntax error. Every bundled
 * MicrosoftTeams.Localization.schema.json (v1.8 and later) has two such keys,
 * `^activities.activityTypes\\[\\b(…)\\b]\\.description$`, so ajv cannot compile it at all. Escaping the
 * lone `]` gives the same regular expression the schema's authors meant (it is a literal `]` without
 * the `u` flag); no rule is dropped or loosened.
 */
export function unicodeSafePatterns(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(unicodeSafePatterns);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'patternProperties' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([pattern, sub]) => [escapeLoneBrackets(pattern), unicodeSafePatterns(sub)]),
      );
    } else if (key === 'pattern' && typeof value === 'string') {
      out[key] = escapeLoneBrackets(value);
    } else {
      out[key] = unicodeSafePatterns(value);
    }
  }
  return out;
}

/** Escapes every `]` that closes no character class, when the pattern is invalid with the `u` flag. */
export function escapeLoneBrackets(pattern: string): string {
  if (compilesWithUnicodeFlag(pattern)) {
    return pattern;
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
    } else if (c === ']') {
      out += inClass ? c : '\\]';
      inClass = false;
    } else {
      out += c;
    }
  }
  return out;
}

function compilesWithUnicodeFlag(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates a parsed manifest or localization file against the bundled schema named by its `$schema`.
 * Returns the validator's messages (empty = valid).
 */
export async function validateAgainstBundledSchema(json: unknown): Promise<string[]> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return ['not a JSON object'];
  }
  const schema = bundledSchemaFile((json as Record<string, unknown>).$schema);
  if ('error' in schema) {
    return [schema.error];
  }
  try {
    return await AppManifestUtils.validateAgainstSchema(json as AppManifest, loadSchema(schema.file));
  } catch (error) {
    return [`the schema ${schema.file} cannot be used: ${error instanceof Error ? error.message : String(error)}`];
  }
}
