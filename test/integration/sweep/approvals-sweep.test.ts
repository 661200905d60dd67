/**
 * Approvals on the local SharePoint (Graph semantics: indexed queries, eTags, the unique VoteKey,
 * $batch): a row the kansli types into the Approvals list — without Stage, Rule or DueDate — is
 * opened by the sweep and every approver gets one card; a vote typed into the Votes list decides
 * it on the next sweep; a vote through the app costs few Graph requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/domain/clock.ts';
import { voteKeyOf } from '../../../src/domain/entities/approval.ts';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import type { ApprovalDeps } from '../../../src/services/approvals/approval-deps.ts';
import { readPayload } from '../../../src/services/approvals/approval-payload.ts';
import { castVote } from '../../../src/services/approvals/cast-vote.ts';
import { createNotifier } from '../../../src/services/notifications/create-notifier.ts';
import type { NotifierLogger } from '../../../src/services/notifications/notifier-deps.ts';
import { countOf, runSweep } from '../../../src/services/sweep/run-sweep.ts';
import { createSweepState, type SweepState } from '../../../src/services/sweep/sweep-deps.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import type { ListKey } from '../../../src/sharepoint/schema.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';
import { jsonMessages, type Shown } from '../../unit/services/approvals/approval-world.ts';
import { ScriptedSender } from '../../unit/services/notifications/scripted-sender.ts';
import { newIntervention, plainMessages, STOCKHOLM } from '../../unit/services/sweep/sweep-world.ts';

const quiet: NotifierLogger = { info: () => {}, warn: () => {}, error: () => {} };
// Monday 1 March 2027, 09:00 in Stockholm
const NOW = '2027-03-01T08:00:00Z';
const STYRGRUPP = [
  ['a1a1a1a1-0000-4000-8000-000000000001', 'Anna Styr'],
  ['a1a1a1a1-0000-4000-8000-000000000002', 'Bo Styr'],
  ['a1a1a1a1-0000-4000-8000-000000000003', 'Cecilia Styr'],
] as const;
const SOFIA = 'd0e0706b-ead9-5c57-b832-0750d1d351a5';

let sp: LocalSharePointForTests;

beforeAll(async () => {
  sp = await useLocalSharePoint();
});

afterAll(async () => {
  await sp?.close();
});

type World = {
  readonly repos: Repositories;
  readonly clock: FixedClock;
  readonly sender: ScriptedSender;
  readonly approvals: ApprovalDeps;
  readonly state: SweepState;
  readonly novaId: string;
  /** a row as the kansli's list form posts it */
  typeInto(list: ListKey, fields: Record<string, unknown>): Promise<string>;
  sweep(): ReturnType<typeof runSweep>;
  shownTo(aad: string): Shown[];
};

async function world(): Promise<World> {
  const siteId = await sp.createSite();
  const provisioned = await provisionSchema(sp.graph, siteId);
  const repos = createRepositories(sp.graph, {
    siteId,
    listIds: provisioned.listIds,
    driveIds: provisioned.driveIds,
  });
  const clock = new FixedClock(NOW);
  const sender = new ScriptedSender(clock);
  const notifier = createNotifier({
    notifications: repos.notifications,
    conversations: repos.conversations,
    sender,
    clock,
    logger: quiet,
    instanceId: 'test',
    sleep: async () => {},
  });
  const nova = await repos.interventions.create(newIntervention());
  await repos.budgetLines.create({ interventionId: nova.id, year: 2027, category: 'Personal', amount: 800_000 });
  await repos.budgetLines.create({ interventionId: nova.id, year: 2027, category: 'Övrigt', amount: 200_000 });
  for (const [aadObjectId, name] of STYRGRUPP) {
    await repos.roleAssignments.create({
      name,
      aadObjectId,
      email: null,
      role: 'Styrgrupp',
      memberOrgId: null,
      interventionId: nova.id,
      validFrom: null,
      validTo: null,
    });
    await repos.conversations.upsert({
      title: name,
      key: aadObjectId,
      scope: 'personal',
      reference: { serviceUrl: 'https://smba.example/', conversation: { id: `a:${aadObjectId}` } },
      active: true,
    });
  }
  const approvals: ApprovalDeps = {
    repos,
    clock,
    timeZone: STOCKHOLM,
    notifier,
    messages: jsonMessages,
    logger: quiet,
  };
  const state = createSweepState();
  return {
    repos,
    clock,
    sender,
    approvals,
    state,
    novaId: nova.id,
    async typeInto(list, fields) {
      const item = (await sp.graph.post(`/sites/${siteId}/lists/${provisioned.listIds[list]}/items`, {
        fields,
      })) as { id: string };
      return String(item.id);
    },
    sweep: () =>
      runSweep({
        repos,
        clock,
        timeZone: STOCKHOLM,
        notifier,
        messages: plainMessages,
        logger: quiet,
        unreadableRows: { clear: () => {}, list: () => [] },
        state,
        approvals,
      }),
    shownTo: (aad) =>
      sender
        .delivered()
        .filter((record) => JSON.stringify(record.reference).includes(`a:${aad}`))
        .map((record) => JSON.parse(record.message.text ?? '{}') as Shown),
  };
}

describe('an approval typed into SharePoint by the kansli', () => {
  it('is opened by the sweep: Stage, Rule and DueDate filled in, one card to every approver, once', async () => {
    const w = await world();
    const id = await w.typeInto('Approvals', {
      Title: 'Planändring NOVA – träffar på torsdagar',
      InterventionLookupId: Number(w.novaId),
      Subject: 'Planändring',
      Status: 'Pågår',
      RequestedByAadId: SOFIA,
      Payload: JSON.stringify({ sammanfattning: 'Träffarna flyttas till torsdagar.' }),
    });

    const report = await w.sweep();

    expect(countOf(report, 'Beslutsärenden', 'opened')).toBe(1);
    expect(countOf(report, 'Beslutsärenden', 'cards')).toBe(3);
    const row = await w.repos.approvals.findById(id);
    expect(row).toMatchObject({ stage: 'Styrgrupp', rule: 'Alla', dueDate: '2027-03-15', status: 'Pågår' });
    expect(readPayload(row?.payload).summary).toBe('Träffarna flyttas till torsdagar.');
    for (const [aad] of STYRGRUPP) {
      expect(w.shownTo(aad)).toEqual([expect.objectContaining({ kind: 'request', approvalId: id, awaited: true })]);
    }

    const again = await w.sweep();
    expect(countOf(again, 'Beslutsärenden', 'cards')).toBe(0);
    expect(w.sender.delivered()).toHaveLength(3);
  });

  it('a vote typed into the Votes list decides it on the next sweep', async () => {
    const w = await world();
    const id = await w.typeInto('Approvals', {
      Title: 'Planändring NOVA',
      InterventionLookupId: Number(w.novaId),
      Subject: 'Planändring',
      Stage: 'Styrgrupp',
      Status: 'Pågår',
    });
    await w.sweep();
    const [first] = STYRGRUPP;
    await w.typeInto('Votes', {
      Title: 'rost',
      ApprovalLookupId: Number(id),
      VoterAadId: first[0],
      Decision: 'Avslå',
      VoteKey: voteKeyOf(id, first[0]),
    });

    const report = await w.sweep();

    expect(countOf(report, 'Beslutsärenden', 'decided')).toBe(1);
    expect((await w.repos.approvals.findById(id))?.status).toBe('Avslagen');
    for (const [aad] of STYRGRUPP) {
      expect(w.sender.updates.filter((update) => JSON.stringify(update.reference).includes(`a:${aad}`))).toHaveLength(
        1,
      );
    }
  });

  it('a vote through the app: one GET and one $batch with the vote, its audit row and the votes; the repeat refused by VoteKey', async () => {
    const w = await world();
    const id = await w.typeInto('Approvals', {
      Title: 'Planändring NOVA',
      InterventionLookupId: Number(w.novaId),
      Subject: 'Planändring',
      Status: 'Pågår',
    });
    await w.sweep();
    const [first, second] = STYRGRUPP;
    await sp.clearRequests();

    const recorded = await castVote(w.approvals, first[0], id, { decision: 'Godkänn' });

    const log = await sp.requests();
    const roundTrips = log.entries.filter((entry) => !entry.inBatch).length;
    expect(recorded.result).toBe('recorded');
    expect(recorded.view.votes).toEqual([expect.objectContaining({ name: 'Anna Styr', decision: 'Godkänn' })]);
    expect(recorded.view.viewer.myVote?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(roundTrips).toBe(2);
    expect(log.total).toBe(5);
    const voteRows = (await w.repos.auditLog.listByEntity(id)).filter((entry) => entry.action === 'beslut.rost');
    expect(voteRows).toEqual([expect.objectContaining({ details: expect.objectContaining({ decision: 'Godkänn' }) })]);

    const repeated = await castVote(w.approvals, first[0], id, { decision: 'Avslå' });
    expect(repeated.result).toBe('already-voted');
    const [both] = await Promise.all([
      castVote(w.approvals, second[0], id, { decision: 'Godkänn' }),
      castVote(w.approvals, STYRGRUPP[2][0], id, { decision: 'Godkänn' }),
    ]);
    expect(both.result).toBe('recorded');
    expect(await w.repos.votes.listByApproval(id)).toHaveLength(3);
    expect((await w.repos.approvals.findById(id))?.status).toBe('Godkänd');
    const decisions = (await w.repos.auditLog.listByEntity(id)).filter((entry) => entry.action === 'beslut.fattat');
    expect(decisions).toHaveLength(1);
  });
});
