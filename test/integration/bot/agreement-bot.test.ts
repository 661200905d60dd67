/**
 * The samarbetsavtal end to end through /api/messages (issue 8), the app booted as `npm start`
 * (local SharePoint, demo data): SAMUTB, in Avtal, is sent out for signing by the kansli from the
 * chat (`signera avtal SAMUTB`); its seven parties' firmatecknare get cards and sign by
 * `adaptiveCard/action` invokes — the last two at once — and the signed PDF is filed, SAMUTB moves
 * to Uppstart, Sofia is told; the filed file checks out and a tampered copy does not. Then SAMSJUK:
 * a firmatecknare refuses (the draft back to Utkast, the comment to the kansli); a row typed into
 * the Approvals list is picked up by the sweep, which files the draft; the draft is edited in
 * SharePoint before the last signature (nothing signed, the kansli told why); and finally the
 * signed scan is sent to the bot as a file (a local server stands in for Teams' download URL).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApprovalMessages } from '../../../bot/cards/approval-messages.ts';
import { createInvoicingMessages } from '../../../bot/cards/requisition-messages.ts';
import { createLogger } from '../../../src/server/logger.ts';
import { systemClock } from '../../../src/server/system-clock.ts';
import { sha256Hex } from '../../../src/services/agreements/agreement-pdf.ts';
import { readPayload } from '../../../src/services/approvals/approval-payload.ts';
import { runSweep } from '../../../src/services/sweep/run-sweep.ts';
import { createSweepState } from '../../../src/services/sweep/sweep-deps.ts';
import { demoPerson, type PersonKey } from '../../../src/sharepoint/demo/demo-people.ts';
import {
  type BotHarness,
  cardsOf,
  contentOf,
  envelope,
  type Posted,
  personal,
  type Speaker,
  startBotHarness,
} from './bot-harness.ts';

const TEAMS_LIMIT_MS = 5_000;
const FIRMATECKNARE: readonly PersonKey[] = [
  'christer.lund',
  'ola.nordin',
  'susanne.falk',
  'birgitta.holm',
  'roger.lindell',
  'ann-sofie.bjork',
  'magnus.aberg',
];

type CardAction = {
  readonly type: string;
  readonly title: string;
  readonly verb?: string;
  readonly url?: string;
  readonly data?: unknown;
};
type CardJson = { readonly body: unknown[]; readonly actions?: CardAction[] };

let bot: BotHarness;
let files: Server;
let filesUrl: string;
const sofia = personal('sofia.lindahl');
const ida = personal('ida.wallin');

async function pdf(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]).drawText(text, { x: 50, y: 780 });
  return document.save();
}

beforeAll(async () => {
  bot = await startBotHarness({ SWEEP_SCHEDULE: 'off' });
  const scan = await pdf('Samarbetsavtal SAMSJUK – undertecknat av alla parter');
  // Teams' download URL: a pre-authorised link to the file in the sender's OneDrive
  files = createServer((req, res) => {
    if (req.url === '/avtal.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': scan.byteLength });
      res.end(scan);
    } else if (req.url === '/avtal.docx') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
    } else if (req.url === '/stor.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 21 * 1024 * 1024 });
      res.end(Buffer.from('%PDF-1.7 …'));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await bot?.close();
  await new Promise<void>((resolve) => (files === undefined ? resolve() : files.close(() => resolve())));
});

const invoke = async (speaker: Speaker, data: Record<string, unknown>) => {
  const turn = await bot.send({
    ...envelope(bot.serviceUrl, speaker),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'beslut.rosta', data }, trigger: 'manual' },
  });
  expect(turn.status).toBe(200);
  expect(turn.ms).toBeLessThan(TEAMS_LIMIT_MS);
  return turn;
};

function cardOf(turn: { body: unknown }): CardJson {
  expect(turn.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return (turn.body as { value: CardJson }).value;
}

async function waitForPosted(predicate: (entry: Posted) => boolean, count = 1): Promise<Posted[]> {
  for (let attempt = 0; attempt < 80; attempt += 1) {
    const found = bot.posted.filter(predicate);
    if (found.length >= count) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return bot.posted.filter(predicate);
}

async function insatsId(code: string): Promise<string> {
  return (await bot.repos.interventions.findByCode(code))?.id ?? '';
}

async function openSigning(code: string) {
  const approvals = await bot.repos.approvals.listByIntervention(await insatsId(code));
  return approvals.filter((row) => row.subject === 'Samarbetsavtal').sort((a, b) => Number(b.id) - Number(a.id))[0];
}

/** a message carrying a file the way Teams sends one from a personal chat */
function fileMessage(speaker: Speaker, text: string, name: string, path: string): Record<string, unknown> {
  return {
    ...envelope(bot.serviceUrl, speaker),
    type: 'message',
    text,
    textFormat: 'plain',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        contentUrl: `https://contoso-my.sharepoint.com/personal/sofia/Documents/${name}`,
        name,
        content: { downloadUrl: `${filesUrl}${path}`, uniqueId: 'f1', fileType: name.split('.').at(-1) },
      },
    ],
  };
}

describe('SAMUTB signed in Teams by its seven firmatecknare', () => {
  let approvalId = '';

  it('everyone involved has a chat with the bot', async () => {
    for (const person of [...FIRMATECKNARE, 'sofia.lindahl', 'ida.wallin'] as const) {
      expect((await bot.say(personal(person), 'hej')).status).toBe(200);
    }
  });

  it('a projektledare cannot start the signing', async () => {
    const turn = await bot.say(ida, 'signera avtal SAMUTB');
    expect(turn.replies[0]?.activity.text).toBe('Bara kansliet kan starta signeringen av ett samarbetsavtal.');
    expect(await openSigning('SAMUTB')).toBeUndefined();
  });

  it('the kansli starts it: the draft is filed Under signering and each firmatecknare gets one card', async () => {
    const before = bot.posted.length;
    const turn = await bot.say(sofia, 'signera avtal SAMUTB');
    const reply = contentOf(turn.replies[0] as Posted);
    expect(reply).toContain('Avtalet är ute för signering: 7 firmatecknare får kortet i Teams.');
    const approval = await openSigning('SAMUTB');
    expect(approval).toMatchObject({ status: 'Pågår', stage: 'Firmatecknare', rule: 'Alla' });
    approvalId = approval?.id ?? '';
    const payload = readPayload(approval?.payload);
    expect(payload.approvers?.map((seat) => seat.name).sort()).toEqual(
      FIRMATECKNARE.map((person) => demoPerson(person).displayName).sort(),
    );
    const draft = (await bot.repos.agreements.listByIntervention(await insatsId('SAMUTB'))).find(
      (file) => file.driveItemId === payload.agreement?.draft.driveItemId,
    );
    expect(draft).toMatchObject({ agreementStatus: 'Under signering', approvalId });
    expect(sha256Hex(await bot.repos.agreements.download(draft?.driveItemId ?? ''))).toBe(draft?.sha256);

    const conversations = new Set(FIRMATECKNARE.map((person) => personal(person).conversationId));
    const cards = await waitForPosted(
      (entry) =>
        bot.posted.indexOf(entry) >= before && entry.method === 'POST' && conversations.has(entry.conversationId),
      FIRMATECKNARE.length,
    );
    expect(new Set(cards.map((entry) => entry.conversationId))).toEqual(conversations);
    const toOla = cards.find((entry) => entry.conversationId === personal('ola.nordin').conversationId);
    const card = cardsOf(toOla as Posted)[0] as CardJson;
    const titles = (card.actions ?? []).map((action) => action.title);
    expect(titles).toContain('Jag godkänner och undertecknar avtalet för Försäkringskassan');
    expect(titles).toContain('Avslå');
    const link = card.actions?.find((action) => action.title === 'Läs avtalet (PDF)');
    expect(link?.url).toContain(`/api/avtal/${draft?.driveItemId}/fil?`);
    // the link opens the draft in a browser, with no sign-in header
    const opened = await fetch(link?.url ?? '');
    expect(opened.headers.get('content-type')).toBe('application/pdf');
    expect(sha256Hex(new Uint8Array(await opened.arrayBuffer()))).toBe(draft?.sha256);
    expect(JSON.stringify(card)).toContain('**Ersättning:** 120\u00a0000\u00a0kr totalt');
  });

  it('a click from someone who is not a firmatecknare is refused (403) and stores nothing', async () => {
    const turn = await invoke(ida, { approvalId, beslut: 'Godkänn' });
    expect(turn.body).toMatchObject({ statusCode: 403 });
    expect(await bot.repos.votes.listByApproval(approvalId)).toEqual([]);
  });

  it('five sign one after another; each card says who signed for which party when, and who remains', async () => {
    for (const person of FIRMATECKNARE.slice(0, 5)) {
      const card = cardOf(await invoke(personal(person), { approvalId, beslut: 'Godkänn' }));
      expect(JSON.stringify(card)).toMatch(/Du har undertecknat avtalet för [^"]+ \d{2}:\d{2}\./);
    }
    const card = JSON.stringify(cardOf(await invoke(personal('ola.nordin'), { approvalId, beslut: 'Godkänn' })));
    expect(card).toMatch(/Undertecknat av Ola Nordin för Försäkringskassan \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(card).toMatch(/Undertecknat av Christer Lund för Region Kronoberg \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(card).toContain('Kvar att underteckna: Tingsryds kommun, Växjö kommun.');
    expect(card).toContain('Du har redan röstat');
  });

  it('the last two sign at once: one decision, the signed PDF filed, the draft Ersatt, SAMUTB in Uppstart, Sofia told', async () => {
    const before = bot.posted.length;
    const turns = await Promise.all(
      FIRMATECKNARE.slice(5).map((person) => invoke(personal(person), { approvalId, beslut: 'Godkänn' })),
    );
    for (const turn of turns) {
      expect(JSON.stringify(cardOf(turn))).toMatch(/Du har undertecknat avtalet för/);
    }
    expect(await bot.repos.votes.listByApproval(approvalId)).toHaveLength(7);
    const decisions = (await bot.repos.auditLog.listByEntity(approvalId)).filter(
      (row) => row.action === 'beslut.fattat',
    );
    expect(decisions).toHaveLength(1);
    expect((await bot.repos.approvals.findById(approvalId))?.status).toBe('Godkänd');

    const samutb = await bot.repos.interventions.findByCode('SAMUTB');
    const filed = await bot.repos.agreements.listByIntervention(samutb?.id ?? '');
    const signed = filed.filter((file) => file.agreementStatus === 'Signerat');
    expect(signed).toHaveLength(1);
    const [file] = signed;
    expect(file).toMatchObject({
      folder: 'SAMUTB',
      approvalId,
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      parties: expect.stringMatching(/^Region Kronoberg, /),
    });
    expect(file?.name).toMatch(/^Samarbetsavtal SAMUTB signerat \d{4}-\d{2}-\d{2}\.pdf$/);
    expect(file?.signedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file?.signatories?.split('\n')).toHaveLength(7);
    const bytes = await bot.repos.agreements.download(file?.driveItemId ?? '');
    expect(file?.sha256).toBe(sha256Hex(bytes));
    expect(filed.filter((other) => other.agreementStatus === 'Under signering')).toEqual([]);
    expect(filed.filter((other) => other.agreementStatus === 'Ersatt')).toHaveLength(2);
    expect(samutb?.stage).toBe('Uppstart');
    const moved = (await bot.repos.auditLog.listByEntity(samutb?.id ?? '')).find(
      (row) => row.action === 'insats.skede' && (row.details as { to?: string }).to === 'Uppstart',
    );
    expect(moved?.details).toMatchObject({ from: 'Avtal', via: 'agreement' });

    const toSofia = await waitForPosted(
      (entry) => bot.posted.indexOf(entry) >= before && entry.conversationId === sofia.conversationId,
    );
    const told = JSON.stringify(toSofia.map((entry) => cardsOf(entry)));
    expect(told).toContain('Ditt ärende är avgjort');
    expect(told).toContain('Det signerade avtalet är arkiverat');
  });

  it('the filed file checks out with its signers; one flipped byte does not', async () => {
    const samutb = await insatsId('SAMUTB');
    const file = (await bot.repos.agreements.listByIntervention(samutb)).find((f) => f.agreementStatus === 'Signerat');
    const bytes = await bot.repos.agreements.download(file?.driveItemId ?? '');
    const check = async (body: Uint8Array) => {
      const response = await fetch(`${bot.app.url}/api/avtal/kontroll`, {
        method: 'POST',
        headers: {
          authorization: `Bearer dev:${demoPerson('sofia.lindahl').aadObjectId}`,
          'content-type': 'application/pdf',
        },
        body: Buffer.from(body),
      });
      return (await response.json()) as { matched: boolean; agreements: Array<{ signers: Array<{ name: string }> }> };
    };
    const original = await check(bytes);
    expect(original.matched).toBe(true);
    expect(original.agreements[0]?.signers.map((signer) => signer.name)).toContain('Ola Nordin');
    expect(original.agreements[0]?.signers).toHaveLength(7);
    const tampered = bytes.slice();
    const at = Math.floor(tampered.length / 3);
    tampered[at] = (tampered[at] ?? 0) ^ 0x20;
    expect((await check(tampered)).matched).toBe(false);
  });
});

describe('SAMSJUK: refused, typed by hand, edited, and filed as a scan', () => {
  const samsjukParties: readonly PersonKey[] = ['magnus.aberg', 'susanne.falk', 'christer.lund'];

  it('a refusal needs a comment; with one the signing stops, the draft is Utkast and Sofia gets the comment', async () => {
    await bot.repos.interventions.update(await insatsId('SAMSJUK'), { stage: 'Avtal' });
    await bot.say(sofia, 'signera avtal SAMSJUK');
    const approval = await openSigning('SAMSJUK');
    const approvalId = approval?.id ?? '';
    expect(readPayload(approval?.payload).approvers).toHaveLength(3);
    cardOf(await invoke(personal('magnus.aberg'), { approvalId, beslut: 'Godkänn' }));
    const noComment = JSON.stringify(cardOf(await invoke(personal('christer.lund'), { approvalId, beslut: 'Avslå' })));
    expect(noComment).toContain('Skriv varför du avslår avtalet');
    const before = bot.posted.length;
    const refused = cardOf(
      await invoke(personal('christer.lund'), {
        approvalId,
        beslut: 'Avslå',
        kommentar: 'Arbetsmiljöansvaret för personalen måste skrivas in.',
      }),
    );
    expect(JSON.stringify(refused)).toContain('Du avslog avtalet');
    expect((await bot.repos.approvals.findById(approvalId))?.status).toBe('Avslagen');
    const filed = await bot.repos.agreements.listByIntervention(await insatsId('SAMSJUK'));
    expect(filed.map((file) => file.agreementStatus)).toEqual(['Utkast']);
    const toSofia = await waitForPosted(
      (entry) => bot.posted.indexOf(entry) >= before && entry.conversationId === sofia.conversationId,
    );
    const told = JSON.stringify(toSofia.map((entry) => cardsOf(entry)));
    expect(told).toContain('Christer Lund (Region Kronoberg) avslog');
    expect(told).toContain('Arbetsmiljöansvaret för personalen måste skrivas in.');
  });

  it('a row typed into the Approvals list is picked up by the sweep, which files the draft; an edited draft is not signed', async () => {
    const samsjuk = await insatsId('SAMSJUK');
    const row = await bot.repos.approvals.create({
      title: 'Samarbetsavtal SAMSJUK, version 2',
      interventionId: samsjuk,
      subject: 'Samarbetsavtal',
      stage: 'Firmatecknare',
      rule: 'Alla',
      status: 'Pågår',
      dueDate: null,
      requestedByAadId: demoPerson('sofia.lindahl').aadObjectId,
      amount: null,
      payload: null,
      previousId: null,
    });
    const before = bot.posted.length;
    const approvals = {
      repos: bot.repos,
      clock: systemClock,
      timeZone: 'Europe/Stockholm',
      notifier: bot.app.notifier,
      messages: createApprovalMessages(),
      logger: createLogger('silent'),
    };
    const report = await runSweep({
      ...approvals,
      messages: createInvoicingMessages(),
      unreadableRows: { clear: () => {}, list: () => [] },
      state: createSweepState(),
      approvals,
    });
    const step = report.steps.find((candidate) => candidate.name === 'Beslutsärenden');
    expect(step?.problems.filter((line) => line.includes('SAMSJUK'))).toEqual([]);
    expect(step?.lines.join('\n')).toContain(
      `Beslutsärende ${row.id} (Samarbetsavtal SAMSJUK, version 2) skickat till 3 beslutsfattare.`,
    );
    const picked = readPayload((await bot.repos.approvals.findById(row.id))?.payload);
    const draftId = picked.agreement?.draft.driveItemId ?? '';
    const draft = await bot.repos.agreements.findByDriveItemId(draftId);
    expect(draft).toMatchObject({ agreementStatus: 'Under signering', approvalId: row.id });
    expect(draft?.name).toMatch(/^Samarbetsavtal SAMSJUK utkast .*\(2\)\.pdf$/);
    const conversations = new Set(samsjukParties.map((person) => personal(person).conversationId));
    await waitForPosted(
      (entry) =>
        bot.posted.indexOf(entry) >= before && entry.method === 'POST' && conversations.has(entry.conversationId),
      3,
    );

    // someone opens the draft in SharePoint and saves a change over it
    await bot.repos.agreements.upload({
      folder: 'SAMSJUK',
      name: draft?.name ?? '',
      content: await pdf('Ändrat i SharePoint'),
      contentType: 'application/pdf',
      fields: {},
      conflictBehavior: 'replace',
    });
    const told = bot.posted.length;
    for (const person of samsjukParties) {
      cardOf(await invoke(personal(person), { approvalId: row.id, beslut: 'Godkänn' }));
    }
    expect((await bot.repos.approvals.findById(row.id))?.status).toBe('Godkänd');
    const filed = await bot.repos.agreements.listByIntervention(samsjuk);
    expect(filed.filter((file) => file.agreementStatus === 'Signerat')).toEqual([]);
    expect((await bot.repos.interventions.findById(samsjuk))?.stage).toBe('Avtal');
    const toSofia = await waitForPosted(
      (entry) => bot.posted.indexOf(entry) >= told && entry.conversationId === sofia.conversationId,
    );
    const text = JSON.stringify(toSofia.map((entry) => cardsOf(entry)));
    expect(text).toContain('Avtalet kunde inte signeras');
    expect(text).toContain('har ändrats i SharePoint efter att signeringen startade');
  });

  it('a file that is not a PDF, one too large, or no insats named: a Swedish answer and nothing stored', async () => {
    const samsjuk = await insatsId('SAMSJUK');
    const before = await bot.repos.agreements.listByIntervention(samsjuk);
    const docx = await bot.send(fileMessage(sofia, 'SAMSJUK', 'avtal.pdf', '/avtal.docx'));
    expect(docx.replies[0]?.activity.text).toMatch(/^Filen är ingen PDF/);
    const big = await bot.send(fileMessage(sofia, 'SAMSJUK', 'stor.pdf', '/stor.pdf'));
    expect(big.replies[0]?.activity.text).toBe('Filen är för stor (högst 20 MB). Ingenting har sparats.');
    // with STEGTIN in Avtal too, two insatser wait for an agreement: Sofia must say which
    await bot.repos.interventions.update(await insatsId('STEGTIN'), { stage: 'Avtal' });
    const unnamed = await bot.send(fileMessage(sofia, 'här är avtalet', 'avtal.pdf', '/avtal.pdf'));
    expect(unnamed.replies[0]?.activity.text).toMatch(/^Vilken insats gäller avtalet\?/);
    await bot.repos.interventions.update(await insatsId('STEGTIN'), { stage: 'Beredning' });
    const group = await bot.send(
      fileMessage(
        { ...sofia, conversationId: '19:grupp@thread.v2', conversationType: 'groupChat' },
        'SAMSJUK',
        'avtal.pdf',
        '/avtal.pdf',
      ),
    );
    expect(group.replies[0]?.activity.text).toMatch(/personlig chatt/);
    const refused = await bot.send(fileMessage(ida, 'SAMSJUK', 'avtal.pdf', '/avtal.pdf'));
    expect(refused.replies[0]?.activity.text).toMatch(/^Bara kansliet eller insatsens projektägare/);
    expect(await bot.repos.agreements.listByIntervention(samsjuk)).toEqual(before);
  });

  it('the signed scan sent to the bot with the insats’s code is filed, and SAMSJUK moves to Uppstart', async () => {
    const turn = await bot.send(
      fileMessage(sofia, 'Signerat avtal för SAMSJUK', 'Avtal: SAMSJUK | signerat.pdf', '/avtal.pdf'),
    );
    const text = turn.replies[0]?.activity.text ?? '';
    expect(text).toContain('Avtalet för **SAMSJUK** är arkiverat som ”Avtal\\_ SAMSJUK \\_ signerat.pdf”');
    expect(text).toContain('SAMSJUK är nu i skedet **Uppstart**.');
    const samsjuk = await insatsId('SAMSJUK');
    const signed = (await bot.repos.agreements.listByIntervention(samsjuk)).filter(
      (file) => file.agreementStatus === 'Signerat',
    );
    expect(signed).toHaveLength(1);
    expect(signed[0]?.sha256).toBe(sha256Hex(await bot.repos.agreements.download(signed[0]?.driveItemId ?? '')));
    expect((await bot.repos.interventions.findById(samsjuk))?.stage).toBe('Uppstart');
  });
});
