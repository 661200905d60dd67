/**
 * The samarbetsavtal's signing through its use cases, on the lists in memory (issue 8 item 2):
 * start (the draft filed 'Under signering', an approval to the parties' firmatecknare with the
 * draft's hash), every party signs (the signed PDF filed with its metadata, the draft and an
 * earlier signed agreement Ersatt, the insats in Uppstart, the kansli told), a refusal (the draft
 * back to Utkast, the comment to the kansli), a draft edited in between (nothing signed, said),
 * a repeated consequence (one signed file), and a row typed by hand (the sweep files the draft).
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../src/services/agreements/agreement-pdf.ts';
import { finishAgreementSigning } from '../../../../src/services/agreements/finish-agreement-signing.ts';
import { startAgreementSigning } from '../../../../src/services/agreements/start-agreement-signing.ts';
import { loadApprovalContext } from '../../../../src/services/approvals/approval-context.ts';
import { readPayload, writePayload } from '../../../../src/services/approvals/approval-payload.ts';
import { castVote } from '../../../../src/services/approvals/cast-vote.ts';
import { completeConsequences } from '../../../../src/services/approvals/decide-approval.ts';
import { pickUpApprovals } from '../../../../src/services/approvals/pick-up-approvals.ts';
import { withdrawApproval } from '../../../../src/services/approvals/withdraw-approval.ts';
import { EMMA } from '../approvals/approval-world.ts';
import { AgreementWorld, CHRISTER, OLA, SOFIA } from './agreement-world.ts';

describe('starting the signing', () => {
  it('files the draft Under signering and sends each firmatecknare a card naming the party', async () => {
    const w = await AgreementWorld.create();
    const started = await startAgreementSigning(w.deps(), SOFIA, 'NOVA');

    const [draft] = await w.files();
    expect(draft).toMatchObject({
      folder: 'NOVA',
      name: 'Samarbetsavtal NOVA utkast 2027-01-11.pdf',
      agreementStatus: 'Under signering',
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      parties: 'Försäkringskassan, Region Kronoberg',
      approvalId: started.approval.approvalId,
    });
    // the recorded hash is the hash of the stored bytes
    const stored = await w.repos.agreements.download(draft?.driveItemId ?? '');
    expect(draft?.sha256).toBe(sha256Hex(stored));
    expect(stored.byteLength).toBeGreaterThan(1000);

    const approval = await w.repos.approvals.findById(started.approval.approvalId);
    expect(approval).toMatchObject({
      subject: 'Samarbetsavtal',
      stage: 'Firmatecknare',
      rule: 'Alla',
      status: 'Pågår',
    });
    expect(readPayload(approval?.payload).agreement?.draft).toEqual({
      driveItemId: draft?.driveItemId,
      name: draft?.name,
      sha256: draft?.sha256,
      webUrl: draft?.webUrl,
    });
    expect([...started.approval.approverIds].sort()).toEqual([CHRISTER, OLA].sort());

    const [card] = w.seenBy(OLA);
    expect(card).toMatchObject({ kind: 'request', awaited: true });
    expect(card?.agreement).toMatchObject({
      viewerOrganisation: 'Försäkringskassan',
      total: 1_000_000,
      remaining: ['Försäkringskassan', 'Region Kronoberg'],
      draft: { fileUrl: `https://insatsnavet.example/api/avtal/${draft?.driveItemId}/fil?vem=${OLA}` },
    });
    expect(w.seenBy(CHRISTER)[0]?.agreement?.viewerOrganisation).toBe('Region Kronoberg');
    expect(await w.base.audit('avtal.utkast')).toHaveLength(1);
  });

  it('refuses an insats that is not in Avtal, a second open signing, and someone who is not kansli', async () => {
    const w = await AgreementWorld.create();
    await w.repos.interventions.update(w.nova.id, { stage: 'Beviljad' });
    await expect(startAgreementSigning(w.deps(), SOFIA, 'NOVA')).rejects.toMatchObject({
      code: 'INVALID_STATE',
      userMessage: expect.stringContaining('NOVA är i skedet Beviljad'),
    });
    expect(await w.files()).toEqual([]);

    await w.repos.interventions.update(w.nova.id, { stage: 'Avtal' });
    const first = await startAgreementSigning(w.deps(), SOFIA, 'NOVA');
    await expect(startAgreementSigning(w.deps(), SOFIA, 'NOVA')).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: expect.stringContaining(`beslutsärende ${first.approval.approvalId}`),
      details: { approvalId: first.approval.approvalId },
    });
    expect(await w.files()).toHaveLength(1);

    await expect(startAgreementSigning(w.deps(), EMMA, 'NOVA')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await w.base.audit('nekad')).map((row) => row.actorAadId)).toEqual([EMMA]);
  });

  it('refuses when a party has no firmatecknare, naming the party, and stores nothing', async () => {
    const w = await AgreementWorld.create();
    await w.repos.interventions.update(w.nova.id, { partnerOrgIds: [w.base.orgs.REGION, w.base.orgs.VAXJO] });
    await expect(startAgreementSigning(w.deps(), SOFIA, 'NOVA')).rejects.toMatchObject({
      code: 'INVALID_STATE',
      userMessage:
        'Växjö kommun har ingen firmatecknare i listan Roller, så avtalet för NOVA kan inte signeras. Lägg in organisationens firmatecknare först.',
    });
    expect(await w.files()).toEqual([]);
    expect(await w.base.approvals()).toEqual([]);
  });

  it('gives a second draft the same day its own name and marks the withdrawn one Ersatt', async () => {
    const w = await AgreementWorld.create();
    const first = await startAgreementSigning(w.deps(), SOFIA, 'NOVA');
    await withdrawApproval(w.deps(), SOFIA, first.approval.approvalId, { reason: 'Fel budget' });
    const second = await startAgreementSigning(w.deps(), SOFIA, 'NOVA');
    expect(second.agreement.name).toBe('Samarbetsavtal NOVA utkast 2027-01-11 (2).pdf');
    const files = await w.files();
    expect(files.map((file) => [file.name, file.agreementStatus])).toEqual([
      ['Samarbetsavtal NOVA utkast 2027-01-11.pdf', 'Ersatt'],
      ['Samarbetsavtal NOVA utkast 2027-01-11 (2).pdf', 'Under signering'],
    ]);
  });
});

describe('signing', () => {
  it('files the signed PDF once every party has signed, retires the draft and an earlier agreement, and starts the insats', async () => {
    const w = await AgreementWorld.create();
    const earlier = await w.repos.agreements.upload({
      folder: 'NOVA',
      name: 'Samarbetsavtal NOVA 2026.pdf',
      content: new Uint8Array([37, 80, 68, 70, 45]),
      contentType: 'application/pdf',
      fields: { interventionId: w.nova.id, agreementStatus: 'Signerat', signedDate: '2026-12-01' },
      conflictBehavior: 'fail',
    });
    const started = await startAgreementSigning(w.deps(), SOFIA, 'NOVA');
    const id = started.approval.approvalId;

    const first = await castVote(w.deps(), OLA, id, { decision: 'Godkänn' });
    expect(first.view.agreement?.remaining).toEqual(['Region Kronoberg']);
    expect(first.view.agreement?.parties[0]?.signatures).toEqual([{ name: 'Ola Nordin', at: '2027-01-11T09:00:00Z' }]);
    w.base.clock.advance(3_600_000);
    const last = await castVote(w.deps(), CHRISTER, id, { decision: 'Godkänn' });
    expect(last.view.status).toBe('Godkänd');

    const files = await w.files();
    const signed = files.find((file) => file.agreementStatus === 'Signerat');
    expect(signed).toMatchObject({
      name: 'Samarbetsavtal NOVA signerat 2027-01-11.pdf',
      signedDate: '2027-01-11',
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      parties: 'Försäkringskassan, Region Kronoberg',
      approvalId: id,
      signatories: 'Ola Nordin, Försäkringskassan, 2027-01-11 10:00\nChrister Lund, Region Kronoberg, 2027-01-11 11:00',
    });
    const bytes = await w.repos.agreements.download(signed?.driveItemId ?? '');
    expect(signed?.sha256).toBe(sha256Hex(bytes));
    // the draft's pages and a signature page after them
    const draftBytes = await w.repos.agreements.download(started.agreement.driveItemId);
    const pages = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();
    expect(await pages(bytes)).toBeGreaterThan(await pages(draftBytes));

    expect(files.find((file) => file.driveItemId === started.agreement.driveItemId)?.agreementStatus).toBe('Ersatt');
    expect(files.find((file) => file.driveItemId === earlier.driveItemId)?.agreementStatus).toBe('Ersatt');
    expect(await w.stage()).toBe('Uppstart');
    const moved = (await w.repos.auditLog.listByEntity(w.nova.id)).find((row) => row.action === 'insats.skede');
    expect(moved?.details).toMatchObject({ from: 'Avtal', to: 'Uppstart', via: 'agreement' });

    // the kansli hears that it is signed and filed
    const toSofia = w.seenBy(SOFIA).find((seen) => seen.kind === 'requester-outcome');
    expect(toSofia).toMatchObject({ status: 'Godkänd', agreement: { signed: { name: signed?.name }, failure: null } });
    const approval = await w.repos.approvals.findById(id);
    expect(readPayload(approval?.payload)).toMatchObject({
      consequencesDone: true,
      agreement: { signed: { driveItemId: signed?.driveItemId, sha256: signed?.sha256 } },
    });
  });

  it('runs the consequences again after a crash without filing a second signed agreement', async () => {
    const w = await AgreementWorld.create();
    const started = await startAgreementSigning(w.deps(), SOFIA, 'NOVA');
    const id = started.approval.approvalId;
    await castVote(w.deps(), OLA, id, { decision: 'Godkänn' });
    await castVote(w.deps(), CHRISTER, id, { decision: 'Godkänn' });
    // as if the process died after filing, before the row recorded the file and the insats moved
    const row = await w.repos.approvals.findById(id);
    const payload = readPayload(row?.payload);
    const { signed: _signed, ...record } = payload.agreement ?? { signed: undefined };
    await w.repos.approvals.update(id, {
      payload: writePayload(payload, { consequencesDone: false, agreement: record as typeof payload.agreement }),
    });
    await w.repos.interventions.update(w.nova.id, { stage: 'Avtal' });

    const again = await w.repos.approvals.findById(id);
    expect(await completeConsequences(w.deps(), again ?? (row as never))).toBe(true);
    const signed = (await w.files()).filter((file) => file.agreementStatus === 'Signerat');
    expect(signed).toHaveLength(1);
    expect(await w.stage()).toBe('Uppstart');
    // and once more, directly: nothing new
    const context = await loadApprovalContext(w.deps(), (await w.repos.approvals.findById(id)) ?? (row as never));
    await finishAgreementSigning(w.deps(), context, 'Godkänd', 'system');
    expect((await w.files()).filter((file) => file.agreementStatus === 'Signerat')).toHaveLength(1);
    expect(await w.base.audit('avtal.signerat')).toHaveLength(1);
  });

  it('Avslå needs a comment; with one the signing stops, the draft is Utkast again and the kansli gets the comment', async () => {
    const w = await AgreementWorld.create();
    const started = await startAgreementSigning(w.deps(), SOFIA, 'NOVA');
    const id = started.approval.approvalId;
    await castVote(w.deps(), OLA, id, { decision: 'Godkänn' });
    await expect(castVote(w.deps(), CHRISTER, id, { decision: 'Avslå' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      userMessage: 'Skriv varför du avslår avtalet – kommentaren går till kansliet.',
    });
    const refused = await castVote(w.deps(), CHRISTER, id, {
      decision: 'Avslå',
      comment: 'Arbetsmiljöansvaret måste ligga hos projektägaren.',
    });
    expect(refused.view.status).toBe('Avslagen');
    const files = await w.files();
    expect(files.map((file) => file.agreementStatus)).toEqual(['Utkast']);
    expect(await w.stage()).toBe('Avtal');
    const toSofia = w.seenBy(SOFIA).find((seen) => seen.kind === 'requester-outcome');
    expect(toSofia?.status).toBe('Avslagen');
    expect(toSofia?.agreement?.parties.find((party) => party.name === 'Region Kronoberg')?.refusal).toMatchObject({
      name: 'Christer Lund',
      comment: 'Arbetsmiljöansvaret måste ligga hos projektägaren.',
    });
  });

  it('does not sign a draft edited in SharePoint after the signing started: no signed file, the kansli told why', async () => {
    const w = await AgreementWorld.create();
    const started = await startAgreementSigning(w.deps(), SOFIA, 'NOVA');
    const id = started.approval.approvalId;
    await castVote(w.deps(), OLA, id, { decision: 'Godkänn' });
    // someone opens the draft in SharePoint and saves it over itself
    await w.repos.agreements.upload({
      folder: 'NOVA',
      name: started.agreement.name,
      content: new TextEncoder().encode('%PDF-1.7 ändrad'),
      contentType: 'application/pdf',
      fields: {},
      conflictBehavior: 'replace',
    });
    const last = await castVote(w.deps(), CHRISTER, id, { decision: 'Godkänn' });
    expect(last.view.status).toBe('Godkänd');
    expect(last.view.agreement?.failure).toMatch(/har ändrats i SharePoint efter att signeringen startade/);
    expect((await w.files()).map((file) => file.agreementStatus)).toEqual(['Utkast']);
    expect(await w.stage()).toBe('Avtal');
    const toSofia = w.seenBy(SOFIA).find((seen) => seen.kind === 'requester-outcome');
    expect(toSofia?.agreement?.failure).toMatch(/Starta en ny signering/);
    expect(await w.base.audit('avtal.signering-misslyckad')).toHaveLength(1);
    // decided and done: the sweep does not try again
    expect(readPayload((await w.repos.approvals.findById(id))?.payload).consequencesDone).toBe(true);
  });
});

describe('a Samarbetsavtal row typed into SharePoint', () => {
  it('gets its draft from the sweep, once, and its cards', async () => {
    const w = await AgreementWorld.create();
    const row = await w.base.typedRow({
      title: 'Samarbetsavtal NOVA',
      subject: 'Samarbetsavtal',
      stage: 'Firmatecknare',
      rule: 'Alla',
      requestedByAadId: SOFIA,
    });
    const first = await pickUpApprovals(w.deps());
    expect(first.problems).toEqual([]);
    expect(first.opened).toBe(1);
    const [draft] = await w.files();
    expect(draft).toMatchObject({ agreementStatus: 'Under signering', approvalId: row.id });
    const payload = readPayload((await w.repos.approvals.findById(row.id))?.payload);
    expect(payload.agreement?.draft.driveItemId).toBe(draft?.driveItemId);
    expect(payload.summary).toMatch(/^Samarbetsavtal för NOVA/);
    expect(w.seenBy(OLA)).toHaveLength(1);
    await pickUpApprovals(w.deps());
    expect(await w.files()).toHaveLength(1);
    expect(w.seenBy(OLA)).toHaveLength(1);
  });

  it('is reported, not opened, when the insats is not in Avtal', async () => {
    const w = await AgreementWorld.create();
    await w.repos.interventions.update(w.nova.id, { stage: 'Pågående' });
    await w.base.typedRow({ subject: 'Samarbetsavtal', stage: 'Firmatecknare', rule: 'Alla' });
    const result = await pickUpApprovals(w.deps());
    expect(result.problems.join('\n')).toMatch(/NOVA är i skedet Pågående; ett samarbetsavtal signeras i skedet Avtal/);
    expect(await w.files()).toEqual([]);
    expect(w.seenBy(OLA)).toEqual([]);
  });
});
