/**
 * Ny ansökan and Inställningar in a real browser, as the people who use them: a projektledare
 * fills in and submits an application (and the API confirms what was stored), an incomplete one
 * is refused with the list of what is missing, a personnummer is refused with the field named
 * and nothing stored; the kansli changes settings and reads them back, an invalid value is
 * refused per field; the board reads the settings without changing them and others are refused.
 * Every view is checked with axe-core, for console errors and at 320 px; screenshots are saved.
 */
import type { Page } from 'playwright-core';
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

async function api<T>(person: PersonKey, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${harness.app.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer dev:${demoPerson(person).aadObjectId}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as T;
  expect(response.status, JSON.stringify(answer)).toBeLessThan(300);
  return answer;
}

type Detail = {
  insats: {
    id: string;
    code: string;
    stage: string;
    diaryNumber: string | null;
    purpose: string | null;
    background: string | null;
    methods: string | null;
    etag: string;
    applicationDetails: { goals: Array<{ kind: string; targetWomen: number | null }> } | null;
  };
  budgetLines: Array<{ year: number; category: string; amount: number }>;
  applicationProblems: string[];
};

type Settings = {
  installningar: { reminderOffsets: number[]; changeThresholdPercent: number; escalationOffset: number };
};

/**
 * The page's problems, less Chromium's own line for an answer a test provokes on purpose (a 400,
 * 403, 409 or 412 the view shows as a message): the browser logs every such answer as an error.
 */
function unexpected(problems: readonly string[]): string[] {
  return problems.filter(
    (problem) => !/Failed to load resource: the server responded with a status of (400|403|409|412)\b/.test(problem),
  );
}

async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

/** a draft made through the API, as step 1 of the form would make it */
async function draftAs(person: PersonKey, code: string): Promise<string> {
  const answer = await api<{ insats: { id: string } }>(person, 'POST', '/api/insatser', {
    title: `Utkast ${code}`,
    code,
    kind: 'Individinriktad',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
  });
  return answer.insats.id;
}

const TEXTS: ReadonlyArray<readonly [string, string]> = [
  ['Syfte', 'Fler unga vuxna i Växjö ska nå arbete eller studier genom samordnat stöd.'],
  ['Bakgrund och behov', 'Många unga med aktivitetsersättning faller mellan myndigheternas ansvar.'],
  ['Målgrupp', 'Unga vuxna 19–29 år med aktivitetsersättning eller försörjningsstöd.'],
  ['Metoder', 'Individuellt stöd enligt IPS, gemensam kartläggning och arbetsträning.'],
  [
    'Resurser och bemanning',
    'Två arbetsspecialister (2,0 åa) och en samordnare (0,5 åa); styrgrupp med chefer från båda parter.',
  ],
  ['Förankring', 'Förankrat i Växjö kommuns arbetsmarknadsnämnd och hos Arbetsförmedlingen i Kronoberg.'],
  ['Implementeringsplan', 'Metoden förs in i kommunens ordinarie arbetsmarknadsenhet efter år två.'],
];

describe('Ny ansökan', { timeout: 90_000 }, () => {
  it('lets a projektledare fill in and submit a complete application, and the register has it', async () => {
    const { page, problems } = await harness.openAs('emma.strom', '/ny-ansokan');
    await page.getByRole('heading', { level: 1, name: 'Ny ansökan' }).waitFor();
    await page.getByRole('checkbox', { name: 'Arbetsförmedlingen' }).waitFor();
    // she becomes the projektledare herself; only the kansli names someone else
    expect(await page.getByLabel('Projektledare').count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'ny-ansokan');

    // step 1: name, code (typed in lower case, taken as capitals), kind, organisations, period
    await page.getByRole('textbox', { name: /^Insatsens namn/ }).fill('Lyft – unga vuxna till arbete');
    await page.getByRole('textbox', { name: /^Kortnamn/ }).fill('lyft');
    expect(await page.getByRole('textbox', { name: /^Kortnamn/ }).inputValue()).toBe('LYFT');
    await page.getByRole('radio', { name: /^Individinriktad/ }).check();
    await page.getByLabel('Projektägare (organisation)').selectOption({ label: 'Växjö kommun' });
    await page.getByRole('checkbox', { name: 'Arbetsförmedlingen' }).check();
    await page.getByLabel('Startdatum').fill('2027-01-01');
    await page.getByLabel('Slutdatum').fill('2028-12-31');
    // "Spara utkast" by keyboard
    await page.getByRole('button', { name: 'Spara utkast' }).press('Enter');
    await page.waitForURL(/#\/ansokan\/\d+$/);
    const id = /#\/ansokan\/(\d+)$/.exec(page.url())?.[1] ?? '';
    await page.getByRole('heading', { level: 1, name: 'Ansökan LYFT' }).waitFor();
    await page.getByText('Utkastet LYFT är sparat.').waitFor();
    // a reload keeps the draft: it lives at its own address
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ansökan LYFT' }).waitFor();
    await page.getByRole('navigation', { name: 'Ansökans delar' }).getByText('Budget per år').waitFor();

    for (const [label, text] of TEXTS) {
      await page.getByRole('textbox', { name: new RegExp(`^${label}`) }).fill(text);
    }
    await page.getByRole('button', { name: 'Lägg till insatsmål' }).click();
    const goal1 = page.getByRole('region', { name: 'Mål 1 – insatsmål' });
    await goal1.getByRole('textbox', { name: 'Mål', exact: true }).fill('60 deltagare tar del av insatsen');
    await goal1.getByRole('textbox', { name: 'Indikator' }).fill('antal deltagare');
    await goal1.getByRole('textbox', { name: 'Målvärde kvinnor' }).fill('30');
    await goal1.getByRole('textbox', { name: 'Målvärde män' }).fill('30');
    await goal1.getByLabel('Uppnås senast').fill('2028-12-31');
    await page.getByRole('button', { name: 'Lägg till nyttomål' }).click();
    const goal2 = page.getByRole('region', { name: 'Mål 2 – nyttomål' });
    await goal2
      .getByRole('textbox', { name: 'Mål', exact: true })
      .fill('Deltagare i arbete eller studier efter avslut');
    await goal2.getByRole('textbox', { name: 'Indikator' }).fill('andel i arbete eller studier (procent)');
    await goal2.getByRole('textbox', { name: 'Målvärde kvinnor' }).fill('40,5');
    await goal2.getByRole('textbox', { name: 'Målvärde män' }).fill('40');
    await goal2.getByLabel('Uppnås senast').fill('2029-06-30');
    await page.getByRole('textbox', { name: 'Kriterier för målgruppen' }).fill('Unga vuxna 19–29 år i Växjö');
    await page.getByRole('textbox', { name: 'Uppskattat antal personer' }).fill('60');

    // the budget: a column per year of the period, amounts the Swedish way, totals as `1 065 500 kr`
    await page.getByRole('textbox', { name: 'Personal 2027' }).fill('500000');
    await page.getByRole('textbox', { name: 'Personal 2028' }).fill('525 500');
    await page.getByRole('textbox', { name: 'Lokaler 2027' }).fill('40 000');
    await page.getByRole('textbox', { name: 'Lokaler 2027' }).blur();
    expect(await page.getByRole('textbox', { name: 'Personal 2027' }).inputValue()).toBe('500\u00a0000');
    await page.getByText(`Totalt sökt belopp: ${formatKr(1_065_500)}`).waitFor();
    const yearTotals = page.getByRole('row', { name: /Summa per år/ });
    expect(await yearTotals.textContent()).toContain(formatKr(540_000));
    expect(await yearTotals.textContent()).toContain(formatKr(525_500));

    for (const [org, name, title] of [
      ['Växjö kommun', 'Anna Berg', 'Arbetsmarknadschef'],
      ['Arbetsförmedlingen', 'Peter Lundgren', 'Enhetschef'],
    ] as const) {
      const group = page.getByRole('group', { name: org });
      await group.getByRole('textbox', { name: 'Namn' }).fill(name);
      await group.getByRole('textbox', { name: 'Befattning' }).fill(title);
    }
    for (const criterion of [/^1\. /, /^2\. /, /^3\. /, /^4\. /]) {
      await page.getByRole('checkbox', { name: criterion }).check();
    }
    await page
      .getByRole('textbox', { name: /^Hur idén utgår/ })
      .fill('Idén bygger på intervjuer med unga vuxna och handläggare (tjänstedesign).');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText(/^Utkastet är sparat/).waitFor();
    await page.getByText('Allt som krävs är ifyllt. Ansökan kan skickas in.').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'ansokan-utkast');

    await page.getByRole('button', { name: 'Skicka in ansökan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ansökan är inskickad' }).waitFor();
    const detail = await api<Detail>('karin.vallgren', 'GET', `/api/insatser/${id}`);
    expect(detail.insats.stage).toBe('Inkommen');
    expect(detail.insats.diaryNumber).toMatch(/\d{4}\/\d+/);
    await page.getByText(detail.insats.diaryNumber ?? 'no number', { exact: true }).waitFor();
    await page.getByText('Inkommen', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Till insatsens sida' }).getAttribute('href')).toBe(`#/insatser/${id}`);
    expect(detail.insats.purpose).toBe(TEXTS[0]?.[1]);
    expect(detail.insats.methods).toBe(TEXTS[3]?.[1]);
    expect(detail.insats.applicationDetails?.goals.map((goal) => goal.kind)).toEqual(['Insatsmål', 'Nyttomål']);
    expect(detail.insats.applicationDetails?.goals[1]?.targetWomen).toBe(40.5);
    expect(detail.budgetLines.reduce((sum, line) => sum + line.amount, 0)).toBe(1_065_500);
    expect(detail.budgetLines.find((line) => line.year === 2028 && line.category === 'Personal')?.amount).toBe(525_500);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'ansokan-inskickad');

    // opened again, it is no longer a draft: said plainly, with the way on
    await page.reload();
    await page.getByText('LYFT är inte längre ett utkast (Inkommen)').waitFor();
    await page.getByRole('link', { name: 'Till insatsens sida' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('lists what an incomplete application lacks, each line leading to its field', async () => {
    const id = await draftAs('emma.strom', 'HALV');
    const { page, problems } = await harness.openAs('emma.strom', `/ansokan/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Ansökan HALV' }).waitFor();
    await page.getByRole('textbox', { name: /^Syfte/ }).fill('Ett syfte, men inget mer.');
    await page.getByRole('button', { name: 'Skicka in ansökan' }).click();
    const refusal = page.getByText('Ansökan kunde inte skickas in');
    await refusal.waitFor();
    // the syfte was saved before the submit; the rest is listed
    const list = page.getByRole('listitem');
    await page.getByRole('button', { name: 'Bakgrund och behov: rubriken är inte ifylld' }).waitFor();
    expect(await list.filter({ hasText: 'Syfte: rubriken är inte ifylld' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Budget: 2027 saknar budgetposter' }).waitFor();
    await page.getByRole('button', { name: /^Kriterier: kriterium 1/ }).waitFor();
    // a line leads to its field
    await page.getByRole('button', { name: 'Bakgrund och behov: rubriken är inte ifylld' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('id') ?? ''))
      .toBe(await page.getByRole('textbox', { name: /^Bakgrund och behov/ }).getAttribute('id'));
    // the steps count what is left per part
    await page
      .getByRole('navigation', { name: 'Ansökans delar' })
      .getByText(/\d+ saknas/)
      .first()
      .waitFor();
    const detail = await api<Detail>('emma.strom', 'GET', `/api/insatser/${id}`);
    expect(detail.insats.stage).toBe('Ansökan');
    expect(detail.insats.purpose).toBe('Ett syfte, men inget mer.');
    expect(await checkAccessibility(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
  });

  it('refuses a personnummer in a text with the field named, keeps the text and stores nothing', async () => {
    const id = await draftAs('emma.strom', 'PNR');
    const { page, problems } = await harness.openAs('emma.strom', `/ansokan/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Ansökan PNR' }).waitFor();
    const background = page.getByRole('textbox', { name: /^Bakgrund och behov/ });
    const typed = 'Deltagaren 19121212-1212 behöver stöd.';
    await background.fill(typed);
    await page.getByRole('textbox', { name: /^Metoder/ }).fill('Samordnat stöd.');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page
      .getByText('"Bakgrund och behov" innehåller något som ser ut som ett personnummer eller samordningsnummer', {
        exact: false,
      })
      .waitFor();
    // the text is kept, the field has the focus, and nothing was stored
    expect(await background.inputValue()).toBe(typed);
    await expect.poll(() => background.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await background.getAttribute('aria-invalid')).toBe('true');
    const detail = await api<Detail>('emma.strom', 'GET', `/api/insatser/${id}`);
    expect(detail.insats.background).toBeNull();
    expect(detail.insats.methods).toBeNull();
    expect(unexpected(problems)).toEqual([]);
  });

  it('shows the server’s refusal under the field it concerns (a text longer than SharePoint takes)', async () => {
    const id = await draftAs('emma.strom', 'LANG');
    const { page, problems } = await harness.openAs('emma.strom', `/ansokan/${id}`);
    const methods = page.getByRole('textbox', { name: /^Metoder/ });
    await methods.fill('x'.repeat(20_001));
    await page.getByRole('textbox', { name: /^Syfte/ }).fill('Ett kort syfte.');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('"Metoder" får vara högst 20 000 tecken.').waitFor();
    await expect.poll(() => methods.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await methods.inputValue()).length).toBe(20_001);
    // the server refuses the whole body: the syfte was not stored either
    expect((await api<Detail>('emma.strom', 'GET', `/api/insatser/${id}`)).insats.purpose).toBeNull();
    expect(unexpected(problems)).toEqual([]);
  });

  it('says when someone else saved the draft in between, and reloads it on request', async () => {
    const id = await draftAs('emma.strom', 'SAMT');
    const { page, problems } = await harness.openAs('emma.strom', `/ansokan/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Ansökan SAMT' }).waitFor();
    const before = await api<Detail>('karin.vallgren', 'GET', `/api/insatser/${id}`);
    await api('karin.vallgren', 'PATCH', `/api/insatser/${id}`, {
      purpose: 'Kansliets syfte',
      etag: before.insats.etag,
    });
    await page.getByRole('textbox', { name: /^Syfte/ }).fill('Emmas syfte');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Någon annan har ändrat ansökan').waitFor();
    expect((await api<Detail>('emma.strom', 'GET', `/api/insatser/${id}`)).insats.purpose).toBe('Kansliets syfte');
    await page.getByRole('button', { name: 'Ladda om ansökan' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: /^Syfte/ }).inputValue()).toBe('Kansliets syfte');
    expect(unexpected(problems)).toEqual([]);
  });

  it('fits a 320 px phone: step 1 and a draft with its budget grid', async () => {
    const { page, problems } = await harness.openAs('emma.strom', '/ny-ansokan', { width: 320 });
    await page.getByRole('checkbox', { name: 'Arbetsförmedlingen' }).waitFor();
    await fitsPhone(page);
    await page.getByRole('button', { name: 'Spara utkast' }).scrollIntoViewIfNeeded();
    expect(await page.getByRole('button', { name: 'Spara utkast' }).isVisible()).toBe(true);
    await screenshot(page, 'ny-ansokan-320');

    const id = await draftAs('emma.strom', 'SMAL');
    await page.goto(`${harness.app.url}/#/ansokan/${id}`);
    await page.getByRole('textbox', { name: 'Personal 2027' }).waitFor();
    await fitsPhone(page);
    expect(await page.getByRole('button', { name: 'Skicka in ansökan' }).isVisible()).toBe(true);
    expect(await checkAccessibility(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lets the kansli start a draft and name its projektledare', async () => {
    const { page, problems } = await harness.openAs('sofia.lindahl', '/ny-ansokan');
    await page.getByRole('textbox', { name: /^Insatsens namn/ }).fill('Kansliets idé');
    await page.getByRole('textbox', { name: /^Kortnamn/ }).fill('KANS1');
    const leader = page.getByLabel('Projektledare');
    await expect.poll(() => leader.locator('option').count()).toBeGreaterThan(10);
    await leader.selectOption({ label: 'Robert Sjölund' });
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.waitForURL(/#\/ansokan\/\d+$/);
    const id = /#\/ansokan\/(\d+)$/.exec(page.url())?.[1] ?? '';
    await page.getByRole('heading', { level: 1, name: 'Ansökan KANS1' }).waitFor();
    const detail = await api<Detail & { insats: { projectLeaderAadId: string | null } }>(
      'karin.vallgren',
      'GET',
      `/api/insatser/${id}`,
    );
    expect(detail.insats.projectLeaderAadId).toBe(demoPerson('robert.sjolund').aadObjectId);
    expect(await page.getByLabel('Projektledare').inputValue()).toBe(demoPerson('robert.sjolund').aadObjectId);
    expect(problems).toEqual([]);
  });

  it('tells the kansli that a granted insats is no longer a draft', async () => {
    const granted = await api<{ insatser: Array<{ id: string; code: string }> }>(
      'karin.vallgren',
      'GET',
      `/api/insatser?skede=${encodeURIComponent('Pågående')}`,
    );
    const running = granted.insatser[0];
    expect(running).toBeDefined();
    const { page, problems } = await harness.openAs('karin.vallgren', `/ansokan/${running?.id}`);
    await page.getByText(`${running?.code} är inte längre ett utkast (Pågående)`).waitFor();
    expect(await page.getByRole('link', { name: 'Till insatsens sida' }).getAttribute('href')).toBe(
      `#/insatser/${running?.id}`,
    );
    expect(await page.getByRole('button', { name: 'Spara utkast' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('Inställningar', { timeout: 60_000 }, () => {
  it('lets the kansli change the reminder days and the threshold, and the API reads them back', async () => {
    const { page, problems } = await harness.openAs('mattias.ekholm', '/installningar');
    await page.getByRole('heading', { level: 1, name: 'Inställningar' }).waitFor();
    const reminder = (index: number) => page.getByRole('textbox', { name: `Påminnelse ${index} – arbetsdagar före` });
    await reminder(1).waitFor();
    expect([await reminder(1).inputValue(), await reminder(2).inputValue(), await reminder(3).inputValue()]).toEqual([
      '10',
      '5',
      '1',
    ]);
    await page.getByText(/flyttas den bakåt till närmast föregående arbetsdag/).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'installningar');

    await reminder(1).fill('15');
    await page.getByRole('button', { name: 'Ta bort påminnelse 3' }).click();
    expect(await reminder(3).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Procent av årets budget' }).fill('12,5');
    await page.getByRole('button', { name: 'Spara inställningar' }).press('Enter');
    await page.getByText('Inställningarna är sparade').waitFor();
    await page.getByText('Ändrat: påminnelser och gräns för mindre budgetändring.').waitFor();
    const after = await api<Settings>('karin.vallgren', 'GET', '/api/installningar');
    expect(after.installningar.reminderOffsets).toEqual([15, 5]);
    expect(after.installningar.changeThresholdPercent).toBe(12.5);
    expect(after.installningar.escalationOffset).toBe(1);
    expect(problems).toEqual([]);
  });

  it('shows the server refusing 0 and 999 working days under the fields, and stores nothing', async () => {
    const before = await api<Settings>('karin.vallgren', 'GET', '/api/installningar');
    const { page, problems } = await harness.openAs('karin.vallgren', '/installningar');
    const reminder = (index: number) => page.getByRole('textbox', { name: `Påminnelse ${index} – arbetsdagar före` });
    await reminder(1).waitFor();
    await reminder(1).fill('0');
    await page.getByRole('button', { name: 'Lägg till påminnelse' }).click();
    const added = reminder(before.installningar.reminderOffsets.length + 1);
    await expect.poll(() => added.evaluate((element) => element === document.activeElement)).toBe(true);
    await added.fill('999');
    await page.getByRole('button', { name: 'Spara inställningar' }).click();
    await page.getByText('Inställningarna sparades inte – se fälten markerade i rött.').waitFor();
    await page.getByText('ska vara minst 1').waitFor();
    await page.getByText('får vara högst 60').waitFor();
    expect(await reminder(1).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => reminder(1).evaluate((element) => element === document.activeElement)).toBe(true);
    // what was typed stays; the stored values do not change
    expect(await added.inputValue()).toBe('999');
    const after = await api<Settings>('karin.vallgren', 'GET', '/api/installningar');
    expect(after.installningar).toEqual(before.installningar);
    expect(await checkAccessibility(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
  });

  it('fits a 320 px phone', async () => {
    const { page, problems } = await harness.openAs('karin.vallgren', '/installningar', { width: 320 });
    await page.getByRole('textbox', { name: 'Påminnelse 1 – arbetsdagar före' }).waitFor();
    await fitsPhone(page);
    await page.getByRole('button', { name: 'Spara inställningar' }).scrollIntoViewIfNeeded();
    expect(await page.getByRole('button', { name: 'Spara inställningar' }).isVisible()).toBe(true);
    await screenshot(page, 'installningar-320');
    expect(problems).toEqual([]);
  });

  it('shows the board the settings read-only, and refuses a projektledare with the server’s message', async () => {
    const board = await harness.openAs('gunilla.axelsson', '/installningar');
    await board.page.getByText('Bara kansliet kan ändra inställningarna.').waitFor();
    await board.page.getByRole('textbox', { name: 'Påminnelse 1 – arbetsdagar före' }).waitFor();
    expect(await board.page.getByRole('button', { name: 'Spara inställningar' }).count()).toBe(0);
    expect(await checkAccessibility(board.page)).toEqual([]);
    expect(unexpected(board.problems)).toEqual([]);

    const leader = await harness.openAs('emma.strom', '/installningar');
    await leader.page.getByText('Inställningarna visas för kansliet och styrelsen.').waitFor();
    expect(await leader.page.getByRole('textbox', { name: /Påminnelse/ }).count()).toBe(0);
    expect(unexpected(leader.problems)).toEqual([]);
  });
});
