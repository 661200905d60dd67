import { type LocalSharePointForTests, useLocalSharePoint } from '../support/local-sharepoint.ts';
import { defineGraphContract } from './graph-contract.ts';

let sp: LocalSharePointForTests | undefined;

defineGraphContract('local SharePoint', async () => {
  sp = await useLocalSharePoint();
  const running = sp;
  return {
    graph: running.graph,
    siteId: running.siteId,
    // The emulator and its temporary directory go away whole.
    cleanup: () => running.close(),
  };
});
