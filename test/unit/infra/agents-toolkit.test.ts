/**
 * The Microsoft 365 Agents Toolkit project files, checked offline: m365agents.yml and
 * m365agents.local.yml parse as YAML, use only Toolkit actions with the fields its yaml schema
 * (v1.11) requires and allows, in the order the issue asks for; every ${{VAR}} a step uses — in
 * the yml, the ARM parameters file, aad.manifest.json or the Teams manifest — is defined in the
 * committed env file or written by an earlier step (so no step waits for a value a later one
 * makes); the Entra app, the Teams manifest and the Bicep app settings agree on the Application ID
 * URI; the local run's settings are ones the app reads.
 *
 * The field lists below were taken from the Toolkit's own schema
 * (@microsoft/teamsfx-core resource/yaml-schema/v1.11, checked once with ajv: both files valid
 * for v1.11 and v1.13); what the Toolkit does against Azure and Microsoft 365 is not tested here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnvFile } from '../../../scripts/app-package/env-file.ts';
import { placeholderNames } from '../../../scripts/app-package/placeholders.ts';
import { loadConfig, SETTING_NAMES } from '../../../src/config/env.ts';
import { readBicep } from '../../support/bicep-outline.ts';

const root = join(import.meta.dirname, '..', '..', '..');
/** `${{NAME}}`, spelt so that no linter takes it for a template literal */
const placeholder = (name: string): string => ['$', '{{', name, '}}'].join('');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const json = (path: string): unknown => JSON.parse(read(path));

const actionSchema = z
  .object({
    uses: z.string(),
    name: z.string().optional(),
    with: z.record(z.string(), z.unknown()).optional(),
    writeToEnvironmentFile: z.record(z.string(), z.string()).optional(),
    env: z.record(z.string(), z.string()).optional(),
  })
  .strict();
type Action = z.infer<typeof actionSchema>;
const projectSchema = z
  .object({
    version: z.string(),
    environmentFolderPath: z.string(),
    provision: z.array(actionSchema),
    deploy: z.array(actionSchema),
  })
  .strict();

const dev = projectSchema.parse(load(read('m365agents.yml')));
const local = projectSchema.parse(load(read('m365agents.local.yml')));

/** per action: required and allowed fields of `with` and `writeToEnvironmentFile` (Toolkit schema v1.11) */
const ACTIONS: Record<string, { with: [string[], string[]]; write?: [string[], string[]] }> = {
  'teamsApp/create': { with: [['name'], ['name']], write: [['teamsAppId'], ['teamsAppId', 'teamsAppTenantId']] },
  'aadApp/create': {
    with: [
      ['name', 'generateClientSecret', 'signInAudience'],
      [
        'name',
        'generateClientSecret',
        'generateServicePrincipal',
        'signInAudience',
        'serviceManagementReference',
        'clientSecretExpireDays',
        'clientSecretDescription',
      ],
    ],
    write: [
      ['clientId', 'objectId', 'clientSecret'],
      ['clientId', 'objectId', 'clientSecret', 'tenantId', 'authority', 'authorityHost'],
    ],
  },
  'aadApp/update': {
    with: [
      ['manifestPath', 'outputFilePath'],
      ['manifestPath', 'outputFilePath'],
    ],
  },
  'arm/deploy': {
    with: [
      ['subscriptionId', 'resourceGroupName', 'templates'],
      ['subscriptionId', 'resourceGroupName', 'templates', 'bicepCliVersion'],
    ],
  },
  'botFramework/create': {
    with: [
      ['botId', 'name', 'messagingEndpoint'],
      ['botId', 'name', 'messagingEndpoint', 'description', 'iconUrl', 'channels'],
    ],
  },
  'teamsApp/validateManifest': { with: [['manifestPath'], ['manifestPath']] },
  'teamsApp/zipAppPackage': {
    with: [
      ['manifestPath', 'outputZipPath', 'outputFolder'],
      ['manifestPath', 'outputZipPath', 'outputFolder'],
    ],
  },
  'teamsApp/validateAppPackage': { with: [['appPackagePath'], ['appPackagePath']] },
  'teamsApp/update': { with: [['appPackagePath'], ['appPackagePath']] },
  'cli/runNpmCommand': { with: [['args'], ['args', 'workingDirectory']] },
  'file/createOrUpdateEnvironmentFile': {
    with: [
      ['envs', 'target'],
      ['envs', 'target'],
    ],
  },
  script: { with: [['run'], ['run', 'workingDirectory', 'shell', 'timeout', 'redirectTo']] },
  'azureAppService/zipDeploy': {
    with: [
      ['artifactFolder', 'resourceId'],
      ['artifactFolder', 'resourceId', 'workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
    ],
  },
};

function fieldProblems(action: Action): string[] {
  const spec = ACTIONS[action.uses];
  if (spec === undefined) {
    return [`${action.uses}: not an action this project knows`];
  }
  const problems: string[] = [];
  const check = (
    what: string,
    given: Record<string, unknown> | undefined,
    [required, allowed]: [string[], string[]],
  ) => {
    const keys = Object.keys(given ?? {});
    for (const key of required.filter((name) => !keys.includes(name))) {
      problems.push(`${action.uses}: ${what}.${key} is required`);
    }
    for (const key of keys.filter((name) => !allowed.includes(name))) {
      problems.push(`${action.uses}: ${what}.${key} is not allowed`);
    }
  };
  check('with', action.with, spec.with);
  if (spec.write !== undefined || action.writeToEnvironmentFile !== undefined) {
    check('writeToEnvironmentFile', action.writeToEnvironmentFile, spec.write ?? [[], []]);
  }
  return problems;
}

const bicepOutputs = readBicep(read('infra/azure.bicep'))
  .declarations.filter((declaration) => declaration.keyword === 'output')
  .map((output) => output.name);

/** the variables a step reads: its own ${{…}} and those of the files it hands to the Toolkit */
function placeholdersOf(action: Action): string[] {
  const names = new Set(placeholderNames(action));
  const files: string[] = [];
  if (action.uses === 'arm/deploy') {
    const templates = z.array(z.object({ parameters: z.string() })).parse(action.with?.templates);
    files.push(...templates.map((template) => template.parameters));
  }
  if (action.uses === 'aadApp/update' || action.uses === 'teamsApp/validateManifest') {
    files.push(String(action.with?.manifestPath));
  }
  if (action.uses === 'teamsApp/validateManifest') {
    files.push('./appPackage/en.json');
  }
  for (const file of files) {
    for (const name of placeholderNames(json(file))) {
      names.add(name);
    }
  }
  return [...names];
}

/** what a step writes into the environment */
function outputsOf(action: Action): string[] {
  const written = Object.values(action.writeToEnvironmentFile ?? {});
  if (action.uses === 'arm/deploy') {
    written.push(...bicepOutputs);
  }
  if (action.uses === 'script' && String(action.with?.run).includes('atk-env.mjs')) {
    written.push('APP_VERSION', 'SECRET_CALENDAR_FEED_SECRET');
  }
  if (action.uses === 'file/createOrUpdateEnvironmentFile' && String(action.with?.target).startsWith('./env/')) {
    written.push(...Object.keys(z.record(z.string(), z.unknown()).parse(action.with?.envs)));
  }
  return written;
}

/** the Toolkit asks for these when they are empty (a subscription and resource group to pick) */
const ASKED_BY_THE_TOOLKIT = ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];

function unresolved(actions: readonly Action[], defined: Iterable<string>): string[] {
  const available = new Set(['TEAMSFX_ENV', ...ASKED_BY_THE_TOOLKIT, ...defined]);
  const problems: string[] = [];
  for (const action of actions) {
    if (action.uses === 'aadApp/update') {
      // it makes the scope's id itself when the variable is empty
      available.add('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
    }
    for (const name of placeholdersOf(action).filter((used) => !available.has(used))) {
      problems.push(`${action.uses} uses ${name} before anything defines it`);
    }
    for (const name of outputsOf(action)) {
      available.add(name);
    }
  }
  return problems;
}

const envDev = parseEnvFile(read('env/.env.dev'), '.env.dev');
const envLocal = parseEnvFile(read('env/.env.local'), '.env.local');
const nonEmpty = (values: Record<string, string>): string[] =>
  Object.entries(values)
    .filter(([, value]) => value !== '')
    .map(([name]) => name);

describe.each([
  ['m365agents.yml', dev],
  ['m365agents.local.yml', local],
])('%s', (_file, project) => {
  it('is a Toolkit project of yaml schema v1.11 with its environments in ./env', () => {
    expect(project.version).toBe('v1.11');
    expect(project.environmentFolderPath).toBe('./env');
  });

  it('uses known actions with every required field and no unknown one', () => {
    expect([...project.provision, ...project.deploy].flatMap(fieldProblems)).toEqual([]);
  });

  it('names files that exist', () => {
    const paths = [...project.provision, ...project.deploy].flatMap((action) => {
      const given = action.with ?? {};
      const templates =
        action.uses === 'arm/deploy' ? z.array(z.record(z.string(), z.string())).parse(given.templates) : [];
      return [
        ...['manifestPath', 'artifactFolder'].flatMap((key) =>
          typeof given[key] === 'string' ? [String(given[key])] : [],
        ),
        ...templates.flatMap((template) => [template.path ?? '', template.parameters ?? '']),
        ...(typeof given.run === 'string' ? (given.run.match(/scripts\/[\w-]+\.mjs/g) ?? []) : []),
      ].filter((path) => path !== '' && !path.includes('.deployment'));
    });
    expect(paths.length).toBeGreaterThan(2);
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});

describe('m365agents.yml (dev)', () => {
  it('provisions in the order the issue asks for, and deploys the staged package', () => {
    expect(dev.provision.map((action) => action.uses)).toEqual([
      'teamsApp/create',
      'script',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(dev.deploy.map((action) => action.uses)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'script',
      'azureAppService/zipDeploy',
    ]);
    expect(dev.deploy.map((action) => action.with?.args ?? action.with?.run ?? action.with?.artifactFolder)).toEqual([
      'ci --no-audit --no-fund',
      'run build:tab',
      'node scripts/stage-deployment.mjs',
      './.deployment/app',
    ]);
    expect(dev.deploy.at(-1)?.with?.resourceId).toBe(placeholder('AZURE_APP_SERVICE_RESOURCE_ID'));
  });

  it('makes a single-tenant Entra app with a secret that goes only to a SECRET_ variable (the .user file)', () => {
    const create = dev.provision.find((action) => action.uses === 'aadApp/create');
    expect(create?.with).toMatchObject({ signInAudience: 'AzureADMyOrg', generateClientSecret: true });
    expect(create?.writeToEnvironmentFile?.clientSecret).toMatch(/^SECRET_/);
  });

  it('uses no variable before the committed env/.env.dev or an earlier step defines it', () => {
    expect(unresolved(dev.provision, nonEmpty(envDev))).toEqual([]);
    // …and the check notices a step moved too early: the Entra app's URI needs the web app's host
    const early = [...dev.provision];
    const update = early.splice(4, 1);
    early.splice(3, 0, ...update);
    expect(unresolved(early, nonEmpty(envDev))).toContain('aadApp/update uses TAB_DOMAIN before anything defines it');
  });

  it('lists every value provisioning writes in env/.env.dev, empty until then, and no secret', () => {
    for (const name of [
      'TEAMS_APP_ID',
      'AAD_APP_CLIENT_ID',
      'BOT_ID',
      'TAB_DOMAIN',
      'BOT_DOMAIN',
      'AZURE_APP_SERVICE_RESOURCE_ID',
    ]) {
      expect(envDev[name], name).toBe('');
    }
    expect(Object.keys(envDev).filter((name) => name.startsWith('SECRET_'))).toEqual([]);
  });
});

describe('m365agents.local.yml', () => {
  it('provisions the Teams app, the Entra app and a single-tenant Bot Framework bot, then validates and uploads the package', () => {
    expect(local.provision.map((action) => action.uses)).toEqual([
      'teamsApp/create',
      'script',
      'aadApp/create',
      'aadApp/update',
      'file/createOrUpdateEnvironmentFile',
      'botFramework/create',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const bot = local.provision.find((action) => action.uses === 'botFramework/create');
    expect(bot?.with?.messagingEndpoint).toBe(`https://${placeholder('BOT_DOMAIN')}/api/messages`);
    expect(bot?.with?.channels).toEqual([{ name: 'msteams' }]);
  });

  it('uses no variable before env/.env.local or an earlier step defines it', () => {
    expect(unresolved([...local.provision, ...local.deploy], nonEmpty(envLocal))).toEqual([]);
  });

  it('writes .localConfigs with settings the app reads, which start it with Teams SSO and an authenticated bot', () => {
    const write = local.deploy.find((action) => action.uses === 'file/createOrUpdateEnvironmentFile');
    expect(write?.with?.target).toBe('./.localConfigs');
    const envs = z.record(z.string(), z.string()).parse(write?.with?.envs);
    expect(Object.keys(envs).filter((name) => !SETTING_NAMES.includes(name))).toEqual([]);
    const sample: Record<string, string> = {
      AAD_APP_TENANT_ID: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      AAD_APP_CLIENT_ID: '8c7d6e5f-4a3b-4c2d-9e1f-0a9b8c7d6e5f',
      SECRET_AAD_APP_CLIENT_SECRET: 'secret',
      TAB_DOMAIN: 'abc123-3978.euw.devtunnels.ms',
    };
    const filled = Object.fromEntries(
      Object.entries(envs).map(([name, value]) => [
        name,
        value.replace(/\$\{\{(\w+)\}\}/g, (_m, key: string) => sample[key] ?? ''),
      ]),
    );
    const config = loadConfig(filled);
    expect(config.authMode).toBe('entra');
    expect(config.entra?.appIdUri).toBe('api://abc123-3978.euw.devtunnels.ms/8c7d6e5f-4a3b-4c2d-9e1f-0a9b8c7d6e5f');
    expect(config.bot).toMatchObject({ appType: 'SingleTenant', appId: sample.AAD_APP_CLIENT_ID });
  });
});

describe('aad.manifest.json', () => {
  const aad = z
    .object({
      appId: z.string(),
      signInAudience: z.string(),
      identifierUris: z.array(z.string()),
      api: z.object({
        requestedAccessTokenVersion: z.number(),
        oauth2PermissionScopes: z.array(z.object({ value: z.string(), type: z.string(), id: z.string() })),
        preAuthorizedApplications: z.array(
          z.object({ appId: z.string(), delegatedPermissionIds: z.array(z.string()) }),
        ),
      }),
      requiredResourceAccess: z.array(
        z.object({
          resourceAppId: z.string(),
          resourceAccess: z.array(z.object({ id: z.string(), type: z.string() })),
        }),
      ),
    })
    .parse(json('aad.manifest.json'));

  it('is single-tenant with the Application ID URI the Teams manifest and the app expect', () => {
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    expect(aad.identifierUris).toEqual([`api://${placeholder('TAB_DOMAIN')}/${placeholder('AAD_APP_CLIENT_ID')}`]);
    const manifest = z
      .object({ webApplicationInfo: z.object({ id: z.string(), resource: z.string() }) })
      .parse(json('appPackage/manifest.json'));
    expect(manifest.webApplicationInfo).toEqual({ id: aad.appId, resource: aad.identifierUris[0] });
    // infra/azure.bicep sets TAB_APP_ID_URI the same way
    const hole = (expression: string): string => ['$', '{', expression, '}'].join('');
    expect(read('infra/azure.bicep')).toContain(
      `TAB_APP_ID_URI: 'api://${hole('webApp.properties.defaultHostName')}/${hole('aadAppClientId')}'`,
    );
  });

  it('offers access_as_user, pre-authorized for the Teams and Microsoft 365 clients', () => {
    const scope = aad.api.oauth2PermissionScopes.find((candidate) => candidate.value === 'access_as_user');
    expect(scope?.type).toBe('User');
    const teamsClients = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];
    for (const client of teamsClients) {
      const entry = aad.api.preAuthorizedApplications.find((candidate) => candidate.appId === client);
      expect(entry?.delegatedPermissionIds, client).toEqual([scope?.id]);
    }
    expect(aad.api.preAuthorizedApplications.length).toBeGreaterThanOrEqual(9);
  });

  it('asks Microsoft Graph for Sites.Selected (application) and nothing broader', () => {
    const graph = aad.requiredResourceAccess.find((resource) => resource.resourceAppId === 'Microsoft Graph');
    expect(graph?.resourceAccess).toEqual([
      { id: 'User.Read', type: 'Scope' },
      { id: 'Sites.Selected', type: 'Role' },
    ]);
  });
});

describe('.gitignore', () => {
  it('keeps secrets and generated files out of git', () => {
    const ignored = read('.gitignore').split('\n');
    for (const pattern of ['env/.env.*.user', '.localConfigs*', '.deployment/', 'appPackage/build/']) {
      expect(ignored, pattern).toContain(pattern);
    }
  });
});
