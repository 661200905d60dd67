/**
 * The approvals pickup (issue 4: expired approvals, reminders to voters who have not answered,
 * the next stage once a rule is met) joins the sweep here, after the invoicing steps. Empty by
 * design until that issue adds its steps: nothing is pretended.
 */
import type { SweepStep } from './sweep-step.ts';

export const APPROVALS_PICKUP_STEPS: readonly SweepStep[] = [];
