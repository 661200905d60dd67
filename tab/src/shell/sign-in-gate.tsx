/**
 * Who is using the tab. Inside Teams (or SharePoint): the Teams SSO token goes with every call.
 * In a plain browser: the local sign-in (AUTH_MODE=dev) — `/?as=<id>` or the picker; when the
 * server does not offer it (AUTH_MODE=entra) the page says to open Insatsnavet in Teams.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title2 } from '@fluentui/react-components';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { type ApiClient, createApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { type Me, meSchema } from '../api/me.ts';
import { type Person, peopleSchema } from '../api/people.ts';
import { SignInPicker } from '../features/sign-in/sign-in-picker.tsx';
import { signInStrings } from '../features/sign-in/sign-in-strings.ts';
import { readDevIdentity, setDevIdentity } from '../host/dev-identity.ts';
import type { Host } from '../host/teams-host.ts';
import { useStrings } from '../i18n/language.tsx';

export type SignedIn = { readonly me: Me; readonly api: ApiClient; readonly devSignIn: boolean };

type GateState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'picker'; readonly people: readonly Person[]; readonly error?: string }
  | { readonly kind: 'open-in-teams' }
  | { readonly kind: 'failed'; readonly message: string }
  | ({ readonly kind: 'signed-in' } & SignedIn);

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Inloggningen misslyckades. Ladda om sidan och försök igen.';
}

/** the local sign-in's people, or null when the server does not offer the local sign-in */
async function devPeople(): Promise<readonly Person[] | null> {
  try {
    return (await createApiClient(async () => null).get('/api/personer', peopleSchema)).personer;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

async function signInAsDev(aadObjectId: string): Promise<SignedIn> {
  const api = createApiClient(async () => `Bearer dev:${aadObjectId}`);
  return { me: await api.get('/api/me', meSchema), api, devSignIn: true };
}

async function resolveSignIn(host: Host): Promise<GateState> {
  if (host.kind === 'teams') {
    const api = createApiClient(async () => `Bearer ${await host.getToken()}`);
    try {
      return { kind: 'signed-in', me: await api.get('/api/me', meSchema), api, devSignIn: false };
    } catch (error) {
      // a tab side-loaded against a local app (AUTH_MODE=dev) has no SSO: fall back to the picker
      const people = await devPeople().catch(() => null);
      if (people === null) {
        return { kind: 'failed', message: messageOf(error) };
      }
    }
  }
  // someone already chosen (`?as=` or earlier in this browser tab): straight to /api/me
  const chosen = readDevIdentity();
  let refusal: string | undefined;
  if (chosen !== null) {
    try {
      return { kind: 'signed-in', ...(await signInAsDev(chosen)) };
    } catch (error) {
      setDevIdentity(null);
      refusal = messageOf(error);
    }
  }
  const people = await devPeople();
  if (people === null) {
    return { kind: 'open-in-teams' };
  }
  return refusal === undefined ? { kind: 'picker', people } : { kind: 'picker', people, error: refusal };
}

export const SignInGate = ({
  host,
  children,
}: {
  readonly host: Host;
  readonly children: (signedIn: SignedIn, switchPerson: () => void) => ReactNode;
}) => {
  const strings = useStrings(signInStrings);
  const [state, setState] = useState<GateState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the sign-in
  useEffect(() => {
    let current = true;
    setState({ kind: 'checking' });
    resolveSignIn(host).then(
      (next) => current && setState(next),
      (error: unknown) => current && setState({ kind: 'failed', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [host, attempt]);

  const switchPerson = useCallback(() => {
    setDevIdentity(null);
    setAttempt((value) => value + 1);
  }, []);

  switch (state.kind) {
    case 'checking':
      return <Spinner label={strings.checking} style={{ marginTop: '4rem' }} />;
    case 'picker':
      return (
        <SignInPicker
          people={state.people}
          loading={false}
          error={state.error}
          onSignIn={(aadObjectId) => {
            setDevIdentity(aadObjectId);
            setAttempt((value) => value + 1);
          }}
        />
      );
    case 'open-in-teams':
      return (
        <main id="main" style={{ maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem' }}>
          <Title2 as="h1">{strings.openInTeams}</Title2>
          <Text as="p" block>
            {strings.openInTeamsLead}
          </Text>
        </main>
      );
    case 'failed':
      return (
        <main id="main" style={{ maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem' }}>
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{strings.notInRoles}</MessageBarTitle>
              {state.message}
            </MessageBarBody>
          </MessageBar>
        </main>
      );
    case 'signed-in':
      return <>{children({ me: state.me, api: state.api, devSignIn: state.devSignIn }, switchPerson)}</>;
  }
};
