import { benchLocalSharePoint } from './test/bench/local-sharepoint-bench.ts';
const started = performance.now();
console.log(await benchLocalSharePoint());
console.log('total s', (performance.now() - started) / 1000);
