/**
 * The sweep on a real local SharePoint (its own site per test file): the SharePoint repositories,
 * the real outbox on them, and per "instance" its own notifier, scripted Teams sender and sweep
 * state — so two instances can sweep the same site at once. The kansli's edits go straight to
 * Graph (PATCH …/items/{id}/fields), as SharePoint's own list form would send them.
 */
import { FixedClock } from '../../../src/domain/clock.ts';
import type { Intervention, NewIntervention } from '../../../src/domain/entities/intervention.ts';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { createNotifier, type Notifier } from '../../../src/services/notifications/create-notifier.ts';
import type { NotifierLogger } from '../../../src/services/notifications/notifier-deps.ts';
import { runSweep, type SweepOptions, type SweepReport } from '../../../src/services/sweep/run-sweep.ts';
import { createSweepState, type SweepState } from '../../../src/services/sweep/sweep-deps.ts';
import { type ProvisionResult, provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import type { ListKey } from '../../../src/sharepoint/schema.ts';
import type { LocalSharePointForTests } from '../../support/local-sharepoint.ts';
import { ScriptedSender } from '../../unit/services/notifications/scripted-sender.ts';
import { LEASE_MS, newIntervention, plainMessages, STOCKHOLM } from '../../unit/services/sweep/sweep-world.ts';

const quiet: NotifierLogger = { info: () => {}, warn: () => {}, error: () => {} };

export type Instance = {
  readonly sender: ScriptedSender;
  notifier: Notifier;
  state: SweepState;
  sweep(options?: SweepOptions): Promise<SweepReport>;
  /** the process died and came back: a new notifier and a new memory */
  restart(): void;
};

export class SharePointSweepWorld {
  readonly clock: FixedClock;
  readonly repos: Repositories;
  private readonly sp: LocalSharePointForTests;
  private readonly siteId: string;
  private readonly listIds: Record<ListKey, string>;

  private constructor(sp: LocalSharePointForTests, siteId: string, provisioned: ProvisionResult, now: string) {
    this.sp = sp;
    this.siteId = siteId;
    this.listIds = provisioned.listIds;
    this.clock = new FixedClock(now);
    this.repos = createRepositories(sp.graph, {
      siteId,
      listIds: provisioned.listIds,
      driveIds: provisioned.driveIds,
    });
  }

  /** a fresh, provisioned site on the emulator */
  static async create(sp: LocalSharePointForTests, now: string): Promise<SharePointSweepWorld> {
    const siteId = await sp.createSite();
    return new SharePointSweepWorld(sp, siteId, await provisionSchema(sp.graph, siteId), now);
  }

  instance(name: string): Instance {
    const sender = new ScriptedSender(this.clock);
    const make = (): Notifier =>
      createNotifier({
        notifications: this.repos.notifications,
        conversations: this.repos.conversations,
        sender,
        clock: this.clock,
        logger: quiet,
        instanceId: name,
        sleep: async () => {},
        settings: { leaseMs: LEASE_MS },
      });
    const instance: Instance = {
      sender,
      notifier: make(),
      state: createSweepState(),
      sweep: (options = {}) =>
        runSweep(
          {
            repos: this.repos,
            clock: this.clock,
            timeZone: STOCKHOLM,
            notifier: instance.notifier,
            messages: plainMessages,
            logger: quiet,
            unreadableRows: { clear: () => {}, list: () => [] },
            state: instance.state,
          },
          options,
        ),
      restart: () => {
        instance.notifier = make();
        instance.state = createSweepState();
      },
    };
    return instance;
  }

  async addInsats(overrides: Partial<NewIntervention> = {}): Promise<Intervention> {
    return this.repos.interventions.create(newIntervention(overrides));
  }

  async addPerson(aadObjectId: string, name: string, role: 'Projektledare' | 'Ekonom', interventionId: string | null) {
    await this.repos.roleAssignments.create({
      name,
      aadObjectId,
      email: null,
      role,
      memberOrgId: null,
      interventionId,
      validFrom: null,
      validTo: null,
    });
    await this.repos.conversations.upsert({
      title: name,
      key: aadObjectId,
      scope: 'personal',
      reference: { serviceUrl: 'https://smba.example/', conversation: { id: `a:${aadObjectId}` } },
      active: true,
    });
  }

  /** what the kansli does in the list form: PATCH the item's fields through Graph */
  async editInSharePoint(list: ListKey, itemId: string, fields: Record<string, unknown>): Promise<void> {
    await this.sp.graph.patch(`/sites/${this.siteId}/lists/${this.listIds[list]}/items/${itemId}/fields`, fields);
  }

  async periodKeys(interventionId: string): Promise<string[]> {
    return (await this.repos.requisitions.listByIntervention(interventionId))
      .map((row) => `${row.periodKey} ${row.status}`)
      .sort();
  }
}
