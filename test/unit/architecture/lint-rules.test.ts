/**
 * The layer rules of DESIGN.md §2 and the conventions of §8 are enforced by Biome. These tests
 * feed Biome small files that break each rule, at the paths where the rule applies, using the
 * project's own biome.json — so weakening the config makes a test fail.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;

const probes: Record<string, string> = {
  'src/domain/imports-sharepoint.ts': "import { SCHEMA } from '../sharepoint/schema.ts';\nexport const s = SCHEMA;\n",
  'src/domain/imports-graph.ts':
    "import { Client } from '@microsoft/microsoft-graph-client';\nexport const c = Client;\n",
  'src/domain/imports-config.ts': "import { loadConfig } from '../config/env.ts';\nexport const l = loadConfig;\n",
  'src/services/imports-botbuilder.ts': "import { TurnContext } from 'botbuilder';\nexport const t = TurnContext;\n",
  'src/sharepoint/imports-restify.ts': "import restify from 'restify';\nexport const r = restify;\n",
  'src/services/imports-bot.ts':
    "import { HELP_TEXT } from '../../bot/insatsnavet-bot.ts';\nexport const h = HELP_TEXT;\n",
  'src/server/imports-botbuilder.ts': "import { CloudAdapter } from 'botbuilder';\nexport const a = CloudAdapter;\n",
  'tab/imports-services.ts': "import { x } from '../src/services/x.ts';\nexport const y = x;\n",
  'src/sharepoint/reads-env.ts': 'export const port = process.env.PORT;\n',
  'bot/reads-env.ts': 'export const id = process.env.BOT_APP_ID;\n',
  'src/services/default-export.ts': 'const value = 1;\nexport default value;\n',
  'src/services/floating-promise.ts':
    'async function save(): Promise<void> {}\nexport function handler(): void {\n  save();\n}\n',
  'src/services/uses-any.ts': 'export function f(value: any): number {\n  return value;\n}\n',
  // allowed: the one reader of process.env, and bot/ importing botbuilder
  'src/config/env.ts': 'export const port = process.env.PORT;\n',
  'bot/adapter.ts': "import { CloudAdapter } from 'botbuilder';\nexport const a = CloudAdapter;\n",
  'src/domain/imports-domain.ts': "import { STAGES } from './vocabulary.ts';\nexport const s = STAGES;\n",
};

let workspace: string;
let diagnostics: { category: string; path: string }[] = [];

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'insatsnavet-lint-'));
  copyFileSync(join(root, 'biome.json'), join(workspace, 'biome.json'));
  for (const [path, content] of Object.entries(probes)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  let output: string;
  try {
    output = execFileSync(
      join(root, 'node_modules/.bin/biome'),
      ['lint', '--vcs-enabled=false', '--reporter=json', '.'],
      {
        cwd: workspace,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch (error) {
    // biome exits non-zero when it finds problems, which is what these probes are for
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  const report = JSON.parse(output) as { diagnostics: { category: string; location: { path: string } }[] };
  diagnostics = report.diagnostics.map((d) => ({ category: d.category, path: d.location.path }));
}, 30_000);

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});

function rulesAt(path: string): string[] {
  return diagnostics.filter((d) => d.path.endsWith(path)).map((d) => d.category);
}

describe('layer import bans (DESIGN.md §2)', () => {
  it.each([
    ['src/domain/imports-sharepoint.ts'],
    ['src/domain/imports-graph.ts'],
    ['src/domain/imports-config.ts'],
    ['src/services/imports-botbuilder.ts'],
    ['src/sharepoint/imports-restify.ts'],
    ['src/services/imports-bot.ts'],
    ['src/server/imports-botbuilder.ts'],
    ['tab/imports-services.ts'],
  ])('%s is refused', (path) => {
    expect(rulesAt(path)).toContain('lint/style/noRestrictedImports');
  });

  it('lets the domain import the domain and bot/ import botbuilder', () => {
    expect(rulesAt('src/domain/imports-domain.ts')).toEqual([]);
    expect(rulesAt('bot/adapter.ts')).toEqual([]);
  });
});

describe('conventions (DESIGN.md §8)', () => {
  it('allows process.env only in src/config/env.ts', () => {
    expect(rulesAt('src/sharepoint/reads-env.ts')).toContain('lint/style/noProcessEnv');
    expect(rulesAt('bot/reads-env.ts')).toContain('lint/style/noProcessEnv');
    expect(rulesAt('src/config/env.ts')).toEqual([]);
  });

  it('refuses default exports, floating promises and any', () => {
    expect(rulesAt('src/services/default-export.ts')).toContain('lint/style/noDefaultExport');
    expect(rulesAt('src/services/floating-promise.ts')).toContain('lint/nursery/noFloatingPromises');
    expect(rulesAt('src/services/uses-any.ts')).toContain('lint/suspicious/noExplicitAny');
  });
});
