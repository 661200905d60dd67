/**
 * The tab's root: the Fluent theme follows the host (Teams light, dark, high contrast, and its
 * changes; the browser's colour scheme outside Teams), then sign-in, then the shell — or the
 * configuration page when Teams or SharePoint opens the tab's settings.
 */
import {
  FluentProvider,
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Host, HostTheme } from './host/teams-host.ts';
import { HostThemeContext } from './host/theme-context.ts';
import { LanguageProvider } from './i18n/language.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { SessionProvider } from './shell/session.tsx';
import { SignInGate } from './shell/sign-in-gate.tsx';

const ConfigPage = lazy(() =>
  import('./features/config/config-page.tsx').then((module) => ({ default: module.ConfigPage })),
);

const THEMES: Record<HostTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

function browserTheme(): HostTheme {
  if (window.matchMedia?.('(forced-colors: active)').matches) {
    return 'contrast';
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

function useHostTheme(host: Host): HostTheme {
  const [theme, setTheme] = useState<HostTheme>(host.kind === 'teams' ? host.theme : browserTheme());
  useEffect(() => {
    if (host.kind === 'teams') {
      host.onThemeChange(setTheme);
      return undefined;
    }
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onChange = () => setTheme(browserTheme());
    query?.addEventListener('change', onChange);
    return () => query?.removeEventListener('change', onChange);
  }, [host]);
  return theme;
}

function isConfigurationPage(host: Host): boolean {
  return window.location.pathname === '/config' || (host.kind === 'teams' && host.frameContext === 'settings');
}

const SignedInApp = ({ host }: { readonly host: Host }) => {
  const [waitingVersion, setWaitingVersion] = useState(0);
  const refreshWaiting = useCallback(() => setWaitingVersion((value) => value + 1), []);
  return (
    <SignInGate host={host}>
      {(signedIn, switchPerson) => (
        <SessionProvider value={{ ...signedIn, host, switchPerson, refreshWaiting, waitingVersion }}>
          {isConfigurationPage(host) ? (
            <Suspense fallback={null}>
              <ConfigPage />
            </Suspense>
          ) : (
            <AppShell />
          )}
        </SessionProvider>
      )}
    </SignInGate>
  );
};

export const App = ({ host }: { readonly host: Host }) => {
  const theme = useHostTheme(host);
  const fluentTheme = useMemo(() => THEMES[theme], [theme]);
  return (
    <FluentProvider theme={fluentTheme} data-theme={theme} style={{ minHeight: '100vh' }}>
      <HostThemeContext.Provider value={theme}>
        <LanguageProvider>
          <SignedInApp host={host} />
        </LanguageProvider>
      </HostThemeContext.Provider>
    </FluentProvider>
  );
};
