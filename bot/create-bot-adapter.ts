/**
 * The Bot Framework adapter. Anonymous only when no bot app id is configured (local use with the
 * Agents Playground); env.ts refuses an anonymous bot when NODE_ENV=production.
 *
 * With BOT_APP_ID set, botbuilder validates every incoming token (signature against the Bot
 * Connector's published keys, issuer, audience = BOT_APP_ID, expiry, the serviceUrl claim against
 * the activity's serviceUrl, the key's channel endorsement), configured as a single-tenant bot
 * with a client secret or as a user-assigned managed identity. Around that this adapter adds:
 * - a refused token is answered 401 with our error body and a log line; botbuilder itself
 *   answers 500 to a forged signature or a token not yet valid (jsonwebtoken's errors are not its
 *   AuthenticationError), and prints every refusal with console.error;
 * - an activity from another tenant is answered 403 before the bot sees it (identity/activity-tenant.ts);
 * - when the keys cannot be fetched the answer is 502, so the Bot Connector may try again, where
 *   botbuilder would answer 401 and the message would be lost.
 */
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { checkActivityTenant } from './identity/activity-tenant.ts';

export type BotSettings = {
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly tenantId: string | undefined;
  /** default SingleTenant; with UserAssignedMSI, appId is the managed identity's client id */
  readonly appType?: 'SingleTenant' | 'UserAssignedMSI';
};

export type BotLogger = {
  error(payload: object, message: string): void;
  warn?(payload: object, message: string): void;
};

/**
 * Where botbuilder looks for the keys that sign the Bot Connector's tokens and where the bot gets
 * its own. Production leaves this out and gets botbuilder's public-cloud values
 * (login.botframework.com, login.microsoftonline.com, api.botframework.com); the tests point them
 * at local servers. botbuilder uses all of them as soon as one is given, so all are required.
 */
export type BotFrameworkEndpoints = Required<
  Pick<
    ConfigurationBotFrameworkAuthenticationOptions,
    | 'ToBotFromChannelOpenIdMetadataUrl'
    | 'ToBotFromChannelTokenIssuer'
    | 'ToBotFromEmulatorOpenIdMetadataUrl'
    | 'ToChannelFromBotLoginUrl'
    | 'ToChannelFromBotOAuthScope'
    | 'OAuthUrl'
    | 'CallerId'
  >
>;

/** Test-facing options; production passes none. */
export type BotAdapterOptions = {
  readonly endpoints?: BotFrameworkEndpoints;
  /**
   * Gets the bot's own token for its answers instead of MSAL (client-secret bots only). MSAL
   * accepts only an https authority that Microsoft's instance discovery knows, so it cannot be
   * pointed at a local token endpoint; a managed identity can (IDENTITY_ENDPOINT) and ignores this.
   */
  readonly outgoingToken?: (request: { readonly appId: string; readonly scope: string }) => Promise<string>;
};

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type Authorization = Parameters<CloudAdapter['processActivityDirect']>[0];
type AuthenticateRequestResult = Exclude<Authorization, string>;

export function createBotAdapter(
  settings: BotSettings,
  logger: BotLogger,
  options: BotAdapterOptions = {},
): CloudAdapter {
  const adapter =
    settings.appId === undefined
      ? new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}))
      : authenticatedAdapter(settings.appId, settings, logger, options);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    if (context.activity.type !== 'message') {
      // an install event or an invoke has nobody waiting for a chat answer
      return;
    }
    try {
      // the user sees a short Swedish apology, never the error itself
      await context.sendActivity('Något gick fel i Insatsnavet. Försök igen om en stund.');
    } catch (sendError) {
      // the channel itself is unreachable: the turn is lost either way, and throwing here
      // would turn the request into a 500 for Teams to retry
      logger.error({ err: sendError }, 'the apology could not be sent either');
    }
  };
  return adapter;
}

function authenticatedAdapter(
  appId: string,
  settings: BotSettings,
  logger: BotLogger,
  options: BotAdapterOptions,
): CloudAdapter {
  const tenantId = settings.tenantId ?? '';
  const managedIdentity = settings.appType === 'UserAssignedMSI';
  const configuration: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: appId,
    MicrosoftAppTenantId: tenantId,
    // botbuilder's spelling; it compares without case
    MicrosoftAppType: managedIdentity ? 'UserAssignedMsi' : 'SingleTenant',
    ...(managedIdentity ? {} : { MicrosoftAppPassword: settings.appPassword ?? '' }),
    ...options.endpoints,
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(configuration);
  const outgoingToken = options.outgoingToken;
  const authentication = new ConfigurationBotFrameworkAuthentication(
    configuration,
    outgoingToken === undefined || managedIdentity ? credentials : withOutgoingToken(credentials, outgoingToken),
  );
  return new TenantBoundAdapter(authentication, tenantId, logger);
}

/** the single-tenant bot's adapter: authentication answered by us, then the tenant, then the turn */
class TenantBoundAdapter extends CloudAdapter {
  private readonly tenantId: string;
  private readonly logger: BotLogger;

  constructor(authentication: ConfigurationBotFrameworkAuthentication, tenantId: string, logger: BotLogger) {
    super(authentication);
    this.tenantId = tenantId;
    this.logger = logger;
  }

  // CloudAdapter.process calls this for every POST /api/messages; what it returns is the answer
  protected override async processActivity(
    authorization: Authorization,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    let authenticated: AuthenticateRequestResult;
    if (typeof authorization === 'string') {
      try {
        authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
      } catch (error) {
        return this.refusedToken(error, activity);
      }
    } else {
      authenticated = authorization;
    }
    const verdict = checkActivityTenant(activity, this.tenantId);
    if (!verdict.allowed) {
      this.logger.warn?.(
        {
          reason: verdict.reason,
          tenants: verdict.tenants,
          activityType: activity.type,
          channelId: activity.channelId,
        },
        'bot activity refused: not from the förbund’s tenant',
      );
      // 403, not 401: the token is good, the sender is not ours. A 4xx is no transient failure
      // (those are 408, 429 and 5xx), so Teams has no reason to send it again.
      return errorAnswer(403, 'FORBIDDEN', 'Insatsnavet tar bara emot meddelanden från förbundets egen organisation.');
    }
    return super.processActivity(authenticated, activity, logic);
  }

  private refusedToken(error: unknown, activity: Activity): InvokeResponse {
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
    if (isRefusedToken(error)) {
      this.logger.warn?.(
        { reason, activityType: activity.type, channelId: activity.channelId },
        'bot activity refused: no valid Bot Framework token',
      );
      return errorAnswer(401, 'UNAUTHENTICATED', 'Ogiltig eller saknad Bot Framework-token.');
    }
    // the keys could not be fetched (or botbuilder failed): not the sender's fault, worth a retry
    this.logger.error({ err: error }, 'bot token could not be checked');
    return errorAnswer(
      502,
      'UPSTREAM_FAILED',
      'En tjänst som Insatsnavet behöver svarar inte. Försök igen om en stund.',
    );
  }
}

/** jsonwebtoken's verdicts (bad signature, not yet valid, expired) and botbuilder's own 401s */
const TOKEN_ERROR_NAMES: ReadonlySet<string> = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

function isRefusedToken(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  return TOKEN_ERROR_NAMES.has(error.name) || Reflect.get(error, 'statusCode') === 401;
}

function errorAnswer(status: number, code: string, message: string): InvokeResponse {
  return { status, body: { error: { code, message } } };
}

/** incoming validation stays botbuilder's; only the bot's own token comes from `token` */
function withOutgoingToken(
  inner: ConfigurationServiceClientCredentialFactory,
  token: NonNullable<BotAdapterOptions['outgoingToken']>,
): CredentialsFactory {
  return {
    isValidAppId: (appId) => inner.isValidAppId(appId),
    isAuthenticationDisabled: () => inner.isAuthenticationDisabled(),
    createCredentials: async (appId, audience) => ({
      signRequest: async (request) => {
        const scope = audience ?? '';
        request.headers.set('authorization', `Bearer ${await token({ appId, scope })}`);
        return request;
      },
    }),
  };
}
