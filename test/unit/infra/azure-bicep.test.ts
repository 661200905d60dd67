/**
 * infra/azure.bicep and azure.parameters.json, checked without the Bicep compiler (a .NET binary
 * that cannot be installed here): the file reads as Bicep (balanced brackets and strings, known
 * top-level statements, no undeclared names), every parameter is documented, every resource has an
 * API version, the parameters file and the template agree and hold no secret, the security and
 * operations settings the README promises are there, and the app settings are exactly what
 * src/config/env.ts needs to start in production — secrets only as Key Vault references.
 *
 * Not checked here (named in the README): types and property names against the resource
 * providers' schemas, whether Azure offers these API versions and SKUs in a region, and what
 * ARM does at deployment (role propagation, Key Vault reference resolution, name availability).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SETTING_NAMES } from '../../../src/config/env.ts';
import { type Declaration, objectKeys, readBicep, type Token } from '../../support/bicep-outline.ts';
import { makeSelfSignedCertificate } from '../../support/self-signed-certificate.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const source = readFileSync(join(root, 'infra', 'azure.bicep'), 'utf8');
const parameters = JSON.parse(readFileSync(join(root, 'infra', 'azure.parameters.json'), 'utf8')) as {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, { value: unknown }>;
};
const bicep = readBicep(source);
const declared = (keyword: Declaration['keyword']): Declaration[] =>
  bicep.declarations.filter((declaration) => declaration.keyword === keyword);
const declaration = (name: string): Declaration => {
  const found = bicep.declarations.find((candidate) => candidate.name === name);
  if (found === undefined) {
    throw new Error(`azure.bicep declares no ${name}`);
  }
  return found;
};
/** how the outline shows an interpolation inside a string (spelt so that no linter takes it for one) */
const HOLE = '\u0024{…}';
const text = (tokens: readonly Token[]): string =>
  tokens
    .filter((token) => token.kind !== 'newline')
    .map((token) => token.value)
    .join(' ');

describe('infra/azure.bicep reads as Bicep', () => {
  it('has balanced brackets and strings, only known top-level statements, and no undeclared names', () => {
    expect(bicep.problems).toEqual([]);
    expect(bicep.unresolved).toEqual([]);
    expect(declared('resource').length).toBeGreaterThan(10);
  });

  it.each([
    ['a missing brace', source.replace(/\n}\n/, '\n'), 'problems'],
    [
      'an unterminated string',
      source.replace("param timeZone string = 'Europe/Stockholm'", "param timeZone string = 'Europe/Stockholm"),
      'problems',
    ],
    [
      'a misspelt resource name',
      source.replace('webApp.properties.defaultHostName}/api', 'webapp.properties.defaultHostName}/api'),
      'unresolved',
    ],
    ['an unknown statement', `${source}\nresourse x 'a@2020-01-01' = {}\n`, 'problems'],
  ] as const)('and its reader would notice %s', (_what, broken, where) => {
    expect(broken).not.toBe(source);
    expect(readBicep(broken)[where]).not.toEqual([]);
  });

  it('targets a resource group', () => {
    expect(text(declaration('targetScope').body)).toBe('resourceGroup');
  });

  it('documents every parameter and output with @description', () => {
    const undocumented = [...declared('param'), ...declared('output')].filter(
      (item) =>
        !item.decorators.some(
          (decorator) => decorator.name === 'description' && (decorator.firstString ?? '').length > 20,
        ),
    );
    expect(undocumented.map((item) => item.name)).toEqual([]);
  });

  it('gives every resource a type with an API version', () => {
    const versionless = declared('resource').filter(
      (resource) => !/^Microsoft\.[A-Za-z]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(-preview)?$/.test(resource.type ?? ''),
    );
    expect(versionless.map((resource) => `${resource.name}: ${resource.type}`)).toEqual([]);
  });

  it('makes what the issue asks for', () => {
    const types = declared('resource').map((resource) => resource.type?.split('@')[0]);
    expect(types).toEqual(
      expect.arrayContaining([
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
        'Microsoft.Web/sites/config',
        'Microsoft.ManagedIdentity/userAssignedIdentities',
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
        'Microsoft.KeyVault/vaults',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.OperationalInsights/workspaces',
        'Microsoft.Insights/components',
      ]),
    );
  });
});

describe('what the resources promise', () => {
  const body = (name: string): string => text(declaration(name).body);

  it('App Service: Linux, Node LTS, HTTPS only, TLS 1.2, no FTP, always on, /readyz, the identity, ≥ 2 instances', () => {
    expect(body('plan')).toMatch(/reserved : true/);
    expect(body('plan')).toMatch(/capacity : instanceCount/);
    const instanceCount = declaration('instanceCount');
    expect(source).toMatch(/param instanceCount int = 2/);
    expect(instanceCount.decorators.map((d) => d.name)).toEqual(expect.arrayContaining(['minValue', 'maxValue']));
    // every allowed plan SKU scales out
    expect(source).toMatch(/@allowed\(\[\s*'S1'\s*'P0v3'\s*'P1v3'\s*'P2v3'\s*\]\)\s*param appServiceSkuName/);
    expect(source).toMatch(
      /@allowed\(\[\s*'NODE\|20-lts'\s*'NODE\|22-lts'\s*'NODE\|24-lts'\s*\]\)\s*param nodeRuntime string = 'NODE\|20-lts'/,
    );
    const site = body('webApp');
    for (const promise of [
      'httpsOnly : true',
      'linuxFxVersion : nodeRuntime',
      'minTlsVersion : 1.2',
      'scmMinTlsVersion : 1.2',
      'ftpsState : Disabled',
      'alwaysOn : true',
      'healthCheckPath : /readyz',
      'keyVaultReferenceIdentity : identity . id',
      'type : UserAssigned',
      'clientAffinityEnabled : false',
    ]) {
      expect(site, promise).toContain(promise);
    }
    expect(site).toContain('src/server/start.ts');
  });

  it('Azure Bot: single-tenant or the managed identity, /api/messages on the web app, the Teams channel', () => {
    const bot = body('bot');
    expect(bot).toContain('msaAppType : botAppType');
    expect(bot).toContain('msaAppTenantId : useManagedIdentityBot ? identity . properties . tenantId : aadAppTenantId');
    expect(bot).toContain('msaAppMSIResourceId : useManagedIdentityBot ? identity . id : null');
    expect(bot).toContain(`webApp . properties . defaultHostName https://${HOLE}/api/messages`);
    expect(source).toMatch(/@allowed\(\[\s*'UserAssignedMSI'\s*'SingleTenant'\s*\]\)\s*param botAppType/);
    expect(body('teamsChannel')).toContain('channelName : MsTeamsChannel');
    expect(body('teamsChannel')).toContain('isEnabled : true');
  });

  it('Key Vault in RBAC mode, the app identity Key Vault Secrets User on it', () => {
    expect(body('vault')).toContain('enableRbacAuthorization : true');
    const assignment = body('appReadsSecrets');
    expect(assignment).toContain('scope : vault');
    expect(assignment).toContain('principalId : identity . properties . principalId');
    expect(source).toContain("var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'");
    expect(assignment).toContain('keyVaultSecretsUserRole');
  });

  it("Application Insights on a Log Analytics workspace, and the app's stdout sent there", () => {
    expect(body('insights')).toContain('WorkspaceResourceId : logs . id');
    expect(body('webAppDiagnostics')).toContain('AppServiceConsoleLogs');
  });

  it('outputs what m365agents.yml reads back', () => {
    expect(declared('output').map((output) => output.name)).toEqual(
      expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'TAB_DOMAIN', 'AZURE_APP_SERVICE_RESOURCE_ID']),
    );
  });
});

describe('infra/azure.parameters.json', () => {
  const params = new Map(declared('param').map((param) => [param.name, param]));

  it('is an ARM parameters file', () => {
    expect(parameters.$schema).toMatch(/deploymentParameters\.json#$/);
    expect(parameters.contentVersion).toBe('1.0.0.0');
  });

  it('names only parameters the template has, and every one without a default', () => {
    expect(Object.keys(parameters.parameters).filter((name) => !params.has(name))).toEqual([]);
    const required = [...params.values()].filter((param) => !param.hasDefault).map((param) => param.name);
    expect(required.filter((name) => !(name in parameters.parameters))).toEqual([]);
  });

  it('holds no secret: @secure parameters only as SECRET_… placeholders, nothing that looks like a key', () => {
    const secure = [...params.values()].filter((param) => param.decorators.some((d) => d.name === 'secure'));
    expect(secure.map((param) => param.name).sort()).toEqual([
      'botAppPassword',
      'calendarFeedSecret',
      'graphClientSecret',
    ]);
    for (const param of secure) {
      expect(text(param.body), `${param.name} defaults to empty`).toBe('');
      const given = parameters.parameters[param.name]?.value;
      if (given !== undefined) {
        expect(given, param.name).toMatch(/^\$\{\{SECRET_[A-Z0-9_]+\}\}$/);
      }
    }
    const strings = JSON.stringify(parameters.parameters).match(/"[^"]*"/g) ?? [];
    const suspicious = strings
      .map((quoted) => quoted.slice(1, -1).replace(/\$\{\{[A-Z0-9_]+\}\}/g, ''))
      .filter((value) => /[A-Za-z0-9+/=_~.-]{24,}/.test(value) || /-----BEGIN/.test(value));
    expect(suspicious).toEqual([]);
  });
});

describe('the app settings', () => {
  const common = objectKeys(declaration('commonAppSettings').body);
  const graphSecret = objectKeys(declaration('graphSecretAppSettings').body);
  const graphCertificate = objectKeys(declaration('graphCertificateAppSettings').body);
  const botPassword = objectKeys(declaration('botPasswordAppSettings').body);
  const PLATFORM = new Set([
    'APPLICATIONINSIGHTS_CONNECTION_STRING',
    'ApplicationInsightsAgent_EXTENSION_VERSION',
    'WEBSITE_RUN_FROM_PACKAGE',
    'SCM_DO_BUILD_DURING_DEPLOYMENT',
  ]);
  const SECRETS = ['GRAPH_CLIENT_SECRET', 'GRAPH_CLIENT_CERTIFICATE', 'BOT_APP_PASSWORD', 'CALENDAR_FEED_SECRET'];

  it('are all settings the app reads, or App Service platform settings', () => {
    const names = [...common.keys(), ...graphSecret.keys(), ...graphCertificate.keys(), ...botPassword.keys()];
    expect(names.filter((name) => !SETTING_NAMES.includes(name) && !PLATFORM.has(name))).toEqual([]);
  });

  it('are combined by the credential and the bot type', () => {
    expect(text(declaration('appSettings').body)).toContain(
      'union ( commonAppSettings , graphCredential == secret ? graphSecretAppSettings : graphCertificateAppSettings , useManagedIdentityBot ? { } : botPasswordAppSettings )',
    );
  });

  it('hold every secret as a Key Vault reference to the vault, never as a value', () => {
    const all = new Map([...common, ...graphSecret, ...graphCertificate, ...botPassword]);
    for (const name of SECRETS) {
      const value = all.get(name);
      expect(value, name).toBeDefined();
      const reference = value?.find((token) => token.kind === 'string')?.value ?? '';
      expect(reference, name).toMatch(/^@Microsoft\.KeyVault\(SecretUri=\$\{…\}secrets\/(\$\{…\}|[a-z-]+)\/\)$/);
      expect(value?.[0]?.value, name).toBe('keyVaultUri');
    }
  });

  // what App Service hands the app once the references are resolved, per kind of value
  const certificate = makeSelfSignedCertificate({ keyType: 'rsa' });
  const GUID = { tenant: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b', client: '8c7d6e5f-4a3b-4c2d-9e1f-0a9b8c7d6e5f' };
  const resolved: Record<string, string> = {
    SHAREPOINT_SITE: 'varend.sharepoint.com:/sites/insatsnavet',
    GRAPH_TENANT_ID: GUID.tenant,
    GRAPH_CLIENT_ID: GUID.client,
    ENTRA_TENANT_IDS: GUID.tenant,
    TAB_APP_ID_URI: `api://insatsnavet-varend.azurewebsites.net/${GUID.client}`,
    TAB_CLIENT_ID: GUID.client,
    BOT_APP_ID: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
    BOT_TENANT_ID: GUID.tenant,
    TIMEZONE: 'Europe/Stockholm',
    LOG_LEVEL: 'info',
    PUBLIC_BASE_URL: 'https://insatsnavet-varend.azurewebsites.net',
    APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
    GRAPH_CLIENT_SECRET: 'the-graph-client-secret',
    GRAPH_CLIENT_CERTIFICATE: `${certificate.privateKey}${certificate.certificate}`,
    BOT_APP_PASSWORD: 'the-bot-password',
    CALENDAR_FEED_SECRET: 'k'.repeat(48),
  };
  const environment = (settings: Map<string, Token[]>, botAppType: string): Record<string, string> => {
    const env: Record<string, string> = {};
    for (const [name, value] of settings) {
      const only = value.length === 1 ? value[0] : undefined;
      if (only?.kind === 'string') {
        env[name] = only.value; // a literal: as written
      } else if (name === 'BOT_APP_TYPE') {
        env[name] = botAppType;
      } else {
        const sample = resolved[name];
        if (sample === undefined) {
          throw new Error(`no resolved value for ${name} in this test: add one`);
        }
        env[name] = sample;
      }
    }
    return env;
  };

  it.each([
    ['UserAssignedMSI', 'secret'],
    ['UserAssignedMSI', 'certificate'],
    ['SingleTenant', 'secret'],
    ['SingleTenant', 'certificate'],
  ])('start the app in production (bot %s, Graph by %s)', (botAppType, credential) => {
    const settings = new Map([
      ...common,
      ...(credential === 'secret' ? graphSecret : graphCertificate),
      ...(botAppType === 'SingleTenant' ? botPassword : new Map()),
    ]);
    const config = loadConfig(environment(settings, botAppType));
    expect(config.nodeEnv).toBe('production');
    expect(config.authMode).toBe('entra');
    expect(config.usesLocalSharePoint).toBe(false);
    expect(config.graphAuth.kind).toBe(credential === 'secret' ? 'client-credentials' : 'client-certificate');
    expect(config.bot.appType).toBe(botAppType);
    expect(config.sweepSchedule).toBe(true);
  });

  it('stop the start, naming the setting, while a reference is unresolved (no secret yet, or no role yet)', () => {
    const env = environment(new Map([...common, ...graphSecret]), 'UserAssignedMSI');
    env.CALENDAR_FEED_SECRET =
      '@Microsoft.KeyVault(SecretUri=https://kvinsatsnavet.vault.azure.net/secrets/calendar-feed-secret/)';
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/CALENDAR_FEED_SECRET/);
  });
});
