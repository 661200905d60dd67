/**
 * The authorization matrix, cell by cell, through the real use cases (issue 9 item 3): for every
 * action and every role, a person holding only that role tries the action on insats ALFA. Allowed:
 * the use case goes through. Refused: FORBIDDEN with a Swedish message, exactly one AuditLog row
 * `nekad` naming the person, the action and the entity (ids only), and nothing else stored.
 * Per-insats roles are tried twice — held for ALFA, and held for BETA while acting on ALFA — and
 * conditional cells once more with their condition not met (not seated, not the requester, the
 * one who registered or reviewed the invoice, a transition that is not theirs).
 *
 * EXPECTED is written out by hand, so it is a second statement of the rules: a test below checks
 * that it says the same as the matrix in src/domain/authorization/, and the README table is
 * rendered from that matrix.
 */
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../src/domain/app-error.ts';
import {
  AUTHORIZATION_ACTIONS,
  AUTHORIZATION_MATRIX,
  type AuthorizationAction,
  type Cell,
  type Column,
  MATRIX_COLUMNS,
  PER_INSATS_COLUMNS,
} from '../../../../src/domain/authorization/authorization-matrix.ts';
import { may } from '../../../../src/domain/authorization/may.ts';
import type { ApprovalStage } from '../../../../src/domain/vocabulary.ts';
import { fileSignedAgreement } from '../../../../src/services/agreements/file-signed-agreement.ts';
import { startAgreementSigning } from '../../../../src/services/agreements/start-agreement-signing.ts';
import { writePayload } from '../../../../src/services/approvals/approval-payload.ts';
import { castVote } from '../../../../src/services/approvals/cast-vote.ts';
import { getApprovalForViewer } from '../../../../src/services/approvals/get-approval.ts';
import { listDelegationDecisions } from '../../../../src/services/approvals/list-delegation-decisions.ts';
import { startApproval } from '../../../../src/services/approvals/start-approval.ts';
import { withdrawApproval } from '../../../../src/services/approvals/withdraw-approval.ts';
import { getInterventionStatus } from '../../../../src/services/bot-queries/get-intervention-status.ts';
import { getCalendarLink } from '../../../../src/services/calendar-feed/get-calendar-link.ts';
import { advanceRequisition } from '../../../../src/services/invoicing/advance-requisition.ts';
import { getRequisitionForViewer } from '../../../../src/services/invoicing/get-requisition.ts';
import { registerRequisition } from '../../../../src/services/invoicing/register-requisition.ts';
import { createDraft } from '../../../../src/services/register/create-draft.ts';
import { getIntervention } from '../../../../src/services/register/get-intervention.ts';
import { listAnomalies } from '../../../../src/services/register/list-anomalies.ts';
import { readRegister } from '../../../../src/services/register/read-register.ts';
import { replaceBudget } from '../../../../src/services/register/replace-budget.ts';
import { submitApplication } from '../../../../src/services/register/submit-application.ts';
import { transitionIntervention } from '../../../../src/services/register/transition-intervention.ts';
import { updateDraft } from '../../../../src/services/register/update-draft.ts';
import { getSettings } from '../../../../src/services/settings/get-settings.ts';
import { updateSettings } from '../../../../src/services/settings/update-settings.ts';
import { AuthorizationWorld, HELPERS, personId, type Where } from './authorization-world.ts';

/**
 * Y allowed; N refused; E allowed for the insats the role is held for, refused for another;
 * C allowed when the cell's condition holds, refused when it does not.
 * Columns: Förbundschef Ekonom Processledare Nämndsekreterare | Ordförande Styrelseledamot
 * Styrelseersättare | Beredningsgrupp | Styrgrupp Projektledare Projektägare | Firmatecknare | Ingen roll
 */
const EXPECTED: Readonly<Record<AuthorizationAction, string>> = {
  'lasa-insats': '            YYYY YYY Y EEE N N',
  'skapa-utkast': '           YYYY NNN N YYY N N',
  'andra-utkast': '           YYYY NNN N NEE N N',
  'andra-registeruppgifter': 'YYYY NNN N NNN N N',
  'skicka-in': '              YYYY NNN N NEE N N',
  'byta-skede': '             CCCC NNN N NEE N N',
  'begara-beslut': '          YYYY NNN N NNN N N',
  'lasa-beslutsarende': '     YYYY YYY Y EEE C N',
  rosta: '                    CNNN CCC C CNN C N',
  'aterkalla-beslut': '       YCCC NNN N NNN N N',
  'lasa-delegationsbeslut': ' YYYY YYY N NNN N N',
  registrera: '               YYYY NNN N NEE N N',
  granska: '                  NCNN NNN N NNN N N',
  attestera: '                CNNN NNN N NNN N N',
  betala: '                   NYNN NNN N NNN N N',
  avvisa: '                   YYNN NNN N NNN N N',
  'ladda-upp': '              YYYY NNN N NEE N N',
  'starta-signering': '       YYYY NNN N NNN N N',
  'arkivera-avtal': '         YYYY NNN N NNE N N',
  'lasa-registervyn': '       YYYY NNN N NNN N N',
  'lasa-avvikelser': '        YYYY YYY Y EEE N N',
  'lasa-installningar': '     YYYY YYY N NNN N N',
  'andra-installningar': '    YYYY NNN N NNN N N',
  kalenderlank: '             YYYY YYY Y YYY Y N',
};

type Code = 'Y' | 'N' | 'E' | 'C';

function codeOf(action: AuthorizationAction, column: Column): Code {
  const codes = EXPECTED[action].replace(/\s+/g, '');
  return codes[MATRIX_COLUMNS.indexOf(column)] as Code;
}

/** the kind of a cell of the matrix, in the codes above */
function kindOf(cell: Cell): Code {
  if (cell.length === 0) {
    return 'N';
  }
  if (cell.some((alternative) => alternative.length === 0)) {
    return 'Y';
  }
  const own = cell.every(
    (alternative) =>
      alternative.includes('egen-insats') &&
      alternative.every((condition) => condition === 'egen-insats' || condition === 'livscykeln'),
  );
  return own ? 'E' : 'C';
}

/** held: the role is held where it counts and the condition holds; unmet: held, but the condition does not */
type Variant = 'held' | 'unmet';

type Attempt = {
  readonly name: string;
  readonly run: () => Promise<unknown>;
};

type Scenario = {
  /** sets the scene for one person and returns what they try */
  readonly prepare: (w: AuthorizationWorld, column: Column, person: string, variant: Variant) => Promise<Attempt[]>;
  /** the columns whose condition can be made not to hold */
  readonly unmet?: (column: Column) => boolean;
  /** a list that shows what the person may see instead of refusing: the attempt answers whether ALFA is in it */
  readonly filters?: true;
};

const PERIOD = 'ALFA-2027-Q1';

/** the stage whose seat the role has, for votes (null: the role has none) */
const SEAT_STAGE: Partial<Record<Column, ApprovalStage>> = {
  Förbundschef: 'Förbundschef',
  Ordförande: 'Styrelse',
  Styrelseledamot: 'Styrelse',
  Styrelseersättare: 'Styrelse',
  Beredningsgrupp: 'Beredningsgrupp',
  Styrgrupp: 'Styrgrupp',
  Firmatecknare: 'Firmatecknare',
};

const KANSLI: readonly Column[] = ['Förbundschef', 'Ekonom', 'Processledare', 'Nämndsekreterare'];

const SCENARIOS: Readonly<Record<Exclude<AuthorizationAction, 'ladda-upp'>, Scenario>> = {
  'lasa-insats': {
    prepare: async (w, _column, person) => {
      await w.requisition('Förväntad');
      const actor = await w.actor(person);
      return [
        { name: 'GET /api/insatser/:id', run: () => getIntervention(w.register(), actor, w.alfa.id) },
        {
          name: 'GET /api/rekvisitioner/:periodKey',
          run: () => getRequisitionForViewer(w.invoicing(), person, PERIOD),
        },
        { name: 'boten: status ALFA', run: () => getInterventionStatus(w.botQueries(), 'ALFA', person) },
      ];
    },
  },
  'skapa-utkast': {
    prepare: async (w, _column, person) => {
      const actor = await w.actor(person);
      return [
        { name: 'POST /api/insatser', run: () => createDraft(w.register(), actor, { title: 'Ny', code: 'NYTT' }) },
      ];
    },
  },
  'andra-utkast': {
    prepare: async (w, _column, person) => {
      await w.setAlfa({ stage: 'Ansökan' });
      const actor = await w.actor(person);
      return [
        {
          name: 'PATCH /api/insatser/:id',
          run: () => updateDraft(w.register(), actor, { interventionId: w.alfa.id, fields: { purpose: 'Nytt syfte' } }),
        },
        {
          name: 'PUT /api/insatser/:id/budget',
          run: () => replaceBudget(w.register(), actor, w.alfa.id, [{ year: 2027, category: 'Personal', amount: 5 }]),
        },
      ];
    },
  },
  'andra-registeruppgifter': {
    prepare: async (w, _column, person) => {
      const actor = await w.actor(person);
      return [
        {
          name: 'PATCH /api/insatser/:id',
          run: () => updateDraft(w.register(), actor, { interventionId: w.alfa.id, fields: { decisionRef: '§ 7' } }),
        },
      ];
    },
  },
  'skicka-in': {
    prepare: async (w, _column, person) => {
      await w.completeApplication();
      const actor = await w.actor(person);
      return [
        { name: 'POST /api/insatser/:id/skicka-in', run: () => submitApplication(w.register(), actor, w.alfa.id) },
      ];
    },
  },
  'byta-skede': {
    // held: a transition the role's party may make (B3 for the kansli, B16 for the applicants);
    // unmet: one it may not (B5 is the förbundschef's, B3 the kansli's)
    unmet: (column) => column !== 'Förbundschef',
    prepare: async (w, column, person, variant) => {
      const applicant = column === 'Projektledare' || column === 'Projektägare';
      const [from, to] =
        variant === 'unmet'
          ? applicant
            ? (['Inkommen', 'Beredning'] as const)
            : (['Beredning', 'Förslag till styrelsen'] as const)
          : applicant
            ? (['Ansökan', 'Återtagen'] as const)
            : (['Inkommen', 'Beredning'] as const);
      await w.setAlfa({ stage: from });
      const actor = await w.actor(person);
      return [
        {
          name: `POST /api/insatser/:id/skede ${from} → ${to}`,
          run: () => transitionIntervention(w.register(), actor, { interventionId: w.alfa.id, to }),
        },
      ];
    },
  },
  'begara-beslut': {
    prepare: async (w, _column, person) => [
      {
        name: 'POST /api/beslut',
        run: () =>
          startApproval(w.approvals(), person, { insats: 'ALFA', subject: 'Planändring', summary: 'Ny målgrupp' }),
      },
    ],
  },
  'lasa-beslutsarende': {
    unmet: (column) => column === 'Firmatecknare',
    prepare: async (w, column, person, variant) => {
      const stage = column === 'Firmatecknare' && variant === 'held' ? 'Firmatecknare' : 'Styrelse';
      const approval = await w.approval(stage);
      return [
        { name: `GET /api/beslut/:id (${stage})`, run: () => getApprovalForViewer(w.approvals(), person, approval.id) },
      ];
    },
  },
  rosta: {
    // held: a matter at the stage where the role has a seat; unmet: one at another stage
    unmet: (column) => SEAT_STAGE[column] !== undefined,
    prepare: async (w, column, person, variant) => {
      const seat = SEAT_STAGE[column];
      const stage =
        seat === undefined ? 'Styrelse' : variant === 'held' ? seat : seat === 'Styrelse' ? 'Förbundschef' : 'Styrelse';
      const approval = await w.approval(stage);
      return [
        {
          name: `POST /api/beslut/:id/rost (${stage})`,
          run: async () => {
            const vote = await castVote(w.approvals(), person, approval.id, { decision: 'Godkänn' });
            expect(vote.result).toBe('recorded');
          },
        },
      ];
    },
  },
  'aterkalla-beslut': {
    // held: the person asked for the decision; unmet: someone else did
    unmet: (column) => KANSLI.includes(column),
    prepare: async (w, _column, person, variant) => {
      const approval = await w.approval('Styrelse', {
        requestedByAadId: variant === 'held' ? person : HELPERS.requester,
      });
      return [
        {
          name: 'POST /api/beslut/:id/aterkalla',
          run: () => withdrawApproval(w.approvals(), person, approval.id, { reason: 'Fel ärende' }),
        },
      ];
    },
  },
  'lasa-delegationsbeslut': {
    prepare: async (w, _column, person) => [
      { name: 'GET /api/delegationsbeslut', run: () => listDelegationDecisions(w.approvals(), person) },
    ],
  },
  registrera: {
    prepare: async (w, _column, person) => {
      await w.requisition('Förväntad');
      return [
        {
          name: 'POST /api/rekvisitioner/:periodKey/registrera',
          run: () =>
            registerRequisition(w.invoicing(), person, PERIOD, {
              invoiceNumber: 'F-9',
              amount: '1 000',
              specification: { Personal: '1 000' },
            }),
        },
      ];
    },
  },
  granska: {
    // unmet: the person registered the invoice
    unmet: (column) => column === 'Ekonom',
    prepare: async (w, _column, person, variant) => {
      await w.requisition('Inkommen', variant === 'unmet' ? { registeredBy: person } : {});
      return [step(w, person, 'granska')];
    },
  },
  attestera: {
    // unmet: the person reviewed the invoice
    unmet: (column) => column === 'Förbundschef',
    prepare: async (w, _column, person, variant) => {
      await w.requisition('Granskad', variant === 'unmet' ? { reviewedBy: person } : {});
      return [step(w, person, 'attestera')];
    },
  },
  betala: {
    prepare: async (w, _column, person) => {
      await w.requisition('Attesterad');
      return [step(w, person, 'betala')];
    },
  },
  avvisa: {
    prepare: async (w, _column, person) => {
      await w.requisition('Inkommen');
      return [step(w, person, 'avvisa')];
    },
  },
  'starta-signering': {
    // ALFA awaits its agreement; both its parties have a firmatecknare
    prepare: async (w, _column, person) => {
      await w.setAlfa({ stage: 'Avtal' });
      return [
        {
          name: 'POST /api/insatser/:id/avtal/signering',
          run: () => startAgreementSigning(w.approvals(), person, 'ALFA'),
        },
      ];
    },
  },
  'arkivera-avtal': {
    prepare: async (w, _column, person) => {
      await w.setAlfa({ stage: 'Avtal' });
      const actor = await w.actor(person);
      const content = await w.signedPdf();
      return [
        {
          name: 'POST /api/insatser/:id/avtal',
          run: () =>
            fileSignedAgreement(w.approvals(), actor, {
              interventionId: w.alfa.id,
              fileName: 'Samarbetsavtal ALFA.pdf',
              signedDate: null,
              content,
            }),
        },
      ];
    },
  },
  'lasa-registervyn': {
    prepare: async (w, _column, person) => {
      const actor = await w.actor(person);
      return [{ name: 'GET /api/register', run: () => readRegister(w.register(), actor) }];
    },
  },
  'lasa-avvikelser': {
    filters: true,
    // ALFA runs without a signed samarbetsavtal: an anomaly of ALFA's
    prepare: async (w, _column, person) => {
      const actor = await w.actor(person);
      return [
        {
          name: 'GET /api/avvikelser',
          run: async () =>
            (await listAnomalies(w.register(), actor)).some((anomaly) => anomaly.interventionId === w.alfa.id),
        },
      ];
    },
  },
  'lasa-installningar': {
    prepare: async (w, _column, person) => {
      const actor = await w.actor(person);
      return [{ name: 'GET /api/installningar', run: () => getSettings(w.settings(), actor) }];
    },
  },
  'andra-installningar': {
    prepare: async (w, _column, person) => {
      const actor = await w.actor(person);
      return [
        { name: 'PUT /api/installningar', run: () => updateSettings(w.settings(), actor, { escalationOffset: 3 }) },
      ];
    },
  },
  kalenderlank: {
    prepare: async (w, _column, person) => [
      { name: 'GET /api/kalender', run: () => getCalendarLink(w.calendar(), person, 'https://insatsnavet.example') },
    ],
  },
};

function step(w: AuthorizationWorld, person: string, action: 'granska' | 'attestera' | 'betala' | 'avvisa'): Attempt {
  return {
    name: `POST /api/rekvisitioner/:periodKey/status ${action}`,
    run: () =>
      advanceRequisition(
        w.invoicing(),
        person,
        PERIOD,
        action === 'avvisa' ? { action, reason: 'Fel belopp' } : { action },
      ),
  };
}

type Case = {
  readonly action: Exclude<AuthorizationAction, 'ladda-upp'>;
  readonly column: Column;
  readonly where: Where;
  readonly variant: Variant;
  readonly allowed: boolean;
};

/** every cell, as the cases that try it */
function casesOf(action: Exclude<AuthorizationAction, 'ladda-upp'>, column: Column): Case[] {
  const code = codeOf(action, column);
  const cases: Case[] = [{ action, column, where: 'own', variant: 'held', allowed: code !== 'N' }];
  if (PER_INSATS_COLUMNS.includes(column)) {
    cases.push({ action, column, where: 'other', variant: 'held', allowed: code === 'Y' });
  }
  if ((code === 'C' || code === 'E') && SCENARIOS[action].unmet?.(column) === true) {
    cases.push({ action, column, where: 'own', variant: 'unmet', allowed: false });
  }
  return cases;
}

const TRIED = AUTHORIZATION_ACTIONS.filter(
  (action): action is Exclude<AuthorizationAction, 'ladda-upp'> => action !== 'ladda-upp',
);
const CASES = TRIED.flatMap((action) => MATRIX_COLUMNS.flatMap((column) => casesOf(action, column)));

function title(c: Case): string {
  const who = PER_INSATS_COLUMNS.includes(c.column) ? `${c.column} (${c.where === 'own' ? 'ALFA' : 'BETA'})` : c.column;
  return `${c.action} × ${who}${c.variant === 'unmet' ? ', condition not met' : ''}: ${c.allowed ? 'allowed' : 'refused'}`;
}

describe('the authorization matrix, through the use cases', () => {
  it('tries every cell: 23 actions with a use case × 13 columns', () => {
    const cells = new Set(CASES.map((c) => `${c.action}|${c.column}`));
    expect(cells.size).toBe(TRIED.length * MATRIX_COLUMNS.length);
    expect(TRIED).toHaveLength(23);
  });

  it.each(CASES.map((c) => [title(c), c] as const))('%s', async (_title, c) => {
    const w = await AuthorizationWorld.create();
    const person = personId(c.column, c.where);
    const scenario = SCENARIOS[c.action];
    const attempts = await scenario.prepare(w, c.column, person, c.variant);
    for (const attempt of attempts) {
      const before = w.snapshot();
      if (scenario.filters === true) {
        // a filter: ALFA is in the answer or not, nothing is refused and nothing is stored
        expect(await attempt.run(), attempt.name).toBe(c.allowed);
        expect(w.snapshot(), attempt.name).toEqual(before);
        continue;
      }
      const outcome = await attempt.run().then(
        () => null,
        (error: unknown) => error,
      );
      if (c.allowed) {
        expect(outcome, `${attempt.name} should go through`).toBeNull();
        continue;
      }
      expect(isAppError(outcome) && outcome.code, attempt.name).toBe('FORBIDDEN');
      const message = isAppError(outcome) ? outcome.userMessage : '';
      expect(message, attempt.name).toMatch(/^(Bara|Du|Den|Nya|Registervyn|Inställningarna|Delegationsbesluten) /);
      // nothing but the refusal's own row
      expect(w.snapshot().tables, attempt.name).toBe(before.tables);
      expect(w.snapshot().settings, attempt.name).toBe(before.settings);
      const rows = w.auditSince(before);
      expect(rows, attempt.name).toHaveLength(1);
      expect(rows[0], attempt.name).toMatchObject({
        action: 'nekad',
        actorAadId: person,
        details: { attempted: c.action, reason: message },
      });
      // ids only: no name of the person in the row
      const name = (await w.repos.roleAssignments.listByAadObjectId(person))[0]?.name;
      if (name !== undefined) {
        expect(JSON.stringify(rows[0])).not.toContain(name);
      }
    }
    expect(w.errors).toEqual([]);
  });
});

describe('uploading documents (not yet a route): the rule the upload will apply', () => {
  const ALFA = { id: 'alfa', projectLeaderAadId: null };
  it.each(MATRIX_COLUMNS.map((column) => [column] as const))('%s', (column) => {
    const code = codeOf('ladda-upp', column);
    const holder = (where: string) => ({
      aadObjectId: personId(column),
      name: '',
      roles:
        column === 'Ingen roll'
          ? []
          : [{ role: column, interventionId: PER_INSATS_COLUMNS.includes(column) ? where : null }],
    });
    expect(may(holder('alfa'), 'ladda-upp', { intervention: ALFA }).ok).toBe(code !== 'N');
    if (PER_INSATS_COLUMNS.includes(column)) {
      expect(may(holder('beta'), 'ladda-upp', { intervention: ALFA }).ok).toBe(code === 'Y');
    }
  });
});

describe('the hand-written expectations and the matrix say the same', () => {
  it.each(AUTHORIZATION_MATRIX.map((spec) => [spec.action, spec] as const))('%s', (_action, spec) => {
    expect(MATRIX_COLUMNS.map((column) => kindOf(spec.cells[column])).join('')).toBe(
      EXPECTED[spec.action].replace(/\s+/g, ''),
    );
  });
});

describe('a seat in a running stage outlives the mandate it was given for', () => {
  it('lets a ledamot whose mandate ended after the stage opened vote and read the card, and nobody else', async () => {
    const w = await AuthorizationWorld.create();
    const former = 'c0c0c0c0-0000-4000-8000-000000000001';
    const seat = {
      aadObjectId: former,
      name: 'Före Detta',
      role: 'Styrelseledamot' as const,
      memberOrgId: w.orgs.C,
      substitute: false,
      orgName: 'Organisation C',
    };
    const approval = await w.approval('Styrelse', {
      payload: writePayload(
        { extra: {}, unreadable: [] },
        {
          approvers: [
            seat,
            { ...seat, aadObjectId: personId('Ordförande'), role: 'Ordförande', memberOrgId: w.orgs.A, orgName: null },
          ],
        },
      ),
    });
    // no row in RoleAssignments: the person holds no role today
    expect(await w.repos.roleAssignments.listByAadObjectId(former)).toEqual([]);
    expect((await castVote(w.approvals(), former, approval.id, { decision: 'Godkänn' })).result).toBe('recorded');
    expect((await getApprovalForViewer(w.approvals(), former, approval.id)).viewer.myVote?.decision).toBe('Godkänn');
    // the ledamot of today was not on the board when the stage opened
    const before = w.snapshot();
    await expect(
      castVote(w.approvals(), personId('Styrelseledamot'), approval.id, { decision: 'Godkänn' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(w.auditSince(before)).toEqual([
      expect.objectContaining({ action: 'nekad', details: expect.objectContaining({ attempted: 'rosta' }) }),
    ]);
  });
});
