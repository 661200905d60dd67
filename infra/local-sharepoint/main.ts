/**
 * `npm run local-sharepoint`: the local SharePoint on its own. Port and data dir come from
 * LOCAL_SHAREPOINT_PORT and DATA_DIR via src/config/env.ts (the only reader of the environment).
 */
import { readLocalSharePointSettings } from '../../src/config/env.ts';
import { startLocalSharePoint } from './server.ts';

const settings = readLocalSharePointSettings();
const sharePoint = await startLocalSharePoint({ port: settings.port, dataDir: settings.dataDir });
console.log(
  `Local SharePoint (Microsoft Graph v1.0) listening on ${sharePoint.graphUrl} — data in ${settings.dataDir}`,
);

let stopping = false;
function stop(signal: string): void {
  if (stopping) {
    return;
  }
  stopping = true;
  console.log(`Local SharePoint stopping (${signal})`);
  sharePoint.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Local SharePoint did not stop cleanly', error);
      process.exit(1);
    },
  );
}

process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
