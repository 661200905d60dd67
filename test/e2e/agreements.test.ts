/**
 * Samarbetsavtal in the tab, in a real browser against the demo data (SAMUTB is in Avtal, with a
 * draft 'Under signering' that the demo filed without a signing): the förbundschef sends it for
 * signing from the insats page, two firmatecknare sign from Beslut and the insats page shows who
 * signed for which organisation and who remains; a refusal needs a comment; when every party has
 * signed, the signed PDF is filed and "Kontrollera avtal" finds it (with its signers), a copy with
 * one byte changed is not found, and someone without access learns only that it matches. On a
 * second app (fresh demo data) a firmatecknare refuses with a comment, the draft goes back to the
 * kansli, and the projektägare files a scanned PDF instead: a renamed text file and a broken PDF
 * are refused and nothing is stored, a real PDF is filed and SAMUTB moves to Uppstart, the same
 * name again gets a name of its own and the earlier file is marked Ersatt. Every view is checked
 * with axe-core, for console errors and at 320 px; screenshots under test/e2e/artifacts/.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPerson, type PersonKey } from '../../src/sharepoint/demo/demo-people.ts';
import { checkAccessibility, screenshot, startTabHarness, type TabHarness } from './support/tab-harness.ts';

/** SAMUTB's parties and their firmatecknare in the demo (src/sharepoint/demo/demo-people.ts) */
const SIGNERS: ReadonlyArray<readonly [PersonKey, string]> = [
  ['christer.lund', 'Region Kronoberg'],
  ['ola.nordin', 'Försäkringskassan'],
  ['susanne.falk', 'Arbetsförmedlingen'],
  ['birgitta.holm', 'Alvesta kommun'],
  ['roger.lindell', 'Lessebo kommun'],
  ['ann-sofie.bjork', 'Tingsryds kommun'],
  ['magnus.aberg', 'Växjö kommun'],
];

type Agreement = {
  driveItemId: string;
  name: string;
  agreementStatus: string | null;
  sha256: string | null;
  signedDate: string | null;
  approvalId: string | null;
  signatories: string | null;
};
type Detail = {
  insats: { id: string; code: string; stage: string };
  agreements: Agreement[];
  approvals: Array<{ id: string; subject: string; status: string }>;
};
type Signing = {
  approvalId: string;
  status: string;
  votes: Array<{ name: string; decision: string; at: string; comment: string | null }>;
  agreement: {
    parties: Array<{ name: string; signed: boolean; signatures: Array<{ name: string; at: string }> }>;
    remaining: string[];
    signed: { driveItemId: string; name: string; sha256: string } | null;
  } | null;
};

/** the API as a person, straight from the test (reading back what the tab did) */
function apiOf(harness: () => TabHarness) {
  const call = async (person: PersonKey, method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${harness().app.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer dev:${demoPerson(person).aadObjectId}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const get = async <T>(person: PersonKey, path: string): Promise<T> => {
    const response = await call(person, 'GET', path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  return {
    call,
    get,
    async samutb(): Promise<Detail> {
      const list = await get<{ insatser: Array<{ id: string; code: string }> }>('karin.vallgren', '/api/insatser');
      const id = list.insatser.find((insats) => insats.code === 'SAMUTB')?.id;
      if (id === undefined) {
        throw new Error('the demo has no SAMUTB');
      }
      return get<Detail>('karin.vallgren', `/api/insatser/${id}`);
    },
    signing: (id: string) => get<Signing>('karin.vallgren', `/api/beslut/${id}`),
    async vote(person: PersonKey, id: string, decision: 'Godkänn' | 'Avslå', comment: string | null = null) {
      const response = await call(person, 'POST', `/api/beslut/${id}/rost`, { decision, comment });
      expect(response.status).toBe(200);
    },
    async file(person: PersonKey, driveItemId: string): Promise<Buffer> {
      const response = await call(person, 'GET', `/api/avtal/${encodeURIComponent(driveItemId)}/fil`);
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    },
  };
}

/** `2026-12-03 14:02` as the tab shows an instant (Swedish time) */
function swedishTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** a small, valid PDF, as a scanner would send one */
async function scannedPdf(text: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595, 842]);
  page.drawText(text, { x: 56, y: 780, size: 14, font });
  page.drawText('Undertecknat på papper av samtliga parter.', { x: 56, y: 750, size: 11, font });
  return Buffer.from(await document.save());
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

/**
 * The page's problems, less Chromium's own log line for each refusal the test provoked on purpose:
 * the tab itself must log nothing.
 */
function besides(problems: readonly string[], ...statuses: number[]): string[] {
  return problems.filter(
    (problem) => !statuses.some((status) => problem.includes(`the server responded with a status of ${status}`)),
  );
}

function agreementSection(page: Page) {
  return page.getByRole('region', { name: 'Samarbetsavtal', exact: true });
}

describe('Samarbetsavtal signed in Teams, from the tab', { timeout: 90_000 }, () => {
  let harness: TabHarness;
  const api = apiOf(() => harness);
  let approvalId = '';
  let samutbId = '';

  beforeAll(async () => {
    harness = await startTabHarness();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it("shows SAMUTB's agreement and lets the förbundschef send it for signing, by keyboard", async () => {
    const before = await api.samutb();
    samutbId = before.insats.id;
    expect(before.insats.stage).toBe('Avtal');
    // the demo's draft: 'Under signering', but no signing refers to it
    expect(before.agreements.map((file) => [file.name, file.agreementStatus, file.approvalId])).toEqual([
      ['Samarbetsavtal SAMUTB.pdf', 'Under signering', null],
    ]);
    expect(before.approvals.filter((approval) => approval.subject === 'Samarbetsavtal')).toEqual([]);

    const { page, problems } = await harness.openAs('karin.vallgren', `/insatser/${samutbId}`);
    const section = agreementSection(page);
    await section.getByRole('heading', { level: 3, name: 'Samarbetsavtal SAMUTB.pdf' }).waitFor();
    await section.getByText('Under signering', { exact: true }).waitFor();
    await section.getByText('Giltigt 2027-01-01 – 2027-12-31 · Inte signerat').waitFor();
    await section.getByText(`${before.agreements[0]?.sha256?.slice(0, 12)}…`, { exact: false }).waitFor();
    await section.getByRole('button', { name: 'Öppna Samarbetsavtal SAMUTB.pdf' }).waitFor();

    // "Skicka för signering" by keyboard: the dialog names the parties
    const start = section.getByRole('button', { name: 'Skicka för signering' });
    // locator.press focuses the button and presses the key as one step, so nothing (the page
    // settling on a loaded machine) can move focus in between
    await start.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Skicka avtalet för SAMUTB för signering?' });
    await dialog.waitFor();
    await dialog.getByText('Region Kronoberg (projektägare)').waitFor();
    for (const [, organisation] of SIGNERS.slice(1)) {
      await dialog.getByText(organisation, { exact: true }).waitFor();
    }
    expect(await checkAccessibility(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Skicka för signering' }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    // the tab's own word that it was sent, before the API is asked what was stored
    const notice = section.getByText(/^Avtalet är ute för signering \(beslutsärende \d+\)\.$/);
    await notice.waitFor();

    const after = await api.samutb();
    const signing = after.approvals.find((approval) => approval.subject === 'Samarbetsavtal');
    expect(signing?.status).toBe('Pågår');
    approvalId = signing?.id ?? '';
    expect(await notice.textContent()).toBe(`Avtalet är ute för signering (beslutsärende ${approvalId}).`);
    await section.getByText('7 firmatecknare har fått ett kort i Teams.').waitFor();
    // the progress: nobody has signed, every party is waited for by name
    await section.getByRole('heading', { level: 3, name: 'Signering pågår' }).waitFor();
    await section.getByText('0 av 7 parter har undertecknat.').waitFor();
    await section.getByText('Försäkringskassan: väntar på Ola Nordin').waitFor();
    await section.getByText('Region Kronoberg: väntar på Christer Lund').waitFor();
    expect(await section.getByRole('link', { name: `Öppna beslutsärende ${approvalId}` }).getAttribute('href')).toBe(
      `#/beslut/${approvalId}`,
    );
    // no second start while one is open, and no scan either
    expect(await section.getByRole('button', { name: 'Skicka för signering' }).count()).toBe(0);
    await section
      .getByText(`Avtalet är ute för signering i Teams (beslutsärende ${approvalId}).`, { exact: false })
      .waitFor();
    // the demo's draft is kept, marked Ersatt; the new draft is the one under signing
    const draft = after.agreements.find((file) => file.approvalId === approvalId);
    expect(draft?.name).toMatch(/^Samarbetsavtal SAMUTB utkast \d{4}-\d\d-\d\d\.pdf$/);
    expect(draft?.agreementStatus).toBe('Under signering');
    expect(after.agreements.find((file) => file.name === 'Samarbetsavtal SAMUTB.pdf')?.agreementStatus).toBe('Ersatt');
    expect(after.agreements).toHaveLength(2);
    await section.getByRole('heading', { level: 3, name: draft?.name ?? '' }).waitFor();
    await section.getByText('Ersatt av en senare version – sparas som historik.').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lets Ola Nordin read the draft and sign for Försäkringskassan from Beslut', async () => {
    const { page, problems } = await harness.openAs('ola.nordin', `/beslut/${approvalId}`);
    await page.getByRole('heading', { level: 1, name: /Samarbetsavtal SAMUTB/ }).waitFor();
    const agreement = page.getByRole('region', { name: 'Samarbetsavtalet' });
    await agreement.getByText('Region Kronoberg (projektägare), Försäkringskassan').waitFor();
    await agreement.getByText('120 000 kr totalt').waitFor();
    await agreement.getByText('Försäkringskassan: väntar på Ola Nordin').waitFor();

    // the draft: fetched with his sign-in and opened in a new window as a PDF
    const popup = page.context().waitForEvent('page');
    await agreement.getByRole('button', { name: 'Läs avtalet (PDF)' }).click();
    const pdf = await popup;
    expect(pdf.url()).toMatch(/^blob:/);
    await pdf.close();

    const sign = page.getByRole('button', { name: 'Jag godkänner och undertecknar avtalet för Försäkringskassan' });
    await sign.waitFor();
    await page.getByText('Om du avslår: skriv varför (går till kansliet)').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await sign.click();
    await page.getByText('Din röst är registrerad').waitFor();
    const view = await api.signing(approvalId);
    const at = view.votes.find((vote) => vote.name === 'Ola Nordin')?.at ?? '';
    await page.getByText(`Du undertecknade avtalet för Försäkringskassan ${swedishTime(at)}.`).waitFor();
    await agreement.getByText(`Undertecknat av Ola Nordin för Försäkringskassan ${swedishTime(at)}`).waitFor();
    await agreement.getByText('1 av 7 parter har undertecknat.').waitFor();
    await screenshot(page, 'avtal-signering');
    expect(problems).toEqual([]);
  });

  it('lets Christer Lund sign for Region Kronoberg by keyboard, and asks Susanne Falk why before a refusal', async () => {
    const { page, problems } = await harness.openAs('christer.lund', `/beslut/${approvalId}`);
    const sign = page.getByRole('button', { name: 'Jag godkänner och undertecknar avtalet för Region Kronoberg' });
    await sign.press('Space');
    await page.getByText(/^Du undertecknade avtalet för Region Kronoberg /).waitFor();
    expect(problems).toEqual([]);

    // Avslå without a comment: the tab asks for one and sends nothing
    const falk = await harness.openAs('susanne.falk', `/beslut/${approvalId}`, { width: 320 });
    await falk.page
      .getByRole('button', { name: 'Jag godkänner och undertecknar avtalet för Arbetsförmedlingen' })
      .waitFor();
    await falk.page.getByRole('button', { name: 'Avslå', exact: true }).click();
    await falk.page.getByText('Skriv varför du avslår avtalet.').waitFor();
    expect(await falk.page.getByRole('dialog').count()).toBe(0);
    expect(
      await falk.page.getByRole('textbox', { name: /Om du avslår/ }).evaluate((box) => box === document.activeElement),
    ).toBe(true);
    const view = await api.signing(approvalId);
    expect(view.votes.map((vote) => vote.name).sort()).toEqual(['Christer Lund', 'Ola Nordin']);
    expect(view.status).toBe('Pågår');
    await fitsPhone(falk.page);
    expect(await checkAccessibility(falk.page)).toEqual([]);
    expect(falk.problems).toEqual([]);
  });

  it('shows the kansli on the insats page who has signed for which organisation and who remains', async () => {
    const view = await api.signing(approvalId);
    const { page, problems } = await harness.openAs('sofia.lindahl', `/insatser/${samutbId}`);
    const section = agreementSection(page);
    await section.getByText('2 av 7 parter har undertecknat.').waitFor();
    for (const [name, organisation] of [
      ['Ola Nordin', 'Försäkringskassan'],
      ['Christer Lund', 'Region Kronoberg'],
    ] as const) {
      const at = view.votes.find((vote) => vote.name === name)?.at ?? '';
      await section.getByText(`Undertecknat av ${name} för ${organisation} ${swedishTime(at)}`).waitFor();
    }
    await section
      .getByText(
        'Kvar att underteckna: Arbetsförmedlingen, Alvesta kommun, Lessebo kommun, Tingsryds kommun, Växjö kommun.',
      )
      .waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('files the signed agreement when every party has signed, and shows it Signerat with signatories and SHA-256', async () => {
    for (const [person] of SIGNERS.slice(2)) {
      await api.vote(person, approvalId, 'Godkänn');
    }
    const detail = await api.samutb();
    expect(detail.insats.stage).toBe('Uppstart');
    const signed = detail.agreements.find((file) => file.agreementStatus === 'Signerat');
    expect(signed?.signatories?.split('\n')).toHaveLength(7);

    const { page, problems } = await harness.openAs('karin.vallgren', `/insatser/${samutbId}`);
    const section = agreementSection(page);
    await section.getByRole('heading', { level: 3, name: signed?.name ?? '' }).waitFor();
    await section.getByText('Signerat', { exact: true }).waitFor();
    await section.getByText(/^Ola Nordin, Försäkringskassan, \d{4}-\d\d-\d\d \d\d:\d\d$/).waitFor();
    await section.getByText(`${signed?.sha256?.slice(0, 12)}…${signed?.sha256?.slice(-8)}`).waitFor();
    // both drafts kept as Ersatt; nothing to start any more
    expect(detail.agreements.filter((file) => file.agreementStatus === 'Ersatt')).toHaveLength(2);
    expect(await section.getByText('Ersatt', { exact: true }).count()).toBe(2);
    expect(await section.getByRole('button', { name: 'Skicka för signering' }).count()).toBe(0);
    // the copy button puts the whole SHA-256 on the clipboard
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.app.url });
    await section.getByRole('button', { name: `Kopiera kontrollsumman (SHA-256) för ${signed?.name}` }).click();
    await section.getByText('Kontrollsumman är kopierad.').first().waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(signed?.sha256);
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'avtal-insats');
    expect(problems).toEqual([]);
  });

  it('checks files from the Insatser list: the signed PDF matches with its signers, one changed byte does not', async () => {
    const detail = await api.samutb();
    const signed = detail.agreements.find((file) => file.agreementStatus === 'Signerat');
    const bytes = await api.file('karin.vallgren', signed?.driveItemId ?? '');
    expect(sha256(bytes)).toBe(signed?.sha256);

    const { page, problems } = await harness.openAs('karin.vallgren', '/insatser');
    await page.getByRole('link', { name: 'Kontrollera en avtalsfil' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontrollera avtal' }).waitFor();
    await page
      .locator('#kontroll-fil')
      .setInputFiles({ name: 'från-epost.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.getByText(/^från-epost\.pdf \(/).waitFor();
    const check = page.getByRole('button', { name: 'Kontrollera', exact: true });
    await check.press('Enter');
    const result = page.getByRole('region', { name: 'Resultat' });
    await result.getByText('Filen stämmer med ett arkiverat avtal').first().waitFor();
    await result.getByRole('heading', { level: 3, name: `Filen stämmer med ${signed?.name}` }).waitFor();
    await result.getByRole('link', { name: 'SAMUTB – Samverkansutbildning 2027' }).waitFor();
    await result.getByText('Signerat', { exact: true }).waitFor();
    const signers = result.getByRole('list', { name: 'Undertecknare' }).getByRole('listitem');
    expect(await signers.count()).toBe(7);
    expect(await signers.allTextContents()).toContain(
      signed?.signatories?.split('\n').find((line) => line.startsWith('Ola Nordin')),
    );
    await result.getByText(signed?.sha256 ?? '').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await screenshot(page, 'avtal-kontroll');

    // one byte changed in the middle: another SHA-256, no match, the hash shown to compare
    const tampered = Buffer.from(bytes);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = (tampered[middle] ?? 0) ^ 0x01;
    await page
      .locator('#kontroll-fil')
      .setInputFiles({ name: 'ändrad.pdf', mimeType: 'application/pdf', buffer: tampered });
    await check.click();
    await result.getByText('Filen stämmer inte med något arkiverat avtal').first().waitFor();
    await result.getByText(sha256(tampered)).waitFor();
    expect(await result.getByRole('list', { name: 'Undertecknare' }).count()).toBe(0);
    expect(problems).toEqual([]);

    // Emma Ström has no role in SAMUTB: she learns that the file matches, not which or whose
    const emma = await harness.openAs('emma.strom', '/avtal/kontroll', { width: 320 });
    await emma.page
      .locator('#kontroll-fil')
      .setInputFiles({ name: 'avtal.pdf', mimeType: 'application/pdf', buffer: bytes });
    await emma.page.getByRole('button', { name: 'Kontrollera', exact: true }).click();
    const hidden = emma.page.getByRole('region', { name: 'Resultat' });
    await hidden.getByText('Filen matchar ett arkiverat avtal.').waitFor();
    expect(await hidden.getByText('SAMUTB').count()).toBe(0);
    await fitsPhone(emma.page);
    expect(await checkAccessibility(emma.page)).toEqual([]);
    expect(emma.problems).toEqual([]);
  });
});

describe('Samarbetsavtal refused, then filed as a scan', { timeout: 90_000 }, () => {
  let harness: TabHarness;
  const api = apiOf(() => harness);
  let samutbId = '';
  let approvalId = '';

  beforeAll(async () => {
    harness = await startTabHarness();
    const samutb = await api.samutb();
    samutbId = samutb.insats.id;
    // the processledare starts the signing (as the tab does; the first describe shows the tab)
    const started = await api.call('sofia.lindahl', 'POST', `/api/insatser/${samutbId}/avtal/signering`);
    expect(started.status).toBe(201);
    approvalId = ((await started.json()) as { approval: { approvalId: string } }).approval.approvalId;
    await api.vote('ola.nordin', approvalId, 'Godkänn');
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('lets Susanne Falk refuse with a comment; the kansli reads it on the insats page and may start again', async () => {
    const { page, problems } = await harness.openAs('susanne.falk', `/beslut/${approvalId}`);
    const reason = 'Arbetsmiljöansvaret i avsnitt 6 behöver förtydligas.';
    await page.getByRole('textbox', { name: /Om du avslår/ }).fill(reason);
    await page.getByRole('button', { name: 'Avslå', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Avslå avtalet?' });
    await dialog.getByText('Signeringen stoppas för alla parter', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Ja, avslå' }).click();
    await page.getByText(/^Du avslog avtalet \d{4}-\d\d-\d\d \d\d:\d\d\.$/).waitFor();
    const view = await api.signing(approvalId);
    expect(view.status).toBe('Avslagen');
    expect(view.votes.find((vote) => vote.name === 'Susanne Falk')?.comment).toBe(reason);
    const detail = await api.samutb();
    expect(detail.insats.stage).toBe('Avtal');
    expect(detail.agreements.find((file) => file.approvalId === approvalId)?.agreementStatus).toBe('Utkast');
    expect(problems).toEqual([]);

    const kansli = await harness.openAs('sofia.lindahl', `/insatser/${samutbId}`);
    const section = agreementSection(kansli.page);
    await section.getByText('Signeringen stoppades').waitFor();
    await section.getByText('Utkastet är tillbaka hos kansliet (Utkast).').first().waitFor();
    await section.getByText(/^Susanne Falk \(Arbetsförmedlingen\) avslog /).waitFor();
    await section.getByText(`”${reason}”`).waitFor();
    await section.getByRole('button', { name: 'Skicka för signering' }).waitFor();
    expect(await checkAccessibility(kansli.page)).toEqual([]);

    // meanwhile the förbundschef sends a new draft: the server's refusal is shown in the dialog
    const again = await api.call('karin.vallgren', 'POST', `/api/insatser/${samutbId}/avtal/signering`);
    expect(again.status).toBe(201);
    const secondId = ((await again.json()) as { approval: { approvalId: string } }).approval.approvalId;
    await section.getByRole('button', { name: 'Skicka för signering' }).click();
    const startDialog = kansli.page.getByRole('dialog', { name: 'Skicka avtalet för SAMUTB för signering?' });
    await startDialog.getByRole('button', { name: 'Skicka för signering' }).click();
    await startDialog.getByText('Signeringen kunde inte startas').waitFor();
    await startDialog
      .getByText(`Avtalet för SAMUTB är redan ute för signering (beslutsärende ${secondId}).`, { exact: false })
      .waitFor();
    expect(await checkAccessibility(kansli.page)).toEqual([]);
    await startDialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(besides(kansli.problems, 409)).toEqual([]);

    // she withdraws it again: the insats page says so, with her reason
    const withdrawn = await api.call('karin.vallgren', 'POST', `/api/beslut/${secondId}/aterkalla`, {
      reason: 'Fel avtalstid i utkastet',
    });
    expect(withdrawn.status).toBe(200);
    const reloaded = await harness.openAs('sofia.lindahl', `/insatser/${samutbId}`);
    const withdrawnSection = agreementSection(reloaded.page);
    await withdrawnSection.getByText('Signeringen återkallades').waitFor();
    await withdrawnSection
      .getByText('Skäl: Fel avtalstid i utkastet. Skicka avtalet för signering igen när det är klart.')
      .waitFor();
    await withdrawnSection.getByRole('button', { name: 'Skicka för signering' }).waitFor();
    expect(reloaded.problems).toEqual([]);
  });

  it('shows the projektledare the agreements but neither the signing nor the filing', async () => {
    const { page, problems } = await harness.openAs('ida.wallin', `/insatser/${samutbId}`);
    const section = agreementSection(page);
    await section.getByRole('heading', { level: 3, name: 'Samarbetsavtal SAMUTB.pdf' }).waitFor();
    expect(await section.getByRole('button', { name: 'Skicka för signering' }).count()).toBe(0);
    expect(await section.getByRole('heading', { name: 'Arkivera signerat avtal' }).count()).toBe(0);
    await section.getByRole('link', { name: 'Kontrollera en avtalsfil' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('lets the projektägare file a scan: a text file and a broken PDF are refused, a PDF is filed, SAMUTB moves to Uppstart', async () => {
    const before = await api.samutb();
    const { page, problems } = await harness.openAs('malin.ostlund', `/insatser/${samutbId}`);
    const section = agreementSection(page);
    await section.getByRole('heading', { level: 3, name: 'Arkivera signerat avtal' }).waitFor();
    const picker = page.locator('#avtal-fil');
    const file = section.getByRole('button', { name: 'Arkivera', exact: true });

    // over 20 MB: told at once, nothing is sent
    await picker.setInputFiles({
      name: 'Samarbetsavtal SAMUTB.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024)]),
    });
    await section.getByText('Filen är för stor (högst 20 MB).').waitFor();
    // a text file renamed .pdf: told at once, by content, and nothing is sent
    await picker.setInputFiles({
      name: 'Samarbetsavtal SAMUTB.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Avtalet är underskrivet, se bilaga.\n'),
    });
    await section.getByText('Filen är ingen PDF. Skanna eller spara avtalet som PDF och försök igen.').waitFor();
    await file.click();
    // something that starts like a PDF: the server is the authority, and says so
    await picker.setInputFiles({
      name: 'Samarbetsavtal SAMUTB.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\nthis is not really a PDF\n'),
    });
    await file.click();
    await section
      .getByText(
        'Filen är ingen PDF. Skanna eller spara avtalet som PDF och försök igen. (Den börjar som en PDF men går inte att läsa.)',
      )
      .waitFor();
    const unchanged = await api.samutb();
    expect(unchanged.agreements).toEqual(before.agreements);
    expect(unchanged.insats.stage).toBe('Avtal');

    // a real PDF, signed on 2026-12-01
    const scan = await scannedPdf('Samarbetsavtal SAMUTB – undertecknat');
    await picker.setInputFiles({
      name: 'Samarbetsavtal SAMUTB signerat.pdf',
      mimeType: 'application/pdf',
      buffer: scan,
    });
    await section.getByLabel('Datum då sista parten skrev under (frivilligt)').fill('2026-12-01');
    await file.press('Enter');
    await section.getByText('Avtalet är arkiverat som Signerat: Samarbetsavtal SAMUTB signerat.pdf').waitFor();
    await section.getByText('SAMUTB har flyttats från skedet Avtal till Uppstart.', { exact: false }).waitFor();
    const filed = await api.samutb();
    expect(filed.insats.stage).toBe('Uppstart');
    const first = filed.agreements.find((agreement) => agreement.name === 'Samarbetsavtal SAMUTB signerat.pdf');
    expect(first).toMatchObject({ agreementStatus: 'Signerat', signedDate: '2026-12-01', sha256: sha256(scan) });
    await section.getByRole('heading', { level: 3, name: 'Samarbetsavtal SAMUTB signerat.pdf' }).waitFor();

    // the same name again: a name of its own, and the first one kept as Ersatt
    const again = await scannedPdf('Samarbetsavtal SAMUTB – undertecknat, ny version');
    await picker.setInputFiles({
      name: 'Samarbetsavtal SAMUTB signerat.pdf',
      mimeType: 'application/pdf',
      buffer: again,
    });
    await file.click();
    await section
      .getByText('Det fanns redan en fil med samma namn, så filen fick ett eget namn.', { exact: false })
      .waitFor();
    await section
      .getByText('Samarbetsavtal SAMUTB signerat.pdf är markerat Ersatt och finns kvar.', { exact: false })
      .waitFor();
    const twice = await api.samutb();
    expect(
      twice.agreements.find((agreement) => agreement.name === 'Samarbetsavtal SAMUTB signerat.pdf')?.agreementStatus,
    ).toBe('Ersatt');
    expect(twice.agreements.filter((agreement) => agreement.agreementStatus === 'Signerat')).toHaveLength(1);
    expect(await checkAccessibility(page)).toEqual([]);
    expect(besides(problems, 400)).toEqual([]);
  });

  it('fits the insats page with its agreements on a 320 px phone, and the scan is found by Kontrollera avtal', async () => {
    const { page, problems } = await harness.openAs('malin.ostlund', `/insatser/${samutbId}`, { width: 320 });
    const section = agreementSection(page);
    await section.getByRole('heading', { level: 3, name: 'Arkivera signerat avtal' }).waitFor();
    await section.getByRole('button', { name: 'Arkivera', exact: true }).waitFor();
    expect(await section.getByRole('button', { name: 'Arkivera', exact: true }).isVisible()).toBe(true);
    await fitsPhone(page);
    expect(await checkAccessibility(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'avtal-320');
    expect(problems).toEqual([]);

    const detail = await api.samutb();
    const current = detail.agreements.find((agreement) => agreement.agreementStatus === 'Signerat');
    const bytes = await api.file('malin.ostlund', current?.driveItemId ?? '');
    await section.getByRole('link', { name: 'Kontrollera en avtalsfil' }).click();
    await page
      .locator('#kontroll-fil')
      .setInputFiles({ name: 'skannat.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.getByRole('button', { name: 'Kontrollera', exact: true }).click();
    const result = page.getByRole('region', { name: 'Resultat' });
    await result.getByRole('heading', { level: 3, name: `Filen stämmer med ${current?.name}` }).waitFor();
    await result.getByText('Inga undertecknare registrerade (t.ex. ett inskannat avtal).').waitFor();
    await fitsPhone(page);
    expect(problems).toEqual([]);
  });
});
