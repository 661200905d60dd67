/**
 * The approvals pickup (issue 4) joins the sweep here, after the invoicing steps: new Pågår rows
 * (from the app or typed into SharePoint) get their cards, a rule met without a recorded decision
 * is decided, reminders go out 2 working days before the DueDate, and overdue ones expire
 * (src/services/approvals/pick-up-approvals.ts).
 */
import { pickUpApprovals } from '../approvals/pick-up-approvals.ts';
import type { StepOutcome, SweepStep } from './sweep-step.ts';

export const APPROVALS_PICKUP_STEP: SweepStep = {
  name: 'Beslutsärenden',
  async run(context): Promise<StepOutcome> {
    const { deps } = context;
    if (context.settings === null) {
      // as the invoicing steps: nothing is sent on guessed settings (the send time, the threshold)
      throw new Error('Inställningarna kunde inte läsas; beslutsärendena väntar till nästa svep.');
    }
    if (deps.approvals === undefined) {
      return { counts: {}, lines: [], problems: [] };
    }
    // the sweep's instant and clock rule, as in every other step
    const result = await pickUpApprovals(
      { ...deps.approvals, clock: deps.clock, timeZone: deps.timeZone },
      {
        now: context.now,
        sendTime: context.settings.sendTime,
        claimedKeys: deps.state.claimedKeys,
      },
    );
    return {
      counts: {
        open: result.open,
        opened: result.opened,
        cards: result.cards.sent,
        reminders: result.reminders.sent,
        decided: result.decided,
        expired: result.expired,
        notDelivered: result.cards.notDelivered + result.reminders.notDelivered,
      },
      lines: result.lines,
      problems: result.problems,
    };
  },
};

export const APPROVALS_PICKUP_STEPS: readonly SweepStep[] = [APPROVALS_PICKUP_STEP];
