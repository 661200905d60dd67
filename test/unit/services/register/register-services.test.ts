import { beforeEach, describe, expect, it } from 'vitest';
import { applicationDetailsSchema } from '../../../../src/domain/application/application-details.ts';
import { FixedClock } from '../../../../src/domain/clock.ts';
import type { Actor } from '../../../../src/domain/lifecycle/actor.ts';
import { createDraft } from '../../../../src/services/register/create-draft.ts';
import type { RegisterDeps } from '../../../../src/services/register/register-deps.ts';
import { submitApplication } from '../../../../src/services/register/submit-application.ts';
import { transitionIntervention } from '../../../../src/services/register/transition-intervention.ts';
import { updateDraft } from '../../../../src/services/register/update-draft.ts';
import { createInMemoryRepositories, type InMemoryRepositories } from '../../../fakes/in-memory-repositories.ts';

/** a projektledare (of another insats): those who work with insatser may start a new one */
const APPLICANT: Actor = {
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001',
  name: 'Emma',
  roles: [{ role: 'Projektledare', interventionId: '9999' }],
};
const KANSLI: Actor = {
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002',
  name: 'Sofia',
  roles: [{ role: 'Processledare', interventionId: null }],
};

let repos: InMemoryRepositories;
let deps: RegisterDeps;
let memberIds: string[];

beforeEach(async () => {
  repos = createInMemoryRepositories();
  deps = {
    repos,
    clock: new FixedClock('2026-11-24T08:00:00Z'),
    timeZone: 'Europe/Stockholm',
    unreadableRows: { clear: () => undefined, list: () => [] },
  };
  memberIds = [];
  for (const name of ['Växjö kommun', 'Arbetsförmedlingen']) {
    memberIds.push((await repos.members.create({ name, orgType: 'Kommun', financingSharePct: 10, active: true })).id);
  }
});

async function completeDraft(code: string): Promise<string> {
  const [owner = '', partner = ''] = memberIds;
  const created = await createDraft(deps, APPLICANT, {
    title: code,
    code,
    kind: 'Strukturell',
    ownerOrgId: owner,
    partnerOrgIds: [partner],
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    purpose: 'p',
    background: 'b',
    targetGroup: 't',
    methods: 'm',
    staffing: 's',
    anchoring: 'a',
    implementationPlan: 'i',
    applicationDetails: applicationDetailsSchema.parse({
      goals: [
        { kind: 'Insatsmål', text: 'x', indicator: 'x', targetWomen: 1, targetMen: 1, date: '2027-12-31' },
        { kind: 'Nyttomål', text: 'x', indicator: 'x', targetWomen: 1, targetMen: 1, date: '2028-12-31' },
      ],
      targetGroup: { criteria: 'k', estimatedCount: 10 },
      signatories: [
        { memberOrgId: owner, name: 'A', title: 'T' },
        { memberOrgId: partner, name: 'B', title: 'T' },
      ],
      criteria: {
        applicantHasMandate: true,
        twoMembersSign: true,
        ownerAmongApplicants: true,
        individualPerspective: true,
        individualPerspectiveStatement: 's',
      },
    }),
  });
  await repos.budgetLines.create({ interventionId: created.id, year: 2027, category: 'Personal', amount: 100 });
  return created.id;
}

describe('the register use cases with fakes', () => {
  it('gives two concurrent submits different diarienummer, above the year’s highest', async () => {
    await repos.interventions.create({
      ...(await repos.interventions.findById(await completeDraft('OLD')).then((row) => {
        if (row === null) {
          throw new Error('no row');
        }
        const { id: _id, etag: _etag, ...rest } = row;
        return rest;
      })),
      code: 'OLDER',
      stage: 'Beredning',
      diaryNumber: 'SFV 2026/031',
    });
    const first = await completeDraft('ETT');
    const second = await completeDraft('TVA');
    const [a, b] = await Promise.all([
      submitApplication(deps, APPLICANT, first),
      submitApplication(deps, APPLICANT, second),
    ]);
    expect(new Set([a.diaryNumber, b.diaryNumber])).toEqual(new Set(['SFV 2026/032', 'SFV 2026/033']));
    expect(await repos.settings.get('diarium.senaste.2026')).toMatch(/^3[23]$/);
  });

  it('never reuses a number: a withdrawn application keeps it and the next one continues', async () => {
    const first = await submitApplication(deps, APPLICANT, await completeDraft('ETT'));
    const withdrawn = await transitionIntervention(deps, APPLICANT, { interventionId: first.id, to: 'Återtagen' });
    expect(withdrawn.diaryNumber).toBe('SFV 2026/001');
    const next = await submitApplication(deps, APPLICANT, await completeDraft('TVA'));
    expect(next.diaryNumber).toBe('SFV 2026/002');
  });

  it('uses the configured format', async () => {
    await repos.settings.set('diarium.format', 'Dnr {år}-{nr:4}');
    const submitted = await submitApplication(deps, APPLICANT, await completeDraft('ETT'));
    expect(submitted.diaryNumber).toBe('Dnr 2026-0001');
  });

  it('a refused submit stores nothing and says what is missing', async () => {
    const draft = await createDraft(deps, APPLICANT, { title: 'Tom', code: 'TOM', stage: 'Idé' });
    await expect(submitApplication(deps, APPLICANT, draft.id)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      userMessage: expect.stringContaining('Syfte: rubriken är inte ifylld'),
    });
    expect((await repos.interventions.findById(draft.id))?.stage).toBe('Idé');
  });

  it('makes the creator projektledare with a role row', async () => {
    const draft = await createDraft(deps, APPLICANT, { title: 'Ny', code: 'NY' });
    expect(draft.projectLeaderAadId).toBe(APPLICANT.aadObjectId);
    expect(await repos.roleAssignments.listByIntervention(draft.id)).toEqual([
      expect.objectContaining({ role: 'Projektledare', aadObjectId: APPLICANT.aadObjectId }),
    ]);
  });

  it('logs a forbidden transition as nekad and refuses register fields to applicants', async () => {
    const submitted = await submitApplication(deps, APPLICANT, await completeDraft('ETT'));
    await expect(
      transitionIntervention(deps, APPLICANT, { interventionId: submitted.id, to: 'Beredning' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updateDraft(deps, APPLICANT, { interventionId: submitted.id, fields: { grantedAmount: 5 } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const actions = (await repos.auditLog.listByEntity(submitted.id)).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'nekad')).toHaveLength(2);
  });

  it('refuses to edit the application after submission, but lets the kansli keep register fields', async () => {
    const submitted = await submitApplication(deps, APPLICANT, await completeDraft('ETT'));
    await expect(
      updateDraft(deps, APPLICANT, { interventionId: submitted.id, fields: { purpose: 'ny' } }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const updated = await updateDraft(deps, KANSLI, {
      interventionId: submitted.id,
      fields: { followUpRegistered: true },
    });
    expect(updated.followUpRegistered).toBe(true);
  });
});
