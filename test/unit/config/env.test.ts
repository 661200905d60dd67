import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readLocalSharePointSettings } from '../../../src/config/env.ts';

const GUID_A = '11111111-2222-3333-4444-555555555555';
const GUID_B = '66666666-7777-8888-9999-aaaaaaaaaaaa';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('starts a laptop with no settings at all: local SharePoint on 5050, app on 3978, dev auth', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.localSharePointPort).toBe(5050);
    expect(config.graphBaseUrl).toBe('http://127.0.0.1:5050/v1.0');
    expect(config.usesLocalSharePoint).toBe(true);
    expect(config.authMode).toBe('dev');
    expect(config.timeZone).toBe('Europe/Stockholm');
    expect(config.dataDir).toBe('.data');
    expect(config.graphAuth).toEqual({ kind: 'dev-token' });
    expect(config.listenHost).toBe('127.0.0.1');
  });

  it('follows LOCAL_SHAREPOINT_PORT in the local Graph URL', () => {
    expect(loadConfig({ LOCAL_SHAREPOINT_PORT: '6060' }).graphBaseUrl).toBe('http://127.0.0.1:6060/v1.0');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', BOT_APP_ID: '', GRAPH_BASE_URL: '' }).port).toBe(3978);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOCAL_SHAREPOINT_PORT: '-1' }, 'LOCAL_SHAREPOINT_PORT'],
    [{ AUTH_MODE: 'magic' }, 'AUTH_MODE'],
    [{ GRAPH_BASE_URL: 'not a url' }, 'GRAPH_BASE_URL'],
    [{ TIMEZONE: 'Europe/Vaxjo' }, 'TIMEZONE'],
    [{ BOT_APP_ID: 'bot' }, 'BOT_APP_ID'],
    [{ SHAREPOINT_SITE: 'https://contoso.sharepoint.com/sites/x' }, 'SHAREPOINT_SITE'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_BASE_URL: 'inte en adress' }, 'PUBLIC_BASE_URL'],
  ])('stops on %o and names the variable', (env, variable) => {
    const error = configError(env);
    expect(error.variables).toContain(variable);
    expect(error.message).toContain(variable);
  });

  it('refuses dev auth and an anonymous bot in production, naming both', () => {
    const error = configError({ NODE_ENV: 'production' });
    expect(error.variables).toEqual(expect.arrayContaining(['AUTH_MODE', 'BOT_APP_ID']));
  });

  it('needs a calendar feed secret in production, and a long one anywhere', () => {
    expect(configError({ NODE_ENV: 'production' }).variables).toContain('CALENDAR_FEED_SECRET');
    expect(configError({ CALENDAR_FEED_SECRET: 'kort' }).variables).toContain('CALENDAR_FEED_SECRET');
    expect(loadConfig({}).calendarFeedSecret).toBeUndefined();
  });

  it('keeps refusing dev auth in production even with everything else in place', () => {
    const error = configError({
      NODE_ENV: 'production',
      AUTH_MODE: 'dev',
      BOT_APP_ID: GUID_A,
      BOT_APP_PASSWORD: 'secret',
      BOT_TENANT_ID: GUID_B,
      CALENDAR_FEED_SECRET: 'k'.repeat(40),
    });
    expect(error.variables).toEqual(['AUTH_MODE']);
  });

  it('needs the tenant allow-list, the tab app id URI and client id for entra auth, naming each', () => {
    const error = configError({ AUTH_MODE: 'entra' });
    expect(error.variables).toEqual(['ENTRA_TENANT_IDS', 'TAB_APP_ID_URI', 'TAB_CLIENT_ID']);
    expect(error.message).toContain('AUTH_MODE=entra');
  });

  it.each([
    [{ ENTRA_TENANT_IDS: `${GUID_A},contoso` }, 'ENTRA_TENANT_IDS'],
    [{ TAB_APP_ID_URI: 'https://insatsnavet.example.se' }, 'TAB_APP_ID_URI'],
    [{ TAB_CLIENT_ID: 'insatsnavet' }, 'TAB_CLIENT_ID'],
    [{ ENTRA_JWKS_URL: 'nycklar' }, 'ENTRA_JWKS_URL'],
  ])('stops on a malformed entra setting %o and names it', (env, variable) => {
    expect(configError({ AUTH_MODE: 'entra', ...env }).variables).toContain(variable);
  });

  it("reads the entra settings: a lower-cased tenant list and Entra's key endpoint by default", () => {
    const config = loadConfig({
      AUTH_MODE: 'entra',
      ENTRA_TENANT_IDS: ` ${GUID_A.toUpperCase()} , ${GUID_B}`,
      TAB_APP_ID_URI: `api://insatsnavet.example.se/${GUID_A}`,
      TAB_CLIENT_ID: GUID_A,
    });
    expect(config.entra).toEqual({
      tenantIds: [GUID_A, GUID_B],
      appIdUri: `api://insatsnavet.example.se/${GUID_A}`,
      clientId: GUID_A,
      jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    });
    expect(loadConfig({}).entra).toBeUndefined();
  });

  it('limits /api to 120 calls a minute with a burst of 30 per user unless told otherwise', () => {
    expect(loadConfig({}).apiRateLimit).toEqual({ perMinute: 120, burst: 30 });
    expect(loadConfig({ API_RATE_LIMIT_PER_MINUTE: '600', API_RATE_LIMIT_BURST: '50' }).apiRateLimit).toEqual({
      perMinute: 600,
      burst: 50,
    });
    expect(configError({ API_RATE_LIMIT_PER_MINUTE: '0', API_RATE_LIMIT_BURST: 'många' }).variables).toEqual([
      'API_RATE_LIMIT_PER_MINUTE',
      'API_RATE_LIMIT_BURST',
    ]);
  });

  it('needs a tenant for a bot app id (single-tenant bots only)', () => {
    expect(configError({ BOT_APP_ID: GUID_A }).variables).toContain('BOT_TENANT_ID');
  });

  it('needs the bot password of a single-tenant bot, the default kind', () => {
    const error = configError({ BOT_APP_ID: GUID_A, BOT_TENANT_ID: GUID_B });
    expect(error.variables).toEqual(['BOT_APP_PASSWORD']);
    expect(error.message).toContain('UserAssignedMSI');
    const bot = loadConfig({ BOT_APP_ID: GUID_A, BOT_TENANT_ID: GUID_B, BOT_APP_PASSWORD: 'secret' }).bot;
    expect(bot).toEqual({ appId: GUID_A, appPassword: 'secret', tenantId: GUID_B, appType: 'SingleTenant' });
  });

  it('takes a user-assigned managed identity without a password, and refuses one with a password', () => {
    const env = { BOT_APP_ID: GUID_A, BOT_TENANT_ID: GUID_B, BOT_APP_TYPE: 'UserAssignedMSI' };
    expect(loadConfig(env).bot).toEqual({
      appId: GUID_A,
      appPassword: undefined,
      tenantId: GUID_B,
      appType: 'UserAssignedMSI',
    });
    expect(configError({ ...env, BOT_APP_PASSWORD: 'secret' }).variables).toEqual(['BOT_APP_PASSWORD']);
  });

  it.each(['MultiTenant', 'userassignedmsi', 'msi'])('refuses BOT_APP_TYPE=%s', (appType) => {
    expect(configError({ BOT_APP_TYPE: appType }).variables).toEqual(['BOT_APP_TYPE']);
  });

  it('still refuses an anonymous bot in production whatever its kind', () => {
    expect(configError({ NODE_ENV: 'production', BOT_APP_TYPE: 'UserAssignedMSI' }).variables).toContain('BOT_APP_ID');
  });

  it('needs all three Graph credentials together', () => {
    const error = configError({ GRAPH_CLIENT_ID: GUID_A });
    expect(error.variables).toEqual(expect.arrayContaining(['GRAPH_TENANT_ID', 'GRAPH_CLIENT_SECRET']));
  });

  it('needs credentials and a site against Microsoft Graph', () => {
    const error = configError({ GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' });
    expect(error.variables).toEqual(expect.arrayContaining(['GRAPH_CLIENT_ID', 'SHAREPOINT_SITE']));
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_MODE: 'entra',
      BOT_APP_ID: GUID_A,
      BOT_APP_PASSWORD: 'secret',
      BOT_TENANT_ID: GUID_B,
      GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0/',
      GRAPH_TENANT_ID: GUID_B,
      GRAPH_CLIENT_ID: GUID_A,
      GRAPH_CLIENT_SECRET: 'secret',
      SHAREPOINT_SITE: 'contoso.sharepoint.com:/sites/insatsnavet',
      CALENDAR_FEED_SECRET: 'k'.repeat(40),
      PUBLIC_BASE_URL: 'https://insatsnavet.example.se/',
      ENTRA_TENANT_IDS: GUID_B,
      TAB_APP_ID_URI: `api://insatsnavet.example.se/${GUID_A}`,
      TAB_CLIENT_ID: GUID_A,
    });
    expect(config.usesLocalSharePoint).toBe(false);
    expect(config.publicBaseUrl).toBe('https://insatsnavet.example.se');
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(config.graphAuth).toEqual({
      kind: 'client-credentials',
      tenantId: GUID_B,
      clientId: GUID_A,
      clientSecret: 'secret',
    });
    expect(config.listenHost).toBe('0.0.0.0');
    expect(Object.isFrozen(config)).toBe(true);
  });
});

describe('readLocalSharePointSettings', () => {
  it('reads the port and data dir with defaults', () => {
    expect(readLocalSharePointSettings({})).toEqual({ port: 5050, dataDir: '.data' });
    expect(readLocalSharePointSettings({ LOCAL_SHAREPOINT_PORT: '7070', DATA_DIR: '/tmp/x' })).toEqual({
      port: 7070,
      dataDir: '/tmp/x',
    });
  });

  it('names a bad port', () => {
    expect(() => readLocalSharePointSettings({ LOCAL_SHAREPOINT_PORT: 'x' })).toThrow(/LOCAL_SHAREPOINT_PORT/);
  });
});
