import type { Actor } from '../../../../src/domain/lifecycle/actor.ts';
import type { TransitionFacts, TransitionSubject } from '../../../../src/domain/lifecycle/check-transition.ts';
import type { Stage } from '../../../../src/domain/vocabulary.ts';

export const INSATS_ID = '7';
export const OTHER_INSATS_ID = '8';

export const actors = {
  projektledare: { aadObjectId: 'pl', name: 'PL', roles: [{ role: 'Projektledare', interventionId: INSATS_ID }] },
  projektägare: { aadObjectId: 'pa', name: 'PÄ', roles: [{ role: 'Projektägare', interventionId: INSATS_ID }] },
  processledare: { aadObjectId: 'proc', name: 'Proc', roles: [{ role: 'Processledare', interventionId: null }] },
  förbundschef: { aadObjectId: 'chef', name: 'Chef', roles: [{ role: 'Förbundschef', interventionId: null }] },
  styrelseledamot: { aadObjectId: 'sty', name: 'Sty', roles: [{ role: 'Styrelseledamot', interventionId: null }] },
  annanProjektledare: {
    aadObjectId: 'pl2',
    name: 'PL2',
    roles: [{ role: 'Projektledare', interventionId: OTHER_INSATS_ID }],
  },
  utanRoll: { aadObjectId: 'none', name: 'Ingen', roles: [] },
} satisfies Record<string, Actor>;

export const ALL_MET: TransitionFacts = {
  applicationProblems: [],
  hasSignedAgreement: true,
  lastQuarterRequisitionRegistered: true,
  hasFinalReport: true,
  today: '2030-01-01',
};

export function subject(stage: Stage): TransitionSubject {
  return { id: INSATS_ID, stage, projectLeaderAadId: null, endDate: '2029-12-31' };
}
