/**
 * One requisition as the server describes it, and its amounts the way the invoice writes them:
 * `12 500,50 kr` when there are öre, `12 500 kr` when not (the same function the card uses).
 */
import type { z } from 'zod';
import type { RequisitionAction } from '../../../../src/domain/invoicing/requisition-workflow.ts';
import type { requisitionViewSchema } from '../../api/contracts.ts';

export { formatKronorExact } from '../../../../src/domain/invoicing/kronor-input.ts';

export type RequisitionView = z.infer<typeof requisitionViewSchema>;
export type StepAction = Exclude<RequisitionAction, 'registrera'>;

/** the steps after registration, in workflow order; Avvisa comes last, as a way out */
export const STEP_ACTIONS: readonly StepAction[] = ['granska', 'attestera', 'betala', 'avvisa'];

/** the ones that move the invoice on (not Avvisa, which sends it back) */
export function forwardSteps(view: RequisitionView): StepAction[] {
  return STEP_ACTIONS.filter((action) => action !== 'avvisa' && view.viewerActions.includes(action));
}

/**
 * Why a step the person's role would allow is not offered: the server leaves out the steps
 * separation of duties bars (the one who registered may not review or attest, the reviewer may
 * not attest). Null when the role does not hold the step anyway or the step is offered.
 */
export function barredStep(view: RequisitionView, roles: readonly string[]): 'granska' | 'attestera' | null {
  if (view.status === 'Inkommen' && roles.includes('Ekonom') && !view.viewerActions.includes('granska')) {
    return 'granska';
  }
  if (view.status === 'Granskad' && roles.includes('Förbundschef') && !view.viewerActions.includes('attestera')) {
    return 'attestera';
  }
  return null;
}
