/**
 * The only reader of process.env (DESIGN.md §3, §8). Parsed once at start with zod;
 * a bad value stops the start with a message that names the variable.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const port = z.coerce
  .number({ error: 'måste vara ett portnummer' })
  .int('måste vara ett heltal')
  .min(0, 'måste vara 0–65535')
  .max(65535, 'måste vara 0–65535');

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const GUID_PATTERN = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

const guid = z
  .string()
  .trim()
  .regex(GUID_PATTERN, 'måste vara ett GUID')
  .optional()
  .or(z.literal('').transform(() => undefined));

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3978),
  LOCAL_SHAREPOINT_PORT: port.default(5050),
  GRAPH_BASE_URL: z.url({ error: 'måste vara en URL, t.ex. https://graph.microsoft.com/v1.0' }).optional(),
  SHAREPOINT_SITE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+:\/[^/].*$/, 'måste ha formen värdnamn:/sites/sökväg')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().trim().min(1, 'får inte vara tom').default('.data'),
  AUTH_MODE: z.enum(['dev', 'entra'], { error: "måste vara 'dev' eller 'entra'" }).default('dev'),
  BOT_APP_ID: guid,
  BOT_APP_PASSWORD: optionalText,
  BOT_TENANT_ID: guid,
  BOT_APP_TYPE: z
    .enum(['SingleTenant', 'UserAssignedMSI'], { error: "måste vara 'SingleTenant' eller 'UserAssignedMSI'" })
    .default('SingleTenant'),
  GRAPH_TENANT_ID: guid,
  GRAPH_CLIENT_ID: guid,
  GRAPH_CLIENT_SECRET: optionalText,
  // instead of the secret: a PEM with the private key and its certificate, as text (a Key Vault
  // reference to a PEM certificate) or as a file
  GRAPH_CLIENT_CERTIFICATE: optionalText,
  GRAPH_CLIENT_CERTIFICATE_PATH: optionalText,
  GRAPH_AUTHORITY_HOST: z
    .url({ protocol: /^https$/, error: 'måste vara en https-adress, t.ex. https://login.microsoftonline.com' })
    .optional(),
  TIMEZONE: z
    .string()
    .trim()
    .default('Europe/Stockholm')
    .refine(isKnownTimeZone, 'är ingen känd tidszon (IANA), t.ex. Europe/Stockholm'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SWEEP_SCHEDULE: z.enum(['on', 'off'], { error: "måste vara 'on' eller 'off'" }).default('on'),
  CALENDAR_FEED_SECRET: z
    .string()
    .trim()
    .min(32, 'måste vara minst 32 tecken (en slumpad hemlighet, t.ex. från Key Vault)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PUBLIC_BASE_URL: z.url({ error: 'måste vara en URL, t.ex. https://insatsnavet.azurewebsites.net' }).optional(),
  ENTRA_TENANT_IDS: z
    .string()
    .trim()
    .transform((value) => value.split(',').map((id) => id.trim().toLowerCase()))
    .refine(
      (ids) => ids.every((id) => GUID_PATTERN.test(id)),
      'måste vara en kommaseparerad lista med GUID (tillåtna Entra-klienter)',
    )
    .optional(),
  TAB_APP_ID_URI: z
    .string()
    .trim()
    .regex(
      /^api:\/\/\S+$/,
      'måste vara fliksappens Application ID URI, t.ex. api://insatsnavet.azurewebsites.net/<klient-id>',
    )
    .optional(),
  TAB_CLIENT_ID: guid,
  ENTRA_JWKS_URL: z
    .url({ error: 'måste vara en URL till Entras nycklar (JWKS)' })
    .default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  API_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'måste vara ett antal anrop per minut' })
    .int('måste vara ett heltal')
    .min(1, 'måste vara minst 1')
    .max(100_000, 'får vara högst 100000')
    .default(120),
  API_RATE_LIMIT_BURST: z.coerce
    .number({ error: 'måste vara ett antal anrop' })
    .int('måste vara ett heltal')
    .min(1, 'måste vara minst 1')
    .max(100_000, 'får vara högst 100000')
    .default(30),
});

export type Config = {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly port: number;
  /** 127.0.0.1 on a laptop; every interface in production (App Service routes to PORT) */
  readonly listenHost: '127.0.0.1' | '0.0.0.0';
  readonly localSharePointPort: number;
  /** Graph v1.0 root, without a trailing slash */
  readonly graphBaseUrl: string;
  /** true when Graph is the embedded local SharePoint (started by `npm start`) */
  readonly usesLocalSharePoint: boolean;
  /** `hostname:/sites/path`, or undefined for the root site */
  readonly sharePointSite: string | undefined;
  readonly dataDir: string;
  readonly authMode: 'dev' | 'entra';
  /** how Teams SSO tokens are validated; set exactly when authMode is 'entra' */
  readonly entra: EntraSettings | undefined;
  readonly bot: {
    readonly appId: string | undefined;
    readonly appPassword: string | undefined;
    readonly tenantId: string | undefined;
    /**
     * How the bot proves itself when it answers: a client secret of a single-tenant app
     * registration, or a user-assigned managed identity (BOT_APP_ID is then its client id).
     * Azure no longer creates multi-tenant bots, so there is no third kind.
     */
    readonly appType: 'SingleTenant' | 'UserAssignedMSI';
  };
  readonly graphAuth:
    | { readonly kind: 'dev-token' }
    | {
        readonly kind: 'client-credentials';
        readonly tenantId: string;
        readonly clientId: string;
        readonly clientSecret: string;
        /** Entra ID's host when GRAPH_AUTHORITY_HOST says another (a national cloud, a test) */
        readonly authorityHost?: string;
      }
    | {
        readonly kind: 'client-certificate';
        readonly tenantId: string;
        readonly clientId: string;
        /** PEM of the private key (PKCS#8 or PKCS#1) */
        readonly privateKey: string;
        /** hex SHA-256 of the certificate's DER: Entra finds the registered certificate by it */
        readonly thumbprintSha256: string;
        /** the certificate's PEM, sent as x5c */
        readonly certificate: string;
        readonly authorityHost?: string;
      };
  readonly timeZone: string;
  readonly logLevel: z.infer<typeof rawEnvSchema>['LOG_LEVEL'];
  /**
   * Whether the server runs the sweep every minute (SWEEP_SCHEDULE, default on). Test harnesses
   * that boot the whole app turn it off, so a sweep at the real time does not mix into what they
   * assert; `npm run sweep` runs one whatever this says.
   */
  readonly sweepSchedule: boolean;
  /**
   * Signs the per-user calendar feed links (HMAC). Required in production; locally the server
   * makes one and keeps it in DATA_DIR so links survive a restart.
   */
  readonly calendarFeedSecret: string | undefined;
  /** the app's public address for links handed out (calendar feeds); undefined: taken from the request */
  readonly publicBaseUrl: string | undefined;
  /** per caller on /api (not the bot, not the probes): a token bucket of `burst` refilled at `perMinute` */
  readonly apiRateLimit: { readonly perMinute: number; readonly burst: number };
};

export type EntraSettings = {
  /** the tenants whose users may call the API (lower-case GUIDs) */
  readonly tenantIds: readonly string[];
  /** the tab app's Application ID URI: the audience of its SSO tokens */
  readonly appIdUri: string;
  /** the tab app's client id, which Teams sometimes puts in `aud` instead of the URI */
  readonly clientId: string;
  /** where Entra publishes its signing keys */
  readonly jwksUrl: string;
};

/** Thrown when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  readonly variables: readonly string[];
  constructor(problems: readonly { variable: string; problem: string }[]) {
    super(`Felaktig konfiguration:\n${problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.variables = problems.map((p) => p.variable);
  }
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('sv-SE', { timeZone: zone });
    return true;
  } catch {
    // Intl throws RangeError for unknown zones: that is the answer, not a failure
    return false;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the settings. Pass an env object in tests; the default is process.env. */
export function loadConfig(env: Env = process.env): Config {
  const unresolved = unresolvedKeyVaultReferences(env);
  if (unresolved.length > 0) {
    throw new ConfigError(unresolved);
  }
  const parsed = rawEnvSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '?'),
        problem: issue.message,
      })),
    );
  }
  const raw = parsed.data;
  const problems: { variable: string; problem: string }[] = [];
  const localGraph = `http://127.0.0.1:${raw.LOCAL_SHAREPOINT_PORT}/v1.0`;
  const graphBaseUrl = (raw.GRAPH_BASE_URL ?? localGraph).replace(/\/+$/, '');
  const usesLocalSharePoint = raw.GRAPH_BASE_URL === undefined;
  const isProduction = raw.NODE_ENV === 'production';

  if (isProduction && raw.AUTH_MODE === 'dev') {
    problems.push({ variable: 'AUTH_MODE', problem: "'dev' är inte tillåtet när NODE_ENV=production" });
  }
  if (isProduction && raw.BOT_APP_ID === undefined) {
    problems.push({
      variable: 'BOT_APP_ID',
      problem: 'krävs när NODE_ENV=production (en anonym bot är bara tillåten lokalt)',
    });
  }
  if (isProduction && raw.CALENDAR_FEED_SECRET === undefined) {
    problems.push({
      variable: 'CALENDAR_FEED_SECRET',
      problem: 'krävs när NODE_ENV=production (signerar kalenderlänkarna)',
    });
  }
  if (raw.BOT_APP_ID !== undefined && raw.BOT_TENANT_ID === undefined) {
    problems.push({ variable: 'BOT_TENANT_ID', problem: 'krävs när BOT_APP_ID är satt (single-tenant-bot)' });
  }
  // botbuilder asserts the same when the adapter is made; said here, the start names the variable
  if (raw.BOT_APP_ID !== undefined && raw.BOT_APP_TYPE === 'SingleTenant' && raw.BOT_APP_PASSWORD === undefined) {
    problems.push({
      variable: 'BOT_APP_PASSWORD',
      problem: 'krävs när BOT_APP_ID är satt och BOT_APP_TYPE=SingleTenant (eller använd UserAssignedMSI)',
    });
  }
  if (raw.BOT_APP_TYPE === 'UserAssignedMSI' && raw.BOT_APP_PASSWORD !== undefined) {
    problems.push({
      variable: 'BOT_APP_PASSWORD',
      problem: 'ska inte sättas när BOT_APP_TYPE=UserAssignedMSI (den hanterade identiteten har ingen hemlighet)',
    });
  }

  let entra: EntraSettings | undefined;
  if (raw.AUTH_MODE === 'entra') {
    const required = [
      ['ENTRA_TENANT_IDS', raw.ENTRA_TENANT_IDS, 'de tillåtna Entra-klienterna (GUID, kommaseparerade)'],
      ['TAB_APP_ID_URI', raw.TAB_APP_ID_URI, 'fliksappens Application ID URI (api://…)'],
      ['TAB_CLIENT_ID', raw.TAB_CLIENT_ID, 'fliksappens klient-id (GUID)'],
    ] as const;
    for (const [variable, value, what] of required) {
      if (value === undefined) {
        problems.push({ variable, problem: `krävs när AUTH_MODE=entra: ${what}` });
      }
    }
    if (raw.ENTRA_TENANT_IDS && raw.TAB_APP_ID_URI && raw.TAB_CLIENT_ID) {
      entra = Object.freeze({
        tenantIds: Object.freeze([...raw.ENTRA_TENANT_IDS]),
        appIdUri: raw.TAB_APP_ID_URI,
        clientId: raw.TAB_CLIENT_ID.toLowerCase(),
        jwksUrl: raw.ENTRA_JWKS_URL,
      });
    }
  }

  const graphAuth = readGraphAuth(raw, problems);
  if (!usesLocalSharePoint && isGraphCloud(graphBaseUrl)) {
    if (graphAuth.kind === 'dev-token') {
      problems.push({
        variable: 'GRAPH_CLIENT_ID',
        problem:
          'GRAPH_TENANT_ID, GRAPH_CLIENT_ID och GRAPH_CLIENT_SECRET (eller GRAPH_CLIENT_CERTIFICATE) krävs mot Microsoft Graph',
      });
    }
    if (raw.SHAREPOINT_SITE === undefined) {
      problems.push({
        variable: 'SHAREPOINT_SITE',
        problem: 'krävs mot Microsoft Graph, t.ex. contoso.sharepoint.com:/sites/insatsnavet',
      });
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  return Object.freeze({
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    listenHost: isProduction ? '0.0.0.0' : '127.0.0.1',
    localSharePointPort: raw.LOCAL_SHAREPOINT_PORT,
    graphBaseUrl,
    usesLocalSharePoint,
    sharePointSite: raw.SHAREPOINT_SITE,
    dataDir: raw.DATA_DIR,
    authMode: raw.AUTH_MODE,
    entra,
    bot: Object.freeze({
      appId: raw.BOT_APP_ID,
      appPassword: raw.BOT_APP_PASSWORD,
      tenantId: raw.BOT_TENANT_ID,
      appType: raw.BOT_APP_TYPE,
    }),
    graphAuth: Object.freeze(graphAuth),
    timeZone: raw.TIMEZONE,
    logLevel: raw.LOG_LEVEL,
    sweepSchedule: raw.SWEEP_SCHEDULE === 'on',
    calendarFeedSecret: raw.CALENDAR_FEED_SECRET,
    publicBaseUrl: raw.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    apiRateLimit: Object.freeze({ perMinute: raw.API_RATE_LIMIT_PER_MINUTE, burst: raw.API_RATE_LIMIT_BURST }),
  });
}

type RawEnv = z.infer<typeof rawEnvSchema>;
type Problem = { variable: string; problem: string };

/**
 * The app-only Graph credential: GRAPH_TENANT_ID and GRAPH_CLIENT_ID with exactly one of a client
 * secret, a PEM certificate (text) or a PEM certificate file. None of them: the development token.
 */
function readGraphAuth(raw: RawEnv, problems: Problem[]): Config['graphAuth'] {
  const secrets = [
    ['GRAPH_CLIENT_SECRET', raw.GRAPH_CLIENT_SECRET],
    ['GRAPH_CLIENT_CERTIFICATE', raw.GRAPH_CLIENT_CERTIFICATE],
    ['GRAPH_CLIENT_CERTIFICATE_PATH', raw.GRAPH_CLIENT_CERTIFICATE_PATH],
  ] as const;
  const given = secrets.flatMap(([name, value]) => (value === undefined ? [] : [[name, value] as const]));
  const ids = [
    ['GRAPH_TENANT_ID', raw.GRAPH_TENANT_ID],
    ['GRAPH_CLIENT_ID', raw.GRAPH_CLIENT_ID],
  ] as const;
  if (given.length === 0 && ids.every(([, value]) => value === undefined)) {
    return { kind: 'dev-token' };
  }
  for (const [name, value] of ids) {
    if (value === undefined) {
      problems.push({ variable: name, problem: 'saknas (alla GRAPH_*-uppgifter behövs tillsammans)' });
    }
  }
  if (given.length === 0) {
    problems.push({
      variable: 'GRAPH_CLIENT_SECRET',
      problem:
        'saknas (eller GRAPH_CLIENT_CERTIFICATE / GRAPH_CLIENT_CERTIFICATE_PATH; alla GRAPH_*-uppgifter behövs tillsammans)',
    });
  }
  if (given.length > 1) {
    for (const [name] of given) {
      problems.push({ variable: name, problem: `ange bara en av ${given.map(([other]) => other).join(', ')}` });
    }
  }
  const tenantId = raw.GRAPH_TENANT_ID;
  const clientId = raw.GRAPH_CLIENT_ID;
  const chosen = given[0];
  if (tenantId === undefined || clientId === undefined || chosen === undefined || given.length > 1) {
    return { kind: 'dev-token' };
  }
  const authorityHost = raw.GRAPH_AUTHORITY_HOST?.replace(/\/+$/, '');
  const host = authorityHost === undefined ? {} : { authorityHost };
  const [name, value] = chosen;
  if (name === 'GRAPH_CLIENT_SECRET') {
    return { kind: 'client-credentials', tenantId, clientId, clientSecret: value, ...host };
  }
  const certificate = readCertificate(name, value, problems);
  return certificate === undefined
    ? { kind: 'dev-token' }
    : { kind: 'client-certificate', tenantId, clientId, ...certificate, ...host };
}

/** A PEM with a private key and the certificate that matches it; the thumbprint is computed here. */
function readCertificate(
  variable: 'GRAPH_CLIENT_CERTIFICATE' | 'GRAPH_CLIENT_CERTIFICATE_PATH',
  value: string,
  problems: Problem[],
): { privateKey: string; thumbprintSha256: string; certificate: string } | undefined {
  let pem = value;
  if (variable === 'GRAPH_CLIENT_CERTIFICATE_PATH') {
    try {
      pem = readFileSync(value, 'utf8');
    } catch {
      // the error names the path and the reason; the message below names the variable
      problems.push({ variable, problem: `kan inte läsa filen ${value}` });
      return undefined;
    }
  }
  // App Service hands a multi-line Key Vault value over as is; a pasted one may carry literal \n
  pem = pem.replace(/\\n/g, '\n');
  const keyBlock = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(
    pem,
  )?.[0];
  const certBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (keyBlock === undefined || certBlock === undefined) {
    problems.push({
      variable,
      problem: 'måste vara PEM med både den privata nyckeln (okrypterad) och certifikatet',
    });
    return undefined;
  }
  try {
    const key = createPrivateKey(keyBlock);
    const certificate = new X509Certificate(certBlock);
    if (!certificate.checkPrivateKey(key)) {
      problems.push({ variable, problem: 'den privata nyckeln hör inte till certifikatet' });
      return undefined;
    }
    return {
      privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
      thumbprintSha256: certificate.fingerprint256.replaceAll(':', '').toLowerCase(),
      certificate: certBlock,
    };
  } catch {
    // node:crypto says why in its own words; the variable is what the operator needs
    problems.push({ variable, problem: 'PEM-innehållet kunde inte läsas som nyckel och certifikat' });
    return undefined;
  }
}

/**
 * App Service passes a Key Vault reference it could not resolve (no such secret, no access for
 * the identity) on as the literal text `@Microsoft.KeyVault(…)`. Taken as a value, that text would
 * become e.g. a publicly known CALENDAR_FEED_SECRET; it stops the start instead.
 */
function unresolvedKeyVaultReferences(env: Env): Problem[] {
  return SETTING_NAMES.map((name) => [name, env[name]] as const)
    .filter(([, value]) => value !== undefined && /^\s*@Microsoft\.KeyVault\(/i.test(value))
    .map(([variable]) => ({
      variable,
      problem:
        'är en Key Vault-referens som App Service inte kunde lösa upp: finns hemligheten, och har appens identitet rollen Key Vault Secrets User?',
    }));
}

/** Every variable loadConfig reads (infra/azure.bicep's app settings are checked against it). */
export const SETTING_NAMES: readonly string[] = Object.freeze(Object.keys(rawEnvSchema.shape));

function isGraphCloud(url: string): boolean {
  return /^https:\/\/graph\.microsoft\.(com|us)|^https:\/\/microsoftgraph\.chinacloudapi\.cn/.test(url);
}

function emptyToUndefined(env: Env): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) {
    result[key] = value === '' ? undefined : value;
  }
  return result;
}

/**
 * Settings for `npm run local-sharepoint` and for tests' live-tenant switches.
 * Kept here so that no other file reads process.env.
 */
export function readLocalSharePointSettings(env: Env = process.env): { port: number; dataDir: string } {
  const schema = z.object({
    LOCAL_SHAREPOINT_PORT: port.default(5050),
    DATA_DIR: z.string().trim().min(1).default('.data'),
  });
  const parsed = schema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), problem: issue.message })),
    );
  }
  return { port: parsed.data.LOCAL_SHAREPOINT_PORT, dataDir: parsed.data.DATA_DIR };
}
