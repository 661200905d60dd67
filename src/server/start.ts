/**
 * `npm start`: everything a laptop needs, in one process.
 * 1. the local SharePoint (unless GRAPH_BASE_URL points elsewhere),
 * 2. provisioning of the schema (idempotent),
 * 3. demo data into an empty site (local SharePoint only),
 * 4. the app on PORT: tab at /, API at /api/*, bot at /api/messages.
 */
import { ConfigError, loadConfig } from '../config/env.ts';
import { bootApp } from './boot-app.ts';
import { createLogger } from './logger.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const app = await bootApp(config, logger);
  const stop = async (): Promise<void> => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const lines = [
    '',
    `  Insatsnavet körs på ${app.url}`,
    `    flik (tab):          ${app.url}/${config.authMode === 'dev' ? '  (välj vem du är bland demopersonerna)' : ''}`,
    `    bot (Bot Framework): ${app.url}/api/messages`,
    `    hälsa:               ${app.url}/healthz  (redo: ${app.url}/readyz)`,
    app.localSharePointUrl === undefined
      ? `    Microsoft Graph:     ${config.graphBaseUrl}`
      : `    lokal SharePoint:    ${app.localSharePointUrl}/v1.0  (data i ${config.dataDir})`,
    `    klar på ${app.readyInMs} ms${app.seeded ? ', demodata inlagd' : ''}`,
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error('Insatsnavet kunde inte starta:', error);
  process.exitCode = 1;
});
