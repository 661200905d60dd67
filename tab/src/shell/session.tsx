/**
 * The signed-in person and how to reach the API, for every view: `useSession()`. Built once by
 * the sign-in gate, after /api/me answered.
 */
import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { Me } from '../api/me.ts';
import type { Host } from '../host/teams-host.ts';

export type Session = {
  readonly me: Me;
  readonly api: ApiClient;
  readonly host: Host;
  /** signed in with the local sign-in picker (AUTH_MODE=dev) */
  readonly devSignIn: boolean;
  /** back to the sign-in picker (dev only) */
  readonly switchPerson: () => void;
  /** what waits for me changed (a vote, a registration): the shell recounts its badges */
  readonly refreshWaiting: () => void;
  /** bumps whenever refreshWaiting is called, for views that show the same counts */
  readonly waitingVersion: number;
};

const SessionContext = createContext<Session | null>(null);

export const SessionProvider = SessionContext.Provider;

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) {
    throw new Error('useSession outside the signed-in shell');
  }
  return session;
}
