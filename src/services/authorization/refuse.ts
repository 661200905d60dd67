/**
 * Every refusal goes through here, whichever use case, channel (tab, bot, card) or list it is
 * about: one AuditLog row `nekad` — who (Entra id), which action (the matrix's id and its few Swedish
 * words), which entity (list and id), why — and a FORBIDDEN AppError with the Swedish reason,
 * which the API answers as 403 and the bot as a 403 invoke response or the text itself.
 *
 * Details hold ids, codes and the reason only: never a name, an e-mail or what someone typed.
 * If the row cannot be written the person is refused all the same (fail closed) and the failure
 * is logged; without a logger the write's own error is thrown instead, which refuses too.
 */
import { AppError } from '../../domain/app-error.ts';
import { type AuthorizationAction, specOf } from '../../domain/authorization/authorization-matrix.ts';
import { type AuthorizationScope, may } from '../../domain/authorization/may.ts';
import type { Clock } from '../../domain/clock.ts';
import { nowToTheSecond } from '../../domain/clock.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';

export type RefusalDeps = {
  readonly repos: Pick<Repositories, 'auditLog'>;
  readonly clock: Clock;
  readonly logger?: { error(payload: object, message: string): void };
};

/** the AuditLog's EntityList and EntityId of what was acted on ('-' when nothing exists yet) */
export type RefusedEntity = { readonly list: string; readonly id: string };

export type Refusal = {
  readonly actorAadId: string;
  readonly action: AuthorizationAction;
  readonly entity: RefusedEntity;
  /** Swedish, shown to the person and kept in the row */
  readonly reason: string;
  /** more ids or codes for the row (a PeriodKey, the stages, the decision) */
  readonly details?: Record<string, unknown>;
};

export async function refuse(deps: RefusalDeps, refusal: Refusal): Promise<never> {
  const { actorAadId, action, entity, reason } = refusal;
  try {
    await deps.repos.auditLog.append({
      at: nowToTheSecond(deps.clock),
      actorAadId,
      action: 'nekad',
      entityList: entity.list,
      entityId: entity.id,
      details: { attempted: action, what: specOf(action).short, reason, ...refusal.details },
    });
  } catch (error) {
    if (deps.logger === undefined) {
      throw error;
    }
    deps.logger.error({ err: error, attempted: action, entityId: entity.id }, 'could not log a refusal');
  }
  throw new AppError('FORBIDDEN', `${actorAadId} may not ${action} ${entity.list}/${entity.id}`, {
    userMessage: reason,
    details: { reasons: [reason] },
  });
}

/**
 * Refuses (audit row + FORBIDDEN) unless the matrix allows the action here. `message` replaces
 * the matrix's reason where the use case can say more (which body decides, which stage).
 */
export async function authorize(
  deps: RefusalDeps,
  actor: Actor,
  action: AuthorizationAction,
  scope: AuthorizationScope,
  entity: RefusedEntity,
  options: { readonly message?: string; readonly details?: Record<string, unknown> } = {},
): Promise<void> {
  const permission = may(actor, action, scope);
  if (!permission.ok) {
    await refuse(deps, {
      actorAadId: actor.aadObjectId,
      action,
      entity,
      reason: options.message ?? permission.reason,
      ...(options.details === undefined ? {} : { details: options.details }),
    });
  }
}
