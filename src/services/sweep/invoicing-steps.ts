/**
 * The sweep's invoicing steps: keep the Requisitions rows in step with the register, then send
 * the reminders and escalations due now. The register is read once, by the first step, and the
 * second reuses that read for the cards.
 */
import type { InvoicingSettings } from '../../domain/invoicing/invoicing-settings.ts';
import { reconcileRequisitions } from '../invoicing/reconcile-requisitions.ts';
import { sendRequisitionReminders } from '../invoicing/send-requisition-reminders.ts';
import type { SweepContext, SweepStep } from './sweep-step.ts';

export const RECONCILE_REQUISITIONS_STEP: SweepStep = {
  name: 'Rekvisitioner',
  async run(context) {
    const settings = settingsOf(context);
    // One paged query for the whole register rather than one per stage: an insats that left
    // the requisition stages (Avbruten, Avslutad …) must be seen too, to remove its open rows,
    // and RequisitionSync is not an indexed column to filter on. 2 000 rows a page.
    const interventions = await context.deps.repos.interventions.list();
    context.interventions = new Map(interventions.map((intervention) => [intervention.id, intervention]));
    const result = await reconcileRequisitions(context.deps, {
      interventions,
      dueRule: settings.dueRule,
      full: context.full,
    });
    return {
      counts: {
        insatser: interventions.length,
        considered: result.considered,
        unchanged: result.unchanged,
        replanned: result.replanned,
        created: result.created,
        updated: result.updated,
        removed: result.removed,
        deferred: result.deferred,
      },
      lines: result.lines,
      problems: result.problems,
    };
  },
};

export const SEND_REQUISITION_REMINDERS_STEP: SweepStep = {
  name: 'Påminnelser',
  async run(context) {
    const result = await sendRequisitionReminders(context.deps, {
      now: context.now,
      settings: settingsOf(context),
      ...(context.interventions === null ? {} : { interventions: context.interventions }),
      claimedKeys: context.deps.state.claimedKeys,
    });
    return {
      counts: {
        dueRows: result.dueRows,
        sent: result.sent,
        alreadyClaimed: result.alreadyClaimed,
        notDelivered: result.notDelivered,
        queued: result.queued,
      },
      lines: result.lines,
      problems: result.problems,
    };
  },
};

function settingsOf(context: SweepContext): InvoicingSettings {
  if (context.settings === null) {
    // without the förbund's rules, no row is planned and nothing is sent on guessed defaults
    throw new Error('inställningarna kunde inte läsas, så steget hoppades över');
  }
  return context.settings;
}
