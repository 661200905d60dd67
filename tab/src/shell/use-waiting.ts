/**
 * "Väntar på dig": the approvals awaiting my vote and the requisitions awaiting my step, counted
 * for the navigation's badges and the overview. Recounted when a view says something changed.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { approvalListSchema, requisitionInboxSchema } from '../api/contracts.ts';

export type Waiting = { readonly approvals: number; readonly requisitions: number };

export function useWaiting(api: ApiClient, version: number): Waiting | undefined {
  const [waiting, setWaiting] = useState<Waiting>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the recount trigger
  useEffect(() => {
    let current = true;
    Promise.all([api.get('/api/beslut', approvalListSchema), api.get('/api/rekvisitioner', requisitionInboxSchema)])
      .then(([approvals, requisitions]) => {
        if (current) {
          setWaiting({
            approvals: approvals.items.filter((item) => item.viewer.awaited).length,
            requisitions: requisitions.items.filter((item) => item.viewerActions.length > 0).length,
          });
        }
      })
      .catch((error: unknown) => {
        // the badges are a convenience: the views say what went wrong when they load
        console.info('Kunde inte räkna det som väntar:', error instanceof Error ? error.message : error);
      });
    return () => {
      current = false;
    };
  }, [api, version]);
  return waiting;
}
