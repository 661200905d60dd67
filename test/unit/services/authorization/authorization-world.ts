/**
 * A small förbund in memory for the authorization matrix's suite: three member organisations,
 * two insatser — ALFA (the one acted on, owned by Org A with Org B as partner) and BETA (another
 * one, Org C) — and one person per matrix column holding only that role: the per-insats roles
 * (styrgrupp, projektledare, projektägare) once for ALFA ("own") and once for BETA ("other"),
 * the board with seats for their organisations, a firmatecknare for Org A, and someone with no
 * role at all. A second styrgrupp member, beredningsgrupp member and firmatecknare make sure one
 * vote never decides a matter on its own.
 *
 * Every use case gets its real deps; notifications go through the real outbox to a scripted
 * Teams sender, so "nothing stored" covers the outbox too.
 */
import { PDFDocument } from 'pdf-lib';
import { applicationDetailsSchema } from '../../../../src/domain/application/application-details.ts';
import { type Column, NO_ROLE, PER_INSATS_COLUMNS } from '../../../../src/domain/authorization/authorization-matrix.ts';
import { FixedClock } from '../../../../src/domain/clock.ts';
import type { Approval, NewApproval } from '../../../../src/domain/entities/approval.ts';
import type { Intervention, NewIntervention } from '../../../../src/domain/entities/intervention.ts';
import type { NewRequisition, Requisition } from '../../../../src/domain/entities/requisition.ts';
import type { Actor } from '../../../../src/domain/lifecycle/actor.ts';
import type { ApprovalStage, Role } from '../../../../src/domain/vocabulary.ts';
import type { ApprovalDeps } from '../../../../src/services/approvals/approval-deps.ts';
import type { CalendarFeedDeps } from '../../../../src/services/calendar-feed/calendar-feed-deps.ts';
import type { InvoicingDeps } from '../../../../src/services/invoicing/invoicing-deps.ts';
import { createNotifier } from '../../../../src/services/notifications/create-notifier.ts';
import type { NotifierLogger } from '../../../../src/services/notifications/notifier-deps.ts';
import { actorOf } from '../../../../src/services/register/load-actor.ts';
import type { RegisterDeps } from '../../../../src/services/register/register-deps.ts';
import { createInMemoryRepositories, type InMemoryRepositories } from '../../../fakes/in-memory-repositories.ts';
import { EMPTY_APPLICATION_TEXTS } from '../../../fixtures/interventions.ts';
import { ScriptedSender } from '../notifications/scripted-sender.ts';

export const NOW = '2027-03-01T08:00:00Z';
const STOCKHOLM = 'Europe/Stockholm';

/** `own`: the per-insats role is held for ALFA; `other`: for BETA (acting on ALFA all the same) */
export type Where = 'own' | 'other';

/** deterministic GUIDs per column and place */
export function personId(column: Column, where: Where = 'own'): string {
  const index = [
    'Förbundschef',
    'Ekonom',
    'Processledare',
    'Nämndsekreterare',
    'Ordförande',
    'Styrelseledamot',
    'Styrelseersättare',
    'Beredningsgrupp',
    'Styrgrupp',
    'Projektledare',
    'Projektägare',
    'Firmatecknare',
    NO_ROLE,
  ].indexOf(column);
  const n = (index + 1 + (where === 'other' ? 50 : 0)).toString(16).padStart(12, '0');
  return `a0a0a0a0-0000-4000-8000-${n}`;
}

/** helpers who are not columns: they set the scene (register an invoice, sit beside a voter) */
export const HELPERS = {
  registrant: 'b0b0b0b0-0000-4000-8000-000000000001',
  reviewer: 'b0b0b0b0-0000-4000-8000-000000000002',
  styrgrupp2: 'b0b0b0b0-0000-4000-8000-000000000003',
  bered2: 'b0b0b0b0-0000-4000-8000-000000000004',
  firma2: 'b0b0b0b0-0000-4000-8000-000000000005',
  requester: 'b0b0b0b0-0000-4000-8000-000000000006',
} as const;

const quiet: NotifierLogger = { info: () => {}, warn: () => {}, error: () => {} };

export type Snapshot = {
  readonly tables: string;
  readonly settings: string;
  readonly auditRows: number;
};

export class AuthorizationWorld {
  readonly clock = new FixedClock(NOW);
  readonly repos: InMemoryRepositories = createInMemoryRepositories();
  readonly sender = new ScriptedSender(this.clock);
  readonly errors: string[] = [];
  orgs = { A: '', B: '', C: '' };
  alfa!: Intervention;
  beta!: Intervention;

  private readonly notifier = createNotifier({
    notifications: this.repos.notifications,
    conversations: this.repos.conversations,
    sender: this.sender,
    clock: this.clock,
    logger: quiet,
    instanceId: 'test',
    sleep: async (ms) => this.clock.advance(ms),
  });

  static async create(alfa: Partial<NewIntervention> = {}): Promise<AuthorizationWorld> {
    const world = new AuthorizationWorld();
    await world.seed(alfa);
    return world;
  }

  private readonly logger = {
    info: () => {},
    warn: () => {},
    error: (_payload: object, message: string) => {
      this.errors.push(message);
    },
  };

  register(): RegisterDeps {
    return {
      repos: this.repos,
      clock: this.clock,
      timeZone: STOCKHOLM,
      unreadableRows: { clear: () => undefined, list: () => [] },
    };
  }

  approvals(): ApprovalDeps {
    return {
      repos: this.repos,
      clock: this.clock,
      timeZone: STOCKHOLM,
      notifier: this.notifier,
      messages: { approvalMessage: ({ kind, view }) => ({ text: `${kind} ${view.approvalId}` }) },
      logger: this.logger,
    };
  }

  invoicing(): InvoicingDeps {
    return {
      repos: this.repos,
      clock: this.clock,
      timeZone: STOCKHOLM,
      notifier: this.notifier,
      messages: { requisitionMessage: ({ kind, view }) => ({ text: `${kind} ${view.periodKey}` }) },
      logger: this.logger,
    };
  }

  settings(): { repos: InMemoryRepositories; clock: FixedClock } {
    return { repos: this.repos, clock: this.clock };
  }

  calendar(): CalendarFeedDeps {
    return { repos: this.repos, clock: this.clock, timeZone: STOCKHOLM, secret: 'x'.repeat(40) };
  }

  botQueries() {
    return { ...this.repos, clock: this.clock, timeZone: STOCKHOLM };
  }

  /** the person as the services read them from RoleAssignments */
  actor(id: string): Promise<Actor> {
    return actorOf(this.register(), id);
  }

  private async seed(alfa: Partial<NewIntervention>): Promise<void> {
    for (const key of ['A', 'B', 'C'] as const) {
      const member = await this.repos.members.create({
        name: `Organisation ${key}`,
        orgType: 'Kommun',
        financingSharePct: null,
        active: true,
      });
      this.orgs[key] = member.id;
    }
    this.alfa = await this.repos.interventions.create(
      intervention('ALFA', { ownerOrgId: this.orgs.A, partnerOrgIds: [this.orgs.B], ...alfa }),
    );
    this.beta = await this.repos.interventions.create(intervention('BETA', { ownerOrgId: this.orgs.C }));
    for (const category of ['Personal', 'Lokaler'] as const) {
      for (const interventionId of [this.alfa.id, this.beta.id]) {
        await this.repos.budgetLines.create({ interventionId, year: 2027, category, amount: 100_000 });
      }
    }
    const boardOrg: Partial<Record<Role, string>> = {
      Ordförande: this.orgs.A,
      Styrelseledamot: this.orgs.B,
      Styrelseersättare: this.orgs.B,
      Firmatecknare: this.orgs.A,
    };
    for (const role of [
      'Förbundschef',
      'Ekonom',
      'Processledare',
      'Nämndsekreterare',
      'Ordförande',
      'Styrelseledamot',
      'Styrelseersättare',
      'Beredningsgrupp',
      'Firmatecknare',
    ] as const) {
      await this.role(personId(role), role, { org: boardOrg[role] ?? null });
    }
    for (const column of PER_INSATS_COLUMNS) {
      const role = column as Role;
      await this.role(personId(column, 'own'), role, { insats: this.alfa.id });
      await this.role(personId(column, 'other'), role, { insats: this.beta.id });
    }
    await this.role(HELPERS.styrgrupp2, 'Styrgrupp', { insats: this.alfa.id });
    await this.role(HELPERS.bered2, 'Beredningsgrupp', {});
    await this.role(HELPERS.firma2, 'Firmatecknare', { org: this.orgs.B });
    await this.role(HELPERS.registrant, 'Processledare', {});
    await this.role(HELPERS.reviewer, 'Ekonom', {});
    await this.role(HELPERS.requester, 'Processledare', {});
  }

  private async role(aadObjectId: string, role: Role, where: { insats?: string; org?: string | null }) {
    await this.repos.roleAssignments.create({
      name: `${role} ${aadObjectId.slice(-4)}`,
      aadObjectId,
      email: null,
      role,
      memberOrgId: where.org ?? null,
      interventionId: where.insats ?? null,
      validFrom: null,
      validTo: null,
    });
  }

  async setAlfa(patch: Partial<NewIntervention>): Promise<void> {
    this.alfa = await this.repos.interventions.update(this.alfa.id, patch);
  }

  /** ALFA as a complete application draft, ready to be submitted */
  async completeApplication(): Promise<void> {
    await this.setAlfa({
      stage: 'Ansökan',
      kind: 'Strukturell',
      grantedAmount: null,
      decisionDate: null,
      decisionRef: null,
      purpose: 'p',
      background: 'b',
      targetGroup: 't',
      methods: 'm',
      staffing: 's',
      anchoring: 'a',
      implementationPlan: 'i',
      applicationDetails: applicationDetailsSchema.parse({
        goals: [
          { kind: 'Insatsmål', text: 'x', indicator: 'x', targetWomen: 1, targetMen: 1, date: '2027-12-31' },
          { kind: 'Nyttomål', text: 'x', indicator: 'x', targetWomen: 1, targetMen: 1, date: '2027-12-31' },
        ],
        targetGroup: { criteria: 'k', estimatedCount: 10 },
        signatories: [
          { memberOrgId: this.orgs.A, name: 'A', title: 'T' },
          { memberOrgId: this.orgs.B, name: 'B', title: 'T' },
        ],
        criteria: {
          applicantHasMandate: true,
          twoMembersSign: true,
          ownerAmongApplicants: true,
          individualPerspective: true,
          individualPerspectiveStatement: 's',
        },
      }),
    });
  }

  /** an open approval about ALFA at one stage, as the kansli might type it (approvers read when it is used) */
  approval(stage: ApprovalStage, overrides: Partial<NewApproval> = {}): Promise<Approval> {
    const subject =
      stage === 'Firmatecknare'
        ? 'Samarbetsavtal'
        : stage === 'Styrgrupp' || stage === 'Förbundschef'
          ? 'Planändring'
          : 'Ansökan';
    const rule = {
      Styrgrupp: 'Alla',
      Förbundschef: 'Först svarande',
      Beredningsgrupp: 'Majoritet',
      Styrelse: 'En per medlemsorganisation',
      Firmatecknare: 'Alla',
    } as const;
    return this.repos.approvals.create({
      title: `${subject} ALFA`,
      interventionId: this.alfa.id,
      subject,
      stage,
      rule: rule[stage],
      status: 'Pågår',
      dueDate: '2027-03-20',
      requestedByAadId: HELPERS.requester,
      amount: null,
      payload: null,
      previousId: null,
      ...overrides,
    });
  }

  /** ALFA's first quarter in a status, with the AuditLog rows that say who registered and reviewed it */
  async requisition(
    status: NewRequisition['status'],
    by: { registeredBy?: string; reviewedBy?: string } = {},
  ): Promise<Requisition> {
    const registered = status !== 'Förväntad';
    const row = await this.repos.requisitions.create({
      interventionId: this.alfa.id,
      year: 2027,
      quarter: 1,
      periodKey: 'ALFA-2027-Q1',
      dueDate: '2027-04-30',
      status,
      amount: registered ? 1000 : null,
      specification: registered ? { Personal: 1000 } : null,
      receivedDate: registered ? '2027-02-20' : null,
      invoiceNumber: registered ? 'F-1' : null,
    });
    const entry = (action: string, actorAadId: string) =>
      this.repos.auditLog.append({
        at: '2027-02-20T10:00:00Z',
        actorAadId,
        action,
        entityList: 'Requisitions',
        entityId: row.id,
        details: { periodKey: row.periodKey },
      });
    if (registered) {
      await entry('rekvisition.registrerad', by.registeredBy ?? HELPERS.registrant);
    }
    if (status === 'Granskad' || status === 'Attesterad') {
      await entry('rekvisition.granskad', by.reviewedBy ?? HELPERS.reviewer);
    }
    return row;
  }

  private pdf: Uint8Array | null = null;

  /** a one-page PDF, as a scanned signed agreement would be */
  async signedPdf(): Promise<Uint8Array> {
    if (this.pdf === null) {
      const document = await PDFDocument.create();
      document.addPage([595, 842]).drawText('Samarbetsavtal ALFA – undertecknat', { x: 50, y: 780 });
      this.pdf = await document.save();
    }
    return this.pdf;
  }

  /** everything stored but the AuditLog, and how many AuditLog rows there are */
  snapshot(): Snapshot {
    const r = this.repos;
    return {
      tables: JSON.stringify([
        r.members.table.all(),
        r.roleAssignments.table.all(),
        r.interventions.table.all(),
        r.budgetLines.table.all(),
        r.requisitions.table.all(),
        r.approvals.table.all(),
        r.votes.table.all(),
        r.notifications.table.all(),
        r.conversations.table.all(),
        r.meetings.table.all(),
        r.agreements.all(),
      ]),
      settings: JSON.stringify([...r.settings.values.entries()]),
      auditRows: r.auditLog.table.all().length,
    };
  }

  auditSince(snapshot: Snapshot) {
    return this.repos.auditLog.table.all().slice(snapshot.auditRows);
  }
}

function intervention(code: string, overrides: Partial<NewIntervention>): NewIntervention {
  return {
    title: `${code} – en insats`,
    code,
    kind: 'Individinriktad',
    stage: 'Pågående',
    ownerOrgId: null,
    partnerOrgIds: [],
    projectLeaderAadId: null,
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    grantedAmount: 200_000,
    decisionDate: '2026-11-20',
    decisionRef: '§ 42',
    diaryNumber: `SFV 2026/0${code === 'ALFA' ? '01' : '02'}`,
    followUpRegistered: true,
    ...EMPTY_APPLICATION_TEXTS,
    ...overrides,
  };
}
