/**
 * "Done when" of the register issue, over HTTP with the demo data: Emma Ström (projektledare)
 * drafts and submits an application, the kansli takes it through beredning and komplettering to
 * a board proposal, and every refused step says why — in Swedish, with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intervention } from '../../../src/domain/entities/intervention.ts';
import { type ApiHarness, startApiHarness } from './api-harness.ts';

let api: ApiHarness;
let draft: Intervention;
let vaxjo: string;
let af: string;
const year = Number(
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()),
);

beforeAll(async () => {
  api = await startApiHarness();
  const members = await api.repos.members.list();
  vaxjo = members.find((member) => member.name === 'Växjö kommun')?.id ?? '';
  af = members.find((member) => member.name === 'Arbetsförmedlingen')?.id ?? '';
});

afterAll(async () => {
  await api?.close();
});

const complete = () => ({
  kind: 'Individinriktad',
  ownerOrgId: vaxjo,
  partnerOrgIds: [vaxjo, af],
  startDate: '2027-03-01',
  endDate: '2028-12-31',
  purpose: 'Fler unga vuxna i Växjö ska nå arbete eller studier.',
  background: 'Många unga vuxna faller mellan kommunens och Arbetsförmedlingens ansvar.',
  targetGroup: 'Unga vuxna 18–29 år med försörjningsstöd och behov av stöd från flera parter.',
  methods: 'Gemensamt team, individuella planer, arbetsträning hos arbetsgivare.',
  staffing: 'En projektledare (1,0), två coacher (2,0) från kommunen, en arbetsförmedlare (0,5).',
  anchoring: 'Förankrat i kommunens arbetsmarknadsnämnd och Arbetsförmedlingens ledning.',
  implementationPlan: 'Arbetssättet förs in i arbetsmarknadsenhetens ordinarie verksamhet 2029.',
  applicationDetails: {
    goals: [
      {
        kind: 'Insatsmål',
        text: '60 deltagare tar del av insatsen',
        indicator: 'antal deltagare',
        targetWomen: 30,
        targetMen: 30,
        date: '2028-12-31',
      },
      {
        kind: 'Nyttomål',
        text: 'Deltagare i arbete eller studier 12 månader efter avslut',
        indicator: 'andel i arbete eller studier (%)',
        targetWomen: 40,
        targetMen: 40,
        date: '2029-12-31',
      },
    ],
    targetGroup: { criteria: 'Ålder 18–29, försörjningsstöd, inskriven på Arbetsförmedlingen', estimatedCount: 60 },
    signatories: [
      { memberOrgId: vaxjo, name: 'Magnus Åberg', title: 'Kommundirektör' },
      { memberOrgId: af, name: 'Susanne Falk', title: 'Verksamhetsområdeschef' },
    ],
    criteria: {
      applicantHasMandate: true,
      twoMembersSign: true,
      ownerAmongApplicants: true,
      individualPerspective: true,
      individualPerspectiveStatement: 'Idén bygger på intervjuer med unga vuxna om vad som hindrat dem.',
    },
  },
});

async function auditActions(id: string): Promise<string[]> {
  return (await api.repos.auditLog.listByEntity(id)).map((entry) => entry.action);
}

describe('an application from draft to the board', () => {
  it('Emma creates a draft and saves it incomplete', async () => {
    const created = await api.call('emma.strom', 'POST', '/api/insatser', {
      title: 'Nya vägar Växjö',
      code: 'NYVAG',
      stage: 'Ansökan',
    });
    expect(created.status).toBe(201);
    draft = created.body.insats as Intervention;
    expect(draft).toMatchObject({ stage: 'Ansökan', diaryNumber: null, projectLeaderAadId: expect.any(String) });

    const saved = await api.call('emma.strom', 'PATCH', `/api/insatser/${draft.id}`, { purpose: 'Ett första utkast' });
    expect(saved.status).toBe(200);
    expect(saved.body.insats).toMatchObject({ purpose: 'Ett första utkast' });
  });

  it('a submit of the incomplete draft lists, in Swedish, everything that is missing and stores nothing', async () => {
    const refused = await api.call('emma.strom', 'POST', `/api/insatser/${draft.id}/skicka-in`);
    expect(refused.status).toBe(409);
    const reasons = refused.body.error?.details?.reasons ?? [];
    expect(reasons).toEqual(
      expect.arrayContaining([
        'Bakgrund och behov: rubriken är inte ifylld',
        'Mål: minst ett insatsmål behövs',
        'Mål: minst ett nyttomål behövs',
        'Period: startdatum saknas',
        'Budget: summan måste vara större än 0 kr',
        'Sökande: minst två av förbundets medlemmar måste stå bakom ansökan',
        'Kriterier: beskriv hur idén utgår från individens perspektiv',
      ]),
    );
    expect(refused.body.error?.message).toContain('Det här saknas');
    expect((await api.repos.interventions.findById(draft.id))?.stage).toBe('Ansökan');
  });

  it('once complete (goals, budget, criteria, partners with signatories) it becomes Inkommen with a diarienummer', async () => {
    const saved = await api.call('emma.strom', 'PATCH', `/api/insatser/${draft.id}`, complete());
    expect(saved.status).toBe(200);
    const halfBudget = await api.call('emma.strom', 'PUT', `/api/insatser/${draft.id}/budget`, {
      lines: [{ year: 2027, category: 'Personal', amount: 400_000 }],
    });
    expect(halfBudget.status).toBe(200);
    const stillMissing = await api.call('emma.strom', 'POST', `/api/insatser/${draft.id}/skicka-in`);
    expect(stillMissing.body.error?.details?.reasons).toEqual(['Budget: 2028 saknar budgetposter']);

    const budget = await api.call('emma.strom', 'PUT', `/api/insatser/${draft.id}/budget`, {
      lines: [
        { year: 2027, category: 'Personal', amount: 400_000 },
        { year: 2027, category: 'Lokaler', amount: 40_000 },
        { year: 2028, category: 'Personal', amount: 480_000 },
      ],
    });
    expect(budget.body).toMatchObject({ total: 920_000 });

    const submitted = await api.call('emma.strom', 'POST', `/api/insatser/${draft.id}/skicka-in`);
    expect(submitted.status).toBe(200);
    draft = submitted.body.insats as Intervention;
    expect(draft.stage).toBe('Inkommen');
    // the demo's highest number of 2026 is SFV 2026/031
    expect(draft.diaryNumber).toMatch(new RegExp(`^SFV ${year}/\\d{3}$`));
    if (year === 2026) {
      expect(draft.diaryNumber).toBe('SFV 2026/032');
    }
  });

  it('Emma may not take it to beredning: 403 with the reason, and an AuditLog row nekad', async () => {
    const refused = await api.call('emma.strom', 'POST', `/api/insatser/${draft.id}/skede`, { till: 'Beredning' });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('Bara kansliet får flytta en insats från Inkommen till Beredning.');
    expect(await auditActions(draft.id)).toContain('nekad');
    expect((await api.repos.interventions.findById(draft.id))?.stage).toBe('Inkommen');
  });

  it('the kansli takes it to beredning, asks for komplettering, and Emma resubmits with the same number', async () => {
    const toBeredning = await api.call('sofia.lindahl', 'POST', `/api/insatser/${draft.id}/skede`, {
      till: 'Beredning',
    });
    expect(toBeredning.status).toBe(200);

    const noComment = await api.call('sofia.lindahl', 'POST', `/api/insatser/${draft.id}/skede`, {
      till: 'Komplettering',
    });
    expect(noComment.status).toBe(409);
    expect(noComment.body.error?.message).toContain('Kommentar: skriv vad sökande behöver komplettera med.');

    const komplettering = await api.call('sofia.lindahl', 'POST', `/api/insatser/${draft.id}/skede`, {
      till: 'Komplettering',
      kommentar: 'Beskriv samverkan med Region Kronoberg.',
    });
    expect(komplettering.status).toBe(200);
    expect(komplettering.body.insats).toMatchObject({ stage: 'Komplettering' });

    const edited = await api.call('emma.strom', 'PATCH', `/api/insatser/${draft.id}`, {
      anchoring: 'Förankrat i nämnden, hos Arbetsförmedlingen och i dialog med Region Kronoberg.',
    });
    expect(edited.status).toBe(200);
    const resubmitted = await api.call('emma.strom', 'POST', `/api/insatser/${draft.id}/skicka-in`);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.insats).toMatchObject({ stage: 'Inkommen', diaryNumber: draft.diaryNumber });

    const again = await api.call('sofia.lindahl', 'POST', `/api/insatser/${draft.id}/skede`, { till: 'Beredning' });
    expect(again.body.insats).toMatchObject({ stage: 'Beredning' });
  });

  it('only the förbundschef puts it to the board', async () => {
    const processledare = await api.call('sofia.lindahl', 'POST', `/api/insatser/${draft.id}/skede`, {
      till: 'Förslag till styrelsen',
    });
    expect(processledare.status).toBe(403);
    expect(processledare.body.error?.message).toContain('förbundschefen');

    const detail = await api.call('karin.vallgren', 'GET', `/api/insatser/${draft.id}`);
    expect(detail.body.nextTransitions).toEqual(
      expect.arrayContaining([expect.objectContaining({ to: 'Förslag till styrelsen', allowed: true })]),
    );
    const chef = await api.call('karin.vallgren', 'POST', `/api/insatser/${draft.id}/skede`, {
      till: 'Förslag till styrelsen',
    });
    expect(chef.status).toBe(200);
    expect(chef.body.insats).toMatchObject({ stage: 'Förslag till styrelsen' });
  });

  it('Beviljad through the API is refused: only a board decision in an approval grants', async () => {
    const refused = await api.call('karin.vallgren', 'POST', `/api/insatser/${draft.id}/skede`, { till: 'Beviljad' });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toBe('Beviljad sätts när styrelsen har beslutat i ett beslutsärende.');
    expect((await api.repos.interventions.findById(draft.id))?.stage).toBe('Förslag till styrelsen');
  });

  it('every write left an AuditLog row', async () => {
    const actions = await auditActions(draft.id);
    expect(actions.filter((action) => action === 'insats.skapad')).toHaveLength(1);
    expect(actions.filter((action) => action === 'insats.uppdaterad').length).toBeGreaterThanOrEqual(3);
    expect(actions.filter((action) => action === 'insats.budget')).toHaveLength(2);
    expect(actions.filter((action) => action === 'insats.inskickad')).toHaveLength(2);
    expect(actions.filter((action) => action === 'insats.skede')).toHaveLength(4);
    const entries = await api.repos.auditLog.listByEntity(draft.id);
    expect(entries.find((entry) => entry.action === 'insats.inskickad')?.details).toMatchObject({
      from: 'Ansökan',
      to: 'Inkommen',
      diaryNumber: draft.diaryNumber,
    });
  });
});
