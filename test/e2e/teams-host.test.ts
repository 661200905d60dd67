/**
 * The tab inside a Microsoft 365 host, without a tenant: a fake Teams (and SharePoint) page frames
 * it at an https origin and answers teams-js over postMessage (support/fake-teams-host.ts), and the
 * app runs with AUTH_MODE=entra, accepting Teams SSO tokens signed by a local key (support/
 * sso-tokens.ts). What a person would notice is asserted — who is signed in, the overview, the
 * host's theme and its changes, a deep link, the refusals, the configuration page's Save — and
 * what the tab tells its host: every message it sends and the token on every /api call. Each view
 * is checked with axe-core in the frame and for console errors; screenshots go to test/e2e/artifacts/.
 */
import type { Frame } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatKr } from '../../src/domain/format.ts';
import { demoPerson } from '../../src/sharepoint/demo/demo-people.ts';
import { APP_ORIGIN, type FakeHost, type HostOptions, openInFakeHost } from './support/fake-teams-host.ts';
import { type SsoTokens, startSsoTokens } from './support/sso-tokens.ts';
import { checkAccessibility, screenshot, startTabHarness, type TabHarness } from './support/tab-harness.ts';

let tokens: SsoTokens;
let harness: TabHarness;
const opened: FakeHost[] = [];

beforeAll(async () => {
  tokens = await startSsoTokens();
  harness = await startTabHarness(tokens.entraEnv);
}, 120_000);

afterEach(async () => {
  for (const host of opened.splice(0)) {
    await host.close();
  }
});

afterAll(async () => {
  await harness?.close();
  await tokens?.close();
});

const KARIN = demoPerson('karin.vallgren').aadObjectId;
/** an Entra object id that holds no role in the förbund */
const STRANGER = '00000000-0000-4000-8000-000000000001';
const NOVA_TITLE = 'NOVA – nya vägar för unga vuxna';

/**
 * The CDN's list of valid host domains as a stand-in: Teams' own domains and, like the real list
 * (teams-js's maintainers, microsoft-teams-library-js PR 3152), no SharePoint domain.
 */
const PUBLISHED_LIST = { validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft'] };

async function open(options: HostOptions): Promise<FakeHost> {
  const host = await openInFakeHost(harness.browser, harness.app.url, { cdn: PUBLISHED_LIST, ...options });
  opened.push(host);
  return host;
}

async function api<T>(path: string, token: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${harness.app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as T };
}

async function novaId(token: string): Promise<string> {
  const list = await api<{ insatser: Array<{ id: string; code: string }> }>('/api/insatser', token);
  const id = list.body.insatser.find((insats) => insats.code === 'NOVA')?.id;
  expect(id).toBeDefined();
  return id ?? '';
}

/**
 * The FluentProvider's theme, its background's relative luminance (0 black … 1 white), and whether
 * it reaches the frame's corner (no band of the browser's white canvas around a dark tab).
 */
async function themeOf(tab: Frame): Promise<{ theme: string | null; luminance: number; fillsFrame: boolean }> {
  return tab.evaluate(() => {
    const provider = document.querySelector('[data-theme]');
    const [r = 0, g = 0, b = 0] = (getComputedStyle(provider ?? document.body).backgroundColor.match(/\d+/g) ?? []).map(
      (part) => Number(part) / 255,
    );
    const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return {
      fillsFrame: ((box) =>
        box !== undefined &&
        box.left <= 0 &&
        box.top <= 0 &&
        box.right >= document.documentElement.clientWidth &&
        box.bottom >= document.documentElement.clientHeight)(provider?.getBoundingClientRect()),
      theme: provider?.getAttribute('data-theme') ?? null,
      luminance: 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b),
    };
  });
}

describe('inside Teams', () => {
  it('initialises, signs in with the SSO token, shows the overview and tells Teams it has loaded', async () => {
    const token = await tokens.sign(KARIN);
    const overview = (await api<{ today: string; totals: { granted: number } }>('/api/oversikt', token)).body;
    const host = await open({ token });
    const tab = host.tab();
    await tab.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await tab.getByText('Karin Vallgren', { exact: true }).waitFor();
    await tab.getByText(`Samordningsförbundets insatser – läget ${overview.today}.`).waitFor();
    await tab.getByText('10 insatser', { exact: true }).waitFor();
    const totalRow = tab.getByRole('row', { name: /Totalt/ });
    await expect.poll(() => totalRow.textContent()).toContain(formatKr(overview.totals.granted));
    await tab.locator('svg rect').first().waitFor();
    // the handshake, in teams-js's words: initialize, the context, the theme handler, loaded
    await expect.poll(() => host.sent('appInitialization.success')).toEqual([['2.58.0']]);
    const order = host.messages.map((message) => message.func);
    expect(order.slice(0, 2)).toEqual(['initialize', 'getContext']);
    // teams-js's version, runtime API version, and the SharePoint origins the tab adds to its list
    expect(host.sent('initialize')).toEqual([['2.58.0', 4, ['https://*.sharepoint.com']]]);
    expect(host.sent('registerHandler')).toContainEqual(['themeChange']);
    expect(host.messages.every((message) => message.origin === APP_ORIGIN)).toBe(true);
    // every /api call carried the SSO token; none a dev identity; the dev sign-in was never asked for
    const paths = host.apiRequests.map((request) => request.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/me', '/api/oversikt']));
    expect(host.apiRequests.every((request) => request.authorization === `Bearer ${token}`)).toBe(true);
    expect(paths).not.toContain('/api/personer');
    expect(host.sent('authentication.getAuthToken').length).toBeGreaterThanOrEqual(host.apiRequests.length);
    expect(await checkAccessibility(tab)).toEqual([]);
    await screenshot(host.page, 'teams-host-oversikt');
    expect(host.problems).toEqual([]);
  });

  it('takes the host theme (dark) and follows its changes to high contrast and back to light', async () => {
    const host = await open({ token: await tokens.sign(KARIN), theme: 'dark' });
    const tab = host.tab();
    await tab.getByRole('row', { name: /Totalt/ }).waitFor();
    const dark = await themeOf(tab);
    expect(dark.theme).toBe('dark');
    expect(dark.luminance).toBeLessThan(0.05);
    expect(dark.fillsFrame).toBe(true);
    expect(await checkAccessibility(tab)).toEqual([]);
    await screenshot(host.page, 'teams-host-mork');

    await host.sendEvent('themeChange', ['contrast']);
    await expect.poll(async () => (await themeOf(tab)).theme).toBe('contrast');
    expect(await themeOf(tab)).toMatchObject({ luminance: 0, fillsFrame: true });
    expect(await checkAccessibility(tab)).toEqual([]);
    await screenshot(host.page, 'teams-host-kontrast');

    await host.sendEvent('themeChange', ['default']);
    await expect.poll(async () => (await themeOf(tab)).theme).toBe('default');
    expect((await themeOf(tab)).luminance).toBeGreaterThan(0.9);
    // the same page all along: a theme change does not reload or sign in again
    expect(host.sent('initialize')).toHaveLength(1);
    expect(host.problems).toEqual([]);
  });

  it('opens the insats a deep link names (subPageId insats:<id>)', async () => {
    const token = await tokens.sign(KARIN);
    const id = await novaId(token);
    const host = await open({ token, subPageId: `insats:${id}` });
    const tab = host.tab();
    await tab.getByRole('heading', { level: 1, name: NOVA_TITLE }).waitFor();
    expect(new URL(tab.url()).hash).toBe(`#/insatser/${id}`);
    expect(host.apiRequests.map((request) => request.path)).toContain(`/api/insatser/${id}`);
    expect(await checkAccessibility(tab)).toEqual([]);
    expect(host.problems).toEqual([]);
  });
});

describe('refusals inside Teams', () => {
  /**
   * The server's refusal reaches the browser as an HTTP error, which Chromium logs as a failed
   * resource, and the gate then asks whether the local sign-in exists (/api/personer: 404 with
   * AUTH_MODE=entra). Those network lines are expected; nothing else may be logged.
   */
  function unexpected(problems: readonly string[]): string[] {
    return problems.filter(
      (problem) =>
        !/\/api\/me\): Failed to load resource: the server responded with a status of 40[13]/.test(problem) &&
        !/\/api\/personer\): Failed to load resource: the server responded with a status of 404/.test(problem),
    );
  }

  it('shows the server’s Swedish refusal to a person with no role: no crash, no dev sign-in', async () => {
    const token = await tokens.sign(STRANGER);
    const answer = await api<{ error: { message: string } }>('/api/me', token);
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toContain('Du finns inte i förbundets rollista');
    const host = await open({ token });
    const tab = host.tab();
    await tab.getByText('Inloggningen godtogs inte').waitFor();
    await tab.getByText(answer.body.error.message).waitFor();
    expect(await tab.getByRole('heading', { name: 'Logga in i Insatsnavet' }).count()).toBe(0);
    // /api/me with the SSO token; the gate's question whether a local sign-in exists without any
    expect(host.apiRequests).toContainEqual({ method: 'GET', path: '/api/me', authorization: `Bearer ${token}` });
    expect(new Set(host.apiRequests.map((request) => `${request.path} ${request.authorization}`))).toEqual(
      new Set([`/api/me Bearer ${token}`, '/api/personer null']),
    );
    expect(await checkAccessibility(tab)).toEqual([]);
    expect(unexpected(host.problems)).toEqual([]);
  });

  it('says clearly that an expired token was not accepted, and what to do', async () => {
    const host = await open({ token: await tokens.sign(KARIN, { validForSeconds: -600 }) });
    const tab = host.tab();
    await tab.getByText('Inloggningen godtogs inte').waitFor();
    await tab.getByText('Inloggningen kunde inte bekräftas. Stäng fliken och öppna den igen i Teams.').waitFor();
    expect(await tab.getByText('Karin Vallgren').count()).toBe(0);
    expect(unexpected(host.problems)).toEqual([]);
  });

  it('says the sign-in failed when Teams gives no token at all', async () => {
    const host = await open({ token: { refusal: 'resourceRequiresConsent' } });
    const tab = host.tab();
    await tab.getByText('Inloggningen misslyckades. Ladda om sidan och försök igen.').waitFor();
    // without a token the tab never calls the API as anyone
    expect(host.sent('authentication.getAuthToken').length).toBeGreaterThan(0);
    expect(host.apiRequests.length).toBeGreaterThan(0);
    expect(
      host.apiRequests.every((request) => request.path === '/api/personer' && request.authorization === null),
    ).toBe(true);
    expect(unexpected(host.problems)).toEqual([]);
  });
});

describe('the configuration page (a channel tab or a SharePoint web part being added)', () => {
  it('enables Save only for a complete choice and saves one insats as the tab’s content', async () => {
    const token = await tokens.sign(KARIN);
    const id = await novaId(token);
    const host = await open({ token, path: '/config', frameContext: 'settings' });
    const tab = host.tab();
    await tab.getByRole('heading', { level: 1, name: 'Lägg till Insatsnavet' }).waitFor();
    await expect.poll(() => host.sent('registerHandler')).toContainEqual(['save']);
    // the overview is a complete choice from the start
    await expect.poll(() => host.sent('settings.setValidityState').at(-1)).toEqual([true]);

    // "En insats" by keyboard: no insats picked yet, so Save is off and saving says why
    await tab.getByRole('radio', { name: /^Översikt/ }).focus();
    for (let step = 0; step < 3; step += 1) {
      await tab.page().keyboard.press('ArrowDown');
    }
    expect(await tab.getByRole('radio', { name: 'En insats' }).isChecked()).toBe(true);
    await expect.poll(() => host.sent('settings.setValidityState').at(-1)).toEqual([false]);
    await host.sendEvent('settings.save', [{}]);
    await expect.poll(() => host.sent('settings.save.failure')).toEqual([['Välj vilken insats fliken ska visa.']]);

    await tab.getByRole('combobox', { name: 'Insats' }).click();
    await tab.getByRole('option', { name: `NOVA – ${NOVA_TITLE.slice('NOVA – '.length)}` }).click();
    await expect.poll(() => host.sent('settings.setValidityState').at(-1)).toEqual([true]);
    expect(await checkAccessibility(tab)).toEqual([]);
    await screenshot(host.page, 'teams-host-konfiguration');

    await host.sendEvent('settings.save', [{}]);
    await expect.poll(() => host.sent('settings.save.success')).toHaveLength(1);
    expect(host.savedConfig()).toEqual({
      entityId: `insats-${id}`,
      contentUrl: `${APP_ORIGIN}/?inTeams=1#/insatser/${id}`,
      websiteUrl: `${APP_ORIGIN}/#/insatser/${id}`,
      suggestedDisplayName: 'Insatsnavet – NOVA',
    });
    expect(host.apiRequests.every((request) => request.authorization === `Bearer ${token}`)).toBe(true);
    expect(host.problems).toEqual([]);
  });
});

describe('other hosts', () => {
  it('works inside SharePoint, whose origin teams-js does not know on its own', async () => {
    const host = await open({
      token: await tokens.sign(KARIN),
      hostOrigin: 'https://samordningvarend.sharepoint.com',
      hostName: 'SharePoint',
    });
    const tab = host.tab();
    await tab.getByText('Karin Vallgren', { exact: true }).waitFor();
    await tab.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await expect.poll(() => host.sent('appInitialization.success')).toHaveLength(1);
    expect(host.problems).toEqual([]);
  });

  it('works in Teams when teams-js cannot fetch its list of host domains (its built-in list is used)', async () => {
    const host = await open({ token: await tokens.sign(KARIN), cdn: 'offline' });
    const tab = host.tab();
    await tab.getByText('Karin Vallgren', { exact: true }).waitFor();
    await tab.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    expect(host.cdnRequests).toHaveLength(1);
    // the failed fetch of the list is logged by the browser; nothing else
    expect(host.problems).toEqual([
      'console (https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json): Failed to load resource: net::ERR_INTERNET_DISCONNECTED',
    ]);
  });

  it('is not shown at all inside a page that is not a Microsoft 365 host (CSP frame-ancestors)', async () => {
    const host = await open({
      token: await tokens.sign(KARIN),
      hostOrigin: 'https://example.test',
      speaksTeamsJs: false,
    });
    await expect.poll(() => host.problems.join('\n')).toContain('frame-ancestors');
    const tab = host.tab();
    // the browser put its own error page in the frame: no tab, no script of the tab ran
    await expect.poll(() => tab.url()).toBe('chrome-error://chromewebdata/');
    expect(await tab.locator('#root').count()).toBe(0);
    expect(host.apiRequests).toEqual([]);
    expect(host.messages).toEqual([]);
  });
});
