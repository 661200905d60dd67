// Builds the Teams app package for one environment: env/.env.<env> (+ .user) → filled manifest →
// offline schema validation → appPackage/build/manifest.<env>.json and appPackage.<env>.zip.
// Nothing is written unless every check passes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, normalize, relative } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { loadEnvironment } from './env-file.ts';
import { fillPlaceholders } from './placeholders.ts';
import { checkOutlinePixels, readPngSize } from './png-info.ts';
import { validateAgainstBundledSchema } from './validate-manifest.ts';

export class AppPackageError extends Error {
  override name = 'AppPackageError';
  readonly problems: readonly string[];

  constructor(summary: string, problems: readonly string[]) {
    super([summary, ...problems.map((problem) => `  - ${problem}`)].join('\n'));
    this.problems = problems;
  }
}

export interface BuildAppPackageOptions {
  /** environment name: reads env/.env.<envName> and, when present, env/.env.<envName>.user */
  envName: string;
  /** the repository root (default: two folders above this file) */
  rootDir?: string;
  /** folder with manifest.json, the icons and language files (default <rootDir>/appPackage) */
  appPackageDir?: string;
  /** folder with the .env.<name> files (default <rootDir>/env) */
  envDir?: string;
  /** where manifest.<env>.json and appPackage.<env>.zip are written (default <appPackageDir>/build) */
  outDir?: string;
  /** the app version, filled into ${{APP_VERSION}} (default: the version in <rootDir>/package.json) */
  version?: string;
}

export interface BuiltAppPackage {
  envName: string;
  zipPath: string;
  manifestPath: string;
  /** the filled manifest as packaged */
  manifest: Record<string, unknown>;
  /** the file names at the root of the zip */
  files: string[];
  /** the environment files read */
  envFiles: string[];
}

const ALLOWED_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);
const COLOR_SIZE = 192;
const OUTLINE_SIZE = 32;

export async function buildAppPackage(options: BuildAppPackageOptions): Promise<BuiltAppPackage> {
  const rootDir = options.rootDir ?? join(import.meta.dirname, '..', '..');
  const appPackageDir = options.appPackageDir ?? join(rootDir, 'appPackage');
  const envDir = options.envDir ?? join(rootDir, 'env');
  const outDir = options.outDir ?? join(appPackageDir, 'build');
  const { envName } = options;

  const env = loadEnvironment(envDir, envName);
  // APP_VERSION always comes from package.json (or the option), so the package and the code agree.
  // An empty id or domain is one provisioning has not written yet (env/.env.dev lists them empty):
  // reported as missing. Only the name suffix may be empty on purpose.
  const given = Object.entries(env.values).filter(([name, value]) => value !== '' || ALLOWED_EMPTY.has(name));
  const vars = { ...Object.fromEntries(given), APP_VERSION: options.version ?? readPackageVersion(rootDir) };

  const manifestSource = readJson(join(appPackageDir, 'manifest.json'));
  const filledManifest = fillPlaceholders(manifestSource, vars);
  const manifest = asObject(filledManifest.value, 'manifest.json');
  dedupeValidDomains(manifest);

  // every JSON file of the package: the manifest and its language files, all filled the same way
  const jsonFiles = new Map<string, unknown>([['manifest.json', manifest]]);
  const missing = new Map<string, Set<string>>();
  const malformed: string[] = [];
  const note = (file: string, result: { missing: string[]; malformed: string[] }): void => {
    for (const name of result.missing) {
      missing.set(name, (missing.get(name) ?? new Set()).add(file));
    }
    malformed.push(...result.malformed.map((where) => `${file}: malformed placeholder at ${where}`));
  };
  note('manifest.json', filledManifest);

  const problems: string[] = [];
  for (const file of languageFiles(manifest)) {
    const path = packagePath(appPackageDir, file, problems);
    if (path === undefined) {
      continue;
    }
    if (!existsSync(path)) {
      problems.push(`${file}: language file named in localizationInfo does not exist in ${appPackageDir}`);
      continue;
    }
    const filled = fillPlaceholders(readJson(path), vars);
    note(file, filled);
    jsonFiles.set(file, filled.value);
  }

  if (missing.size > 0 || malformed.length > 0) {
    const defined = env.files.map(displayPath).join(' or ');
    throw new AppPackageError(`cannot fill the app package for environment "${envName}":`, [
      ...[...missing.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(
          ([name, files]) =>
            `missing variable ${name} (used in ${[...files].join(', ')}; not defined or empty in ${defined} — atk provision writes the ids and domains, or set them by hand)`,
        ),
      ...malformed,
    ]);
  }

  for (const [file, json] of jsonFiles) {
    for (const message of await validateAgainstBundledSchema(json)) {
      problems.push(`${file}: ${message}`);
    }
  }

  const binaryFiles = new Map<string, Buffer>();
  const icons = isObject(manifest.icons) ? manifest.icons : {};
  for (const [kind, size] of [
    ['color', COLOR_SIZE],
    ['outline', OUTLINE_SIZE],
  ] as const) {
    const file = icons[kind];
    if (typeof file !== 'string') {
      continue; // the schema validation above already reports a missing icon
    }
    const path = packagePath(appPackageDir, file, problems);
    if (path === undefined) {
      continue;
    }
    if (!existsSync(path)) {
      problems.push(`${file}: the ${kind} icon does not exist in ${appPackageDir}`);
      continue;
    }
    const bytes = readFileSync(path);
    const iconProblem = checkIcon(kind, bytes, size);
    if (iconProblem) {
      problems.push(`${file}: ${iconProblem}`);
    }
    binaryFiles.set(file, bytes);
  }

  if (problems.length > 0) {
    throw new AppPackageError(`the app package for environment "${envName}" is not valid:`, problems);
  }

  const zip = new JSZip();
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  for (const [file, json] of jsonFiles) {
    zip.file(file, file === 'manifest.json' ? manifestText : `${JSON.stringify(json, null, 2)}\n`);
  }
  for (const [file, bytes] of binaryFiles) {
    zip.file(file, bytes);
  }
  const zipBytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

  mkdirSync(outDir, { recursive: true });
  const manifestPath = join(outDir, `manifest.${envName}.json`);
  const zipPath = join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(manifestPath, manifestText);
  writeFileSync(zipPath, zipBytes);
  return {
    envName,
    zipPath,
    manifestPath,
    manifest,
    files: [...jsonFiles.keys(), ...binaryFiles.keys()],
    envFiles: env.files,
  };
}

/** A path relative to the working folder when it lies inside it, else absolute. */
function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

function readPackageVersion(rootDir: string): string {
  const pkg = asObject(readJson(join(rootDir, 'package.json')), 'package.json');
  if (typeof pkg.version !== 'string') {
    throw new AppPackageError('cannot read the app version:', [`${join(rootDir, 'package.json')} has no version`]);
  }
  return pkg.version;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) {
    throw new AppPackageError('cannot build the app package:', [`${path} does not exist`]);
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppPackageError('cannot build the app package:', [
      `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (!isObject(value)) {
    throw new AppPackageError('cannot build the app package:', [`${what} is not a JSON object`]);
  }
  return value;
}

/** The language files named by localizationInfo (defaultLanguageFile and additionalLanguages[].file). */
function languageFiles(manifest: Record<string, unknown>): string[] {
  const info = manifest.localizationInfo;
  if (!isObject(info)) {
    return [];
  }
  const files = typeof info.defaultLanguageFile === 'string' ? [info.defaultLanguageFile] : [];
  const additional: unknown = info.additionalLanguages;
  if (Array.isArray(additional)) {
    for (const language of additional as unknown[]) {
      if (isObject(language) && typeof language.file === 'string') {
        files.push(language.file);
      }
    }
  }
  return files;
}

/** The absolute path of a file the manifest names, or undefined (with a problem) if it escapes the folder. */
function packagePath(appPackageDir: string, file: string, problems: string[]): string | undefined {
  const normalized = normalize(file);
  if (isAbsolute(normalized) || normalized.startsWith('..')) {
    problems.push(`${file}: files in the package must be relative paths inside ${appPackageDir}`);
    return undefined;
  }
  return join(appPackageDir, normalized);
}

/** Teams lists a domain once; the tab and the bot often share one. */
function dedupeValidDomains(manifest: Record<string, unknown>): void {
  if (Array.isArray(manifest.validDomains)) {
    manifest.validDomains = [...new Set(manifest.validDomains)];
  }
}

function checkIcon(kind: 'color' | 'outline', bytes: Buffer, size: number): string | undefined {
  let actual: { width: number; height: number };
  try {
    actual = readPngSize(bytes);
  } catch (error) {
    return `the ${kind} icon is ${error instanceof Error ? error.message : String(error)}`;
  }
  if (actual.width !== size || actual.height !== size) {
    return `the ${kind} icon must be ${size}×${size} pixels, it is ${actual.width}×${actual.height}`;
  }
  if (kind === 'outline') {
    const png = PNG.sync.read(bytes);
    const { bad, first } = checkOutlinePixels(png.data, png.width);
    if (bad > 0 && first) {
      return `the outline icon must be white on transparent; ${bad} pixels are neither (first at ${first.x},${first.y}: rgba ${first.rgba.join(',')})`;
    }
  }
  return undefined;
}
