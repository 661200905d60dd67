// @vitest-environment happy-dom
/**
 * A samarbetsavtal's card (issue 8): what is signed (parties, period, compensation), a link to
 * read the draft, the firmatecknare's own button ("Jag godkänner och undertecknar avtalet för
 * <organisation>", reading no input) and Avslå (which requires the comment), every signature as
 * "Undertecknat av … för … <datum tid>", who remains, and how it ended — signed and filed, refused
 * with the comment, or not signed because the draft changed. Valid for the Adaptive Cards parser.
 */
import { describe, expect, it } from 'vitest';
import { renderApprovalCard } from '../../../bot/cards/approval-card.ts';
import { parseCommand } from '../../../bot/commands/parse-command.ts';
import type { ApprovalView } from '../../../src/services/approvals/approval-view.ts';
import { cardProblems } from './card-problems.ts';

const OLA = 'a3fc9ee2-fc1d-5865-abf0-bb39cdf2e37f';
const OPTIONS = { timeZone: 'Europe/Stockholm', now: new Date('2027-01-10T13:30:00Z') } as const;

const signing: ApprovalView = {
  approvalId: '21',
  etag: '"21,1"',
  title: 'Samarbetsavtal SAMUTB – Samverkansutbildning 2027',
  subject: 'Samarbetsavtal',
  stage: 'Firmatecknare',
  rule: 'Alla',
  status: 'Pågår',
  dueDate: '2027-01-22',
  amount: 120_000,
  summary: 'Samarbetsavtal för SAMUTB – Samverkansutbildning 2027.',
  requestedByName: 'Sofia Lindahl',
  intervention: { id: '7', code: 'SAMUTB', title: 'Samverkansutbildning 2027' },
  tabUrl: 'https://insatsnavet.example/?insats=7',
  recommendation: null,
  budgetChange: null,
  planChange: null,
  tally: { unit: 'personer', total: 2, approve: 1, reject: 0, abstain: 0, waiting: 1, needed: 2 },
  votes: [],
  approverIds: [OLA, 'c07b6ab1-85e9-5c2d-814d-bc6317126fb6'],
  viewer: {
    aadObjectId: OLA,
    approver: { aadObjectId: OLA, name: 'Ola Nordin', role: 'Firmatecknare', memberOrgId: '1', substitute: false },
    myVote: null,
    awaited: true,
    allowedDecisions: ['Godkänn', 'Avslå'],
  },
  decidedAt: null,
  nextStageTitle: null,
  delegationDecision: false,
  withdrawnReason: null,
  agreement: {
    validFrom: '2027-01-01',
    validTo: '2027-12-31',
    total: 120_000,
    parties: [
      {
        memberId: '3',
        name: 'Region Kronoberg',
        projectOwner: true,
        signatories: ['Christer Lund'],
        signatures: [{ name: 'Christer Lund', at: '2027-01-10T13:02:00Z' }],
        refusal: null,
        signed: true,
      },
      {
        memberId: '1',
        name: 'Försäkringskassan',
        projectOwner: false,
        signatories: ['Ola Nordin'],
        signatures: [],
        refusal: null,
        signed: false,
      },
    ],
    remaining: ['Försäkringskassan'],
    draft: {
      driveItemId: 'ITEM1',
      name: 'Samarbetsavtal SAMUTB utkast 2027-01-09.pdf',
      sha256: 'a'.repeat(64),
      webUrl: 'https://contoso.sharepoint.com/sites/forbund/Samarbetsavtal/SAMUTB/utkast.pdf',
      fileUrl: 'https://insatsnavet.example/api/avtal/ITEM1/fil?vem=ola&till=2027-02-09&nyckel=x',
    },
    signed: null,
    failure: null,
    viewerOrganisation: 'Försäkringskassan',
  },
};

type Json = {
  body: unknown[];
  actions?: Array<{ title: string; type: string; url?: string; associatedInputs?: string }>;
};

function render(view: ApprovalView, kind?: 'requester-outcome'): { json: Json; text: string } {
  const card = renderApprovalCard(view, { ...OPTIONS, ...(kind === undefined ? {} : { kind }) });
  expect(cardProblems(card)).toEqual([]);
  return { json: card as unknown as Json, text: JSON.stringify(card) };
}

describe('a samarbetsavtal’s card', () => {
  it('asks the firmatecknare to sign for their party, with the draft to read and what it says', () => {
    const { json, text } = render(signing);
    expect(text).toContain('"text":"Underteckna: Samarbetsavtal SAMUTB – Samverkansutbildning 2027"');
    const sign = json.actions?.find((action) => action.title.startsWith('Jag godkänner'));
    expect(sign).toMatchObject({
      title: 'Jag godkänner och undertecknar avtalet för Försäkringskassan',
      associatedInputs: 'none',
    });
    expect(json.actions?.find((action) => action.title === 'Avslå')?.associatedInputs).toBe('auto');
    expect(json.actions?.find((action) => action.title === 'Läs avtalet (PDF)')?.url).toBe(
      signing.agreement?.draft.fileUrl,
    );
    expect(text).toContain('"isRequired":true');
    expect(text).toContain('**Parter:** Region Kronoberg (projektägare), Försäkringskassan');
    expect(text).toContain('**Avtalstid:** 2027-01-01 – 2027-12-31');
    expect(text).toContain('**Ersättning:** 120\u00a0000\u00a0kr totalt');
    expect(text).toContain('- Undertecknat av Christer Lund för Region Kronoberg 2027-01-10 14:02');
    expect(text).toContain('- Försäkringskassan: väntar på Ola Nordin');
    expect(text).toContain('Kvar att underteckna: Försäkringskassan.');
  });

  it('links to SharePoint when the app’s address is unknown', () => {
    const agreement = signing.agreement as NonNullable<ApprovalView['agreement']>;
    const draft = { ...agreement.draft, fileUrl: null };
    const { json } = render({ ...signing, agreement: { ...agreement, draft } });
    expect(json.actions?.find((action) => action.title === 'Läs avtalet (PDF)')?.url).toBe(draft.webUrl);
  });

  it('shows the kansli the filed agreement, a refusal with its comment, or why nothing was signed', () => {
    const agreement = signing.agreement as NonNullable<ApprovalView['agreement']>;
    const signed = render(
      {
        ...signing,
        status: 'Godkänd',
        decidedAt: '2027-01-10T14:00:00Z',
        viewer: { ...signing.viewer, awaited: false, allowedDecisions: [] },
        agreement: {
          ...agreement,
          signed: {
            ...agreement.draft,
            name: 'Samarbetsavtal SAMUTB signerat 2027-01-10.pdf',
            at: '2027-01-10T14:00:00Z',
          },
        },
      },
      'requester-outcome',
    );
    expect(signed.text).toContain('Det signerade avtalet är arkiverat: Samarbetsavtal SAMUTB signerat 2027-01-10.pdf');
    expect(signed.json.actions?.map((action) => action.title)).toContain('Läs det signerade avtalet (PDF)');

    const refused = render(
      {
        ...signing,
        status: 'Avslagen',
        viewer: { ...signing.viewer, awaited: false, allowedDecisions: [] },
        agreement: {
          ...agreement,
          parties: agreement.parties.map((party) =>
            party.name === 'Region Kronoberg'
              ? {
                  ...party,
                  signatures: [],
                  refusal: {
                    name: 'Christer Lund',
                    at: '2027-01-10T13:02:00Z',
                    comment: 'Arbetsmiljöansvaret saknas.',
                  },
                }
              : party,
          ),
        },
      },
      'requester-outcome',
    );
    expect(refused.text).toContain(
      '- Christer Lund (Region Kronoberg) avslog 2027-01-10 14:02: ”Arbetsmiljöansvaret saknas.”',
    );
    expect(refused.text).toContain('Utkastet är tillbaka hos kansliet (Utkast).');

    const failed = render(
      {
        ...signing,
        status: 'Godkänd',
        viewer: { ...signing.viewer, awaited: false, allowedDecisions: [] },
        agreement: { ...agreement, failure: 'Utkastet har ändrats i SharePoint efter att signeringen startade.' },
      },
      'requester-outcome',
    );
    expect(failed.text).toContain('Avtalet kunde inte signeras');
    expect(failed.text).toContain('Utkastet har ändrats i SharePoint efter att signeringen startade.');
  });

  it('tells a firmatecknare who signed that they did, for which party', () => {
    const { text, json } = render({
      ...signing,
      viewer: {
        ...signing.viewer,
        awaited: false,
        allowedDecisions: [],
        myVote: { decision: 'Godkänn', at: '2027-01-10T13:20:00Z' },
      },
    });
    expect(text).toContain('Du undertecknade avtalet för Försäkringskassan 14:20.');
    expect(json.actions?.some((action) => action.title.startsWith('Jag godkänner'))).toBe(false);
  });
});

describe('the signing command', () => {
  it.each([
    ['signera avtal SAMUTB', 'SAMUTB'],
    ['Signera avtalet samutb', 'samutb'],
    ['starta signering SAMUTB', 'SAMUTB'],
    ['sign agreement SAMUTB', 'SAMUTB'],
    ['signera avtal', ''],
  ])('%j starts the signing of %j', (text, query) => {
    expect(parseCommand(text, { devCommands: false })).toEqual({ kind: 'start-signing', query });
  });
});
