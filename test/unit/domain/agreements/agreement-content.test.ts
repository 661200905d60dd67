import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AgreementBlock,
  type AgreementContent,
  type AgreementInput,
  type AgreementTable,
  agreementBudget,
  buildAgreementContent,
} from '../../../../src/domain/agreements/agreement-content.ts';
import { applicationDetailsSchema } from '../../../../src/domain/application/application-details.ts';
import type { BudgetLine } from '../../../../src/domain/entities/budget-line.ts';
import type { RoleAssignment } from '../../../../src/domain/entities/role-assignment.ts';
import { DEFAULT_DUE_RULE, type DueRule, dueDateFor } from '../../../../src/domain/invoicing/due-rule.ts';
import { containsPersonalIdentityNumber } from '../../../../src/domain/personal-data/personal-identity-number.ts';
import { demoAgreementInput } from '../../../../src/sharepoint/demo/demo-agreement-input.ts';
import { DEMO_INTERVENTIONS } from '../../../../src/sharepoint/demo/demo-interventions.ts';

const NBSP = '\u00a0';
const kr = (text: string) => text.replaceAll(' ', NBSP);

const nova = () => demoAgreementInput('NOVA', '2024-12-02');

function sectionOf(content: AgreementContent, heading: string) {
  const section = content.sections.find((candidate) => candidate.heading === heading);
  if (section === undefined) {
    throw new Error(`no section ${heading}`);
  }
  return section;
}

/** all running text of a section: paragraphs, list items, facts and table cells */
function textOfSection(content: AgreementContent, heading: string): string {
  return sectionOf(content, heading).paragraphs.join('\n');
}

function tablesOf(content: AgreementContent, heading: string): AgreementTable[] {
  return (sectionOf(content, heading).blocks ?? []).flatMap((block: AgreementBlock) =>
    block.kind === 'table' ? [block.table] : [],
  );
}

/** every string the document shows: identification, preamble, sections, signature blocks */
function everyText(content: AgreementContent): string[] {
  const texts: string[] = [content.title, content.subtitle ?? '', ...(content.preamble ?? [])];
  for (const fact of content.identification ?? []) {
    texts.push(fact.label, fact.value);
  }
  for (const section of content.sections) {
    texts.push(section.heading, ...section.paragraphs);
    for (const block of section.blocks ?? []) {
      if (block.kind === 'subheading') {
        texts.push(block.text);
      }
      if (block.kind === 'table') {
        texts.push(...block.table.columns.map((column) => column.label));
      }
    }
  }
  for (const block of content.signatureBlocks ?? []) {
    texts.push(block.organisation, block.role, block.signatoryName ?? '', block.signatoryTitle ?? '');
  }
  return texts;
}

function withIntervention(input: AgreementInput, patch: Partial<AgreementInput['intervention']>): AgreementInput {
  return { ...input, intervention: { ...input.intervention, ...patch } };
}

const GOALS = applicationDetailsSchema.parse({
  goals: [
    {
      kind: 'Insatsmål',
      text: 'Deltagarna går vidare till arbete eller studier',
      indicator: 'Andel av de avslutade (procent)',
      targetWomen: 35,
      targetMen: 30,
      date: '2027-12-31',
    },
    { kind: 'Nyttomål', text: 'I arbete 12 månader efter avslut', indicator: null, date: null },
  ],
  targetGroup: { criteria: 'Unga vuxna 18–29 år', estimatedCount: 90 },
});

describe('the samarbetsavtal has every section a förbund writes (seed 003 §4.1)', () => {
  it('numbers the ten sections in order, each with text', () => {
    const content = buildAgreementContent(nova());
    expect(content.sections.map((section) => `${section.number}. ${section.heading}`)).toEqual([
      '1. Parter',
      '2. Bakgrund och syfte',
      '3. Avtalstid',
      '4. Ersättning och rekvirering',
      '5. Arbetsmiljöansvar',
      '6. Styrgrupp',
      '7. Uppföljning och rapportering',
      '8. Utvärdering',
      '9. Ändringar och uppsägning',
      '10. Giltighet och underskrifter',
    ]);
    for (const section of content.sections) {
      expect(section.paragraphs.length, section.heading).toBeGreaterThan(0);
    }
    expect(sectionOf(content, 'Giltighet och underskrifter').blocks).toContainEqual({ kind: 'signatures' });
  });

  it('identifies the insats, its diarienummer and the board decision under the title', () => {
    const content = buildAgreementContent(nova());
    expect(content.title).toBe('Samarbetsavtal – NOVA – nya vägar för unga vuxna');
    expect(Object.fromEntries((content.identification ?? []).map((fact) => [fact.label, fact.value]))).toEqual({
      Insats: 'NOVA – nya vägar för unga vuxna',
      Insatskod: 'NOVA',
      'Typ av insats': 'Individinriktad insats',
      Projektägare: 'Växjö kommun',
      Diarienummer: 'SFV 2024/018',
      'Styrelsens beslut': '2024-11-21, § 50',
      Avtalstid: '2025-01-01 – 2027-12-31',
      'Beviljat belopp': kr('2 460 000 kr'),
      Upprättat: '2024-12-02',
    });
    expect(content.preamble?.[0]).toContain('Styrelsen för Samordningsförbundet Värend beslutade 2024-11-21 (§ 50)');
  });

  it('summarises the application: syfte, mål, målgrupp, metoder and bemanning', () => {
    const text = textOfSection(buildAgreementContent(nova()), 'Bakgrund och syfte');
    const texts = DEMO_INTERVENTIONS.find((entry) => entry.code === 'NOVA')?.texts;
    for (const part of [texts?.purpose, texts?.targetGroup, texts?.methods, texts?.staffing, texts?.background]) {
      expect(text).toContain(part);
    }
    expect(text).toContain('Nyttomål: 40 % av deltagarna är i arbete eller studier 12 månader efter avslut.');
    expect(text).toContain('(diarienummer SFV 2024/018)');
  });

  it('names the styrgrupp from the roles, the projektägare as chair', () => {
    const content = buildAgreementContent(nova());
    const [table] = tablesOf(content, 'Styrgrupp');
    expect(table?.rows).toEqual([
      ['Jenny Karlberg', 'Växjö kommun', 'Ordförande'],
      ['David Ekström', 'Arbetsförmedlingen', 'Ledamot'],
      ['Sara Nyberg', 'Region Kronoberg', 'Ledamot'],
      ['Nina Holmberg', 'Försäkringskassan', 'Ledamot'],
    ]);
  });

  it('keeps arbetsmiljöansvaret with the employer and names who coordinates', () => {
    const text = textOfSection(buildAgreementContent(nova()), 'Arbetsmiljöansvar');
    expect(text).toContain('Arbetsgivaren har arbetsmiljöansvaret för sina anställda enligt arbetsmiljölagen');
    expect(text).toContain('Samordning av arbetsmiljöarbetet i insatsen: Projektägaren, Växjö kommun');
    expect(text).toContain('”Rekommendationer för arbetsmiljöarbete på samordningsförbunden” (2019)');
  });

  it('asks for the slutrapport three months after the end, and reports per tertial', () => {
    const text = textOfSection(buildAgreementContent(nova()), 'Uppföljning och rapportering');
    expect(text).toContain('senast 2028-03-31');
    expect(text).toContain('per tertial');
    const fia = textOfSection(
      buildAgreementContent(demoAgreementInput('FIA', '2025-05-01')),
      'Uppföljning och rapportering',
    );
    expect(fia).toContain('senast 2027-09-30');
  });

  it('has an individinriktad insats registered in Uppföljning Finsam with counts only, a structural one without participants', () => {
    const individual = textOfSection(buildAgreementContent(nova()), 'Uppföljning och rapportering');
    expect(individual).toContain('registrerar deltagarna');
    expect(individual).toContain('inga personuppgifter om enskilda deltagare');
    const structural = textOfSection(
      buildAgreementContent(demoAgreementInput('SAMUTB', '2026-11-24')),
      'Uppföljning och rapportering',
    );
    expect(structural).toContain('har inga deltagare som registreras');
    expect(structural).not.toContain('registrerar deltagarna');
    expect(structural).toContain('Förbundet registrerar insatsen i Uppföljning Finsam innan den startar.');
  });

  it('writes the delegation threshold from the settings into the change rules', () => {
    expect(textOfSection(buildAgreementContent(nova()), 'Ändringar och uppsägning')).toContain('högst 10 procent');
    const strict = buildAgreementContent({ ...nova(), changeThresholdPercent: 5 });
    expect(textOfSection(strict, 'Ändringar och uppsägning')).toContain('högst 5 procent');
  });
});

describe('the parties', () => {
  it('lists the projektägare first, each party with its firmatecknare, and the förbund signs last', () => {
    const input = nova();
    // the owner listed last among the partners, and once more: still first, and once
    const owner = input.intervention.ownerOrgId ?? '';
    const reordered = withIntervention(input, {
      partnerOrgIds: [...input.intervention.partnerOrgIds.filter((id) => id !== owner), owner, owner],
    });
    const content = buildAgreementContent(reordered);
    expect(content.parties.map((party) => [party.name, party.projectOwner, party.signatory?.name])).toEqual([
      ['Växjö kommun', true, 'Magnus Åberg'],
      ['Arbetsförmedlingen', false, 'Susanne Falk'],
      ['Region Kronoberg', false, 'Christer Lund'],
      ['Försäkringskassan', false, 'Ola Nordin'],
    ]);
    expect(content.signatureBlocks?.map((block) => [block.organisation, block.role, block.signatoryName])).toEqual([
      ['Växjö kommun', 'Projektägare', 'Magnus Åberg'],
      ['Arbetsförmedlingen', 'Samverkanspart', 'Susanne Falk'],
      ['Region Kronoberg', 'Samverkanspart', 'Christer Lund'],
      ['Försäkringskassan', 'Samverkanspart', 'Ola Nordin'],
      ['Samordningsförbundet Värend', 'Finansiär', 'Karin Vallgren'],
    ]);
    expect(tablesOf(content, 'Parter')[0]?.rows).toEqual([
      ['Finansiär', 'Samordningsförbundet Värend'],
      ['Projektägare', 'Växjö kommun'],
      ['Samverkanspart', 'Arbetsförmedlingen'],
      ['Samverkanspart', 'Region Kronoberg'],
      ['Samverkanspart', 'Försäkringskassan'],
    ]);
  });

  it('names the projektledare as contact person and the projektägare’s representative, with work e-mail', () => {
    const text = textOfSection(buildAgreementContent(nova()), 'Parter');
    expect(text).toContain(
      'Kontaktperson för insatsen: Emma Ström, projektledare, Växjö kommun, emma.strom@vaxjo.example',
    );
    expect(text).toContain('Projektägarens företrädare: Jenny Karlberg, Växjö kommun, jenny.karlberg@vaxjo.example');
  });

  it('leaves out a firmatecknare whose mandate has ended, and roles of other insatser', () => {
    const input = nova();
    const ended: RoleAssignment[] = input.roles.map((role) =>
      role.name === 'Magnus Åberg' ? { ...role, validTo: '2024-06-30' } : role,
    );
    const content = buildAgreementContent({ ...input, roles: ended });
    expect(content.parties[0]?.signatory).toBeNull();
    expect(content.signatureBlocks?.[0]?.signatoryName).toBeNull();
    // ENTER's projektledare is not NOVA's
    expect(textOfSection(content, 'Parter')).not.toContain('Robert Sjölund');
  });

  it('gives the signatory’s title when the application names the same person', () => {
    const input = nova();
    const details = applicationDetailsSchema.parse({
      signatories: [{ memberOrgId: input.intervention.ownerOrgId, name: 'magnus åberg', title: 'Kommundirektör' }],
    });
    const content = buildAgreementContent(withIntervention(input, { applicationDetails: details }));
    expect(content.signatureBlocks?.[0]?.signatoryTitle).toBe('Kommundirektör');
    expect(content.signatureBlocks?.[1]?.signatoryTitle).toBeNull();
  });
});

describe('the money', () => {
  it('tables the budget per post and year, with sums that add up to the granted amount', () => {
    const content = buildAgreementContent(nova());
    expect(content.years).toEqual([2025, 2026, 2027]);
    expect(content.budgetTotal).toBe(2_460_000);
    for (const row of content.budget) {
      expect(row.total).toBe(row.amounts.reduce((sum, amount) => sum + amount, 0));
    }
    const [table] = tablesOf(content, 'Ersättning och rekvirering');
    expect(table?.columns.map((column) => [column.label, column.align])).toEqual([
      ['Budgetpost', 'left'],
      ['2025', 'right'],
      ['2026', 'right'],
      ['2027', 'right'],
      ['Totalt', 'right'],
    ]);
    expect(table?.rows[0]).toEqual(['Personal', ...['680 000 kr', '680 000 kr', '680 000 kr', '2 040 000 kr'].map(kr)]);
    expect(table?.totalRow).toEqual(['Summa', ...['820 000 kr', '820 000 kr', '820 000 kr', '2 460 000 kr'].map(kr)]);
    const text = textOfSection(content, 'Ersättning och rekvirering');
    expect(text).toContain(
      `Styrelsen har beviljat sammanlagt ${kr('2 460 000 kr')} för hela avtalstiden (2024-11-21, § 50).`,
    );
    expect(text).toContain('högst med de belopp per år och budgetpost');
    expect(text).toContain('kostnader utöver budgeten');
    expect(text).toContain('Ersättningen betalas till projektägaren, Växjö kommun.');
  });

  it('orders posts as the budget template does and leaves out posts without money', () => {
    const line = (category: BudgetLine['category'], year: number, amount: number): BudgetLine => ({
      id: String(year + amount),
      etag: '"1"',
      interventionId: '1',
      year,
      category,
      amount,
    });
    const budget = agreementBudget([
      line('Övrigt', 2028, 5_000),
      line('Material', 2027, 0),
      line('Personal', 2027, 100_000),
      line('Personal', 2027, 50_000),
      line('Lokaler', 2028, 20_000),
    ]);
    expect(budget.years).toEqual([2027, 2028]);
    expect(budget.rows).toEqual([
      { category: 'Personal', amounts: [150_000, 0], total: 150_000 },
      { category: 'Lokaler', amounts: [0, 20_000], total: 20_000 },
      { category: 'Övrigt', amounts: [0, 5_000], total: 5_000 },
    ]);
    expect(budget.total).toBe(175_000);
  });

  it('says so when the board granted less than the budget adds up to', () => {
    const content = buildAgreementContent(withIntervention(nova(), { grantedAmount: 2_000_000 }));
    expect(textOfSection(content, 'Ersättning och rekvirering')).toContain(
      `Budgeten nedan uppgår till ${kr('2 460 000 kr')}; förbundets ersättning är högst det beviljade beloppet.`,
    );
  });

  it('finances the evaluation within the budget when it has a post for it, else outside', () => {
    const samutb = buildAgreementContent(demoAgreementInput('SAMUTB', '2026-11-24'));
    expect(textOfSection(samutb, 'Utvärdering')).toContain(`posten Utvärdering (${kr('10 000 kr')})`);
    expect(textOfSection(buildAgreementContent(nova()), 'Utvärdering')).toContain('utanför insatsens budget');
    // one year: no Totalt column repeating the year
    expect(tablesOf(samutb, 'Ersättning och rekvirering')[0]?.columns.map((column) => column.label)).toEqual([
      'Budgetpost',
      '2027',
    ]);
  });
});

describe('the invoicing terms follow the due rule', () => {
  it('says the default rule in words, quarterly in arrears, and what an invoice must show', () => {
    const text = textOfSection(buildAgreementContent(nova()), 'Ersättning och rekvirering');
    expect(text).toContain(
      'Fakturan ska ha kommit in till förbundet senast 30 april för januari–mars, senast 31 juli för april–juni, senast 31 oktober för juli–september och senast 20 januari året efter för oktober–december.',
    );
    expect(text).toContain('närmast föregående vardag');
    expect(text).toContain('i efterskott med en faktura per kvartal');
    expect(text).toContain('insatsens namn och kod: NOVA – nya vägar för unga vuxna (NOVA)');
    expect(text).toContain('vilken period fakturan avser, till exempel januari–mars 2025');
    expect(text).toContain('en specifikation av kostnaderna per budgetpost');
    expect(text).toContain('förbundets delegationsordning');
  });

  it('tables the due day of every quarter, moved back from weekends', () => {
    const content = buildAgreementContent(nova());
    expect(content.dueDays).toHaveLength(12);
    for (const day of content.dueDays ?? []) {
      expect(day.due).toBe(dueDateFor(day.year, day.quarter));
    }
    const table = tablesOf(content, 'Ersättning och rekvirering')[1];
    expect(table?.caption).toBe('Sista dag för faktura');
    // 31 July 2027 is a Saturday, 31 October 2026 a Saturday and 31 October 2027 a Sunday
    expect(table?.rows).toEqual([
      ['januari–mars', '2025-04-30', '2026-04-30', '2027-04-30'],
      ['april–juni', '2025-07-31', '2026-07-31', '2027-07-30 *'],
      ['juli–september', '2025-10-31', '2026-10-30 *', '2027-10-29 *'],
      ['oktober–december', '2026-01-20', '2027-01-20', '2028-01-20'],
    ]);
    expect(table?.note).toContain('närmast föregående vardag');
  });

  it('marks quarters outside the agreement, and writes an insats’s own rule', () => {
    const rule: DueRule = { q1: '05-15', q2: '08-15', q3: '11-15', q4: '12-31' };
    const content = buildAgreementContent({ ...demoAgreementInput('FIA', '2025-05-01'), dueRule: rule });
    const text = textOfSection(content, 'Ersättning och rekvirering');
    expect(text).toContain(
      'senast 15 maj för januari–mars, senast 15 augusti för april–juni, senast 15 november för juli–september och senast 31 december för oktober–december.',
    );
    expect(text).not.toContain('året efter');
    const table = tablesOf(content, 'Ersättning och rekvirering')[1];
    // FIA runs 2025-07-01 – 2027-06-30; 15 November 2025 is a Saturday, 31 December nyårsafton
    expect(table?.rows).toEqual([
      ['januari–mars', '–', '2026-05-15', '2027-05-14 *'],
      ['april–juni', '–', '2026-08-14 *', '2027-08-13 *'],
      ['juli–september', '2025-11-14 *', '2026-11-13 *', '–'],
      ['oktober–december', '2025-12-30 *', '2026-12-30 *', '–'],
    ]);
    for (const day of content.dueDays ?? []) {
      expect(day.due).toBe(dueDateFor(day.year, day.quarter, rule));
    }
  });

  it('says the last day of February for a rule day of 29 February', () => {
    const content = buildAgreementContent({ ...nova(), dueRule: { ...DEFAULT_DUE_RULE, q4: '02-29' } });
    expect(textOfSection(content, 'Ersättning och rekvirering')).toContain(
      'senast den sista februari året efter för oktober–december',
    );
  });
});

describe('indicator surveys are in the agreement only when agreed', () => {
  it('are not agreed when the application names no indicators', () => {
    const content = buildAgreementContent(nova());
    expect(content.indicatorsAgreed).toBe(false);
    expect(textOfSection(content, 'Uppföljning och rapportering')).toContain(
      'Insatsen använder inte de nationella indikatorenkäterna.',
    );
    expect(textOfSection(content, 'Bakgrund och syfte')).not.toContain('Indikator');
  });

  it('are agreed when the application’s goals have indicators, and the goals are tabled with them', () => {
    const content = buildAgreementContent(withIntervention(nova(), { applicationDetails: GOALS }));
    expect(content.indicatorsAgreed).toBe(true);
    const followUp = textOfSection(content, 'Uppföljning och rapportering');
    expect(followUp).toContain('Parterna är överens om att insatsen följs upp med de nationella indikatorenkäterna');
    expect(followUp).toContain('deltagare, medarbetare och chefer');
    const [goals] = tablesOf(content, 'Bakgrund och syfte');
    expect(goals?.columns.map((column) => column.label)).toEqual(['Mål', 'Indikator', 'Kvinnor', 'Män', 'Senast']);
    expect(goals?.rows).toEqual([
      [
        'Insatsmål: Deltagarna går vidare till arbete eller studier',
        'Andel av de avslutade (procent)',
        '35',
        '30',
        '2027-12-31',
      ],
      ['Nyttomål: I arbete 12 månader efter avslut', '–', '–', '–', '–'],
    ]);
    expect(textOfSection(content, 'Bakgrund och syfte')).toContain('Uppskattat antal personer i målgruppen: 90.');
  });

  it('follow the kansli’s word over the application', () => {
    const declined = buildAgreementContent({
      ...withIntervention(nova(), { applicationDetails: GOALS }),
      indicatorSurveys: false,
    });
    expect(declined.indicatorsAgreed).toBe(false);
    expect(textOfSection(declined, 'Uppföljning och rapportering')).toContain('använder inte');
    const agreed = buildAgreementContent({ ...demoAgreementInput('SAMUTB', '2026-11-24'), indicatorSurveys: true });
    // a structural insats has no participants to ask
    expect(textOfSection(agreed, 'Uppföljning och rapportering')).toContain('besvaras av medarbetare och chefer');
  });

  it('list goals without indicators as goals, without agreeing surveys', () => {
    const details = applicationDetailsSchema.parse({
      goals: [{ kind: 'Insatsmål', text: '60 deltagare', date: '2027-06-30' }],
    });
    const content = buildAgreementContent(withIntervention(nova(), { applicationDetails: details }));
    expect(content.indicatorsAgreed).toBe(false);
    expect(textOfSection(content, 'Bakgrund och syfte')).toContain('– Insatsmål: 60 deltagare (senast 2027-06-30)');
    expect(tablesOf(content, 'Bakgrund och syfte')).toEqual([]);
  });
});

describe('missing data gives sensible text', () => {
  const bare = (): AgreementInput => {
    const input = nova();
    return {
      ...input,
      intervention: {
        ...input.intervention,
        kind: null,
        ownerOrgId: null,
        partnerOrgIds: [],
        projectLeaderAadId: null,
        startDate: null,
        endDate: null,
        grantedAmount: null,
        decisionDate: null,
        decisionRef: null,
        diaryNumber: '   ',
        purpose: null,
        background: null,
        goals: '',
        targetGroup: null,
        methods: null,
        staffing: null,
        anchoring: null,
        implementationPlan: null,
        applicationDetails: null,
      },
      budgetLines: [],
      roles: [],
    };
  };

  it('never writes null, undefined or an empty value', () => {
    const content = buildAgreementContent(bare());
    for (const text of everyText(content)) {
      expect(text).not.toMatch(/\b(null|undefined|NaN)\b/);
    }
    for (const fact of content.identification ?? []) {
      expect(fact.value.trim(), fact.label).not.toBe('');
    }
    expect(Object.fromEntries((content.identification ?? []).map((fact) => [fact.label, fact.value]))).toMatchObject({
      Diarienummer: 'Ej registrerat',
      'Styrelsens beslut': 'Uppgift saknas',
      Avtalstid: 'Ej fastställd',
      'Beviljat belopp': 'Ej fastställt',
      Projektägare: 'Ej angiven',
      'Typ av insats': 'Ej angiven',
    });
    expect(content.diaryNumber).toBeNull();
  });

  it('says what is not yet decided instead of leaving it out', () => {
    const content = buildAgreementContent(bare());
    expect(textOfSection(content, 'Parter')).toContain('Parterna är ännu inte angivna');
    expect(textOfSection(content, 'Parter')).toContain('Projektledaren är ännu inte utsedd');
    expect(textOfSection(content, 'Bakgrund och syfte')).toContain('Syftet är inte angivet i ansökan.');
    expect(textOfSection(content, 'Bakgrund och syfte')).toContain('Målen är inte angivna i ansökan.');
    expect(textOfSection(content, 'Avtalstid')).toContain('start- och slutdatum är ännu inte fastställda');
    expect(textOfSection(content, 'Ersättning och rekvirering')).toContain(
      'Budget per år och budgetpost är ännu inte registrerad.',
    );
    expect(textOfSection(content, 'Ersättning och rekvirering')).toContain('förbundets diarienummer för insatsen');
    expect(textOfSection(content, 'Styrgrupp')).toContain('Styrgruppens ledamöter är ännu inte registrerade.');
    expect(textOfSection(content, 'Uppföljning och rapportering')).toContain(
      'senast tre månader efter avtalstidens slut.',
    );
    expect(content.dueDays).toEqual([]);
    expect(content.signatureBlocks).toEqual([
      {
        organisation: 'Samordningsförbundet Värend',
        role: 'Finansiär',
        signatoryName: null,
        signatoryTitle: null,
        memberId: null,
      },
    ]);
  });

  it('takes the budget’s years for the due days when the insats has no dates yet', () => {
    const input = nova();
    const content = buildAgreementContent(withIntervention(input, { startDate: null, endDate: null }));
    expect(content.dueDays?.map((day) => `${day.year}-Q${day.quarter}`)).toHaveLength(12);
    expect(textOfSection(content, 'Avtalstid')).toContain('ännu inte fastställda');
  });

  it('handles an insats with only a start date', () => {
    const content = buildAgreementContent(withIntervention(nova(), { endDate: null }));
    expect(textOfSection(content, 'Avtalstid')).toContain('Slutdatum är ännu inte fastställt');
    expect(content.identification?.find((fact) => fact.label === 'Avtalstid')?.value).toBe(
      'från 2025-01-01, slutdatum ej fastställt',
    );
  });
});

describe('no personal identity numbers are ever introduced', () => {
  it('in any demo insats', () => {
    for (const entry of DEMO_INTERVENTIONS) {
      const content = buildAgreementContent(demoAgreementInput(entry.code, '2026-11-24'));
      for (const text of everyText(content)) {
        expect(containsPersonalIdentityNumber(text), `${entry.code}: ${text}`).toBe(false);
      }
    }
  });

  it('for any budget, period and rule (property)', () => {
    const day = fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    const monthDay = fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([month, date]) => `${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            year: fc.integer({ min: 2020, max: 2035 }),
            category: fc.constantFrom('Personal', 'Lokaler', 'Material', 'Övrigt', 'Utvärdering' as const),
            amount: fc.integer({ min: 0, max: 9_999_999_999 }),
          }),
          { maxLength: 12 },
        ),
        fc.tuple(day, day),
        fc.record({ q1: monthDay, q2: monthDay, q3: monthDay, q4: monthDay }),
        fc.option(fc.integer({ min: 0, max: 9_999_999_999 })),
        (lines, [a, b], rule, granted) => {
          const [start, end] = a <= b ? [a, b] : [b, a];
          const input = withIntervention(nova(), { startDate: start, endDate: end, grantedAmount: granted });
          const budgetLines: BudgetLine[] = lines.map((line, index) => ({
            ...line,
            id: String(index + 1),
            etag: '"1"',
            interventionId: input.intervention.id,
          }));
          const content = buildAgreementContent({ ...input, budgetLines, dueRule: rule });
          return everyText(content).every((text) => !containsPersonalIdentityNumber(text));
        },
      ),
      { numRuns: 150 },
    );
  });
});
