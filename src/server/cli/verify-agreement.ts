/**
 * `npm run verify-agreement -- <fil.pdf>`: is this file an agreement filed in Insatsnavet? The
 * file's SHA-256 is computed and compared with the Sha256 of every file in the Agreements library
 * (the library is small); a match names the agreement, its insats, status, signed date and who
 * signed it. One changed byte gives another hash: no match.
 *
 * Exit codes: 0 the file matches a filed agreement, 1 it matches none, 2 it could not be checked
 * (no such file, bad settings, SharePoint unreachable). Reads the configuration as the server does;
 * against the embedded local SharePoint it uses the one `npm start` runs, if any, else starts one
 * on LOCAL_SHAREPOINT_PORT and DATA_DIR for the duration. It reads only (provisioning an up-to-date
 * site writes nothing).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ConfigError, loadConfig } from '../../config/env.ts';
import { isAppError } from '../../domain/app-error.ts';
import { signerText, verifyAgreementFile } from '../../services/agreements/verify-agreement-file.ts';
import { createGraphClient } from '../../sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../../sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../sharepoint/repositories/create-repositories.ts';
import { resolveSite } from '../../sharepoint/site.ts';
import { createLogger } from '../logger.ts';

const MATCH = 0;
const NO_MATCH = 1;
const ERROR = 2;

/** an `npm start` already serving the data folder: two processes must not open one SQLite file */
async function isServing(graphUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${graphUrl}/sites/root`, { headers: { authorization: 'Bearer verify' } });
    return response.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const path = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (path === undefined) {
    console.error('Ange filen som ska kontrolleras: npm run verify-agreement -- <fil.pdf>');
    return ERROR;
  }
  let content: Uint8Array;
  try {
    content = new Uint8Array(await readFile(path));
  } catch (error) {
    console.error(`Filen ${path} kunde inte läsas: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return ERROR;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'error' : config.logLevel);
  let graphUrl = config.graphBaseUrl;
  let local: { readonly graphUrl: string; close(): Promise<void> } | undefined;
  if (config.usesLocalSharePoint && !(await isServing(graphUrl))) {
    const { startLocalSharePoint } = await import('../../../infra/local-sharepoint/server.ts');
    local = await startLocalSharePoint({ port: config.localSharePointPort, dataDir: config.dataDir });
    graphUrl = local.graphUrl;
  }
  try {
    const graph = createGraphClient({ baseUrl: graphUrl, auth: config.graphAuth, logger });
    const site = await resolveSite(graph, config.sharePointSite);
    const provisioned = await provisionSchema(graph, site.id);
    const repos = createRepositories(graph, {
      siteId: site.id,
      listIds: provisioned.listIds,
      driveIds: provisioned.driveIds,
    });
    const result = await verifyAgreementFile({ repos, timeZone: config.timeZone }, null, content);
    console.log(`Kontroll av ${basename(path)}`);
    console.log(`SHA-256: ${result.sha256}`);
    console.log(`Storlek: ${result.bytes.toLocaleString('sv-SE')} byte`);
    if (!result.matched) {
      console.log(`Stämmer inte: ${result.message}`);
      return NO_MATCH;
    }
    console.log(
      result.agreements.length === 1
        ? 'Stämmer: filen är ett arkiverat avtal.'
        : `Stämmer: filen matchar ${result.agreements.length} arkiverade avtal.`,
    );
    for (const agreement of result.agreements) {
      const insats = agreement.insats === null ? '' : ` – ${agreement.insats.code} ${agreement.insats.title}`;
      console.log(`  ${agreement.folder}/${agreement.name}${insats}`);
      console.log(
        `  Avtalsstatus: ${agreement.status ?? '–'}${agreement.signedDate === null ? '' : `, signerat ${agreement.signedDate}`}${agreement.approvalId === null ? '' : `, beslutsärende ${agreement.approvalId}`}`,
      );
      for (const signer of agreement.signers) {
        console.log(`  Undertecknat av ${signerText(signer)}`);
      }
      console.log(`  I SharePoint: ${agreement.webUrl}`);
    }
    return MATCH;
  } finally {
    await local?.close();
  }
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else if (isAppError(error)) {
      console.error(`Kontrollen kunde inte göras: ${error.userMessage}`);
    } else {
      console.error('Kontrollen kunde inte göras:', error);
    }
    process.exitCode = ERROR;
  });
