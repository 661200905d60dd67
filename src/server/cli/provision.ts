/**
 * `npm run provision`: creates or completes the SharePoint schema (lists, columns, indexes,
 * libraries, default settings) on the configured site, and changes nothing on a second run.
 * Against the embedded local SharePoint it starts one for the duration, on LOCAL_SHAREPOINT_PORT
 * and DATA_DIR (stop `npm start` first, or it will find the port taken).
 */
import { ConfigError, loadConfig } from '../../config/env.ts';
import { type AppErrorCode, isAppError } from '../../domain/app-error.ts';
import { createGraphClient } from '../../sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../../sharepoint/provisioning/provision-schema.ts';
import { listSpec } from '../../sharepoint/schema.ts';
import { resolveSite } from '../../sharepoint/site.ts';
import { createLogger } from '../logger.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // against Microsoft Graph the local SharePoint (and SQLite's native module) is never loaded
  const local = config.usesLocalSharePoint
    ? await (await import('../../../infra/local-sharepoint/server.ts')).startLocalSharePoint({
        port: config.localSharePointPort,
        dataDir: config.dataDir,
      })
    : undefined;
  try {
    const graph = createGraphClient({
      baseUrl: local?.graphUrl ?? config.graphBaseUrl,
      auth: config.graphAuth,
      logger,
    });
    const site = await resolveSite(graph, config.sharePointSite);
    const result = await provisionSchema(graph, site.id);
    const created = [...result.created.lists, ...result.created.columns, ...result.created.settings];
    console.log(`Webbplats: ${site.webUrl}`);
    if (created.length === 0 && result.updated.columns.length === 0) {
      console.log('Schemat var redan komplett – inget ändrades.');
    } else {
      const titles = result.created.lists.map((key) => listSpec(key).title);
      console.log(`Skapade listor:      ${titles.join(', ') || '–'}`);
      console.log(`Skapade kolumner:    ${result.created.columns.length}`);
      console.log(`Ändrade kolumner:    ${result.updated.columns.join(', ') || '–'}`);
      console.log(`Nya inställningar:   ${result.created.settings.join(', ') || '–'}`);
    }
  } finally {
    await local?.close();
  }
}

/** What the kommun's IT can do about a failure, by its kind (README: "Deploy to your tenant"). */
const HINTS: Partial<Record<AppErrorCode, string>> = {
  UNAUTHENTICATED:
    'Entra ID eller Graph godtog inte appens inloggning: kontrollera GRAPH_TENANT_ID, GRAPH_CLIENT_ID och hemligheten eller certifikatet (har det gått ut?).',
  FORBIDDEN:
    'Appen saknar behörighet till webbplatsen: ge den Sites.Selected med administratörsmedgivande och rollen fullcontrol på just den här webbplatsen (se README).',
  NOT_FOUND: 'Webbplatsen finns inte: kontrollera SHAREPOINT_SITE (värdnamn:/sites/sökväg).',
  UPSTREAM_FAILED: 'Entra ID eller Graph gick inte att nå: kontrollera nätverket och försök igen.',
  MISSING_CONFIG: 'Inställningarna pekar fel: kontrollera GRAPH_AUTHORITY_HOST och SHAREPOINT_SITE.',
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (isAppError(error)) {
    // the message and code, not the stack: what the operator needs (secrets never reach either)
    console.error(`Provisioneringen misslyckades (${error.code}): ${error.message}`);
    const hint = HINTS[error.code];
    if (hint !== undefined) {
      console.error(hint);
    }
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
