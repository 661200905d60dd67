import { describe, expect, it } from 'vitest';
import { newBudgetLineSchema } from '../../../../src/domain/entities/budget-line.ts';
import { newInterventionSchema } from '../../../../src/domain/entities/intervention.ts';
import { newMeetingSchema } from '../../../../src/domain/entities/meeting.ts';
import { newMemberSchema } from '../../../../src/domain/entities/member.ts';
import { newRequisitionSchema } from '../../../../src/domain/entities/requisition.ts';
import { newRoleAssignmentSchema } from '../../../../src/domain/entities/role-assignment.ts';
import { STAGES, type Stage } from '../../../../src/domain/vocabulary.ts';
import {
  demoBudgetLineRows,
  demoInterventionRows,
  demoMeetingRows,
  demoMemberRows,
  demoRequisitionRows,
  demoRoleAssignmentRows,
} from '../../../../src/sharepoint/demo/demo-dataset.ts';
import { buildDemoDirectory } from '../../../../src/sharepoint/demo/demo-directory.ts';
import { demoGuid } from '../../../../src/sharepoint/demo/demo-guid.ts';
import { DEMO_INTERVENTIONS } from '../../../../src/sharepoint/demo/demo-interventions.ts';
import { DEMO_MEMBERS } from '../../../../src/sharepoint/demo/demo-members.ts';
import { allDemoPeople } from '../../../../src/sharepoint/demo/demo-people.ts';
import { DEMO_TODAY, demoDueDate } from '../../../../src/sharepoint/demo/demo-requisitions.ts';

// SharePoint ids as seeding would resolve them
const memberIds = new Map(DEMO_MEMBERS.map((entry, index) => [entry.key, String(index + 1)]));
const interventionIds = new Map(DEMO_INTERVENTIONS.map((entry, index) => [entry.code, String(100 + index)]));
const members = demoMemberRows();
const interventions = demoInterventionRows(memberIds);
const roles = demoRoleAssignmentRows(memberIds, interventionIds);
const budgetLines = demoBudgetLineRows(interventionIds);
const requisitions = demoRequisitionRows(interventionIds);
const meetings = demoMeetingRows(interventionIds);
const directory = buildDemoDirectory();
const memberIdOf = (name: string) => String(members.findIndex((member) => member.name === name) + 1);
const interventionIdOf = (code: string) => interventionIds.get(code) ?? '';
/** ISO dates compare as strings */
const expectBefore = (earlier: string, later: string, label: string, orSame = false) =>
  expect(orSame ? earlier <= later : earlier < later, `${label}: ${earlier} before ${later}`).toBe(true);
const isPastApplication = (stage: Stage) => STAGES.indexOf(stage) > STAGES.indexOf('Ansökan');

describe('demo rows', () => {
  it('all parse with the domain schemas', () => {
    for (const row of members) {
      expect(newMemberSchema.parse(row)).toEqual(row);
    }
    for (const row of interventions) {
      expect(newInterventionSchema.parse(row)).toEqual(row);
    }
    for (const row of roles) {
      expect(newRoleAssignmentSchema.parse(row)).toEqual(row);
    }
    for (const row of budgetLines) {
      expect(newBudgetLineSchema.parse(row)).toEqual(row);
    }
    for (const row of requisitions) {
      expect(newRequisitionSchema.parse(row)).toEqual(row);
    }
    for (const row of meetings) {
      expect(newMeetingSchema.parse(row)).toEqual(row);
    }
  });

  it('has the seven members of Värend with the financing shares of seed 002', () => {
    const share = (name: string) => members.find((member) => member.name === name)?.financingSharePct ?? 0;
    expect(members.map((member) => member.name).sort()).toEqual(
      [
        'Alvesta kommun',
        'Arbetsförmedlingen',
        'Försäkringskassan',
        'Lessebo kommun',
        'Region Kronoberg',
        'Tingsryds kommun',
        'Växjö kommun',
      ].sort(),
    );
    expect(share('Försäkringskassan') + share('Arbetsförmedlingen')).toBe(50);
    expect(share('Region Kronoberg')).toBe(25);
    const kommuner = members.filter((member) => member.orgType === 'Kommun');
    expect(kommuner.reduce((sum, member) => sum + (member.financingSharePct ?? 0), 0)).toBe(25);
    expect(share('Växjö kommun') / 25).toBeCloseTo(0.7, 2);
    expect(members.reduce((sum, member) => sum + (member.financingSharePct ?? 0), 0)).toBe(100);
  });
});

describe('the board', () => {
  it('has exactly one ledamot and one ersättare per member', () => {
    for (const member of members) {
      const id = memberIdOf(member.name);
      const seats = (role: string) => roles.filter((row) => row.role === role && row.memberOrgId === id);
      expect(seats('Styrelseledamot'), member.name).toHaveLength(1);
      expect(seats('Styrelseersättare'), member.name).toHaveLength(1);
    }
  });

  it('has an ordförande from Region Kronoberg who is also a ledamot', () => {
    const chairs = roles.filter((row) => row.role === 'Ordförande');
    expect(chairs).toHaveLength(1);
    const chair = chairs[0];
    expect(chair?.memberOrgId).toBe(memberIdOf('Region Kronoberg'));
    expect(roles.some((row) => row.role === 'Styrelseledamot' && row.aadObjectId === chair?.aadObjectId)).toBe(true);
  });

  it('has one beredningsgrupp official and one firmatecknare per member, and the whole kansli', () => {
    for (const role of ['Beredningsgrupp', 'Firmatecknare']) {
      const orgs = roles.filter((row) => row.role === role).map((row) => row.memberOrgId);
      expect(orgs.sort()).toEqual([...memberIds.values()].sort());
    }
    for (const role of ['Förbundschef', 'Ekonom', 'Nämndsekreterare']) {
      expect(roles.filter((row) => row.role === role)).toHaveLength(1);
    }
    expect(roles.filter((row) => row.role === 'Processledare')).toHaveLength(2);
  });
});

describe('the insatser', () => {
  it('cover the lifecycle', () => {
    const stages = interventions.map((row) => row.stage);
    expect(stages).toContain('Förslag till styrelsen');
    expect(stages.some((stage) => stage === 'Beredning' || stage === 'Inkommen')).toBe(true);
    expect(stages).toContain('Avtal');
    expect(stages).toContain('Avslutad');
    expect(stages.filter((stage) => stage === 'Pågående').length).toBeGreaterThanOrEqual(4);
    for (const code of ['MITTVAL', 'INSKAT', 'HFE', 'SAMUTB', 'SAMSYN', 'NOVA', 'ENTER', 'FIA']) {
      expect(interventions.map((row) => row.code)).toContain(code);
    }
  });

  it('run past today where they are Pågående, so quarterly invoicing is live', () => {
    for (const code of ['NOVA', 'ENTER', 'FIA', 'HFE']) {
      const row = interventions.find((intervention) => intervention.code === code);
      expect(row?.stage).toBe('Pågående');
      expectBefore(DEMO_TODAY, row?.endDate ?? '', code);
      expectBefore(row?.startDate ?? '', DEMO_TODAY, code);
    }
  });

  it('have at least two member organisations past Ansökan, the owner among them', () => {
    for (const row of interventions.filter((intervention) => isPastApplication(intervention.stage))) {
      expect(new Set(row.partnerOrgIds).size, row.code).toBeGreaterThanOrEqual(2);
      expect(row.partnerOrgIds, row.code).toContain(row.ownerOrgId);
    }
  });

  it('grant exactly the sum of their budget lines, with decision and diary number', () => {
    for (const row of interventions) {
      const total = budgetLines
        .filter((line) => line.interventionId === interventionIdOf(row.code))
        .reduce((sum, line) => sum + line.amount, 0);
      expect(total, row.code).toBeGreaterThan(0);
      expect(row.diaryNumber, row.code).toMatch(/^SFV \d{4}\/\d{3}$/);
      if (row.grantedAmount === null) {
        expect(row.decisionDate, row.code).toBeNull();
      } else {
        expect(row.grantedAmount, row.code).toBe(total);
        expect(row.decisionRef, row.code).toMatch(/^§ \d+$/);
        expectBefore(row.decisionDate ?? '', row.startDate ?? '', row.code);
      }
    }
  });

  it('have budget lines only for years the insats runs, one per post and year', () => {
    for (const row of interventions) {
      const lines = budgetLines.filter((line) => line.interventionId === interventionIdOf(row.code));
      const keys = lines.map((line) => `${line.year}:${line.category}`);
      expect(new Set(keys).size, row.code).toBe(keys.length);
      for (const line of lines) {
        expect(line.year).toBeGreaterThanOrEqual(Number(row.startDate?.slice(0, 4)));
        expect(line.year).toBeLessThanOrEqual(Number(row.endDate?.slice(0, 4)));
      }
    }
  });

  it('each have one projektledare (also on the insats), one projektägare of the owner and a styrgrupp of 3–5', () => {
    for (const row of interventions) {
      const scoped = roles.filter((role) => role.interventionId === interventionIdOf(row.code));
      const leaders = scoped.filter((role) => role.role === 'Projektledare');
      expect(
        leaders.map((role) => role.aadObjectId),
        row.code,
      ).toEqual([row.projectLeaderAadId]);
      const owners = scoped.filter((role) => role.role === 'Projektägare');
      expect(
        owners.map((role) => role.memberOrgId),
        row.code,
      ).toEqual([row.ownerOrgId]);
      const steering = scoped.filter((role) => role.role === 'Styrgrupp');
      expect(steering.length, row.code).toBeGreaterThanOrEqual(3);
      expect(steering.length, row.code).toBeLessThanOrEqual(5);
      for (const member of steering) {
        expect(member.memberOrgId, `${row.code} ${member.name}`).not.toBeNull();
        expect(row.partnerOrgIds, `${row.code} ${member.name}`).toContain(member.memberOrgId);
      }
      expect(
        steering.map((role) => role.aadObjectId),
        row.code,
      ).toContain(owners[0]?.aadObjectId);
    }
  });

  it('read like an ansökan and hold no personal identity numbers', () => {
    const personnummer = /\b(19|20)?\d{6}[-+]?\d{4}\b/;
    for (const row of interventions) {
      for (const field of [
        'purpose',
        'background',
        'goals',
        'targetGroup',
        'methods',
        'staffing',
        'anchoring',
        'implementationPlan',
      ] as const) {
        const text = row[field] ?? '';
        expect(text.length, `${row.code}.${field}`).toBeGreaterThan(40);
        expect(text, `${row.code}.${field}`).not.toMatch(personnummer);
      }
    }
  });
});

describe('requisition history', () => {
  it('belongs to running insatser, within their period, before today', () => {
    const running = new Map(
      interventions.filter((row) => row.stage === 'Pågående').map((row) => [interventionIdOf(row.code), row]),
    );
    expect(requisitions.length).toBeGreaterThan(20);
    expect(new Set(requisitions.map((row) => row.periodKey)).size).toBe(requisitions.length);
    for (const row of requisitions) {
      const intervention = running.get(row.interventionId);
      expect(intervention, row.periodKey).toBeDefined();
      expect(row.periodKey).toBe(`${intervention?.code}-${row.year}-Q${row.quarter}`);
      const quarterStart = `${row.year}-${String(row.quarter * 3 - 2).padStart(2, '0')}-01`;
      expect(quarterStart >= (intervention?.startDate ?? '').slice(0, 7)).toBe(true);
      expect(quarterStart <= (intervention?.endDate ?? '')).toBe(true);
      expect(row.dueDate < DEMO_TODAY).toBe(true);
      expect(row.dueDate).toBe(demoDueDate(row.year, row.quarter));
      expect(['Betald', 'Attesterad', 'Inkommen']).toContain(row.status);
      expectBefore(row.receivedDate ?? '', row.dueDate, row.periodKey, true);
    }
  });

  it('specifies amounts per budget post that sum to the amount', () => {
    for (const row of requisitions) {
      const sum = Object.values(row.specification ?? {}).reduce((total, amount) => total + amount, 0);
      expect(row.amount, row.periodKey).toBe(sum);
      expect(sum, row.periodKey).toBeGreaterThan(0);
      expect(Object.keys(row.specification ?? {})).not.toContain('Utvärdering');
    }
  });

  it('moves due days off weekends and uses 20 January for Q4', () => {
    expect(demoDueDate(2025, 4)).toBe('2026-01-20');
    expect(demoDueDate(2026, 3)).toBe('2026-10-30'); // 31 October 2026 is a Saturday
    expect(demoDueDate(2027, 1)).toBe('2027-04-30');
    expect(demoDueDate(2027, 2)).toBe('2027-07-30'); // 31 July 2027 is a Saturday
  });

  it('leaves Insatskatalogen Q3 2026 out, so the demo has an overdue invoice', () => {
    expect(requisitions.map((row) => row.periodKey)).not.toContain('INSKAT-2026-Q3');
    expect(requisitions.map((row) => row.periodKey)).toContain('INSKAT-2026-Q2');
  });
});

describe('meetings', () => {
  const holidays2027 = [
    '2027-01-01',
    '2027-01-06',
    '2027-03-26',
    '2027-03-29',
    '2027-05-01',
    '2027-05-06',
    '2027-06-06',
  ];

  it('fall on working days in 2026–2027, with papers due before', () => {
    for (const row of meetings) {
      for (const day of [row.date, row.papersDue ?? '']) {
        expect([0, 6], `${row.title} ${day}`).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
        expect(holidays2027, `${row.title} ${day}`).not.toContain(day);
      }
      expectBefore(row.papersDue ?? '', row.date, row.title);
      expect(row.date >= '2026-01-01' && row.date <= '2027-12-31').toBe(true);
    }
    expect(meetings.filter((row) => row.body === 'Styrelse').length).toBeGreaterThanOrEqual(5);
  });
});

describe('people and directory', () => {
  const people = allDemoPeople();

  it('have unique names, e-mail addresses and valid, stable GUIDs', () => {
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(new Set(people.map((person) => person.displayName)).size).toBe(people.length);
    expect(new Set(people.map((person) => person.email)).size).toBe(people.length);
    expect(new Set(people.map((person) => person.aadObjectId)).size).toBe(people.length);
    for (const person of people) {
      expect(person.aadObjectId).toMatch(guid);
      expect(person.email).toMatch(/^[a-z-]+\.[a-z-]+@[a-z]+\.example$/);
      expect(person.email.split('@')[0]).toBe(person.key);
    }
    expect(demoGuid('person:x')).toBe(demoGuid('person:x'));
    expect(demoGuid('person:x')).not.toBe(demoGuid('person:y'));
    expect(people.find((person) => person.surname === 'Lindholm')?.email).toBe('asa.lindholm@tingsryd.example');
  });

  it('are all in the directory, and everyone there holds a role', () => {
    const userIds = directory.users.map((user) => user.id).sort();
    expect(userIds).toEqual(people.map((person) => person.aadObjectId).sort());
    expect(new Set(directory.users.map((user) => user.displayName)).size).toBe(directory.users.length);
    expect([...new Set(roles.map((role) => role.aadObjectId))].sort()).toEqual(userIds);
    for (const role of roles) {
      const user = directory.users.find((candidate) => candidate.id === role.aadObjectId);
      expect(user?.displayName).toBe(role.name);
      expect(user?.mail).toBe(role.email);
    }
  });

  it('has groups that agree with the role assignments', () => {
    const members = (name: string) =>
      [...(directory.groups.find((group) => group.displayName === name)?.memberIds ?? [])].sort();
    const holders = (predicate: (role: (typeof roles)[number]) => boolean) =>
      [...new Set(roles.filter(predicate).map((role) => role.aadObjectId))].sort();

    expect(members('Styrelsen')).toEqual(
      holders((role) => role.role === 'Styrelseledamot' || role.role === 'Styrelseersättare'),
    );
    expect(members('Styrelsen')).toHaveLength(14);
    expect(members('Beredningsgruppen')).toEqual(holders((role) => role.role === 'Beredningsgrupp'));
    expect(members('Kansliet')).toEqual(
      holders((role) => ['Förbundschef', 'Ekonom', 'Processledare', 'Nämndsekreterare'].includes(role.role)),
    );
    for (const intervention of interventions) {
      expect(members(`Styrgrupp ${intervention.code}`), intervention.code).toEqual(
        holders((role) => role.role === 'Styrgrupp' && role.interventionId === interventionIdOf(intervention.code)),
      );
    }
    const groupIds = directory.groups.map((group) => group.id);
    expect(new Set(groupIds).size).toBe(groupIds.length);
    expect(new Set(directory.groups.map((group) => group.displayName)).size).toBe(directory.groups.length);
  });
});
