/**
 * Every write to the register leaves an AuditLog row (DESIGN.md §7), refusals too ('nekad'),
 * because the förbund's records are public documents that revisors and the public may ask about.
 */
import { nowToTheSecond } from '../../domain/clock.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { RegisterDeps } from './register-deps.ts';

export type AuditAction =
  | 'insats.skapad'
  | 'insats.uppdaterad'
  | 'insats.budget'
  | 'insats.inskickad'
  | 'insats.skede'
  | 'nekad';

export async function appendAudit(
  deps: RegisterDeps,
  actor: Pick<Actor, 'aadObjectId'> | null,
  action: AuditAction,
  entityId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await deps.repos.auditLog.append({
    at: nowToTheSecond(deps.clock),
    actorAadId: actor?.aadObjectId ?? 'system',
    action,
    entityList: 'Interventions',
    entityId,
    details,
  });
}
