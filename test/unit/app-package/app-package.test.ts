import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPackageError, buildAppPackage } from '../../../scripts/app-package/build-app-package.ts';
import { parseEnvFile } from '../../../scripts/app-package/env-file.ts';
import { validateAgainstBundledSchema } from '../../../scripts/app-package/validate-manifest.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

const COMMANDS = [
  { title: 'hjälp', description: 'Visa vad jag kan' },
  { title: 'mina insatser', description: 'Insatser där du har en roll' },
  { title: 'status', description: 'Status för en insats: status NOVA' },
  { title: 'frister', description: 'Kommande fakturadagar för dina insatser' },
  { title: 'att besluta', description: 'Beslutsärenden som väntar på din röst' },
];

type Json = Record<string, unknown>;
type TeamsManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'insatsnavet-app-package-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** An env folder holding only the committed env/.env.<name> (a developer's .user file must not leak in). */
/**
 * What `atk provision --env dev` (or the deploying admin) writes into env/.env.dev, whose committed
 * ids and domains are empty until then (Agents Toolkit convention).
 */
const PROVISIONED_DEV = [
  'TEAMS_APP_ID=2b7e4d90-5c3a-4f18-8e6b-9a0c1d2e3f01',
  'BOT_ID=2b7e4d90-5c3a-4f18-8e6b-9a0c1d2e3f02',
  'AAD_APP_CLIENT_ID=2b7e4d90-5c3a-4f18-8e6b-9a0c1d2e3f03',
  'TAB_DOMAIN=insatsnavet-dev.azurewebsites.net',
  'BOT_DOMAIN=insatsnavet-dev.azurewebsites.net',
].join('\n');

function committedEnvDir(envName: string): string {
  const dir = tempDir();
  copyFileSync(join(root, 'env', `.env.${envName}`), join(dir, `.env.${envName}`));
  if (envName === 'dev') {
    writeFileSync(join(dir, '.env.dev.user'), `${PROVISIONED_DEV}\n`);
  }
  return dir;
}

/** An env folder with the committed env/.env.local, edited. */
function editedEnvDir(envName: string, edit: (values: Record<string, string>) => void): string {
  const values = parseEnvFile(readFileSync(join(root, 'env', '.env.local'), 'utf8'), '.env.local');
  edit(values);
  const dir = tempDir();
  const text = Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  writeFileSync(join(dir, `.env.${envName}`), `${text}\n`);
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<AppPackageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppPackageError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an AppPackageError');
}

function asJson(value: unknown): Json {
  expect(value).toBeTypeOf('object');
  return value as Json;
}

function arrayOf(value: unknown): Json[] {
  expect(Array.isArray(value)).toBe(true);
  return value as Json[];
}

describe.each(['local', 'dev'])('the app package for %s', (envName) => {
  const vars = {
    ...parseEnvFile(readFileSync(join(root, 'env', `.env.${envName}`), 'utf8'), `.env.${envName}`),
    ...(envName === 'dev' ? parseEnvFile(PROVISIONED_DEV, 'provisioned') : {}),
  };
  let outDir = '';
  let zip: JSZip;
  let manifest: Json;

  beforeAll(async () => {
    outDir = join(tempDir(), 'build');
    const built = await buildAppPackage({ envName, envDir: committedEnvDir(envName), outDir });
    expect(built.zipPath).toBe(join(outDir, `appPackage.${envName}.zip`));
    zip = await JSZip.loadAsync(readFileSync(built.zipPath));
    const file = zip.file('manifest.json');
    if (file === null) {
      throw new Error('manifest.json is not in the zip');
    }
    manifest = asJson(JSON.parse(await file.async('string')));
  });

  it('defines every variable the manifest needs, with ids that are GUIDs', () => {
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID']) {
      expect(vars[name], name).toMatch(GUID);
    }
    expect(vars.TEAMSFX_ENV).toBe(envName);
    expect(vars.TAB_DOMAIN).toMatch(/^[a-z0-9.-]+$/);
  });

  it('writes the zip and the filled manifest to the output folder, and the zip has the files at its root', async () => {
    expect(readdirSync(outDir).sort()).toEqual([`appPackage.${envName}.zip`, `manifest.${envName}.json`]);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const written = JSON.parse(readFileSync(join(outDir, `manifest.${envName}.json`), 'utf8'));
    expect(written).toEqual(manifest);
  });

  it('validates against the bundled Teams schema with no errors, and so does en.json', async () => {
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
    );
    expect(manifest.manifestVersion).toBe('1.24');
    expect(await AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest)).toEqual([]);
    const en = JSON.parse((await zip.file('en.json')?.async('string')) ?? 'null');
    expect(await validateAgainstBundledSchema(en)).toEqual([]);
  });

  it('has no placeholder left in any file', async () => {
    for (const name of ['manifest.json', 'en.json']) {
      const text = (await zip.file(name)?.async('string')) ?? '';
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain('${{');
    }
  });

  it('takes the ids, version, names and developer from the environment and package.json', () => {
    expect(manifest.id).toBe(vars.TEAMS_APP_ID);
    expect(manifest.version).toBe(packageVersion);
    expect(manifest.name).toEqual({
      short: `Insatsnavet${vars.APP_NAME_SUFFIX}`,
      full: 'Insatsnavet – insatser för samordningsförbund',
    });
    expect(asJson(manifest.developer)).toEqual({
      name: 'Insatsnavet',
      websiteUrl: vars.DEVELOPER_WEBSITE_URL,
      privacyUrl: vars.PRIVACY_URL,
      termsOfUseUrl: vars.TERMS_URL,
    });
    for (const url of Object.values(asJson(manifest.developer)).slice(1)) {
      expect(url).toMatch(/^https:\/\//);
    }
    expect(asJson(manifest.localizationInfo).defaultLanguageTag).toBe('sv-SE');
    expect(asJson(manifest.description).full).toContain('samordningsförbund');
    expect(manifest.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
  });

  it('has the bot in personal, team and groupChat with the five Swedish commands in each scope', () => {
    const bots = arrayOf(manifest.bots);
    expect(bots).toHaveLength(1);
    const bot = asJson(bots[0]);
    expect(bot.botId).toBe(vars.BOT_ID);
    expect([...(bot.scopes as string[])].sort()).toEqual(['groupChat', 'personal', 'team']);
    // files sent in a personal chat: a scanned, signed samarbetsavtal to file (issue 8)
    expect(bot.supportsFiles).toBe(true);
    expect(bot.isNotificationOnly).toBe(false);
    const lists = arrayOf(bot.commandLists);
    expect(lists.flatMap((list) => list.scopes as string[]).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.commands).toEqual(COMMANDS);
    }
    for (const command of COMMANDS) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('has the personal Översikt tab and a configurable channel tab for SharePoint too', () => {
    expect(arrayOf(manifest.staticTabs)).toEqual([
      {
        entityId: 'oversikt',
        name: 'Översikt',
        contentUrl: `https://${vars.TAB_DOMAIN}/?inTeams=1`,
        websiteUrl: `https://${vars.TAB_DOMAIN}/`,
        scopes: ['personal'],
        context: ['personalTab'],
      },
    ]);
    const tabs = arrayOf(manifest.configurableTabs);
    expect(tabs).toHaveLength(1);
    expect(tabs[0]).toMatchObject({
      configurationUrl: `https://${vars.TAB_DOMAIN}/config`,
      canUpdateConfiguration: true,
      scopes: ['team', 'groupChat'],
      supportedSharePointHosts: ['sharePointFullPage', 'sharePointWebPart'],
    });
  });

  it('declares SSO for the tab and the valid domains once each', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: vars.AAD_APP_CLIENT_ID,
      resource: `api://${vars.TAB_DOMAIN}/${vars.AAD_APP_CLIENT_ID}`,
    });
    const domains = manifest.validDomains as string[];
    expect(domains).toContain(vars.TAB_DOMAIN);
    expect(domains).toContain(vars.BOT_DOMAIN);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', async () => {
    const read = async (name: string): Promise<PNG> => {
      const bytes = await zip.file(name)?.async('nodebuffer');
      if (bytes === undefined) {
        throw new Error(`${name} is not in the zip`);
      }
      return PNG.sync.read(bytes);
    };
    const color = await read('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = await read('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      alphas.add(a ?? -1);
      if (a !== 0) {
        expect([r, g, b], `pixel ${i / 4}`).toEqual([255, 255, 255]);
      }
    }
    expect(alphas.has(0)).toBe(true); // a transparent background
    expect(alphas.has(255)).toBe(true); // solid strokes
    expect(alphas.size).toBeGreaterThan(10); // anti-aliased edges
  });
});

describe('buildAppPackage refuses', () => {
  it('a missing variable, naming it, and writes nothing', async () => {
    const envDir = editedEnvDir('broken', (values) => {
      delete values.TAB_DOMAIN;
    });
    const outDir = join(tempDir(), 'build');
    const error = await rejection(buildAppPackage({ envName: 'broken', envDir, outDir }));
    expect(error.message).toContain('missing variable TAB_DOMAIN');
    expect(error.problems).toHaveLength(1);
    expect(existsSync(outDir)).toBe(false);
  });

  it('an invalid manifest with the validator message, and writes nothing', async () => {
    const envDir = editedEnvDir('long', (values) => {
      values.APP_NAME_SUFFIX = ' – Samordningsförbundet Värend';
    });
    const outDir = join(tempDir(), 'build');
    const error = await rejection(buildAppPackage({ envName: 'long', envDir, outDir }));
    expect(error.problems).toContain(
      'manifest.json: /name/short must NOT have more than 30 characters. Details: {"limit":30}',
    );
    expect(
      error.problems.some((problem) => problem.startsWith('en.json: /name.short must NOT have more than 30')),
    ).toBe(true);
    expect(existsSync(outDir)).toBe(false);
  });

  it('an id that is not a GUID', async () => {
    const envDir = editedEnvDir('badid', (values) => {
      values.BOT_ID = 'min-bot';
    });
    const error = await rejection(buildAppPackage({ envName: 'badid', envDir, outDir: join(tempDir(), 'build') }));
    expect(error.message).toContain('/bots/0/botId must match pattern');
  });

  it('an environment without an env file', async () => {
    await expect(buildAppPackage({ envName: 'nowhere', envDir: tempDir(), outDir: tempDir() })).rejects.toThrow(
      /no environment file .*\.env\.nowhere/,
    );
  });
});

describe('buildAppPackage with a .user file', () => {
  it('lets the .user values win over the committed ones', async () => {
    const envDir = committedEnvDir('local');
    writeFileSync(
      join(envDir, '.env.local.user'),
      '# my dev tunnel\nTAB_DOMAIN=abc123-3978.euw.devtunnels.ms\nBOT_DOMAIN="abc123-3978.euw.devtunnels.ms"\n',
    );
    const outDir = join(tempDir(), 'build');
    const built = await buildAppPackage({ envName: 'local', envDir, outDir });
    expect(built.envFiles).toEqual([join(envDir, '.env.local'), join(envDir, '.env.local.user')]);
    expect(built.manifest.validDomains).toEqual(['abc123-3978.euw.devtunnels.ms']);
    expect(asJson(built.manifest.webApplicationInfo).resource).toMatch(/^api:\/\/abc123-3978\.euw\.devtunnels\.ms\//);
  });
});

describe('npm run package (the CLI)', () => {
  const run = promisify(execFile);
  const cli = ['--no-deprecation', '--import', 'tsx', join(root, 'scripts', 'package-app.ts')];

  it('prints the zip path and exits 0', async () => {
    const outDir = join(tempDir(), 'out');
    const envDir = committedEnvDir('dev');
    const { stdout } = await run(process.execPath, [...cli, '--env', 'dev', '--env-dir', envDir, '--out', outDir], {
      cwd: root,
    });
    expect(stdout).toContain(`appPackage.dev.zip`);
    expect(existsSync(join(outDir, 'appPackage.dev.zip'))).toBe(true);
  });

  it('before provisioning, names the ids and domains env/.env.dev still lacks, and writes nothing', async () => {
    const outDir = join(tempDir(), 'out');
    mkdirSync(outDir);
    // the committed file alone (a developer's own env/.env.dev.user would fill them)
    const envDir = tempDir();
    copyFileSync(join(root, 'env', '.env.dev'), join(envDir, '.env.dev'));
    const failure = await run(process.execPath, [...cli, '--env', 'dev', '--env-dir', envDir, '--out', outDir], {
      cwd: root,
    }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    for (const name of ['AAD_APP_CLIENT_ID', 'BOT_ID', 'TAB_DOMAIN', 'TEAMS_APP_ID']) {
      expect(failure?.stderr).toContain(`missing variable ${name}`);
    }
    expect(failure?.stderr).toContain('atk provision');
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('exits 1 naming a missing variable and writes nothing', async () => {
    const envDir = editedEnvDir('local', (values) => {
      delete values.BOT_ID;
    });
    const outDir = join(tempDir(), 'out');
    mkdirSync(outDir);
    const failure = await run(process.execPath, [...cli, '--env-dir', envDir, '--out', outDir], { cwd: root }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('missing variable BOT_ID');
    expect(readdirSync(outDir)).toEqual([]);
  });
});
