/**
 * Filing a signed scan and checking a file, through the use cases on the lists in memory (issue 8
 * items 3 and 4): only PDFs by content, names made valid for SharePoint, the same name twice never
 * overwritten, an earlier signed agreement kept as Ersatt, Avtal → Uppstart; the check's hash, its
 * match and who signed, and what someone without a role in the insats learns.
 */
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../../../src/domain/clock.ts';
import { agreementFileLink, personOfLink } from '../../../../src/services/agreements/agreement-link.ts';
import { sha256Hex } from '../../../../src/services/agreements/agreement-pdf.ts';
import { fileSignedAgreement } from '../../../../src/services/agreements/file-signed-agreement.ts';
import { MAX_AGREEMENT_BYTES } from '../../../../src/services/agreements/pdf-check.ts';
import { readAgreementFile } from '../../../../src/services/agreements/read-agreement-file.ts';
import { startAgreementSigning } from '../../../../src/services/agreements/start-agreement-signing.ts';
import { verifyAgreementFile } from '../../../../src/services/agreements/verify-agreement-file.ts';
import { castVote } from '../../../../src/services/approvals/cast-vote.ts';
import { actorOf } from '../../../../src/services/register/load-actor.ts';
import { EMMA, OUTSIDER, p } from '../approvals/approval-world.ts';
import { AgreementWorld, CHRISTER, OLA, SOFIA, scannedPdf } from './agreement-world.ts';

async function file(
  w: AgreementWorld,
  as: string,
  name: string | null,
  content: Uint8Array,
  signedDate: string | null = null,
) {
  const actor = await actorOf(w.deps(), as);
  return fileSignedAgreement(w.deps(), actor, { interventionId: w.nova.id, fileName: name, signedDate, content });
}

describe('filing a signed scan', () => {
  it('files a PDF as Signerat with its hash, the period and the parties, and moves the insats to Uppstart', async () => {
    const w = await AgreementWorld.create();
    const pdf = await scannedPdf();
    const filed = await file(w, SOFIA, 'Samarbetsavtal NOVA underskrivet.pdf', pdf, '2027-01-08');
    expect(filed.agreement).toMatchObject({
      folder: 'NOVA',
      name: 'Samarbetsavtal NOVA underskrivet.pdf',
      agreementStatus: 'Signerat',
      signedDate: '2027-01-08',
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      parties: 'Försäkringskassan, Region Kronoberg',
      sha256: sha256Hex(pdf),
      approvalId: null,
    });
    expect(filed.stage).toEqual({ from: 'Avtal', to: 'Uppstart' });
    expect(await w.stage()).toBe('Uppstart');
    expect(await w.base.audit('avtal.arkiverat')).toHaveLength(1);
  });

  it('refuses what is not a PDF by its content, whatever it is called, and stores nothing', async () => {
    const w = await AgreementWorld.create();
    // a Word document is a zip
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml')]);
    await expect(file(w, SOFIA, 'Samarbetsavtal.pdf', docx)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      userMessage: expect.stringMatching(/^Filen är ingen PDF/),
    });
    // the header alone is not enough: pdf-lib must be able to read it
    await expect(file(w, SOFIA, 'x.pdf', new TextEncoder().encode('%PDF-1.7\nskräp'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(file(w, SOFIA, 'x.pdf', new Uint8Array(MAX_AGREEMENT_BYTES + 1))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(await w.files()).toEqual([]);
    expect(await w.stage()).toBe('Avtal');
  });

  it('makes names valid for SharePoint and never overwrites: the same name twice gets (2), the earlier is Ersatt and kept', async () => {
    const w = await AgreementWorld.create();
    const original = await scannedPdf('ett');
    const first = await file(w, SOFIA, 'C:\\Skannat\\Avtal: NOVA | 2027 #1 100%?.pdf', original);
    expect(first.agreement.name).toBe('Avtal_ NOVA _ 2027 _1 100__.pdf');
    const again = await file(w, SOFIA, 'Avtal: NOVA | 2027 #1 100%?.PDF', await scannedPdf('två'));
    expect(again.agreement.name).toBe('Avtal_ NOVA _ 2027 _1 100__ (2).pdf');
    expect(again.renamed).toBe(true);
    expect(again.replaced).toEqual([first.agreement.name]);
    const files = await w.files();
    expect(files.map((stored) => [stored.name, stored.agreementStatus])).toEqual([
      [first.agreement.name, 'Ersatt'],
      [again.agreement.name, 'Signerat'],
    ]);
    expect(await w.repos.agreements.download(first.agreement.driveItemId)).toEqual(original);
  });

  it('refuses a projektledare (403, nekad) and a signing open in Teams (409), storing nothing', async () => {
    const w = await AgreementWorld.create();
    await expect(file(w, EMMA, 'a.pdf', await scannedPdf())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await w.base.audit('nekad')).map((row) => row.details)).toEqual([
      expect.objectContaining({ attempted: 'arkivera-avtal' }),
    ]);
    await startAgreementSigning(w.deps(), SOFIA, 'NOVA');
    await expect(file(w, SOFIA, 'a.pdf', await scannedPdf())).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: expect.stringContaining('ute för signering i Teams'),
    });
    expect((await w.files()).map((stored) => stored.agreementStatus)).toEqual(['Under signering']);
  });

  it('lets the insats’s projektägare file it, and refuses a signed date after today', async () => {
    const w = await AgreementWorld.create();
    const owner = p('jenny');
    await w.base.person(owner, 'Jenny Ägare', 'Projektägare', { insats: w.nova.id });
    await expect(file(w, owner, 'a.pdf', await scannedPdf(), '2027-02-01')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      userMessage: 'Signerat datum kan inte vara efter i dag (2027-01-11).',
    });
    const filed = await file(w, owner, null, await scannedPdf());
    expect(filed.agreement.name).toBe('Samarbetsavtal NOVA signerat 2027-01-11.pdf');
  });
});

describe('checking a file', () => {
  it('finds the signed agreement with who signed it; one flipped byte finds nothing', async () => {
    const w = await AgreementWorld.create();
    const started = await startAgreementSigning(w.deps(), SOFIA, 'NOVA');
    await castVote(w.deps(), OLA, started.approval.approvalId, { decision: 'Godkänn' });
    await castVote(w.deps(), CHRISTER, started.approval.approvalId, { decision: 'Godkänn' });
    const signed = (await w.files()).find((stored) => stored.agreementStatus === 'Signerat');
    const bytes = await w.repos.agreements.download(signed?.driveItemId ?? '');

    const sofia = await actorOf(w.deps(), SOFIA);
    const match = await verifyAgreementFile(w.deps(), sofia, bytes);
    expect(match).toMatchObject({ matched: true, hidden: 0, sha256: sha256Hex(bytes) });
    expect(match.agreements[0]).toMatchObject({
      insats: { code: 'NOVA' },
      name: 'Samarbetsavtal NOVA signerat 2027-01-11.pdf',
      status: 'Signerat',
      signedDate: '2027-01-11',
      signers: [
        { name: 'Ola Nordin', organisation: 'Försäkringskassan', at: '2027-01-11 10:00' },
        { name: 'Christer Lund', organisation: 'Region Kronoberg', at: '2027-01-11 10:00' },
      ],
    });
    expect(match.message).toMatch(/^Filen matchar det arkiverade avtalet ”Samarbetsavtal NOVA signerat/);

    const tampered = bytes.slice();
    const at = Math.floor(tampered.length / 2);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const none = await verifyAgreementFile(w.deps(), sofia, tampered);
    expect(none).toMatchObject({ matched: false, agreements: [], hidden: 0 });
    expect(none.message).toMatch(/^Filen matchar inget arkiverat avtal/);

    // the CLI (no actor) sees it all; someone without a role in NOVA only that it matches
    expect((await verifyAgreementFile(w.deps(), null, bytes)).agreements).toHaveLength(1);
    const outsider = await actorOf(w.deps(), OUTSIDER);
    expect(await verifyAgreementFile(w.deps(), outsider, bytes)).toMatchObject({
      matched: true,
      agreements: [],
      hidden: 1,
      message: 'Filen matchar ett arkiverat avtal.',
    });
    // a signer sees what they signed, though the insats's other papers are not theirs
    expect((await verifyAgreementFile(w.deps(), await actorOf(w.deps(), OLA), bytes)).agreements).toHaveLength(1);
  });
});

describe('reading an agreement’s PDF', () => {
  it('is for those who read the insats and those who sign it; anyone else is refused and logged', async () => {
    const w = await AgreementWorld.create();
    const started = await startAgreementSigning(w.deps(), SOFIA, 'NOVA');
    const id = started.agreement.driveItemId;
    for (const reader of [SOFIA, EMMA, OLA]) {
      const { content } = await readAgreementFile(w.deps(), await actorOf(w.deps(), reader), id);
      expect(sha256Hex(content)).toBe(started.agreement.sha256);
    }
    await expect(readAgreementFile(w.deps(), await actorOf(w.deps(), OUTSIDER), id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await w.base.audit('nekad')).toHaveLength(1);
    await expect(readAgreementFile(w.deps(), await actorOf(w.deps(), SOFIA), 'no-such-file')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('opens from a card by a link signed for its reader, until it expires', () => {
    const clock = new FixedClock('2027-01-11T09:00:00Z');
    const options = { baseUrl: 'https://app.example', secret: 's'.repeat(40), clock };
    const link = new URL(agreementFileLink(options, 'ITEM1', OLA));
    expect(link.pathname).toBe('/api/avtal/ITEM1/fil');
    const grant = Object.fromEntries(link.searchParams);
    expect(personOfLink(options, 'ITEM1', grant)).toBe(OLA);
    expect(personOfLink(options, 'ITEM2', grant)).toBeNull();
    expect(personOfLink(options, 'ITEM1', { ...grant, vem: CHRISTER })).toBeNull();
    expect(personOfLink({ ...options, secret: 't'.repeat(40) }, 'ITEM1', grant)).toBeNull();
    clock.advance(31 * 86_400_000);
    expect(personOfLink(options, 'ITEM1', grant)).toBeNull();
  });
});
