/**
 * A förbund in memory for sweep tests: the in-memory repositories, a FixedClock, the real
 * notifier (outbox) with a scripted Teams sender, and a plain-text InvoicingMessages, so a test
 * sees exactly which messages reached whom. NOVA runs all of 2027 with Emma Ström as
 * projektledare; Mattias Ekholm is the ekonom; both have a chat with the bot.
 */
import { FixedClock } from '../../../../src/domain/clock.ts';
import type { Intervention, NewIntervention } from '../../../../src/domain/entities/intervention.ts';
import type { Requisition } from '../../../../src/domain/entities/requisition.ts';
import type { InvoicingMessages } from '../../../../src/services/invoicing/invoicing-deps.ts';
import { createNotifier, type Notifier } from '../../../../src/services/notifications/create-notifier.ts';
import type { NotifierLogger } from '../../../../src/services/notifications/notifier-deps.ts';
import { runSweep, type SweepOptions, type SweepReport } from '../../../../src/services/sweep/run-sweep.ts';
import { createSweepState, type SweepDeps, type SweepState } from '../../../../src/services/sweep/sweep-deps.ts';
import { createInMemoryRepositories, type InMemoryRepositories } from '../../../fakes/in-memory-repositories.ts';
import { EMPTY_APPLICATION_TEXTS } from '../../../fixtures/interventions.ts';
import { ScriptedSender } from '../notifications/scripted-sender.ts';

export const EMMA = '177b73fb-9471-586a-8734-7a3f7a305478';
export const MATTIAS = '488a44b4-dae5-5fae-b389-9d95b445f34b';
export const SOFIA = 'd0e0706b-ead9-5c57-b832-0750d1d351a5';
export const STOCKHOLM = 'Europe/Stockholm';
/** the notifier's lease: a row claimed by a process that died is sent after this */
export const LEASE_MS = 120_000;

const quiet: NotifierLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** every message as one line: `<kind> <PeriodKey> <working days left>` */
export const plainMessages: InvoicingMessages = {
  requisitionMessage: ({ kind, view, workingDaysLeft }) => ({
    text: `${kind} ${view.periodKey}${workingDaysLeft === undefined ? '' : ` ${workingDaysLeft}`}`,
  }),
};

export function newIntervention(overrides: Partial<NewIntervention> = {}): NewIntervention {
  return {
    title: 'NOVA – vägen tillbaka',
    code: 'NOVA',
    kind: 'Individinriktad',
    stage: 'Pågående',
    ownerOrgId: null,
    partnerOrgIds: [],
    projectLeaderAadId: EMMA,
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    grantedAmount: 1_065_500,
    decisionDate: '2026-11-20',
    decisionRef: '§ 42',
    diaryNumber: null,
    followUpRegistered: true,
    ...EMPTY_APPLICATION_TEXTS,
    ...overrides,
  };
}

export type Delivered = { readonly to: string; readonly text: string };

export class SweepWorld {
  readonly clock: FixedClock;
  readonly repos: InMemoryRepositories = createInMemoryRepositories();
  readonly sender: ScriptedSender;
  notifier: Notifier;
  /** one per process: a test that "restarts" the app makes a new one */
  state: SweepState = createSweepState();

  constructor(now: string) {
    this.clock = new FixedClock(now);
    this.sender = new ScriptedSender(this.clock);
    this.notifier = this.newNotifier();
  }

  /** NOVA, its projektledare and an ekonom, both with a chat with the bot */
  static async withNova(now: string, overrides: Partial<NewIntervention> = {}): Promise<SweepWorld> {
    const world = new SweepWorld(now);
    await world.addInsats(overrides);
    await world.addPerson(EMMA, 'Emma Ström', 'Projektledare');
    await world.addPerson(MATTIAS, 'Mattias Ekholm', 'Ekonom');
    return world;
  }

  newNotifier(): Notifier {
    return createNotifier({
      notifications: this.repos.notifications,
      conversations: this.repos.conversations,
      sender: this.sender,
      clock: this.clock,
      logger: quiet,
      instanceId: 'test',
      sleep: async (ms) => this.clock.advance(ms),
      settings: { leaseMs: LEASE_MS },
    });
  }

  async addInsats(overrides: Partial<NewIntervention> = {}): Promise<Intervention> {
    return this.repos.interventions.create(newIntervention(overrides));
  }

  /** a role (insats roles for NOVA) and, unless told otherwise, a chat with the bot */
  async addPerson(
    aadObjectId: string,
    name: string,
    role: 'Projektledare' | 'Ekonom',
    options: { conversation?: boolean } = {},
  ): Promise<void> {
    const nova = await this.repos.interventions.findByCode('NOVA');
    await this.repos.roleAssignments.create({
      name,
      aadObjectId,
      email: null,
      role,
      memberOrgId: null,
      interventionId: role === 'Projektledare' ? (nova?.id ?? null) : null,
      validFrom: null,
      validTo: null,
    });
    if (options.conversation ?? true) {
      await this.openChat(aadObjectId);
    }
  }

  async openChat(aadObjectId: string): Promise<void> {
    await this.repos.conversations.upsert({
      title: aadObjectId,
      key: aadObjectId,
      scope: 'personal',
      reference: { serviceUrl: 'https://smba.example/', conversation: { id: `a:${aadObjectId}` } },
      active: true,
    });
  }

  deps(): SweepDeps {
    return {
      repos: this.repos,
      clock: this.clock,
      timeZone: STOCKHOLM,
      notifier: this.notifier,
      messages: plainMessages,
      logger: quiet,
      unreadableRows: { clear: () => {}, list: () => [] },
      state: this.state,
    };
  }

  sweep(options: SweepOptions = {}): Promise<SweepReport> {
    return runSweep(this.deps(), options);
  }

  /** sweeps at `instant` */
  sweepAt(instant: string, options: SweepOptions = {}): Promise<SweepReport> {
    this.clock.set(instant);
    return this.sweep(options);
  }

  /** what reached Teams, in order: recipient (by conversation) and text */
  delivered(): Delivered[] {
    return this.sender.delivered().map((record) => ({
      to: String((record.reference as { conversation: { id: string } }).conversation.id).replace(/^a:/, ''),
      text: record.message.text ?? '',
    }));
  }

  async rows(code = 'NOVA'): Promise<Requisition[]> {
    const insats = await this.repos.interventions.findByCode(code);
    return insats === null ? [] : this.repos.requisitions.listByIntervention(insats.id);
  }

  async row(periodKey: string): Promise<Requisition> {
    const row = await this.repos.requisitions.findByPeriodKey(periodKey);
    if (row === null) {
      throw new Error(`no row ${periodKey}`);
    }
    return row;
  }
}

/** every line and problem of a report, for `toContain` checks */
export function textOf(report: SweepReport): string {
  return [
    ...report.settingsProblems,
    ...report.steps.flatMap((step) => [...step.lines, ...step.problems, step.error ?? '']),
  ].join('\n');
}
