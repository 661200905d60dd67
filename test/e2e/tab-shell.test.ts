/**
 * The tab as a new user meets it in a plain browser (AUTH_MODE=dev): the sign-in picker, the
 * overview for different people, the English switch, the dark theme, keyboard use, a phone-sized
 * window, and the configuration page. Every view is checked with axe-core and for console errors,
 * and a screenshot of each is saved under test/e2e/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKr } from '../../src/domain/format.ts';
import { demoPerson, type PersonKey } from '../../src/sharepoint/demo/demo-people.ts';
import { checkAccessibility, screenshot, startTabHarness, type TabHarness } from './support/tab-harness.ts';

let harness: TabHarness;

beforeAll(async () => {
  harness = await startTabHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

async function api<T>(person: PersonKey, path: string): Promise<T> {
  const response = await fetch(`${harness.app.url}${path}`, {
    headers: { authorization: `Bearer dev:${demoPerson(person).aadObjectId}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type Overview = {
  today: string;
  stages: Array<{ stage: string; count: number }>;
  totals: { granted: number; invoiced: number };
};

describe('signing in', () => {
  it('offers the seeded people grouped as a förbund knows them, and signs in as the one chosen', async () => {
    const { page, problems } = await harness.openAs(null);
    await page.getByRole('heading', { level: 1, name: 'Logga in i Insatsnavet' }).waitFor();
    for (const group of ['Kansli', 'Styrelse', 'Beredningsgrupp', 'Firmatecknare', 'Styrgrupp']) {
      await page.getByRole('heading', { level: 2, name: group }).waitFor();
    }
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'inloggning');

    await page.getByRole('searchbox').fill('emma');
    const emma = page.getByRole('button', { name: /Logga in som Emma Ström/ });
    await expect.poll(() => page.getByRole('button', { name: /Logga in som/ }).count()).toBe(1);
    await emma.click();
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await page.getByText('Emma Ström', { exact: true }).waitFor();
    // the choice lasts through a reload, and "Byt person" goes back to the picker
    await page.reload();
    await page.getByText('Emma Ström', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Byt person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in i Insatsnavet' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('signs in directly with /?as= and refuses an id that holds no role, back at the picker', async () => {
    const { page, problems } = await harness.openAs('karin.vallgren');
    await page.getByText('Karin Vallgren', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('as')).toBeNull();

    const stranger = await harness.browser.newPage();
    await stranger.goto(`${harness.app.url}/?as=00000000-0000-4000-8000-000000000001`);
    await stranger.getByText('Du finns inte i förbundets rollista').waitFor();
    await stranger.getByRole('heading', { level: 1, name: 'Logga in i Insatsnavet' }).waitFor();
    await stranger.close();
    expect(problems).toEqual([]);
  });
});

describe('Översikt', () => {
  it('shows the förbundschef every insats per stage, the money per year and the totals the API has', async () => {
    const overview = await api<Overview>('karin.vallgren', '/api/oversikt');
    const total = overview.stages.reduce((sum, entry) => sum + entry.count, 0);
    expect(total).toBe(10);
    const { page, problems } = await harness.openAs('karin.vallgren');
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await page.getByText(`Samordningsförbundets insatser – läget ${overview.today}.`).waitFor();
    await page.getByText('10 insatser', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Pågående' }).waitFor();
    const totalRow = page.getByRole('row', { name: /Totalt/ });
    await expect.poll(() => totalRow.textContent()).toContain(formatKr(overview.totals.granted));
    expect(await totalRow.textContent()).toContain(formatKr(overview.totals.invoiced));
    // the kansli sees the register's anomalies section
    await page.getByRole('heading', { level: 2, name: 'Avvikelser i registret' }).waitFor();
    // the chart is drawn (its own chunk, loaded on demand)
    await page.locator('svg rect').first().waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'oversikt');
    expect(problems).toEqual([]);
  });

  it('shows a projektledare only their own insats, with what waits for them and no register anomalies', async () => {
    const overview = await api<Overview>('emma.strom', '/api/oversikt');
    expect(overview.stages.reduce((sum, entry) => sum + entry.count, 0)).toBe(1);
    const { page, problems } = await harness.openAs('emma.strom');
    await page.getByText(/^Dina insatser – läget/).waitFor();
    await page
      .getByRole('region', { name: 'Insatser per skede' })
      .getByText('1 insats', { exact: true })
      .first()
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Väntar på dig' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Avvikelser i registret' }).count()).toBe(0);
    // a projektledare has no settings in the menu
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await menu.getByRole('tab', { name: /Insatser/ }).waitFor();
    expect(await menu.getByRole('tab', { name: /Inställningar/ }).count()).toBe(0);
    const totalRow = page.getByRole('row', { name: /Totalt/ });
    await expect.poll(() => totalRow.textContent()).toContain(formatKr(overview.totals.granted));
    expect(problems).toEqual([]);
  });

  it('tells a board member what awaits their vote and counts it in the menu', async () => {
    const approvals = await api<{ items: Array<{ title: string; viewer: { awaited: boolean } }> }>(
      'gunilla.axelsson',
      '/api/beslut',
    );
    const awaited = approvals.items.filter((item) => item.viewer.awaited);
    expect(awaited.length).toBeGreaterThan(0);
    const { page, problems } = await harness.openAs('gunilla.axelsson');
    const first = awaited[0]?.title ?? '';
    await page.getByRole('link', { name: first }).waitFor();
    // the board decides on applications; it does not write them (the authorization matrix)
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await menu.getByRole('tab', { name: /Beslut/ }).waitFor();
    expect(await menu.getByRole('tab', { name: /Ny ansökan/ }).count()).toBe(0);
    const badge = menu.getByLabel(/väntar på dig/);
    await expect
      .poll(() => badge.first().getAttribute('aria-label'))
      .toBe(awaited.length === 1 ? '1 väntar på dig' : `${awaited.length} väntar på dig`);
    expect(problems).toEqual([]);
  });
});

describe('language, theme, keyboard and a phone', () => {
  it('switches to English and keeps the choice after a reload', async () => {
    const { page, problems } = await harness.openAs('karin.vallgren');
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('tab', { name: /Interventions/ }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'oversikt-engelska');
    expect(problems).toEqual([]);
  });

  it('follows a dark colour scheme with readable contrast', async () => {
    const { page, problems } = await harness.openAs('karin.vallgren', '/', { colorScheme: 'dark' });
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector('main') ?? document.body).backgroundColor,
    );
    expect(background).not.toBe('rgb(255, 255, 255)');
    await page.getByRole('row', { name: /Totalt/ }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'oversikt-mork');
    expect(problems).toEqual([]);
  });

  it('is operated by keyboard: skip link, the menu with arrow keys, Enter opens a view', async () => {
    const { page, problems } = await harness.openAs('karin.vallgren');
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // into the menu: the selected tab takes focus, arrows move, Enter opens
    await page.getByRole('tab', { name: /Översikt/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('#/insatser');
    expect(problems).toEqual([]);
  });

  it('fits a 320 px wide phone without sideways scrolling', async () => {
    const { page, problems } = await harness.openAs('karin.vallgren', '/', { width: 320 });
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await page.getByRole('row', { name: /Totalt/ }).waitFor();
    await page.locator('svg rect').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole('tab', { name: /Beslut/ }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'oversikt-320');
    expect(problems).toEqual([]);
  });
});

describe('the configuration page', () => {
  it('lets the person adding the tab pick one insats, and previews what the tab will show', async () => {
    const { page, problems } = await harness.openAs('karin.vallgren');
    await page.getByText('Karin Vallgren', { exact: true }).waitFor();
    await page.goto(`${harness.app.url}/config`);
    await page.getByRole('heading', { level: 1, name: 'Lägg till Insatsnavet' }).waitFor();
    await page.getByRole('radio', { name: 'En insats' }).check();
    await page.getByRole('combobox', { name: 'Insats' }).click();
    await page.getByRole('option', { name: /^NOVA/ }).click();
    const preview = page.getByRole('link', { name: 'Förhandsgranska' });
    expect(await preview.getAttribute('href')).toMatch(/\/#\/insatser\/\d+$/);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'konfiguration');
    expect(problems).toEqual([]);
  });
});
