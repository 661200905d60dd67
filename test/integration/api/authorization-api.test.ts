/**
 * The authorization matrix over HTTP against the local SharePoint with the demo: one
 * representative refusal per action that has a route (issue 9 item 3). Each answers 403 with
 * FORBIDDEN and a Swedish message, leaves exactly one AuditLog row `nekad` — read back from
 * SharePoint — naming the caller, the action and the entity, and stores nothing else. Every cell
 * is tried through the use cases in test/unit/services/authorization/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizationAction } from '../../../src/domain/authorization/authorization-matrix.ts';
import type { AuditEntry } from '../../../src/domain/entities/audit-entry.ts';
import { demoPerson, type PersonKey } from '../../../src/sharepoint/demo/demo-people.ts';
import { type ApiHarness, startApiHarness } from './api-harness.ts';

let api: ApiHarness;
let ids: Record<'NOVA' | 'ENTER' | 'SAMSYN', string>;
let periodKey: string;
let requisitionId: string;
let approvalId: string;

beforeAll(async () => {
  api = await startApiHarness();
  const idOf = async (code: string) => (await api.repos.interventions.findByCode(code))?.id ?? '';
  ids = { NOVA: await idOf('NOVA'), ENTER: await idOf('ENTER'), SAMSYN: await idOf('SAMSYN') };
  const quarter = (await api.repos.requisitions.listByIntervention(ids.NOVA))[0];
  periodKey = quarter?.periodKey ?? 'none';
  requisitionId = quarter?.id ?? 'none';
  const open = (await api.repos.approvals.listByIntervention(ids.SAMSYN)).find((row) => row.status === 'Pågår');
  approvalId = open?.id ?? 'none';
}, 120_000);

afterAll(async () => {
  await api?.close();
});

/** everything a refused call could have written, eTags included */
async function stored(): Promise<string> {
  const { repos } = api;
  const [interventions, budgetLines, requisitions, approvals, votes, settings, notifications] = await Promise.all([
    repos.interventions.list(),
    repos.budgetLines.list(),
    repos.requisitions.list(),
    Promise.all(Object.values(ids).map((id) => repos.approvals.listByIntervention(id))),
    repos.votes.listByApproval(approvalId),
    repos.settings.getAll(),
    repos.notifications.listDue('Väntar', '2100-01-01T00:00:00Z'),
  ]);
  return JSON.stringify([interventions, budgetLines, requisitions, approvals, votes, settings, notifications]);
}

async function auditRows(): Promise<AuditEntry[]> {
  return api.repos.auditLog.listSince('2000-01-01T00:00:00Z');
}

type Refusal = {
  readonly action: AuthorizationAction;
  readonly as: PersonKey;
  readonly method: string;
  readonly path: () => string;
  readonly body?: () => unknown;
  readonly message: RegExp;
  readonly entity: () => { list: string; id: string };
};

const REFUSALS: readonly Refusal[] = [
  {
    action: 'lasa-insats',
    as: 'emma.strom',
    method: 'GET',
    path: () => `/api/insatser/${ids.ENTER}`,
    message: /^Du har ingen roll i den här insatsen\.$/,
    entity: () => ({ list: 'Interventions', id: ids.ENTER }),
  },
  {
    action: 'skapa-utkast',
    as: 'gunilla.axelsson',
    method: 'POST',
    path: () => '/api/insatser',
    body: () => ({ title: 'Styrelsens idé', code: 'STYRID' }),
    message: /^Nya ansökningar skapas av kansliet/,
    entity: () => ({ list: 'Interventions', id: '-' }),
  },
  {
    action: 'andra-utkast',
    as: 'gunilla.axelsson',
    method: 'PATCH',
    path: () => `/api/insatser/${ids.NOVA}`,
    body: () => ({ purpose: 'Styrelsen skriver om syftet.' }),
    message: /^Bara insatsens projektledare eller projektägare eller kansliet får ändra ansökan\.$/,
    entity: () => ({ list: 'Interventions', id: ids.NOVA }),
  },
  {
    action: 'andra-registeruppgifter',
    as: 'emma.strom',
    method: 'PATCH',
    path: () => `/api/insatser/${ids.NOVA}`,
    body: () => ({ decisionRef: '§ 99' }),
    message: /^Bara kansliet får ändra registeruppgifterna \(decisionRef\)\.$/,
    entity: () => ({ list: 'Interventions', id: ids.NOVA }),
  },
  {
    action: 'skicka-in',
    as: 'gunilla.axelsson',
    method: 'POST',
    path: () => `/api/insatser/${ids.NOVA}/skicka-in`,
    message: /^Bara insatsens projektledare eller projektägare eller kansliet får skicka in ansökan\.$/,
    entity: () => ({ list: 'Interventions', id: ids.NOVA }),
  },
  {
    action: 'byta-skede',
    as: 'emma.strom',
    method: 'POST',
    path: () => `/api/insatser/${ids.NOVA}/skede`,
    body: () => ({ till: 'Avslutas' }),
    message: /^Bara kansliet får flytta en insats från Pågående till Avslutas\.$/,
    entity: () => ({ list: 'Interventions', id: ids.NOVA }),
  },
  {
    action: 'begara-beslut',
    as: 'jenny.karlberg',
    method: 'POST',
    path: () => '/api/beslut',
    body: () => ({ insats: 'NOVA', subject: 'Planändring', summary: 'Träffarna flyttas.' }),
    message: /^Bara kansliet kan begära ett beslut\.$/,
    entity: () => ({ list: 'Approvals', id: '-' }),
  },
  {
    action: 'lasa-beslutsarende',
    as: 'emma.strom',
    method: 'GET',
    path: () => `/api/beslut/${approvalId}`,
    message: /^Du kan inte se beslutsärende \d+: du har ingen roll i det\.$/,
    entity: () => ({ list: 'Approvals', id: approvalId }),
  },
  {
    action: 'rosta',
    as: 'emma.strom',
    method: 'POST',
    path: () => `/api/beslut/${approvalId}/rost`,
    body: () => ({ decision: 'Godkänn' }),
    message: /^Du kan inte rösta i ärendet ".+": det avgörs av styrelsen och du är inte med där\.$/,
    entity: () => ({ list: 'Approvals', id: approvalId }),
  },
  {
    action: 'aterkalla-beslut',
    as: 'mattias.ekholm',
    method: 'POST',
    path: () => `/api/beslut/${approvalId}/aterkalla`,
    body: () => ({ reason: 'Ekonomen vill ta tillbaka det.' }),
    message: /^Bara den som begärde beslutet eller förbundschefen kan återkalla ärendet\.$/,
    entity: () => ({ list: 'Approvals', id: approvalId }),
  },
  {
    action: 'lasa-delegationsbeslut',
    as: 'malin.ostlund',
    method: 'GET',
    path: () => '/api/delegationsbeslut',
    message: /^Delegationsbesluten visas för styrelsen och kansliet\.$/,
    entity: () => ({ list: 'Approvals', id: 'delegationsbeslut' }),
  },
  {
    action: 'registrera',
    as: 'gunilla.axelsson',
    method: 'POST',
    path: () => `/api/rekvisitioner/${periodKey}/registrera`,
    body: () => ({ invoiceNumber: 'F-1', amount: '1 000', specification: { Personal: '1 000' } }),
    message: /^Bara insatsens projektledare eller projektägare, eller kansliet kan göra det\.$/,
    entity: () => ({ list: 'Requisitions', id: requisitionId }),
  },
  {
    action: 'granska',
    as: 'karin.vallgren',
    method: 'POST',
    path: () => `/api/rekvisitioner/${periodKey}/status`,
    body: () => ({ action: 'granska' }),
    message: /^Bara ekonomen kan göra det\.$/,
    entity: () => ({ list: 'Requisitions', id: requisitionId }),
  },
  {
    action: 'attestera',
    as: 'mattias.ekholm',
    method: 'POST',
    path: () => `/api/rekvisitioner/${periodKey}/status`,
    body: () => ({ action: 'attestera' }),
    message: /^Bara förbundschefen kan göra det\.$/,
    entity: () => ({ list: 'Requisitions', id: requisitionId }),
  },
  {
    action: 'betala',
    as: 'karin.vallgren',
    method: 'POST',
    path: () => `/api/rekvisitioner/${periodKey}/status`,
    body: () => ({ action: 'betala' }),
    message: /^Bara ekonomen kan göra det\.$/,
    entity: () => ({ list: 'Requisitions', id: requisitionId }),
  },
  {
    action: 'avvisa',
    as: 'emma.strom',
    method: 'POST',
    path: () => `/api/rekvisitioner/${periodKey}/status`,
    body: () => ({ action: 'avvisa', reason: 'Projektledaren avvisar sin egen faktura.' }),
    message: /^Bara ekonomen eller förbundschefen kan göra det\.$/,
    entity: () => ({ list: 'Requisitions', id: requisitionId }),
  },
  {
    action: 'starta-signering',
    as: 'emma.strom',
    method: 'POST',
    path: () => `/api/insatser/${ids.NOVA}/avtal/signering`,
    message: /^Bara kansliet kan starta signeringen av ett samarbetsavtal\.$/,
    entity: () => ({ list: 'Interventions', id: ids.NOVA }),
  },
  {
    // refused before the body (a PDF) is read
    action: 'arkivera-avtal',
    as: 'emma.strom',
    method: 'POST',
    path: () => `/api/insatser/${ids.NOVA}/avtal`,
    body: () => ({}),
    message: /^Bara kansliet eller insatsens projektägare kan arkivera ett signerat samarbetsavtal\.$/,
    entity: () => ({ list: 'Interventions', id: ids.NOVA }),
  },
  {
    action: 'lasa-registervyn',
    as: 'gunilla.axelsson',
    method: 'GET',
    path: () => '/api/register',
    message: /^Registervyn är kansliets\./,
    entity: () => ({ list: 'Interventions', id: 'registervy' }),
  },
  {
    action: 'lasa-installningar',
    as: 'emma.strom',
    method: 'GET',
    path: () => '/api/installningar',
    message: /^Inställningarna visas för kansliet och styrelsen\.$/,
    entity: () => ({ list: 'Settings', id: 'installningar' }),
  },
  {
    action: 'andra-installningar',
    as: 'gunilla.axelsson',
    method: 'PUT',
    path: () => '/api/installningar',
    body: () => ({ escalationOffset: 3 }),
    message: /^Bara kansliet kan ändra inställningarna\.$/,
    entity: () => ({ list: 'Settings', id: 'installningar' }),
  },
];

describe('a refusal per action over HTTP', () => {
  it('covers every action with a route but the filtered list and the calendar (no role cannot sign in)', () => {
    expect(REFUSALS.map((refusal) => refusal.action)).toHaveLength(21);
  });

  it.each(REFUSALS.map((refusal) => [`${refusal.action} as ${refusal.as}`, refusal] as const))(
    '%s: 403, Swedish, logged, nothing stored',
    async (_name, refusal) => {
      const [before, rowsBefore] = await Promise.all([stored(), auditRows()]);
      const answer = await api.call(refusal.as, refusal.method, refusal.path(), refusal.body?.());
      expect(answer.status).toBe(403);
      expect(answer.body.error?.code).toBe('FORBIDDEN');
      expect(answer.body.error?.message).toMatch(refusal.message);
      const rows = (await auditRows()).slice(rowsBefore.length);
      expect(rows).toHaveLength(1);
      const entity = refusal.entity();
      expect(rows[0]).toMatchObject({
        action: 'nekad',
        actorAadId: demoPerson(refusal.as).aadObjectId,
        entityList: entity.list,
        entityId: entity.id,
        details: { attempted: refusal.action, reason: answer.body.error?.message },
      });
      // ids only: the caller's name is not in the row
      const person = demoPerson(refusal.as);
      expect(JSON.stringify(rows[0])).not.toContain(person.surname);
      expect(await stored()).toBe(before);
    },
  );

  it('filters the anomalies instead of refusing: a projektledare sees only those of her insatser', async () => {
    const rowsBefore = await auditRows();
    const answer = await api.call('emma.strom', 'GET', '/api/avvikelser');
    expect(answer.status).toBe(200);
    const anomalies = answer.body.avvikelser as Array<{ interventionId: string | null }>;
    expect(anomalies.every((anomaly) => anomaly.interventionId === ids.NOVA)).toBe(true);
    expect(await auditRows()).toHaveLength(rowsBefore.length);
  });
});
