import { AppError } from '../../domain/app-error.ts';
import type { BulkResult } from '../../domain/ports/common.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import {
  demoBudgetLineRows,
  demoInterventionRows,
  demoMeetingRows,
  demoMemberRows,
  demoRequisitionRows,
  demoRoleAssignmentRows,
} from './demo-dataset.ts';
import { buildDemoDirectory, type DemoDirectory } from './demo-directory.ts';
import { DEMO_MEMBERS, type MemberKey } from './demo-members.ts';

export type SeedCounts = {
  readonly members: number;
  readonly interventions: number;
  readonly roleAssignments: number;
  readonly budgetLines: number;
  readonly requisitions: number;
  readonly meetings: number;
};

export type SeedReport = { readonly seeded: false } | { readonly seeded: true; readonly counts: SeedCounts };

export type SeedOptions = {
  /** loads the demo people and groups into the directory (locally: `PUT /_emulator/directory`) */
  readonly directory?: (directory: DemoDirectory) => Promise<void>;
};

export type SeedRepositories = Pick<
  Repositories,
  'members' | 'interventions' | 'roleAssignments' | 'budgetLines' | 'requisitions' | 'meetings'
>;

/**
 * Fills an empty site with Samordningsförbundet Värend's demo data. A site that has any insats
 * is left alone, so this never seeds twice. Rows are created in dependency order (members,
 * insatser, then everything that looks them up), in bulk: a few dozen Graph requests in all.
 *
 * The directory goes first: should a later step fail, the next start finds no insatser and seeds
 * everything again, while a failure after the insatser exist would leave the site as it is.
 * Members already on the site (a kansli may enter them by hand) are reused by name.
 */
export async function seedDemoData(repos: SeedRepositories, options: SeedOptions = {}): Promise<SeedReport> {
  if ((await repos.interventions.list()).length > 0) {
    return { seeded: false };
  }
  if (options.directory !== undefined) {
    await options.directory(buildDemoDirectory());
  }

  const memberIds = await ensureMembers(repos);
  const interventions = succeeded(
    'Interventions',
    await repos.interventions.createMany(demoInterventionRows(memberIds)),
  );
  const interventionIds = new Map(interventions.map((intervention) => [intervention.code, intervention.id]));

  const [roleAssignments, budgetLines, requisitions, meetings] = await Promise.all([
    repos.roleAssignments.createMany(demoRoleAssignmentRows(memberIds, interventionIds)),
    repos.budgetLines.createMany(demoBudgetLineRows(interventionIds)),
    repos.requisitions.createMany(demoRequisitionRows(interventionIds)),
    repos.meetings.createMany(demoMeetingRows(interventionIds)),
  ]);
  return {
    seeded: true,
    counts: {
      members: memberIds.size,
      interventions: interventions.length,
      roleAssignments: succeeded('RoleAssignments', roleAssignments).length,
      budgetLines: succeeded('BudgetLines', budgetLines).length,
      requisitions: succeeded('Requisitions', requisitions).length,
      meetings: succeeded('Meetings', meetings).length,
    },
  };
}

async function ensureMembers(repos: SeedRepositories): Promise<Map<MemberKey, string>> {
  const existing = new Map((await repos.members.list()).map((member) => [member.name.toLowerCase(), member.id]));
  const ids = new Map<MemberKey, string>();
  const missing = DEMO_MEMBERS.filter((entry) => {
    const id = existing.get(entry.member.name.toLowerCase());
    if (id !== undefined) {
      ids.set(entry.key, id);
    }
    return id === undefined;
  });
  const rows = demoMemberRows().filter((row) => !existing.has(row.name.toLowerCase()));
  const created = succeeded('Members', await repos.members.createMany(rows));
  for (const [index, entry] of missing.entries()) {
    const member = created[index];
    if (member !== undefined) {
      ids.set(entry.key, member.id);
    }
  }
  return ids;
}

function succeeded<T>(list: string, results: BulkResult<T>): T[] {
  const failures = results.flatMap((result, index) => (result.ok ? [] : [{ index, error: result.error }]));
  if (failures.length > 0) {
    const first = failures[0]?.error;
    throw new AppError('UPSTREAM_FAILED', `seeding ${list}: ${failures.length} of ${results.length} rows failed`, {
      cause: first,
      details: {
        list,
        failures: failures.slice(0, 5).map(({ index, error }) => ({ index, code: error.code, message: error.message })),
      },
    });
  }
  return results.flatMap((result) => (result.ok ? [result.value] : []));
}
