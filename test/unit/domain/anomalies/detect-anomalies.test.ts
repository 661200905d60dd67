import { describe, expect, it } from 'vitest';
import { detectAnomalies, type RegisterSnapshot } from '../../../../src/domain/anomalies/detect-anomalies.ts';
import type { Intervention } from '../../../../src/domain/entities/intervention.ts';
import type { AgreementFile, DocumentFile } from '../../../../src/domain/entities/library-file.ts';
import type { RoleAssignment } from '../../../../src/domain/entities/role-assignment.ts';
import { EMPTY_APPLICATION_TEXTS } from '../../../fixtures/interventions.ts';

const LEADER = '11111111-1111-1111-1111-111111111111';

function insats(change: Partial<Intervention> = {}): Intervention {
  return {
    id: '1',
    etag: '"1"',
    title: 'Test',
    code: 'TEST',
    kind: 'Individinriktad',
    stage: 'Pågående',
    ownerOrgId: '1',
    partnerOrgIds: ['1', '2'],
    projectLeaderAadId: LEADER,
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    grantedAmount: 1000,
    decisionDate: '2024-11-21',
    decisionRef: '§ 50',
    diaryNumber: 'SFV 2024/018',
    followUpRegistered: true,
    ...EMPTY_APPLICATION_TEXTS,
    ...change,
  };
}

const leaderRole: RoleAssignment = {
  id: '1',
  etag: '"1"',
  name: 'Emma',
  aadObjectId: LEADER,
  email: null,
  role: 'Projektledare',
  memberOrgId: null,
  interventionId: '1',
  validFrom: null,
  validTo: null,
};

const file = { etag: '"1"', driveItemId: 'd', folder: 'TEST', name: 'f.pdf', size: 1, webUrl: '', interventionId: '1' };
const signed: AgreementFile = {
  ...file,
  id: '1',
  agreementStatus: 'Signerat',
  validFrom: null,
  validTo: null,
  parties: null,
  signedDate: '2024-12-01',
  sha256: null,
  approvalId: null,
  signatories: null,
};
const finalReport: DocumentFile = { ...file, id: '2', documentKind: 'Slutrapport', period: null };

function snapshot(change: Partial<RegisterSnapshot> = {}): RegisterSnapshot {
  return {
    interventions: [insats()],
    roleAssignments: [leaderRole],
    budgetLines: [{ id: '1', etag: '"1"', interventionId: '1', year: 2025, category: 'Personal', amount: 1000 }],
    agreements: [signed],
    documents: [],
    unreadableRows: [],
    today: '2026-11-24',
    ...change,
  };
}

const codes = (change: Partial<RegisterSnapshot>) => detectAnomalies(snapshot(change)).map((anomaly) => anomaly.code);

describe('detectAnomalies', () => {
  it('finds nothing in a consistent register', () => {
    expect(detectAnomalies(snapshot())).toEqual([]);
  });

  it('Pågående or Uppstart without a signed agreement', () => {
    expect(codes({ agreements: [] })).toEqual(['AVTAL_SAKNAS']);
    expect(codes({ agreements: [{ ...signed, agreementStatus: 'Utkast' }] })).toEqual(['AVTAL_SAKNAS']);
    const [anomaly] = detectAnomalies(snapshot({ agreements: [] }));
    expect(anomaly).toMatchObject({
      interventionId: '1',
      interventionCode: 'TEST',
      severity: 'fel',
      message: 'TEST är Pågående men har inget signerat samarbetsavtal.',
    });
  });

  it('EndDate before StartDate', () => {
    expect(codes({ interventions: [insats({ endDate: '2024-12-31' })] })).toEqual(['PERIOD_OMVAND']);
  });

  it('a projektledare without a role row for the insats', () => {
    expect(codes({ roleAssignments: [] })).toEqual(['PROJEKTLEDARE_UTAN_ROLL']);
    expect(codes({ roleAssignments: [{ ...leaderRole, interventionId: '2' }] })).toEqual(['PROJEKTLEDARE_UTAN_ROLL']);
  });

  it('granted without decision date or paragraph', () => {
    expect(codes({ interventions: [insats({ decisionRef: null })] })).toEqual(['BESLUT_SAKNAS']);
    expect(codes({ interventions: [insats({ decisionDate: null })] })).toEqual(['BESLUT_SAKNAS']);
  });

  it('Inkommen or later without a diarienummer, but not a draft', () => {
    expect(codes({ interventions: [insats({ stage: 'Beredning', diaryNumber: null })] })).toEqual([
      'DIARIENUMMER_SAKNAS',
    ]);
    expect(codes({ interventions: [insats({ stage: 'Ansökan', diaryNumber: null })] })).toEqual([]);
  });

  it('past Ansökan with fewer than two member organisations', () => {
    expect(codes({ interventions: [insats({ stage: 'Beredning', partnerOrgIds: ['1'] })] })).toEqual([
      'FOR_FA_MEDLEMMAR',
    ]);
  });

  it('Avslutad without a slutrapport', () => {
    expect(codes({ interventions: [insats({ stage: 'Avslutad' })] })).toEqual(['SLUTRAPPORT_SAKNAS']);
    expect(codes({ interventions: [insats({ stage: 'Avslutad' })], documents: [finalReport] })).toEqual([]);
  });

  it('budget total differing from the granted amount', () => {
    const [anomaly] = detectAnomalies(snapshot({ interventions: [insats({ grantedAmount: 2000 })] }));
    expect(anomaly?.code).toBe('BUDGET_AVVIKER');
    expect(anomaly?.message).toContain('2\u00a0000\u00a0kr');
    expect(codes({ interventions: [insats({ grantedAmount: null })] })).toEqual(['BUDGET_AVVIKER']);
  });

  it('rows the repositories could not read', () => {
    const found = detectAnomalies(
      snapshot({
        unreadableRows: [
          { listKey: 'Interventions', itemId: '9', issues: [{ field: 'Stage', message: 'okänt skede' }] },
        ],
      }),
    );
    expect(found).toEqual([
      expect.objectContaining({ code: 'OLASBAR_RAD', interventionId: '9', message: expect.stringContaining('Stage') }),
    ]);
  });
});
