/**
 * The two inboxes in a real browser, against the demo data: Beslut (a ledamot votes from the tab
 * with a comment, her ersättare is then not asked, Avslå asks first, a personnummer in a comment is
 * refused, a projektledare has nothing to decide) and Rekvisitioner (the ekonom pays an attested
 * invoice, the förbundschef cannot, a projektledare's wrong total is refused per field and nothing
 * is stored). Each view is checked with axe-core, for console errors and at 320 px, and a
 * screenshot of each is saved under test/e2e/artifacts/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/app-error.ts';
import { formatKr } from '../../src/domain/format.ts';
import type { Repositories } from '../../src/domain/ports/repositories.ts';
import { demoPerson, type PersonKey } from '../../src/sharepoint/demo/demo-people.ts';
import { createGraphClient } from '../../src/sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../src/sharepoint/repositories/create-repositories.ts';
import { resolveSite } from '../../src/sharepoint/site.ts';
import { checkAccessibility, screenshot, startTabHarness, type TabHarness } from './support/tab-harness.ts';

let harness: TabHarness;
let repos: Repositories;

beforeAll(async () => {
  harness = await startTabHarness();
  // the same local SharePoint, directly: to create a quarter the sweep (off in tests) would create
  const graph = createGraphClient({ baseUrl: `${harness.app.localSharePointUrl}/v1.0`, auth: { kind: 'dev-token' } });
  const site = await resolveSite(graph, undefined);
  const provisioned = await provisionSchema(graph, site.id);
  repos = createRepositories(graph, { siteId: site.id, listIds: provisioned.listIds, driveIds: provisioned.driveIds });
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

type Answer<T> = { status: number; body: T };

async function call<T>(person: PersonKey, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(`${harness.app.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer dev:${demoPerson(person).aadObjectId}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function get<T>(person: PersonKey, path: string): Promise<T> {
  const answer = await call<T>(person, 'GET', path);
  expect(answer.status).toBe(200);
  return answer.body;
}

type Vote = {
  name: string;
  orgName: string | null;
  decision: string;
  comment: string | null;
  counted: boolean;
  substitute: boolean;
};
type Approval = {
  approvalId: string;
  title: string;
  intervention: { code: string } | null;
  votes: Vote[];
  viewer: { awaited: boolean; allowedDecisions: string[]; approver: { substitute: boolean } | null };
};
type Requisition = { periodKey: string; status: string; amount: number | null; viewerActions: string[]; etag: string };

/**
 * The page's problems, less Chromium's own log line for each refusal the test provoked on purpose
 * (a 400 the view shows by the field): the tab itself must log nothing.
 */
function besidesRefusals(problems: readonly string[], status: number, expected: number): string[] {
  const line = `console: Failed to load resource: the server responded with a status of ${status}`;
  expect(problems.filter((problem) => problem.startsWith(line))).toHaveLength(expected);
  return problems.filter((problem) => !problem.startsWith(line));
}

/** the page fits 320 px: nothing scrolls sideways but the regions meant to */
async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

/** the menu's badge for a view, as a screen reader hears it ('' when there is none) */
async function badgeOf(page: Page, view: RegExp): Promise<string> {
  const tab = page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('tab', { name: view });
  const badge = tab.getByLabel(/väntar på dig/);
  return (await badge.count()) === 0 ? '' : ((await badge.getAttribute('aria-label')) ?? '');
}

async function samsynApproval(): Promise<Approval> {
  const list = await get<{ items: Approval[] }>('gunilla.axelsson', '/api/beslut');
  const samsyn = list.items.find((item) => item.intervention?.code === 'SAMSYN');
  if (samsyn === undefined) {
    throw new Error('the demo has no SAMSYN approval for Gunilla');
  }
  return samsyn;
}

describe('Beslut', { timeout: 60_000 }, () => {
  let approvalId = '';

  it('lets a ledamot vote Godkänn with a comment, shows her vote in the tally and drops the badge', async () => {
    const samsyn = await samsynApproval();
    approvalId = samsyn.approvalId;
    expect(samsyn.viewer.awaited).toBe(true);

    const { page, problems } = await harness.openAs('gunilla.axelsson', '/beslut');
    await page.getByRole('heading', { level: 1, name: 'Beslut' }).waitFor();
    const waiting = page.getByRole('region', { name: 'Väntar på din röst' });
    await waiting.getByRole('link', { name: samsyn.title }).waitFor();
    await waiting.getByText('850 000 kr').waitFor();
    await waiting.getByText('Svara senast torsdag 2026-12-17').waitFor();
    // the board sees the förbundschef's delegationsbeslut too
    await page.getByRole('heading', { level: 2, name: 'Delegationsbeslut' }).waitFor();
    await expect.poll(() => badgeOf(page, /Beslut/)).toBe('1 väntar på dig');
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'beslut');

    await waiting.getByRole('link', { name: samsyn.title }).click();
    await page.getByRole('heading', { level: 1, name: /^Beslut: Ansökan SAMSYN .*\(styrelsen\)$/ }).waitFor();
    await page.getByText('Styrelsen – en röst per medlemsorganisation').waitFor();
    await page.getByText('Ingen av 7 organisationer har röstat ännu. 4 behövs för beslut.').waitFor();
    await page
      .getByRole('link', { name: /Samsyn och samhandling/ })
      .first()
      .waitFor();
    expect(
      await page
        .getByRole('link', { name: /Samsyn och samhandling/ })
        .first()
        .getAttribute('href'),
    ).toMatch(/^#\/insatser\/\d+$/);
    await page.getByRole('button', { name: 'Avstår' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'beslut-detalj');

    await page.getByRole('textbox', { name: /Kommentar/ }).fill('Väl förberett, bra att SIP-arbetet samordnas.');
    // by keyboard: focus the button and press Enter
    await page.getByRole('button', { name: 'Godkänn' }).press('Enter');
    await page.getByText('Din röst är registrerad').waitFor();
    await page.getByText('1 av 7 organisationer har röstat: 1 godkänner. 4 behövs för beslut.').waitFor();
    const votes = page.getByRole('list', { name: 'Röster' });
    await votes.getByText('Gunilla Axelsson, Region Kronoberg').waitFor();
    await votes.getByText('”Väl förberett, bra att SIP-arbetet samordnas.”').waitFor();
    await page.getByText(/^Du godkände \d\d:\d\d\.$/).waitFor();
    expect(await page.getByRole('button', { name: 'Godkänn' }).count()).toBe(0);
    // the menu recounts: nothing waits for her any more
    await expect.poll(() => badgeOf(page, /Beslut/)).toBe('');
    expect(await checkAccessibility(page)).toEqual([]);

    // another board member reads the vote from the API
    const seen = await get<Approval>('lars.hedstrom', `/api/beslut/${approvalId}`);
    expect(seen.votes).toEqual([
      expect.objectContaining({
        name: 'Gunilla Axelsson',
        decision: 'Godkänn',
        comment: 'Väl förberett, bra att SIP-arbetet samordnas.',
        counted: true,
        substitute: false,
      }),
    ]);
    expect(problems).toEqual([]);
  });

  it('does not ask the ersättare of the same organisation once the ledamot has voted', async () => {
    // the rule: an ersättare is asked only while nobody of the organisation has voted
    const asHenrik = await get<Approval>('henrik.blom', `/api/beslut/${approvalId}`);
    expect(asHenrik.viewer).toMatchObject({ awaited: false, allowedDecisions: [], approver: { substitute: true } });
    expect(asHenrik.votes.find((vote) => vote.name === 'Gunilla Axelsson')?.counted).toBe(true);

    const { page, problems } = await harness.openAs('henrik.blom', `/beslut/${approvalId}`);
    await page.getByRole('heading', { level: 1, name: /^Beslut: Ansökan SAMSYN/ }).waitFor();
    await page.getByText('1 av 7 organisationer har röstat: 1 godkänner. 4 behövs för beslut.').waitFor();
    await page.getByRole('list', { name: 'Röster' }).getByText('Gunilla Axelsson, Region Kronoberg').waitFor();
    await page
      .getByText('Din organisation har redan röstat genom ledamoten eller en annan ersättare, så din röst behövs inte.')
      .waitFor();
    for (const decision of ['Godkänn', 'Avslå', 'Avstår']) {
      expect(await page.getByRole('button', { name: decision }).count()).toBe(0);
    }
    expect(await checkAccessibility(page)).toEqual([]);

    // and his inbox has nothing waiting
    await page.getByRole('link', { name: 'Alla beslut' }).click();
    await page.getByText('Inga beslutsärenden').waitFor();
    expect(problems).toEqual([]);
  });

  it('asks before Avslå, refuses a personnummer in the comment by the field, and fits 320 px', async () => {
    const { page, problems } = await harness.openAs('lars.hedstrom', `/beslut/${approvalId}`, { width: 320 });
    await page.getByRole('heading', { level: 1, name: /^Beslut: Ansökan SAMSYN/ }).waitFor();
    const approve = page.getByRole('button', { name: 'Godkänn' });
    await approve.scrollIntoViewIfNeeded();
    expect(await approve.isVisible()).toBe(true);
    await fitsPhone(page);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'beslut-320');

    // Avslå: a confirmation first; Avbryt votes nothing
    await page.getByRole('button', { name: 'Avslå' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avslå ärendet?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // a personnummer in the comment: the server's message under the field, nothing stored
    await page.getByRole('textbox', { name: /Kommentar/ }).fill('Se ärendet för 19121212-1212');
    await approve.click();
    await page.getByText(/"Kommentar" innehåller något som ser ut som ett personnummer/).waitFor();
    expect(await page.getByRole('textbox', { name: /Kommentar/ }).inputValue()).toBe('Se ärendet för 19121212-1212');
    const after = await get<Approval>('lars.hedstrom', `/api/beslut/${approvalId}`);
    expect(after.votes.map((vote) => vote.name)).toEqual(['Gunilla Axelsson']);
    expect(after.viewer.awaited).toBe(true);
    await fitsPhone(page);
    expect(besidesRefusals(problems, 400, 1)).toEqual([]);
  });

  it('shows a projektledare with nothing to decide an empty state', async () => {
    const mine = await get<{ items: Approval[] }>('emma.strom', '/api/beslut');
    expect(mine.items).toEqual([]);
    const { page, problems } = await harness.openAs('emma.strom', '/beslut');
    await page.getByRole('heading', { level: 1, name: 'Beslut' }).waitFor();
    await page.getByText('Inga beslutsärenden').waitFor();
    // delegationsbeslut are for the board and the kansli
    expect(await page.getByRole('heading', { name: 'Delegationsbeslut' }).count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('Rekvisitioner', { timeout: 60_000 }, () => {
  it('lets the ekonom find an attested invoice and mark it as paid', async () => {
    const inbox = await get<{ items: Requisition[] }>('mattias.ekholm', '/api/rekvisitioner');
    const toHandle = inbox.items.filter((item) => item.viewerActions.length > 0).length;
    expect(inbox.items.find((item) => item.periodKey === 'ENTER-2026-Q3')).toMatchObject({
      status: 'Attesterad',
      viewerActions: ['betala'],
    });

    const { page, problems } = await harness.openAs('mattias.ekholm', '/rekvisitioner');
    await page.getByRole('heading', { level: 1, name: 'Rekvisitioner' }).waitFor();
    const handle = page.getByRole('region', { name: 'Att hantera' });
    await handle.getByRole('heading', { level: 3, name: 'Attesterad (2)' }).waitFor();
    await handle.getByRole('heading', { level: 3, name: /^Inkommen \(\d+\)$/ }).waitFor();
    const enter = handle.getByRole('link', { name: 'Faktura ENTER, kvartal 3 2026' });
    await enter.waitFor();
    await handle.getByText('183 300 kr').waitFor();
    await expect.poll(() => badgeOf(page, /Rekvisitioner/)).toBe(`${toHandle} väntar på dig`);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'rekvisitioner');

    await enter.click();
    await page.getByRole('heading', { level: 1, name: 'Faktura ENTER, kvartal 3 2026' }).waitFor();
    await page.getByText('kvartal 3 2026, juli–september').waitFor();
    await page.getByText('fredag 2026-10-30').waitFor();
    await page.getByText('RK-2026-00784').waitFor();
    const budget = page.getByRole('table');
    await budget.getByRole('row', { name: /Personal/ }).waitFor();
    expect(await budget.getByRole('row', { name: /Personal/ }).textContent()).toContain(formatKr(640_000));
    expect(await page.getByRole('button', { name: 'Attestera' }).count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'rekvisition-detalj');

    // by keyboard: focus + Space
    await page.getByRole('button', { name: 'Markera som betald' }).press('Space');
    await page.getByText('Fakturan är markerad som betald.').waitFor();
    await page.getByText('Betald', { exact: true }).first().waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Markera som betald' }).count()).toBe(0);
    await expect
      .poll(() => badgeOf(page, /Rekvisitioner/))
      .toBe(toHandle - 1 === 0 ? '' : `${toHandle - 1} väntar på dig`);
    expect((await get<Requisition>('mattias.ekholm', '/api/rekvisitioner/ENTER-2026-Q3')).status).toBe('Betald');
    expect(await checkAccessibility(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the ekonom’s inbox at 320 px without sideways scrolling', async () => {
    const { page, problems } = await harness.openAs('mattias.ekholm', '/rekvisitioner', { width: 320 });
    await page.getByRole('heading', { level: 2, name: 'Att hantera' }).waitFor();
    await page.getByRole('link', { name: 'Faktura HFE, kvartal 3 2026' }).waitFor();
    await fitsPhone(page);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'rekvisitioner-320');
    expect(problems).toEqual([]);
  });

  it('gives the förbundschef no button for the ekonom’s step, and the server refuses it', async () => {
    const { page, problems } = await harness.openAs('karin.vallgren', '/rekvisitioner/HFE-2026-Q3');
    await page.getByRole('heading', { level: 1, name: 'Faktura HFE, kvartal 3 2026' }).waitFor();
    await page.getByText('Väntar på att ekonomen markerar fakturan som betald.').waitFor();
    expect(await page.getByRole('button', { name: 'Markera som betald' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Markera som granskad' }).count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    const refused = await call<{ error: { message: string } }>(
      'karin.vallgren',
      'POST',
      '/api/rekvisitioner/HFE-2026-Q3/status',
      { action: 'betala' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Bara ekonomen kan göra det.');
    expect((await get<Requisition>('mattias.ekholm', '/api/rekvisitioner/HFE-2026-Q3')).status).toBe('Attesterad');
    expect(problems).toEqual([]);
  });

  it('keeps the ekonom who registered an invoice from reviewing it too, and says why', async () => {
    await expectedQuarter('FIA', 2026, 4, '2027-01-20');
    const { page, problems } = await harness.openAs('mattias.ekholm', '/rekvisitioner/FIA-2026-Q4');
    await page.getByRole('heading', { level: 1, name: 'Faktura FIA, kvartal 4 2026' }).waitFor();
    // the kansli may register for the insats
    await page.getByRole('textbox', { name: /Fakturanummer/ }).fill('AK-2026-00410');
    await page.getByRole('textbox', { name: /^Personal/ }).fill('12500');
    await page.getByRole('textbox', { name: /Totalt belopp/ }).fill('12 500 kr');
    await page.getByRole('button', { name: 'Registrera fakturan' }).press('Enter');
    await page.getByText('Fakturan är registrerad.').waitFor();
    await page
      .getByText('Du registrerade fakturan och får därför inte också granska den (åtskilda arbetsuppgifter).')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Markera som granskad' }).count()).toBe(0);
    // sending it back stays open to him
    await page.getByRole('button', { name: 'Avvisa' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    const refused = await call<{ error: { message: string } }>(
      'mattias.ekholm',
      'POST',
      '/api/rekvisitioner/FIA-2026-Q4/status',
      { action: 'granska' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Den som registrerade fakturan får inte också granska den.');
    expect(await get<Requisition>('mattias.ekholm', '/api/rekvisitioner/FIA-2026-Q4')).toMatchObject({
      status: 'Inkommen',
      amount: 12_500,
      viewerActions: ['avvisa'],
    });
    expect(problems).toEqual([]);
  });

  it('refuses a projektledare’s wrong total by the field, keeps what was typed, stores nothing', async () => {
    await expectedQuarter('NOVA', 2026, 4, '2027-01-20');
    const { page, problems } = await harness.openAs('emma.strom', '/rekvisitioner/NOVA-2026-Q4', { width: 320 });
    await page.getByRole('heading', { level: 1, name: 'Faktura NOVA, kvartal 4 2026' }).waitFor();
    await page.getByText('perioden (kvartal 4 2026, oktober–december)').waitFor();
    await page.getByRole('textbox', { name: /Fakturanummer/ }).fill('VK-2026-01001');
    await page.getByRole('textbox', { name: /^Personal/ }).fill('100 000');
    await page.getByRole('textbox', { name: /^Lokaler/ }).fill('10 500,50');
    const total = page.getByRole('textbox', { name: /Totalt belopp/ });
    await total.fill('110 000');
    await page.getByText('Summan av posterna: 110 500,50 kr.').waitFor();
    await fitsPhone(page);
    expect(await checkAccessibility(page)).toEqual([]);

    await page.getByRole('button', { name: 'Registrera fakturan' }).click();
    await page.getByText('Totalen 110 000 kr stämmer inte med summan av posterna 110 500,50 kr.').waitFor();
    await page.getByText('Fakturan kunde inte registreras').waitFor();
    expect(await page.getByRole('textbox', { name: /^Personal/ }).inputValue()).toBe('100 000');
    expect(await page.getByRole('textbox', { name: /^Lokaler/ }).inputValue()).toBe('10 500,50');
    expect(await total.inputValue()).toBe('110 000');
    const stored = await get<Requisition>('emma.strom', '/api/rekvisitioner/NOVA-2026-Q4');
    expect(stored).toMatchObject({ status: 'Förväntad', amount: null, viewerActions: ['registrera'] });
    expect(await checkAccessibility(page)).toEqual([]);

    // corrected, it goes through as typed the Swedish way
    await total.fill('110 500,50');
    await page.getByRole('button', { name: 'Registrera fakturan' }).click();
    await page.getByText('Fakturan är registrerad.').waitFor();
    await page.getByText('110 500,50 kr').first().waitFor();
    expect(await get<Requisition>('emma.strom', '/api/rekvisitioner/NOVA-2026-Q4')).toMatchObject({
      status: 'Inkommen',
      amount: 110_500.5,
    });
    await fitsPhone(page);
    expect(besidesRefusals(problems, 400, 1)).toEqual([]);
  });
});

/** a Förväntad quarter as the sweep would create it (the sweep is off in the tests) */
async function expectedQuarter(code: string, year: number, quarter: number, dueDate: string): Promise<void> {
  const periodKey = `${code}-${year}-Q${quarter}`;
  if ((await repos.requisitions.findByPeriodKey(periodKey)) !== null) {
    return;
  }
  const intervention = await repos.interventions.findByCode(code);
  if (intervention === null) {
    throw new Error(`the demo has no ${code}`);
  }
  try {
    await repos.requisitions.create({
      interventionId: intervention.id,
      year,
      quarter,
      periodKey,
      dueDate,
      status: 'Förväntad',
      amount: null,
      specification: null,
      receivedDate: null,
      invoiceNumber: null,
    });
  } catch (error) {
    if (!(isAppError(error) && error.code === 'CONFLICT')) {
      throw error;
    }
  }
}
