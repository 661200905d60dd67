/**
 * The demo förbund in memory on 2026-11-24 with NOVA's open quarter (NOVA-2026-Q4, Förväntad,
 * due 2027-01-20) added, a notifier that records what it is asked to send or update, and a
 * trivial message renderer that writes down what each recipient was shown.
 */
import type { Requisition } from '../../../../src/domain/entities/requisition.ts';
import type {
  InvoicingDeps,
  InvoicingMessages,
  RequisitionMessageInput,
} from '../../../../src/services/invoicing/invoicing-deps.ts';
import type { NotifyRequest, NotifyResult } from '../../../../src/services/notifications/notify.ts';
import type { OutgoingMessage } from '../../../../src/services/notifications/proactive-sender.ts';
import type { UpdateSentResult } from '../../../../src/services/notifications/update-sent.ts';
import type { PersonKey } from '../../../../src/sharepoint/demo/demo-people.ts';
import { aad, type DemoFixture, demoFixture } from '../bot-queries/demo-fixture.ts';

export type Sent = { readonly request: NotifyRequest; readonly shown: RequisitionMessageInput };
export type Updated = { readonly key: string; readonly shown: RequisitionMessageInput };
export type LogLine = { readonly level: 'info' | 'warn' | 'error'; readonly message: string; readonly payload: object };

export type InvoicingFixture = {
  readonly demo: DemoFixture;
  readonly deps: InvoicingDeps;
  readonly sent: Sent[];
  readonly updated: Updated[];
  readonly logs: LogLine[];
  /** makes every notify throw, as when SharePoint is down */
  failNotify(on: boolean): void;
  /** NOVA-2026-Q4 as stored now */
  openQuarter(): Promise<Requisition>;
  /** what `person` was sent, as `kind periodKey status [actions]` */
  sentTo(person: PersonKey): string[];
};

export const OPEN_QUARTER = 'NOVA-2026-Q4';

/** the message renderer the bot will provide, reduced to what the tests need to see */
const messages: InvoicingMessages = {
  requisitionMessage: (input) => ({ text: JSON.stringify(input) }),
};

function shownIn(message: OutgoingMessage): RequisitionMessageInput {
  return JSON.parse(message.text ?? '{}') as RequisitionMessageInput;
}

export async function invoicingFixture(now = '2026-11-24T10:00:00Z'): Promise<InvoicingFixture> {
  const demo = await demoFixture(now);
  const nova = await demo.interventions.findByCode('NOVA');
  if (nova === null) {
    throw new Error('the demo has no NOVA');
  }
  await demo.requisitions.create({
    interventionId: nova.id,
    year: 2026,
    quarter: 4,
    periodKey: OPEN_QUARTER,
    dueDate: '2027-01-20',
    status: 'Förväntad',
    amount: null,
    specification: null,
    receivedDate: null,
    invoiceNumber: null,
  });
  const sent: Sent[] = [];
  const updated: Updated[] = [];
  const logs: LogLine[] = [];
  let failing = false;
  const log =
    (level: LogLine['level']) =>
    (payload: object, message: string): void => {
      logs.push({ level, message, payload });
    };
  const deps: InvoicingDeps = {
    repos: demo,
    clock: demo.clock,
    timeZone: demo.timeZone,
    messages,
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    notifier: {
      async notify(request): Promise<NotifyResult> {
        if (failing) {
          throw new Error('SharePoint is down');
        }
        // claims the key as the real outbox does, so a second notify of one key is a duplicate
        const claim = await demo.notifications.claim({
          title: request.title,
          key: request.key,
          kind: request.kind,
          recipientAadId: request.recipientAadId,
          status: 'Skickad',
          attempts: 1,
          activityId: `activity-${request.key}`,
          conversationId: null,
          lastError: null,
          notBefore: '2026-11-24T10:00:00Z',
          payload: null,
        });
        if (!claim.claimed) {
          return { outcome: 'duplicate', existing: claim.existing };
        }
        sent.push({ request, shown: shownIn(request.message) });
        return { outcome: 'scheduled', notification: claim.notification };
      },
      async updateSent(key, message): Promise<UpdateSentResult> {
        const row = await demo.notifications.findByKey(key);
        if (row === null) {
          return { outcome: 'not-found', key };
        }
        updated.push({ key, shown: shownIn(message) });
        return { outcome: 'updated', notification: row };
      },
    },
  };
  return {
    demo,
    deps,
    sent,
    updated,
    logs,
    failNotify(on) {
      failing = on;
    },
    async openQuarter() {
      const row = await demo.requisitions.findByPeriodKey(OPEN_QUARTER);
      if (row === null) {
        throw new Error('NOVA-2026-Q4 is gone');
      }
      return row;
    },
    sentTo(person) {
      const id = aad(person).toLowerCase();
      return sent
        .filter((entry) => entry.request.recipientAadId.toLowerCase() === id)
        .map(
          ({ shown }) =>
            `${shown.kind} ${shown.view.periodKey} ${shown.view.status} [${shown.view.viewerActions.join(',')}]`,
        );
    },
  };
}
