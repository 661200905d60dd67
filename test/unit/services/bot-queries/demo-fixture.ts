/**
 * The demo förbund in the in-memory fakes, on the demo's "today" (2026-11-24, 11:00 in
 * Stockholm): the same rows `npm start` seeds, without SharePoint.
 */
import { FixedClock } from '../../../../src/domain/clock.ts';
import { demoPerson, type PersonKey } from '../../../../src/sharepoint/demo/demo-people.ts';
import { seedDemoApprovals } from '../../../../src/sharepoint/demo/seed-demo-approvals.ts';
import { seedDemoData } from '../../../../src/sharepoint/demo/seed-demo-data.ts';
import { createInMemoryRepositories, type InMemoryRepositories } from '../../../fakes/in-memory-repositories.ts';

export type DemoFixture = InMemoryRepositories & { readonly clock: FixedClock; readonly timeZone: string };

export async function demoFixture(now = '2026-11-24T10:00:00Z'): Promise<DemoFixture> {
  const repos = createInMemoryRepositories();
  await seedDemoData(repos);
  await seedDemoApprovals(repos);
  return { ...repos, clock: new FixedClock(now), timeZone: 'Europe/Stockholm' };
}

export function aad(person: PersonKey): string {
  return demoPerson(person).aadObjectId;
}

export const UNKNOWN_AAD = '00000000-0000-0000-0000-0000000000aa';
