/**
 * A small förbund in memory for the approval use cases: three member organisations with a ledamot
 * and an ersättare each on the board, a beredningsgrupp of three, NOVA (Pågående) with a styrgrupp
 * of three and a 2027 budget of 1 000 000 kr, Karin Vallgren as förbundschef, Sofia Lindahl as
 * processledare, Emma Ström as NOVA's projektledare. Everyone has a chat with the bot.
 *
 * The real notifier (outbox) runs on a scripted Teams sender, and the messages are plain JSON of
 * what each recipient was shown, so a test sees who got which card, reminder or update.
 */
import { FixedClock } from '../../../../src/domain/clock.ts';
import type { Approval, NewApproval } from '../../../../src/domain/entities/approval.ts';
import type { Intervention, NewIntervention } from '../../../../src/domain/entities/intervention.ts';
import type { Role } from '../../../../src/domain/vocabulary.ts';
import type { ApprovalDeps, ApprovalMessages } from '../../../../src/services/approvals/approval-deps.ts';
import { createNotifier, type Notifier } from '../../../../src/services/notifications/create-notifier.ts';
import type { NotifierLogger } from '../../../../src/services/notifications/notifier-deps.ts';
import { createInMemoryRepositories, type InMemoryRepositories } from '../../../fakes/in-memory-repositories.ts';
import { EMPTY_APPLICATION_TEXTS } from '../../../fixtures/interventions.ts';
import { ScriptedSender } from '../notifications/scripted-sender.ts';

export const STOCKHOLM = 'Europe/Stockholm';

/** deterministic GUIDs: `p('anna')` */
export function p(name: string): string {
  const hex = [...name].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 0xffffffff, 7).toString(16);
  return `${hex.padStart(8, '0').slice(0, 8)}-0000-4000-8000-${hex.padStart(12, '0').slice(0, 12)}`;
}

export const KARIN = '4dc56134-bb48-5d37-b76d-b9a5c3b155d3';
export const SOFIA = 'd0e0706b-ead9-5c57-b832-0750d1d351a5';
export const EMMA = '177b73fb-9471-586a-8734-7a3f7a305478';
export const OUTSIDER = p('utomstående');

export const STYRGRUPP = [p('anna'), p('bo'), p('cecilia')] as const;
export const BEREDNING = [p('dora'), p('erik'), p('frida')] as const;
/** per organisation: [ledamot, ersättare] */
export const BOARD = {
  FK: [p('gustav'), p('hanna')],
  REGION: [p('gunilla'), p('henrik')],
  VAXJO: [p('ivar'), p('julia')],
} as const;

export type Shown = {
  readonly kind: string;
  readonly approvalId: string;
  readonly status: string;
  readonly stage: string;
  readonly awaited: boolean;
  readonly myVote: string | null;
};

const quiet: NotifierLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** what each recipient was shown, as JSON text */
export const jsonMessages: ApprovalMessages = {
  approvalMessage: ({ kind, view }) => ({
    text: JSON.stringify({
      kind,
      approvalId: view.approvalId,
      status: view.status,
      stage: view.stage,
      awaited: view.viewer.awaited,
      myVote: view.viewer.myVote?.decision ?? null,
    } satisfies Shown),
  }),
};

export class ApprovalWorld {
  readonly clock: FixedClock;
  readonly repos: InMemoryRepositories = createInMemoryRepositories();
  readonly sender: ScriptedSender;
  readonly notifier: Notifier;
  readonly errors: Array<{ payload: object; message: string }> = [];
  orgs: Record<'FK' | 'REGION' | 'VAXJO', string> = { FK: '', REGION: '', VAXJO: '' };
  nova!: Intervention;

  constructor(now: string) {
    this.clock = new FixedClock(now);
    this.sender = new ScriptedSender(this.clock);
    this.repos.votes.now = () =>
      this.clock
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
    this.notifier = createNotifier({
      notifications: this.repos.notifications,
      conversations: this.repos.conversations,
      sender: this.sender,
      clock: this.clock,
      logger: quiet,
      instanceId: 'test',
      sleep: async (ms) => this.clock.advance(ms),
    });
  }

  /** Monday 2027-03-01 09:00 in Stockholm unless told otherwise */
  static async create(now = '2027-03-01T08:00:00Z', nova: Partial<NewIntervention> = {}): Promise<ApprovalWorld> {
    const world = new ApprovalWorld(now);
    await world.seed(nova);
    return world;
  }

  deps(overrides: Partial<ApprovalDeps> = {}): ApprovalDeps {
    return {
      repos: this.repos,
      clock: this.clock,
      timeZone: STOCKHOLM,
      notifier: this.notifier,
      messages: jsonMessages,
      logger: {
        info: () => {},
        warn: () => {},
        error: (payload, message) => {
          this.errors.push({ payload, message });
        },
      },
      tabUrl: (id) => `https://insatsnavet.example/?insats=${id}`,
      ...overrides,
    };
  }

  private async seed(nova: Partial<NewIntervention>): Promise<void> {
    for (const key of ['FK', 'REGION', 'VAXJO'] as const) {
      const member = await this.repos.members.create({
        name: { FK: 'Försäkringskassan', REGION: 'Region Kronoberg', VAXJO: 'Växjö kommun' }[key],
        orgType: key === 'FK' ? 'Stat' : key === 'REGION' ? 'Region' : 'Kommun',
        financingSharePct: null,
        active: true,
      });
      this.orgs[key] = member.id;
    }
    this.nova = await this.repos.interventions.create({
      title: 'NOVA – vägen tillbaka',
      code: 'NOVA',
      kind: 'Individinriktad',
      stage: 'Pågående',
      ownerOrgId: this.orgs.FK,
      partnerOrgIds: [this.orgs.REGION],
      projectLeaderAadId: EMMA,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      grantedAmount: 1_000_000,
      decisionDate: '2026-11-20',
      decisionRef: '§ 42',
      diaryNumber: null,
      followUpRegistered: true,
      ...EMPTY_APPLICATION_TEXTS,
      ...nova,
    });
    for (const [category, amount] of [
      ['Personal', 600_000],
      ['Lokaler', 100_000],
      ['Övrigt', 300_000],
    ] as const) {
      await this.repos.budgetLines.create({ interventionId: this.nova.id, year: 2027, category, amount });
    }
    await this.person(KARIN, 'Karin Vallgren', 'Förbundschef');
    await this.person(SOFIA, 'Sofia Lindahl', 'Processledare');
    await this.person(EMMA, 'Emma Ström', 'Projektledare', { insats: this.nova.id });
    await this.person(OUTSIDER, 'Otto Utomstående', 'Projektledare', { insats: '999' });
    for (const [index, id] of STYRGRUPP.entries()) {
      await this.person(id, ['Anna Styr', 'Bo Styr', 'Cecilia Styr'][index] ?? '', 'Styrgrupp', {
        insats: this.nova.id,
      });
    }
    for (const [index, id] of BEREDNING.entries()) {
      await this.person(id, ['Dora Bered', 'Erik Bered', 'Frida Bered'][index] ?? '', 'Beredningsgrupp');
    }
    const names = { FK: ['Gustav', 'Hanna'], REGION: ['Gunilla', 'Henrik'], VAXJO: ['Ivar', 'Julia'] };
    for (const key of ['FK', 'REGION', 'VAXJO'] as const) {
      const [ledamot, ersattare] = BOARD[key];
      await this.person(ledamot, `${names[key][0]} Ledamot`, 'Styrelseledamot', { org: this.orgs[key] });
      await this.person(ersattare, `${names[key][1]} Ersättare`, 'Styrelseersättare', { org: this.orgs[key] });
    }
  }

  async person(
    aadObjectId: string,
    name: string,
    role: Role,
    options: { insats?: string; org?: string; validTo?: string } = {},
  ): Promise<void> {
    await this.repos.roleAssignments.create({
      name,
      aadObjectId,
      email: null,
      role,
      memberOrgId: options.org ?? null,
      interventionId: options.insats ?? null,
      validFrom: null,
      validTo: options.validTo ?? null,
    });
    await this.repos.conversations.upsert({
      title: name,
      key: aadObjectId,
      scope: 'personal',
      reference: { serviceUrl: 'https://smba.example/', conversation: { id: `a:${aadObjectId}` } },
      active: true,
    });
  }

  /** a row as the kansli might type it into SharePoint */
  async typedRow(overrides: Partial<NewApproval> = {}): Promise<Approval> {
    return this.repos.approvals.create({
      title: 'Planändring NOVA – ny målgrupp',
      interventionId: this.nova.id,
      subject: 'Planändring',
      stage: 'Styrgrupp',
      rule: 'Alla',
      status: 'Pågår',
      dueDate: null,
      requestedByAadId: SOFIA,
      amount: null,
      payload: null,
      previousId: null,
      ...overrides,
    });
  }

  /** every message Teams accepted for one person, parsed */
  shownTo(aadObjectId: string): Shown[] {
    return this.sender
      .delivered()
      .filter((record) => conversationOf(record.reference) === `a:${aadObjectId}`)
      .map((record) => JSON.parse(record.message.text ?? '{}') as Shown);
  }

  /** every card update Teams accepted for one person, parsed */
  updatesTo(aadObjectId: string): Shown[] {
    return this.sender.updates
      .filter((record) => record.outcome.ok && conversationOf(record.reference) === `a:${aadObjectId}`)
      .map((record) => JSON.parse(record.message.text ?? '{}') as Shown);
  }

  async audit(action: string): Promise<Array<{ actorAadId: string; entityId: string; details: unknown }>> {
    return (await this.repos.auditLog.listSince('2000-01-01T00:00:00Z')).filter((entry) => entry.action === action);
  }

  async budget(): Promise<Record<string, number>> {
    const lines = await this.repos.budgetLines.listByIntervention(this.nova.id);
    return Object.fromEntries(lines.filter((line) => line.year === 2027).map((line) => [line.category, line.amount]));
  }

  async approvals(): Promise<Approval[]> {
    return this.repos.approvals.listByIntervention(this.nova.id);
  }
}

function conversationOf(reference: unknown): string | null {
  const conversation =
    typeof reference === 'object' && reference !== null ? Reflect.get(reference, 'conversation') : null;
  const id = typeof conversation === 'object' && conversation !== null ? Reflect.get(conversation, 'id') : null;
  return typeof id === 'string' ? id : null;
}

/** a minor move: 40 000 kr (4 % of 1 000 000) from Övrigt to Personal */
export const MINOR_CHANGE = {
  insats: 'NOVA',
  subject: 'Budgetändring',
  summary: 'Mer handledning under våren.',
  change: { year: 2027, moves: [{ from: 'Övrigt', to: 'Personal', amount: 40_000 }], motivering: 'Handledning' },
} as const;

/** a major move: 150 000 kr (15 %) */
export const MAJOR_CHANGE = {
  ...MINOR_CHANGE,
  change: { year: 2027, moves: [{ from: 'Övrigt', to: 'Personal', amount: 150_000 }], motivering: 'Ny tjänst' },
} as const;
