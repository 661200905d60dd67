/**
 * `npm run bench`: performance figures measured in one run on this machine, each next to its
 * baseline (a bare HTTP round trip on the same machine). Not a test: it prints, it does not judge.
 */
import { benchApprovalVotes } from './approval-bench.ts';
import { benchBotTurns } from './bot-bench.ts';
import { benchLocalSharePoint } from './local-sharepoint-bench.ts';
import { benchNotifierFanOut } from './notifier-bench.ts';
import { benchProvisioning } from './provisioning-bench.ts';
import { benchSeeding } from './seeding-bench.ts';
import { benchSweep } from './sweep-bench.ts';
import { benchTab } from './tab-bench.ts';

function print(title: string, figures: Record<string, number | string>): void {
  console.log(`\n${title}`);
  const width = Math.max(...Object.keys(figures).map((key) => key.length));
  for (const [key, value] of Object.entries(figures)) {
    const shown = typeof value === 'number' ? value.toLocaleString('sv-SE', { maximumFractionDigits: 2 }) : value;
    console.log(`  ${key.padEnd(width)}  ${shown}`);
  }
}

async function main(): Promise<void> {
  console.log(`Insatsnavet bench — node ${process.version}, ${new Date().toISOString()}`);
  print('Lokal SharePoint', await benchLocalSharePoint());
  print('Provisionering (Graph-anrop räknade i den lokala SharePointens logg)', await benchProvisioning());
  print('Demodata', await benchSeeding());
  print('Boten: svarstider (200 turer var, jämfört med ett rent restify-eko i samma körning)', await benchBotTurns());
  print('Utskick: ett kort till 14 personer, 30 % av sändningarna svarade 429', await benchNotifierFanOut());
  print('Svepet: rekvisitioner och påminnelser (Graph-anrop i den lokala SharePointens logg)', await benchSweep());
  print('Beslut: en röst från kortet (Graph-anrop i den lokala SharePointens logg)', await benchApprovalVotes());
  print('Fliken: nedladdning, visning och anrop per vy (Chromium, den lokala SharePointens logg)', await benchTab());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
