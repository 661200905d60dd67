/**
 * A fake Microsoft 365 host for the tab: a page at a Microsoft origin (https://teams.microsoft.com,
 * or a SharePoint site) that frames the tab and answers teams-js (v2.58) over postMessage the way
 * Teams' web client does, for the calls the tab makes. No tenant, no network: Playwright's request
 * routing makes the browser believe it is on https origins —
 *
 *   https://teams.microsoft.com/_test/host.html  the host page, written here
 *   https://insatsnavet.test/**                  the tab, fetched from the local app (headers kept,
 *                                                so its CSP frame-ancestors is the real one)
 *   https://res.cdn.office.net/**                teams-js's list of valid host domains: offline
 *                                                (as on this machine) or a stand-in list
 *
 * The protocol, as teams-js 2.58 speaks it (node_modules/@microsoft/teams-js/dist/umd, communication.ts):
 * - the tab sends requests `{ id, uuidAsString, func, args, timestamp, apiVersionTag, … }`, the
 *   first ('initialize') to origin '*'; it accepts messages only from its parent window at a valid
 *   host origin (the built-in list, the CDN list, or origins passed to app.initialize);
 * - the host answers a request with `{ id, uuidAsString, args }` (same id and uuid);
 * - the host sends events as `{ func, args }` without an id ('themeChange', 'settings.save').
 * What the host answers (see `answer` below):
 *   initialize                    [frameContext, hostClientType, runtimeConfig JSON, clientSupportedSDKVersion]
 *   getContext                    [the legacy context: locale, theme, frameContext, subEntityId, hostName, …]
 *   authentication.getAuthToken   [true, token] or [false, reason]
 *   settings.setSettings          [true] (pages.config.setConfig; the config is kept in `savedConfig`)
 * Fire-and-forget (recorded, never answered): appInitialization.success (app.notifySuccess, as the
 * runtime does not declare app.notifySuccessResponse), registerHandler ['themeChange'|'save'|…],
 * settings.setValidityState [boolean], settings.save.success, settings.save.failure [reason].
 * Every message the tab sends, and every /api request it makes (with its Authorization header), is
 * recorded so that tests can assert them.
 */
import type { Browser, BrowserContext, Frame, Page, Route } from 'playwright-core';

/** where the tab is served as far as the browser knows (an https origin, as in production) */
export const APP_ORIGIN = 'https://insatsnavet.test';
export const TEAMS_ORIGIN = 'https://teams.microsoft.com';
const HOST_PATH = '/_test/host.html';
const CDN = 'https://res.cdn.office.net';

export type HostTheme = 'default' | 'dark' | 'contrast';

export type HostOptions = {
  /** the tab's path and hash, e.g. '/' or '/config' (a configurable tab's configurationUrl) */
  readonly path?: string;
  /** the host page's origin: Teams by default; a SharePoint site, or a page that is no host at all */
  readonly hostOrigin?: string;
  /** what getContext says the host is ('Teams', 'SharePoint', …) */
  readonly hostName?: string;
  readonly frameContext?: 'content' | 'settings';
  readonly theme?: HostTheme;
  /** a deep link's sub-page (`insats:7`) */
  readonly subPageId?: string;
  /** the SSO token getAuthToken answers, or the host's refusal */
  readonly token: string | { readonly refusal: string };
  /** the CDN's list of valid host domains: unreachable (default, as on this machine) or answering */
  readonly cdn?: 'offline' | { readonly validOrigins: readonly string[] };
  /** false for a page that frames the tab but speaks no teams-js (a page that is not a host) */
  readonly speaksTeamsJs?: boolean;
  readonly width?: number;
};

/** one message the tab sent to its host */
export type SentMessage = { readonly func: string; readonly args: readonly unknown[]; readonly origin: string };
export type ApiRequest = { readonly method: string; readonly path: string; readonly authorization: string | null };

export type FakeHost = {
  /** the host page; the tab is its frame */
  readonly page: Page;
  tab(): Frame;
  /** console errors and uncaught exceptions of the host page and the tab, with the frame's URL */
  readonly problems: string[];
  readonly messages: SentMessage[];
  readonly apiRequests: ApiRequest[];
  readonly cdnRequests: string[];
  /** the last configuration the tab saved with pages.config.setConfig */
  savedConfig(): unknown;
  /** the args of every message the tab sent with this func, in order */
  sent(func: string): ReadonlyArray<readonly unknown[]>;
  /** the host fires an event in the tab (themeChange, settings.save) */
  sendEvent(func: string, args: readonly unknown[]): Promise<void>;
  /** closes the browser context, letting requests still in flight fail quietly */
  close(): Promise<void>;
};

/** the capabilities Teams' web client declares that the tab uses (runtime apiVersion 4, teams-js 2.x) */
const RUNTIME_CONFIG = {
  apiVersion: 4,
  isLegacyTeams: false,
  supports: {
    appInstallDialog: {},
    authentication: {},
    pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, tabs: {} },
    teamsCore: {},
  },
};

type TabRequest = { id: number; uuidAsString?: string; func: string; args?: unknown[] };

function isTabRequest(data: unknown): data is TabRequest {
  const candidate = data as Partial<TabRequest> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.id === 'number' &&
    typeof candidate.func === 'string'
  );
}

/** the host page: frames the tab, hands each message to the test's `answer`, posts the answer back */
function hostPage(tabUrl: string, speaksTeamsJs: boolean, hostName: string): string {
  const relay = `
    const frame = document.getElementById('tab');
    window.addEventListener('message', async (event) => {
      if (event.source !== frame.contentWindow) return;
      const answer = await window.__fakeHostAnswer(event.origin, event.data);
      if (answer !== null) frame.contentWindow.postMessage(answer, ${JSON.stringify(APP_ORIGIN)});
    });
    window.__fakeHostSend = (message) => frame.contentWindow.postMessage(message, ${JSON.stringify(APP_ORIGIN)});`;
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${hostName} (testvärd)</title>
<style>html,body{margin:0;height:100%}iframe{display:block;border:0;width:100%;height:100%}</style></head>
<body><iframe id="tab" title="Insatsnavet" src="${tabUrl}"></iframe>
${speaksTeamsJs ? `<script>${relay}</script>` : ''}
</body></html>`;
}

/** the app's answer to a routed request, from the local app, headers (CSP included) kept */
async function proxyToApp(route: Route, appUrl: string): Promise<void> {
  const url = new URL(route.request().url());
  const response = await route.fetch({ url: `${appUrl}${url.pathname}${url.search}`, maxRedirects: 0 });
  const headers = { ...response.headers() };
  // Playwright hands over the body decoded: the encoding and length no longer apply
  delete headers['content-encoding'];
  delete headers['content-length'];
  await route.fulfill({ status: response.status(), headers, body: await response.body() });
}

/**
 * Opens the tab inside the fake host in a new browser context (closed with the browser).
 * Resolves once the host page has loaded; the tab then initialises on its own.
 */
export async function openInFakeHost(browser: Browser, appUrl: string, options: HostOptions): Promise<FakeHost> {
  const hostOrigin = options.hostOrigin ?? TEAMS_ORIGIN;
  const hostName = options.hostName ?? 'Teams';
  const frameContext = options.frameContext ?? 'content';
  const messages: SentMessage[] = [];
  const apiRequests: ApiRequest[] = [];
  const cdnRequests: string[] = [];
  const problems: string[] = [];
  let savedConfig: unknown = null;

  const context: BrowserContext = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 1000 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  await context.route(`${APP_ORIGIN}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) {
      const headers = await request.allHeaders();
      apiRequests.push({
        method: request.method(),
        path: url.pathname + url.search,
        authorization: headers.authorization ?? null,
      });
    }
    await proxyToApp(route, appUrl);
  });
  await context.route(`${CDN}/**`, async (route) => {
    cdnRequests.push(route.request().url());
    const cdn = options.cdn ?? 'offline';
    if (cdn === 'offline') {
      await route.abort('internetdisconnected');
      return;
    }
    await route.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ validOrigins: cdn.validOrigins }),
    });
  });
  const tabUrl = `${APP_ORIGIN}${options.path ?? '/'}`;
  await context.route(`${hostOrigin}/**`, async (route) => {
    if (new URL(route.request().url()).pathname !== HOST_PATH) {
      await route.fulfill({ status: 404, body: '' });
      return;
    }
    await route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: hostPage(tabUrl, options.speaksTeamsJs ?? true, hostName),
    });
  });

  const legacyContext = {
    locale: 'sv-se',
    theme: options.theme ?? 'default',
    frameContext,
    entityId: 'insatsnavet',
    subEntityId: options.subPageId,
    hostName,
    hostClientType: 'web',
    appSessionId: '3f0b6a52-1d1e-4c1a-9f55-5e9b2d1c0a11',
    sessionId: '6d2c8b1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f',
  };

  /** the host's answer to one request from the tab, or null for a fire-and-forget message */
  const answer = (origin: string, data: unknown): Record<string, unknown> | null => {
    if (!isTabRequest(data)) {
      return null;
    }
    const args = data.args ?? [];
    messages.push({ func: data.func, args, origin });
    if (origin !== APP_ORIGIN) {
      return null; // a real host answers only the app it framed
    }
    const reply = (replyArgs: unknown[]) => ({ id: data.id, uuidAsString: data.uuidAsString, args: replyArgs });
    switch (data.func) {
      case 'initialize':
        return reply([frameContext, 'web', JSON.stringify(RUNTIME_CONFIG), '2.58.0']);
      case 'getContext':
        return reply([legacyContext]);
      case 'authentication.getAuthToken':
        return typeof options.token === 'string' ? reply([true, options.token]) : reply([false, options.token.refusal]);
      case 'settings.setSettings':
        savedConfig = args[0] ?? null;
        return reply([true]);
      default:
        return null;
    }
  };

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console (${message.location().url}): ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.exposeBinding('__fakeHostAnswer', (_source, origin: string, data: unknown) => answer(origin, data));
  await page.goto(`${hostOrigin}${HOST_PATH}`);

  return {
    page,
    tab() {
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      if (frame === undefined) {
        throw new Error('the host page has no frame');
      }
      return frame;
    },
    problems,
    messages,
    apiRequests,
    cdnRequests,
    savedConfig: () => savedConfig,
    sent: (func) => messages.filter((message) => message.func === func).map((message) => message.args),
    async sendEvent(func, args) {
      await page.evaluate(
        (message) => (window as unknown as { __fakeHostSend(m: unknown): void }).__fakeHostSend(message),
        { func, args },
      );
    },
    async close() {
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    },
  };
}
