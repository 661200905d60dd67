/**
 * "Väntar på dig": the approvals awaiting my vote and the requisitions awaiting my step. Loaded
 * once by the shell for the menu's badges and shared with the overview (no second request), and
 * loaded again when a view says something changed (`refreshWaiting`).
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ApiClient } from '../api/api-client.ts';
import { approvalListSchema, requisitionInboxSchema } from '../api/contracts.ts';

type ApprovalItem = z.infer<typeof approvalListSchema>['items'][number];
type RequisitionItem = z.infer<typeof requisitionInboxSchema>['items'][number];

export type Waiting = {
  readonly approvals: readonly ApprovalItem[];
  readonly requisitions: readonly RequisitionItem[];
};

/** undefined while loading (or when it could not be loaded: the views say why when they load) */
export const WaitingContext = createContext<Waiting | undefined>(undefined);

export function useWaitingItems(): Waiting | undefined {
  return useContext(WaitingContext);
}

export function useWaiting(api: ApiClient, version: number): Waiting | undefined {
  const [waiting, setWaiting] = useState<Waiting>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    let current = true;
    Promise.all([api.get('/api/beslut', approvalListSchema), api.get('/api/rekvisitioner', requisitionInboxSchema)])
      .then(([approvals, requisitions]) => {
        if (current) {
          setWaiting({
            approvals: approvals.items
              .filter((item) => item.viewer.awaited)
              .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999')),
            requisitions: requisitions.items
              .filter((item) => item.viewerActions.length > 0)
              .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
          });
        }
      })
      .catch((error: unknown) => {
        // the badges are a convenience: the views say what went wrong when they load
        console.info('Kunde inte hämta det som väntar:', error instanceof Error ? error.message : error);
      });
    return () => {
      current = false;
    };
  }, [api, version]);
  return waiting;
}
