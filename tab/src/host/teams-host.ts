/**
 * What the page knows about where it runs: inside Teams (or SharePoint, Outlook, Microsoft 365,
 * which host Teams tabs with the same SDK) or in a plain browser. Outside a host teams-js has no
 * one to talk to, so it is only initialised when the page is framed or opened by a host, with a
 * time limit — a failure or a silence means "plain browser", never a broken page. teams-js is
 * loaded only then: outside a host it would only weigh on the first load (and it fetches its list
 * of valid host domains as soon as it is loaded).
 */
export type HostTheme = 'default' | 'dark' | 'contrast';

export type TeamsHost = {
  readonly kind: 'teams';
  /** 'Teams', 'SharePoint', 'Outlook', 'Office', … as teams-js names the host */
  readonly hostName: string;
  readonly theme: HostTheme;
  readonly locale: string;
  /** a deep link's sub-page: the insats to open (`insats:7`) */
  readonly subPageId: string | null;
  /** the page's frame context: 'content', 'settings' (the configuration page), 'sidePanel', … */
  readonly frameContext: string | null;
  onThemeChange(listener: (theme: HostTheme) => void): void;
  /** a Teams SSO token for the tab's own API (audience: the app's Application ID URI) */
  getToken(): Promise<string>;
};

export type BrowserHost = { readonly kind: 'browser' };

export type Host = TeamsHost | BrowserHost;

/**
 * Host origins teams-js (2.58) does not accept on its own. It takes messages only from origins on
 * its built-in list or the list it fetches from its CDN, and SharePoint sites are on neither (see
 * microsoft-teams-library-js PR 3152) — yet a SharePoint page or web part frames the tab from the
 * site itself, https://<tenant>.sharepoint.com, and the tab's CSP frame-ancestors admits it. Without
 * this, teams-js ignores SharePoint's answers and the tab waits out the time limit as a plain page.
 */
const EXTRA_HOST_ORIGINS = ['https://*.sharepoint.com'];

/** how long the host has to answer before the page carries on as a plain browser page */
const INITIALIZE_TIMEOUT_MS = 4_000;

function isFramedOrOpened(): boolean {
  try {
    return window.parent !== window || window.opener !== null;
  } catch {
    // a cross-origin parent throws on access: we are framed
    return true;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        window.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        window.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function asTheme(value: string | undefined): HostTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

export async function detectHost(): Promise<Host> {
  if (!isFramedOrOpened()) {
    return { kind: 'browser' };
  }
  try {
    const { app, authentication } = await import('@microsoft/teams-js');
    await withTimeout(app.initialize(EXTRA_HOST_ORIGINS), INITIALIZE_TIMEOUT_MS);
    const context = await withTimeout(app.getContext(), INITIALIZE_TIMEOUT_MS);
    const listeners: Array<(theme: HostTheme) => void> = [];
    app.registerOnThemeChangeHandler((theme) => {
      for (const listener of listeners) {
        listener(asTheme(theme));
      }
    });
    return {
      kind: 'teams',
      hostName: String(context.app.host.name),
      theme: asTheme(context.app.theme),
      locale: context.app.locale,
      subPageId: context.page.subPageId ?? null,
      frameContext: context.page.frameContext ?? null,
      onThemeChange: (listener) => {
        listeners.push(listener);
      },
      getToken: () => authentication.getAuthToken(),
    };
  } catch (error) {
    // framed by something that is not a Microsoft 365 host (or it did not answer): a plain page
    console.info('Insatsnavet körs utanför Teams:', error instanceof Error ? error.message : error);
    return { kind: 'browser' };
  }
}

/** tells Teams the tab has loaded (hides its loading indicator); a no-op outside Teams */
export async function notifyLoaded(host: Host): Promise<void> {
  if (host.kind === 'teams') {
    const { app } = await import('@microsoft/teams-js');
    app.notifySuccess();
  }
}
