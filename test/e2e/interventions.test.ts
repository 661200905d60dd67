/**
 * Insatser and one insats's page in a real browser, as the förbundschef, a projektledare, a board
 * member and the kansli meet them: the list with its filters (kept in the link), NOVA's page with
 * its budget, styrgrupp, requisitions and stage timeline, the server's refusals in its own words,
 * and a stage change through the dialog by keyboard. Every view is checked with axe-core, for
 * console errors and at 320 px, and a screenshot of each is saved under test/e2e/artifacts/.
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

async function call(person: PersonKey, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  return fetch(`${harness.app.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer dev:${demoPerson(person).aadObjectId}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function api<T>(person: PersonKey, path: string): Promise<T> {
  const response = await call(person, 'GET', path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type Listed = { id: string; code: string; title: string; stage: string; grantedAmount: number | null };
type Detail = {
  insats: Listed;
  budgetLines: Array<{ amount: number }>;
  requisitions: Array<{ periodKey: string; amount: number | null }>;
  people: Array<{ name: string; role: string }>;
  audit: Array<{ summary: string }>;
  nextTransitions: Array<{ to: string; allowed: boolean; reasons: string[] }>;
};

async function listed(person: PersonKey, query = ''): Promise<Listed[]> {
  return (await api<{ insatser: Listed[] }>(person, `/api/insatser${query}`)).insatser;
}

async function idOf(code: string): Promise<string> {
  const found = (await listed('karin.vallgren')).find((insats) => insats.code === code);
  if (found === undefined) {
    throw new Error(`no ${code} in the demo data`);
  }
  return found.id;
}

/** the codes in the list's table, in order (the table is what a wide window shows) */
async function codesInTable(page: Page): Promise<string[]> {
  const table = page.getByRole('region', { name: 'Insatstabell, rullbar i sidled' });
  const cells = await table.locator('tbody tr td:first-child').allTextContents();
  return cells.map((text) => text.trim());
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

/** the browser logs an answered 403/409 as a failed resource; that one is the point of the test */
function besides(problems: readonly string[], status: number): string[] {
  return problems.filter((problem) => !problem.includes(`status of ${status}`));
}

describe('Insatser, the list', { timeout: 45_000 }, () => {
  it('shows the förbundschef every insats with the register columns, filtered by stage and by search', async () => {
    const all = await listed('karin.vallgren');
    expect(all).toHaveLength(10);
    const register = await api<{ rows: Array<{ code: string; invoicedSoFar: number }> }>(
      'karin.vallgren',
      '/api/register',
    );
    const { page, problems } = await harness.openAs('karin.vallgren', '/insatser');
    await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor();
    await page.getByText('10 insatser', { exact: true }).waitFor();
    expect(await codesInTable(page)).toEqual(all.map((insats) => insats.code));
    // Swedish kronor, right-aligned; the kansli sees what has been invoiced so far
    const novaRow = page.getByRole('row', { name: /NOVA – nya vägar/ });
    const novaInvoiced = register.rows.find((row) => row.code === 'NOVA')?.invoicedSoFar ?? -1;
    expect(await novaRow.textContent()).toContain('2\u00a0460\u00a0000\u00a0kr');
    expect(await novaRow.textContent()).toContain(formatKr(novaInvoiced));
    expect(await novaRow.textContent()).toContain('2025-01-01 – 2027-12-31');
    await page.getByRole('columnheader', { name: 'Fakturerat hittills' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'insatser');

    // stage Pågående: the same insatser the API gives, and the link keeps the filter
    const running = await listed('karin.vallgren', '?skede=P%C3%A5g%C3%A5ende');
    await page.getByRole('combobox', { name: 'Skede' }).click();
    await page.getByRole('option', { name: 'Pågående' }).click();
    await page.getByText(`${running.length} av 10 insatser`, { exact: true }).waitFor();
    expect(await codesInTable(page)).toEqual(running.map((insats) => insats.code));
    expect(decodeURIComponent(page.url())).toContain('#/insatser?skede=Pågående');
    await page.reload();
    await page.getByText(`${running.length} av 10 insatser`, { exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Skede' }).textContent()).toContain('Pågående');

    // a search for NOVA, on top of the stage; then nothing matching; then clear
    await page.getByRole('searchbox', { name: 'Sök kod eller namn' }).fill('NOVA');
    await page.getByText('1 av 10 insatser', { exact: true }).waitFor();
    expect(await codesInTable(page)).toEqual(['NOVA']);
    expect(page.url()).toContain('sok=NOVA');
    await page.getByRole('searchbox', { name: 'Sök kod eller namn' }).fill('finns inte alls');
    await page.getByText('Inga insatser matchar filtren.').waitFor();
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await page.getByText('10 insatser', { exact: true }).waitFor();

    // keyboard: focus an insats's link and Enter opens its page
    await page.getByRole('link', { name: 'NOVA – nya vägar för unga vuxna' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'NOVA – nya vägar för unga vuxna' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('fits a 320 px phone as cards, without sideways scrolling', async () => {
    const { page, problems } = await harness.openAs('karin.vallgren', '/insatser', { width: 320 });
    await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor();
    await page.getByText('10 insatser', { exact: true }).waitFor();
    // the cards, not the table: each insats a heading with its link
    const nova = page.getByRole('heading', { level: 2, name: 'NOVA – nya vägar för unga vuxna' });
    await nova.waitFor();
    expect(await page.getByRole('region', { name: 'Insatstabell, rullbar i sidled' }).count()).toBe(0);
    await noSidewaysScroll(page);
    await page.getByRole('combobox', { name: 'Skede' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'insatser-320');
    await nova.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'NOVA – nya vägar för unga vuxna' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows a projektledare only their own insats, and says so', async () => {
    const own = await listed('emma.strom');
    expect(own.map((insats) => insats.code)).toEqual(['NOVA']);
    const { page, problems } = await harness.openAs('emma.strom', '/insatser');
    await page.getByRole('heading', { level: 1, name: 'Mina insatser' }).waitFor();
    await page.getByText('1 insats', { exact: true }).waitFor();
    expect(await codesInTable(page)).toEqual(['NOVA']);
    // the register's columns are the kansli's
    expect(await page.getByRole('columnheader', { name: 'Fakturerat hittills' }).count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows a board member every insats', async () => {
    const { page, problems } = await harness.openAs('gunilla.axelsson', '/insatser');
    await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor();
    await page.getByText('10 insatser', { exact: true }).waitFor();
    expect(await codesInTable(page)).toHaveLength(10);
    expect(problems).toEqual([]);
  });
});

describe('one insats', { timeout: 45_000 }, () => {
  it('shows NOVA to the förbundschef: budget in kronor, styrgrupp, requisitions, timeline and chart', async () => {
    const novaId = await idOf('NOVA');
    const nova = await api<Detail>('karin.vallgren', `/api/insatser/${novaId}`);
    const { page, problems } = await harness.openAs('karin.vallgren', `/insatser/${novaId}`);
    await page.getByRole('heading', { level: 1, name: 'NOVA – nya vägar för unga vuxna' }).waitFor();
    for (const section of [
      'Skeden',
      'Om insatsen',
      'Styrgrupp och kontakter',
      'Budget och rekvisitioner',
      'Beslutsärenden',
      'Dokument',
      'Samarbetsavtal',
      'Händelselogg',
    ]) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    await page.getByText('SFV 2024/018').waitFor();
    // the budget: total per post and year, the grand total in Swedish kronor
    const budgetTotal = nova.budgetLines.reduce((sum, line) => sum + line.amount, 0);
    expect(budgetTotal).toBe(2_460_000);
    const budget = page.getByRole('region', { name: 'Budgettabell, rullbar i sidled' });
    const totalRow = budget.getByRole('row', { name: /^Totalt/ });
    expect(await totalRow.textContent()).toContain('2\u00a0460\u00a0000\u00a0kr');
    await budget.getByRole('rowheader', { name: 'Personal' }).waitFor();
    // the styrgrupp, by name
    const people = page.getByRole('region', { name: 'Styrgrupp och kontakter' });
    for (const member of nova.people.filter((person) => person.role === 'Styrgrupp')) {
      await people.getByText(member.name, { exact: true }).waitFor();
    }
    await people.getByText('Emma Ström', { exact: true }).waitFor();
    // every requisition, each a link for the förbundschef (she attests them)
    const requisitions = page.getByRole('region', { name: 'Rekvisitionstabell, rullbar i sidled' });
    for (const requisition of nova.requisitions) {
      const link = requisitions.getByRole('link', { name: requisition.periodKey });
      expect(await link.getAttribute('href')).toBe(`#/rekvisitioner/${requisition.periodKey}`);
    }
    // the timeline: Pågående is the current step, the stages before it done
    const timeline = page.getByRole('list', { name: 'Insatsens skeden' });
    expect(await timeline.locator('[aria-current="step"]').textContent()).toContain('Pågående');
    expect(await timeline.getByRole('listitem').first().textContent()).toContain('klart');
    // the chart, drawn from its own chunk
    await page.locator('svg rect').first().waitFor();
    // what the kansli may do next (not done here: the other test moves an insats)
    await page.getByRole('button', { name: 'Flytta till Avslutas' }).waitFor();
    await page.getByText('Avbruten sätts när styrelsen har beslutat i ett beslutsärende.').waitFor();
    // the agreement's PDF is fetched with the sign-in header (features/agreements), not linked
    await page.getByRole('button', { name: 'Öppna Samarbetsavtal NOVA.pdf' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'insats-nova');
    expect(problems).toEqual([]);
  });

  it('fits NOVA on a 320 px phone', async () => {
    const novaId = await idOf('NOVA');
    const { page, problems } = await harness.openAs('karin.vallgren', `/insatser/${novaId}`, { width: 320 });
    await page.getByRole('heading', { level: 1, name: 'NOVA – nya vägar för unga vuxna' }).waitFor();
    await page.locator('svg rect').first().waitFor();
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'Flytta till Avslutas' }).waitFor();
    expect(await page.getByRole('button', { name: 'Flytta till Avslutas' }).isVisible()).toBe(true);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'insats-nova-320');
    expect(problems).toEqual([]);
  });

  it("gives a projektledare NOVA without stage buttons, and the server's refusal for ENTER", async () => {
    const novaId = await idOf('NOVA');
    const enterId = await idOf('ENTER');
    const refusal = await call('emma.strom', 'GET', `/api/insatser/${enterId}`);
    expect(refusal.status).toBe(403);
    const message = ((await refusal.json()) as { error: { message: string } }).error.message;
    expect(message).toBe('Du har ingen roll i den här insatsen.');

    const { page, problems } = await harness.openAs('emma.strom', `/insatser/${novaId}`);
    await page.getByRole('heading', { level: 1, name: 'NOVA – nya vägar för unga vuxna' }).waitFor();
    await page.getByText('Bara kansliet får flytta en insats från Pågående till Avslutas.').waitFor();
    expect(await page.getByRole('button', { name: /^Flytta till/ }).count()).toBe(0);
    // she registers NOVA's invoices: the requisitions are links for her
    await page.getByRole('link', { name: 'NOVA-2025-Q1' }).waitFor();

    await page.goto(`${harness.app.url}/#/insatser/${enterId}`);
    await page.getByRole('heading', { level: 1, name: 'Ingen åtkomst' }).waitFor();
    await page.getByText(message).waitFor();
    await page.getByRole('link', { name: 'Till insatserna' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'insats-ingen-atkomst');

    await page.goto(`${harness.app.url}/#/insatser/9999`);
    await page.getByRole('heading', { level: 1, name: 'Insatsen finns inte' }).waitFor();
    await page.getByText('Insatsen 9999 finns inte.').waitFor();
    expect(besides(besides(problems, 403), 404)).toEqual([]);
  });

  it('shows a board member every insats but no stage buttons, only why not', async () => {
    const samsjukId = await idOf('SAMSJUK');
    const detail = await api<Detail>('gunilla.axelsson', `/api/insatser/${samsjukId}`);
    expect(detail.nextTransitions.every((transition) => !transition.allowed)).toBe(true);
    const { page, problems } = await harness.openAs('gunilla.axelsson', `/insatser/${samsjukId}`);
    await page.getByRole('heading', { level: 1, name: detail.insats.title }).waitFor();
    for (const reason of detail.nextTransitions.flatMap((transition) => transition.reasons)) {
      await page.getByText(reason).waitFor();
    }
    expect(await page.getByRole('button', { name: /^Flytta till/ }).count()).toBe(0);
    // the approval in beredning, with the vote cast so far (name, organisation, comment)
    const approvals = page.getByRole('region', { name: 'Beslutsärenden' });
    await approvals.getByRole('heading', { level: 3, name: /^Ansökan SAMSJUK/ }).waitFor();
    const votes = approvals.getByRole('region', { name: 'Rösttabell, rullbar i sidled' });
    await votes.getByRole('rowheader', { name: 'Helena Rydberg' }).waitFor();
    expect(await votes.textContent()).toContain('Försäkringskassan ser ett tydligt behov i målgruppen.');
    // the board does not handle invoices: no requisition links
    expect(await page.getByRole('link', { name: /-\d{4}-Q\d$/ }).count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'insats-styrelse');

    // SAMSYN's application is before the board: her vote is awaited, so the link says Rösta
    const samsynId = await idOf('SAMSYN');
    const open = (
      await api<Detail & { approvals: Array<{ id: string; status: string }> }>(
        'gunilla.axelsson',
        `/api/insatser/${samsynId}`,
      )
    ).approvals.find((approval) => approval.status === 'Pågår');
    await page.goto(`${harness.app.url}/#/insatser/${samsynId}`);
    const vote = page.getByRole('link', { name: 'Rösta' });
    await vote.waitFor();
    expect(await vote.getAttribute('href')).toBe(`#/beslut/${open?.id}`);
    expect(problems).toEqual([]);
  });

  it('tells the kansli why SAMUTB cannot leave Avtal yet', async () => {
    const samutbId = await idOf('SAMUTB');
    const detail = await api<Detail>('karin.vallgren', `/api/insatser/${samutbId}`);
    expect(detail.insats.stage).toBe('Avtal');
    // in the demo data nothing may move SAMUTB on: no signed agreement yet
    expect(detail.nextTransitions.some((transition) => transition.allowed)).toBe(false);
    const { page, problems } = await harness.openAs('karin.vallgren', `/insatser/${samutbId}`);
    await page.getByRole('heading', { level: 1, name: detail.insats.title }).waitFor();
    await page.getByText('Samarbetsavtal: inget signerat samarbetsavtal finns för insatsen.').waitFor();
    expect(await page.getByRole('button', { name: /^Flytta till/ }).count()).toBe(0);
    expect(
      await page.getByRole('list', { name: 'Insatsens skeden' }).locator('[aria-current="step"]').textContent(),
    ).toContain('Avtal');
    expect(problems).toEqual([]);
  });

  it("moves STEGTIN by keyboard through the dialog, and shows the server's refusal when the stage moved meanwhile", async () => {
    const id = await idOf('STEGTIN');
    const { page, problems } = await harness.openAs('karin.vallgren', `/insatser/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Steg för steg Tingsryd' }).waitFor();
    const toBeredning = page.getByRole('button', { name: 'Flytta till Beredning' });
    await toBeredning.waitFor();

    // someone else moves it first: the page's button is now stale, and the server says no
    const meanwhile = await call('sofia.lindahl', 'POST', `/api/insatser/${id}/skede`, { till: 'Beredning' });
    expect(meanwhile.status).toBe(200);
    await toBeredning.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Flytta STEGTIN till Beredning?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Flytta' }).click();
    const again = await call('karin.vallgren', 'POST', `/api/insatser/${id}/skede`, { till: 'Beredning' });
    expect(again.status).toBe(409);
    const refusal = ((await again.json()) as { error: { message: string } }).error.message;
    await expect.poll(async () => (await dialog.locator('.fui-MessageBarBody').textContent()) ?? '').toBe(refusal);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // after a reload it is in Beredning; the kansli asks for a supplement, with a comment
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Steg för steg Tingsryd' }).waitFor();
    const toKomplettering = page.getByRole('button', { name: 'Flytta till Komplettering' });
    await toKomplettering.press('Space');
    const confirm = page.getByRole('dialog', { name: 'Flytta STEGTIN till Komplettering?' });
    await confirm.getByRole('textbox', { name: 'Kommentar (valfri)' }).fill('Budgeten för 2028 behöver förklaras.');
    await confirm.getByRole('button', { name: 'Flytta' }).press('Enter');
    await page.getByText('STEGTIN är nu i skedet Komplettering.').waitFor();

    const after = await api<Detail>('karin.vallgren', `/api/insatser/${id}`);
    expect(after.insats.stage).toBe('Komplettering');
    const timeline = page.getByRole('list', { name: 'Insatsens skeden' });
    await expect.poll(() => timeline.locator('[aria-current="step"]').textContent()).toContain('Komplettering');
    // both moves are in the log, newest first, with who made them
    const log = page.getByRole('region', { name: 'Händelselogg' });
    expect(after.audit.length).toBeGreaterThanOrEqual(2);
    await log
      .getByText(after.audit[0]?.summary ?? '–', { exact: true })
      .first()
      .waitFor();
    await log
      .getByText(/Karin Vallgren/)
      .first()
      .waitFor();
    // a draft again: the kansli may go on with the application
    const resume = page.getByRole('link', { name: 'Fortsätt med ansökan' });
    expect(await resume.getAttribute('href')).toBe(`#/ansokan/${id}`);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'insats-skedesbyte');
    expect(besides(problems, 409)).toEqual([]);
  }, 60_000);
});
