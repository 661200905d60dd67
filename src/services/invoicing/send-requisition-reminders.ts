/**
 * The sweep's second step (issue 5 item 3): reminders to the projektledare 10, 5 and 1 working
 * days before an invoice is due, and once it is overdue an escalation to the ekonom and a notice
 * to the projektledare — each exactly once, through the outbox.
 *
 * One indexed query finds the work: the Förväntad rows due by the furthest reminder day
 * (Status + DueDate). A registered invoice (Inkommen, whether through the card or typed into
 * SharePoint) no longer matches, so its reminders stop by construction. What to send for each
 * row is the pure planner's answer for this instant; "once" is the outbox's unique Notifications
 * Key. Keys:
 *   req:<PeriodKey>:T-<n>         reminder n working days before the due day (projektledare)
 *   req:<PeriodKey>:SEN           overdue notice (projektledare)
 *   req:<PeriodKey>:ESK           escalation, when the förbund has one ekonom
 *   req:<PeriodKey>:ESK:<aad id>  escalation to each ekonom, when it has several
 * (Should the number of ekonomer change between 1 and more while an invoice is overdue, the
 * key changes with it and the escalation may be sent once more under the new key.)
 *
 * Overdue rows keep matching the query until the invoice comes in, so every minute would claim
 * their keys again. The process remembers the keys it has seen claimed (`claimedKeys`) and skips
 * them without a request; a new process asks the outbox once per key. Several instances each do
 * this once, and the unique Key still lets only one of them send.
 *
 * Someone the bot has no conversation with yet gets their row marked Misslyckad by the outbox.
 * That key is not forgotten: while the message is still due, each sweep checks whether the person
 * has since opened a chat with the bot and then hands the row back to the outbox.
 */

import { isAppError } from '../../domain/app-error.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDay } from '../../domain/calendar/working-days.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Notification } from '../../domain/entities/notification.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';
import { formatDate } from '../../domain/format.ts';
import type { InvoicingSettings } from '../../domain/invoicing/invoicing-settings.ts';
import { isQuarterNumber, quarterPeriodText } from '../../domain/invoicing/quarters.ts';
import { escalationKey, planReminders, type ReminderAction } from '../../domain/invoicing/reminder-plan.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import type { RoleAssignmentRepository } from '../../domain/ports/role-assignment-repository.ts';
import type { NotificationKind } from '../../domain/vocabulary.ts';
import { isRoleInForce } from '../bot-queries/role-validity.ts';
import { NOT_INSTALLED_ERROR } from '../notifications/deliver-notification.ts';
import { toStoredInstant } from '../notifications/notifier-deps.ts';
import type { InvoicingDeps, RequisitionMessageKind } from './invoicing-deps.ts';
import { buildRequisitionView, type RequisitionViewDeps } from './requisition-view.ts';

export type ReminderDeps = Pick<InvoicingDeps, 'clock' | 'timeZone' | 'messages' | 'logger'> & {
  readonly repos: Pick<
    InvoicingDeps['repos'],
    'interventions' | 'requisitions' | 'budgetLines' | 'roleAssignments' | 'notifications'
  > &
    Pick<Repositories, 'conversations'>;
  readonly notifier: Pick<InvoicingDeps['notifier'], 'notify'>;
};

export type ReminderInput = {
  readonly now: Date;
  readonly settings: Pick<InvoicingSettings, 'reminderOffsets' | 'escalationOffset' | 'sendTime'>;
  /** the register as the sweep read it; rows of insatser not in it are looked up by id */
  readonly interventions?: ReadonlyMap<string, Intervention>;
  /** keys this process has seen claimed in the outbox; kept between sweeps, added to here */
  readonly claimedKeys: Set<string>;
};

export type ReminderResult = {
  /** Förväntad rows due by the furthest reminder day (what the indexed query returned) */
  readonly dueRows: number;
  readonly sent: number;
  /** claimed earlier, by this or another instance, or by an earlier run */
  readonly alreadyClaimed: number;
  /** claimed now but not delivered (no conversation, Teams refused): see Notifications */
  readonly notDelivered: number;
  /** claimed now and left to the outbox (paced, retrying) */
  readonly queued: number;
  readonly lines: string[];
  readonly problems: string[];
};

type Recipient = { readonly aadObjectId: string; readonly name: string };

type Delivery = {
  readonly key: string;
  readonly messageKind: RequisitionMessageKind;
  readonly recipient: Recipient;
};

type Tally = { sent: number; alreadyClaimed: number; notDelivered: number; queued: number };

const WHAT: Readonly<Record<RequisitionMessageKind, string>> = {
  reminder: 'påminnelsen',
  'overdue-projektledare': 'förseningsbeskedet',
  'overdue-ekonom': 'eskaleringen',
  'to-review': 'meddelandet',
  'to-attest': 'meddelandet',
  'to-pay': 'meddelandet',
  rejected: 'meddelandet',
};

export async function sendRequisitionReminders(deps: ReminderDeps, input: ReminderInput): Promise<ReminderResult> {
  const tally: Tally = { sent: 0, alreadyClaimed: 0, notDelivered: 0, queued: 0 };
  const lines: string[] = [];
  const problems: string[] = [];
  const { now, settings } = input;
  const today = formatDate(now, deps.timeZone);
  // Nothing is sent at night, at weekends or on holidays: then the sweep asks nothing at all.
  if (!isWorkingDay(today) || localMinutes(now, deps.timeZone) < minutesOf(settings.sendTime)) {
    return { dueRows: 0, ...tally, lines, problems };
  }
  const horizon = addWorkingDays(today, Math.max(0, ...settings.reminderOffsets));
  const rows = await deps.repos.requisitions.listByStatusDueBefore('Förväntad', horizon);
  const lookups = new PerRunLookups(deps, today, input.interventions);

  for (const row of rows) {
    const actions = planReminders({ requisition: row, now, timeZone: deps.timeZone, settings });
    if (actions.length === 0) {
      continue;
    }
    try {
      await remindAbout(deps, lookups, input, { row, today, actions }, tally, lines, problems);
    } catch (error) {
      // one row's failed read must not keep the other rows' reminders back; the next sweep retries
      deps.logger.error({ periodKey: row.periodKey, err: error }, 'requisition reminders not planned');
      problems.push(`Påminnelserna om ${row.periodKey} kunde inte skickas: ${messageOf(error)}`);
    }
  }
  return { dueRows: rows.length, ...tally, lines, problems };
}

async function remindAbout(
  deps: ReminderDeps,
  lookups: PerRunLookups,
  input: ReminderInput,
  due: { readonly row: Requisition; readonly today: string; readonly actions: readonly ReminderAction[] },
  tally: Tally,
  lines: string[],
  problems: string[],
): Promise<void> {
  const { row, today, actions } = due;
  const intervention = await lookups.intervention(row.interventionId);
  if (intervention === null) {
    problems.push(`${row.periodKey} hör till en insats som inte finns eller inte går att läsa – inget skickades`);
    return;
  }
  for (const action of actions) {
    // checked before the recipients are looked up: an overdue row costs no request at all
    if (input.claimedKeys.has(action.key)) {
      tally.alreadyClaimed += 1;
      continue;
    }
    const deliveries = await deliveriesFor(lookups, intervention, row, action, problems);
    for (const delivery of deliveries) {
      await deliver(deps, lookups, input, { intervention, row, today, delivery }, tally, lines, problems);
    }
    // with several ekonomer each has a key of their own; once all are claimed, so is the action
    if (deliveries.length > 0 && deliveries.every((delivery) => input.claimedKeys.has(delivery.key))) {
      input.claimedKeys.add(action.key);
    }
  }
}

async function deliveriesFor(
  lookups: PerRunLookups,
  intervention: Intervention,
  row: Requisition,
  action: ReminderAction,
  problems: string[],
): Promise<Delivery[]> {
  if (action.kind === 'overdue-ekonom') {
    const ekonomer = await lookups.ekonomer();
    if (ekonomer.length === 0) {
      problems.push(`Ingen ekonom finns i Roller – eskaleringen om ${row.periodKey} kunde inte skickas`);
      return [];
    }
    return ekonomer.map((recipient) => ({
      key: ekonomer.length === 1 ? action.key : `${escalationKey(row.periodKey)}:${recipient.aadObjectId}`,
      messageKind: 'overdue-ekonom',
      recipient,
    }));
  }
  const leader = await lookups.projectLeader(intervention);
  if (leader === null) {
    problems.push(
      `${intervention.code} har ingen projektledare – ${WHAT[action.kind]} om ${row.periodKey} kunde inte skickas`,
    );
    return [];
  }
  return [{ key: action.key, messageKind: action.kind, recipient: leader }];
}

type DeliveryContext = {
  readonly intervention: Intervention;
  readonly row: Requisition;
  readonly today: string;
  readonly delivery: Delivery;
};

async function deliver(
  deps: ReminderDeps,
  lookups: PerRunLookups,
  input: ReminderInput,
  context: DeliveryContext,
  tally: Tally,
  lines: string[],
  problems: string[],
): Promise<void> {
  const { row, delivery } = context;
  const { key, messageKind, recipient } = delivery;
  if (input.claimedKeys.has(key)) {
    tally.alreadyClaimed += 1;
    return;
  }
  const what = describe(messageKind, row, workingDaysBetween(context.today, row.dueDate));
  try {
    // One read instead of building a card (three reads) that the claim would then refuse.
    const existing = await deps.repos.notifications.findByKey(key);
    if (existing === null) {
      await claimAndSend(deps, lookups, input, context, { tally, lines, problems, what });
    } else if (isWaitingForConversation(existing)) {
      await rearmOnceReachable(deps, lookups, context, existing, { tally, lines, problems, what });
    } else {
      input.claimedKeys.add(key);
      tally.alreadyClaimed += 1;
    }
  } catch (error) {
    // Not marked as claimed: if the claim was made, the next sweep finds the row and leaves it
    // to the outbox (sent after its lease); if not, the next sweep tries again.
    deps.logger.error({ key, err: error }, 'requisition reminder not sent');
    problems.push(
      `${WHAT[messageKind]} om ${row.periodKey} till ${recipient.name} kunde inte skickas: ${messageOf(error)}`,
    );
  }
}

type Report = { readonly tally: Tally; readonly lines: string[]; readonly problems: string[]; readonly what: string };

async function claimAndSend(
  deps: ReminderDeps,
  lookups: PerRunLookups,
  input: ReminderInput,
  context: DeliveryContext,
  report: Report,
): Promise<void> {
  const { intervention, row, delivery } = context;
  const { key, messageKind, recipient } = delivery;
  const { tally, lines, problems, what } = report;
  const result = await deps.notifier.notify({
    key,
    kind: notificationKindOf(messageKind),
    title: titleOf(messageKind, row, intervention),
    recipientAadId: recipient.aadObjectId,
    message: await messageFor(deps, lookups, context),
  });
  // whatever the outcome, the key is claimed now: this process need not ask again, except for
  // someone the bot cannot reach yet (below), whom each sweep looks for again
  switch (result.outcome) {
    case 'sent':
      input.claimedKeys.add(key);
      tally.sent += 1;
      lines.push(`${what} skickad till ${recipient.name}`);
      return;
    case 'duplicate':
      input.claimedKeys.add(key);
      tally.alreadyClaimed += 1;
      return;
    case 'failed': {
      tally.notDelivered += 1;
      if (isWaitingForConversation(result.notification)) {
        problems.push(notReachable(recipient, messageKind, row));
        return;
      }
      input.claimedKeys.add(key);
      problems.push(
        `${recipient.name} kunde inte nås: ${result.notification.lastError ?? 'okänt fel'} – ${WHAT[messageKind]} om ${row.periodKey} skickades inte (se listan Utskick)`,
      );
      return;
    }
    case 'rescheduled':
    case 'scheduled':
    case 'lease-lost':
      input.claimedKeys.add(key);
      tally.queued += 1;
      lines.push(`${what} till ${recipient.name} ligger i utkorgen och skickas strax`);
      return;
  }
}

/**
 * The key was claimed while the bot had no conversation with the recipient, so the outbox marked
 * it Misslyckad. While the planner still wants this message, each sweep looks again; once the
 * person has opened a chat with the bot, the row is handed back to the outbox (Väntar, due now)
 * with a fresh card, and the outbox sends it — still under the same key, so only once.
 */
async function rearmOnceReachable(
  deps: ReminderDeps,
  lookups: PerRunLookups,
  context: DeliveryContext,
  existing: Notification,
  report: Report,
): Promise<void> {
  const { row, delivery } = context;
  const { tally, lines, problems, what } = report;
  if (!(await lookups.isReachable(delivery.recipient.aadObjectId))) {
    tally.notDelivered += 1;
    problems.push(notReachable(delivery.recipient, delivery.messageKind, row));
    return;
  }
  const message = await messageFor(deps, lookups, context);
  try {
    await deps.repos.notifications.update(
      existing.id,
      {
        status: 'Väntar',
        lastError: null,
        // due now: rounded down, so an outbox run in the same second already takes it
        notBefore: toStoredInstant(deps.clock.now().getTime(), 'down'),
        payload: { conversationKey: delivery.recipient.aadObjectId, message },
      },
      { etag: existing.etag },
    );
  } catch (error) {
    if (isAppError(error) && error.code === 'PRECONDITION_FAILED') {
      return; // another instance handed it back first
    }
    throw error;
  }
  tally.queued += 1;
  lines.push(`${what} till ${delivery.recipient.name} ligger i utkorgen och skickas strax (boten når nu mottagaren)`);
}

async function messageFor(deps: ReminderDeps, lookups: PerRunLookups, context: DeliveryContext) {
  const { intervention, row, today, delivery } = context;
  const view = await buildRequisitionView(lookups.viewDeps, {
    requisition: row,
    intervention,
    viewerAadId: delivery.recipient.aadObjectId,
    siblings: await lookups.siblings(intervention.id),
  });
  return deps.messages.requisitionMessage({
    kind: delivery.messageKind,
    view,
    ...(delivery.messageKind === 'reminder' ? { workingDaysLeft: workingDaysBetween(today, row.dueDate) } : {}),
  });
}

/** claimed, but the bot had no conversation with the recipient: the outbox could not send it */
function isWaitingForConversation(notification: Notification): boolean {
  return notification.status === 'Misslyckad' && notification.lastError === NOT_INSTALLED_ERROR;
}

function notReachable(recipient: Recipient, kind: RequisitionMessageKind, row: Requisition): string {
  return `${recipient.name} har ingen konversation med boten ännu – ${WHAT[kind]} om ${row.periodKey} skickas när hen har öppnat en chatt med Insatsnavet`;
}

/**
 * What one sweep reads at most once: insatser missing from the register read, each insats's
 * rows (for the card's budget), the ekonomer, and each recipient's role assignments (their name,
 * and their roles for the card's buttons). Only rows with something to send cause any of it.
 */
class PerRunLookups {
  private readonly deps: ReminderDeps;
  private readonly today: string;
  private readonly interventions = new Map<string, Promise<Intervention | null>>();
  private readonly rows = new Map<string, Promise<Requisition[]>>();
  private readonly assignments = new Map<string, Promise<RoleAssignment[]>>();
  private readonly reachable = new Map<string, Promise<boolean>>();
  private ekonomerRead: Promise<Recipient[]> | undefined;
  readonly viewDeps: RequisitionViewDeps;

  constructor(deps: ReminderDeps, today: string, known: ReadonlyMap<string, Intervention> | undefined) {
    this.deps = deps;
    this.today = today;
    for (const [id, intervention] of known ?? []) {
      this.interventions.set(id, Promise.resolve(intervention));
    }
    this.viewDeps = {
      repos: {
        budgetLines: deps.repos.budgetLines,
        requisitions: deps.repos.requisitions,
        roleAssignments: this.cachingRoleAssignments(deps.repos.roleAssignments),
      },
      clock: deps.clock,
      timeZone: deps.timeZone,
    };
  }

  intervention(id: string): Promise<Intervention | null> {
    return this.remember(this.interventions, id, () => this.deps.repos.interventions.findById(id));
  }

  siblings(interventionId: string): Promise<Requisition[]> {
    return this.remember(this.rows, interventionId, () =>
      this.deps.repos.requisitions.listByIntervention(interventionId),
    );
  }

  /** ProjectLeaderAadId on the insats, else a current Projektledare in Roller for it */
  async projectLeader(intervention: Intervention): Promise<Recipient | null> {
    if (intervention.projectLeaderAadId !== null) {
      const aadObjectId = intervention.projectLeaderAadId;
      const own = await this.assignmentsOf(aadObjectId);
      return { aadObjectId, name: own[0]?.name ?? aadObjectId };
    }
    const assigned = (await this.deps.repos.roleAssignments.listByIntervention(intervention.id)).find(
      (row) => row.role === 'Projektledare' && isRoleInForce(row, this.today),
    );
    return assigned === undefined ? null : { aadObjectId: assigned.aadObjectId, name: assigned.name };
  }

  /** whether the bot has an active conversation with this person (their personal chat) */
  isReachable(aadObjectId: string): Promise<boolean> {
    return this.remember(this.reachable, aadObjectId.toLowerCase(), async () => {
      const conversation = await this.deps.repos.conversations.findByKey(aadObjectId);
      return conversation?.active ?? false;
    });
  }

  /** every ekonom in office today, once each */
  ekonomer(): Promise<Recipient[]> {
    this.ekonomerRead ??= this.deps.repos.roleAssignments.listByRole('Ekonom').then((rows) => {
      const byId = new Map<string, Recipient>();
      for (const row of rows.filter((assignment) => isRoleInForce(assignment, this.today))) {
        byId.set(row.aadObjectId.toLowerCase(), { aadObjectId: row.aadObjectId, name: row.name });
      }
      return [...byId.values()];
    });
    return this.ekonomerRead;
  }

  private assignmentsOf(aadObjectId: string): Promise<RoleAssignment[]> {
    return this.remember(this.assignments, aadObjectId.toLowerCase(), () =>
      this.deps.repos.roleAssignments.listByAadObjectId(aadObjectId),
    );
  }

  /** the repository with the per-person read shared by the name lookup and the card's roles */
  private cachingRoleAssignments(repository: RoleAssignmentRepository): RoleAssignmentRepository {
    return {
      list: () => repository.list(),
      listByAadObjectId: (aadObjectId) => this.assignmentsOf(aadObjectId),
      listByRole: (role) => repository.listByRole(role),
      listByIntervention: (interventionId) => repository.listByIntervention(interventionId),
      create: (assignment) => repository.create(assignment),
      createMany: (assignments) => repository.createMany(assignments),
      update: (id, patch, options) => repository.update(id, patch, options),
      delete: (id, options) => repository.delete(id, options),
    };
  }

  private remember<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
    let pending = cache.get(key);
    if (pending === undefined) {
      pending = read();
      // a failed read is not remembered: the next row may try again
      pending.catch(() => cache.delete(key));
      cache.set(key, pending);
    }
    return pending;
  }
}

function notificationKindOf(kind: RequisitionMessageKind): NotificationKind {
  return kind === 'overdue-ekonom' ? 'Eskalering' : 'Påminnelse';
}

/** the Title of the Notifications row, as the kansli reads the list in SharePoint */
function titleOf(kind: RequisitionMessageKind, row: Requisition, intervention: Intervention): string {
  const period = periodText(row);
  switch (kind) {
    case 'overdue-ekonom':
      return `Eskalering: ${intervention.code} har inte fakturerat ${period} (sista dag ${row.dueDate})`;
    case 'overdue-projektledare':
      return `Försenad faktura: ${intervention.code} ${period} (sista dag ${row.dueDate})`;
    default:
      return `Påminnelse: faktura för ${intervention.code} ${period} senast ${row.dueDate}`;
  }
}

/** the report's line, without the recipient */
function describe(kind: RequisitionMessageKind, row: Requisition, workingDaysLeft: number): string {
  switch (kind) {
    case 'overdue-ekonom':
      return `Eskalering om ${row.periodKey} (sista dag ${row.dueDate})`;
    case 'overdue-projektledare':
      return `Förseningsbesked om ${row.periodKey} (sista dag ${row.dueDate})`;
    default:
      return `Påminnelse om ${row.periodKey} (sista dag ${row.dueDate}, ${workingDaysLeft} ${workingDaysLeft === 1 ? 'arbetsdag' : 'arbetsdagar'} kvar)`;
  }
}

function periodText(row: Requisition): string {
  return isQuarterNumber(row.quarter) ? quarterPeriodText({ year: row.year, quarter: row.quarter }) : row.periodKey;
}

/** working days after `from` up to and including `to`: 10 on T-10, 1 on T-1, 0 on the due day */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = nextWorkingDay(from); day <= to; day = nextWorkingDay(day)) {
    count += 1;
  }
  return count;
}

/** minutes since local midnight in `timeZone`; h23 so midnight is 0, not 24 */
function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: 'hour' | 'minute'): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/** `08:00` → 480; parseInvoicingSettings guarantees the form */
function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
