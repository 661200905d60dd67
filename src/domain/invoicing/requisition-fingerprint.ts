/**
 * What an insats's Requisitions rows were last planned from, as one short text (Interventions.
 * RequisitionSync): code, stage, period and the due rule in force for it. The sweep replans an
 * insats only when this changes, so a steady sweep reads no Requisitions rows of insatser nobody
 * touched — its Graph requests grow with what changed, not with the size of the register.
 *
 * Stored in SharePoint, where the kansli can see it: plain text rather than a hash, so "avstämd
 * mot NOVA|Pågående|2025-01-01|2027-12-31|…" explains itself. The version prefix lets a later
 * format force one replan of everything instead of comparing unlike texts.
 */
import type { DueRule } from './due-rule.ts';
import type { PlannedIntervention } from './reconcile-requisitions.ts';

const FORMAT_VERSION = 'v1';

export function requisitionFingerprint(
  intervention: Pick<PlannedIntervention, 'code' | 'stage' | 'startDate' | 'endDate'>,
  rule: DueRule,
): string {
  return [
    FORMAT_VERSION,
    intervention.code,
    intervention.stage,
    intervention.startDate ?? '-',
    intervention.endDate ?? '-',
    `${rule.q1},${rule.q2},${rule.q3},${rule.q4}`,
  ].join('|');
}
