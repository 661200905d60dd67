/**
 * Someone opens a chat with the bot for the first time (or again, after removing it): the
 * approval cards that could not reach them before — Misslyckad, "not installed" — go back to the
 * outbox, so a board member who installs Insatsnavet after the cards went out still gets theirs.
 * Only cards of approvals still open: a decided matter needs no vote. (Invoice reminders are
 * re-armed by the sweep, which knows whether the invoice is still awaited.)
 */

import { isAppError } from '../../domain/app-error.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Notification } from '../../domain/entities/notification.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import { NOT_INSTALLED_ERROR } from './deliver-notification.ts';
import { toStoredInstant } from './notifier-deps.ts';

export type RearmDeps = Pick<Repositories, 'notifications' | 'approvals'> & { readonly clock: Clock };

/** `approval:<id>:card:<aad>` and `approval:<id>:paminnelse:<aad>` → the approval id */
const APPROVAL_KEY = /^approval:(\d+):(card|paminnelse):/;

function isUndelivered(row: Notification): boolean {
  return row.status === 'Misslyckad' && row.lastError === NOT_INSTALLED_ERROR;
}

/** how many rows went back to the outbox */
export async function rearmAfterInstall(deps: RearmDeps, aadObjectId: string): Promise<number> {
  const rows = (await deps.notifications.listByRecipient(aadObjectId)).filter(isUndelivered);
  let rearmed = 0;
  for (const row of rows) {
    const approvalId = APPROVAL_KEY.exec(row.key)?.[1];
    if (approvalId === undefined) {
      continue;
    }
    const approval = await deps.approvals.findById(approvalId);
    if (approval?.status !== 'Pågår') {
      continue;
    }
    try {
      await deps.notifications.update(
        row.id,
        {
          status: 'Väntar',
          lastError: null,
          // due now, rounded down, so the next outbox run takes it
          notBefore: toStoredInstant(deps.clock.now().getTime(), 'down'),
        },
        { etag: row.etag },
      );
      rearmed += 1;
    } catch (error) {
      // another instance re-armed it first: that is the same outcome
      if (!(isAppError(error) && error.code === 'PRECONDITION_FAILED')) {
        throw error;
      }
    }
  }
  return rearmed;
}
