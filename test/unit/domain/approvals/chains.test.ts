import { describe, expect, it } from 'vitest';
import { firstStage, type NextStep, nextStep, ruleFor } from '../../../../src/domain/approvals/chains.ts';
import { checkTransition, type TransitionFacts } from '../../../../src/domain/lifecycle/check-transition.ts';
import {
  APPROVAL_STAGES,
  APPROVAL_SUBJECTS,
  type ApprovalStage,
  type ApprovalSubject,
} from '../../../../src/domain/vocabulary.ts';

describe('firstStage and ruleFor', () => {
  it.each([
    ['Ansökan', { stage: 'Beredningsgrupp', rule: 'Majoritet' }],
    ['Budgetändring', { stage: 'Styrgrupp', rule: 'Alla' }],
    ['Planändring', { stage: 'Styrgrupp', rule: 'Alla' }],
    ['Samarbetsavtal', { stage: 'Firmatecknare', rule: 'Alla' }],
    ['Rekvisition', { stage: 'Förbundschef', rule: 'Först svarande' }],
  ] as const)('%s starts at %j', (subject, expected) => {
    expect(firstStage(subject)).toEqual(expected);
  });

  it.each([
    ['Styrelse', 'En per medlemsorganisation'],
    ['Beredningsgrupp', 'Majoritet'],
    ['Styrgrupp', 'Alla'],
    ['Förbundschef', 'Först svarande'],
    ['Firmatecknare', 'Alla'],
  ] as const)('a %s decides by %s', (stage, rule) => {
    expect(ruleFor(stage)).toBe(rule);
  });
});

type Outcome = 'Godkänd' | 'Avslagen';

/** what follows, written out for every subject, stage, outcome and classification */
function expected(subject: ApprovalSubject, stage: ApprovalStage, outcome: Outcome, minor: boolean): NextStep {
  const final = (delegationDecision = false): NextStep => ({ kind: 'final', outcome, delegationDecision });
  if (subject === 'Ansökan' && stage === 'Beredningsgrupp') {
    return { kind: 'next-stage', stage: 'Styrelse', rule: 'En per medlemsorganisation', recommendation: true };
  }
  if ((subject === 'Budgetändring' || subject === 'Planändring') && stage === 'Styrgrupp' && outcome === 'Godkänd') {
    return minor
      ? { kind: 'next-stage', stage: 'Förbundschef', rule: 'Först svarande', recommendation: false }
      : { kind: 'next-stage', stage: 'Styrelse', rule: 'En per medlemsorganisation', recommendation: false };
  }
  if ((subject === 'Budgetändring' || subject === 'Planändring') && stage === 'Förbundschef') {
    return final(true);
  }
  return final();
}

const combinations = APPROVAL_SUBJECTS.flatMap((subject) =>
  APPROVAL_STAGES.flatMap((stage) =>
    (['Godkänd', 'Avslagen'] as const).flatMap((outcome) =>
      [true, false].map((minor) => [subject, stage, outcome, minor] as const),
    ),
  ),
);

describe('nextStep', () => {
  it('covers every combination (5 subjects × 5 stages × 2 outcomes × minor or not)', () => {
    expect(combinations).toHaveLength(100);
  });

  it.each(combinations)('%s at %s, %s, minor %s', (subject, stage, outcome, minor) => {
    expect(nextStep({ subject, stage, outcome, minor })).toEqual(expected(subject, stage, outcome, minor));
  });

  it('an application goes to the board whatever the beredningsgrupp says: its answer is advice', () => {
    for (const outcome of ['Godkänd', 'Avslagen'] as const) {
      expect(nextStep({ subject: 'Ansökan', stage: 'Beredningsgrupp', outcome, minor: false })).toMatchObject({
        kind: 'next-stage',
        stage: 'Styrelse',
        recommendation: true,
      });
    }
  });

  it('the board’s answer on an application is final, and not a delegationsbeslut', () => {
    expect(nextStep({ subject: 'Ansökan', stage: 'Styrelse', outcome: 'Godkänd', minor: false })).toEqual({
      kind: 'final',
      outcome: 'Godkänd',
      delegationDecision: false,
    });
  });

  it('a budget change: minor to the förbundschef (a delegationsbeslut), otherwise to the board; a styrgrupp no ends it', () => {
    const afterStyrgrupp = (minor: boolean, outcome: Outcome = 'Godkänd') =>
      nextStep({ subject: 'Budgetändring', stage: 'Styrgrupp', outcome, minor });
    expect(afterStyrgrupp(true)).toMatchObject({ kind: 'next-stage', stage: 'Förbundschef' });
    expect(afterStyrgrupp(false)).toMatchObject({ kind: 'next-stage', stage: 'Styrelse' });
    expect(afterStyrgrupp(true, 'Avslagen')).toEqual({ kind: 'final', outcome: 'Avslagen', delegationDecision: false });
    expect(nextStep({ subject: 'Budgetändring', stage: 'Förbundschef', outcome: 'Godkänd', minor: true })).toEqual({
      kind: 'final',
      outcome: 'Godkänd',
      delegationDecision: true,
    });
    expect(nextStep({ subject: 'Budgetändring', stage: 'Styrelse', outcome: 'Avslagen', minor: false })).toEqual({
      kind: 'final',
      outcome: 'Avslagen',
      delegationDecision: false,
    });
  });

  it('every chain ends: following next stages from the first reaches a final step', () => {
    for (const subject of APPROVAL_SUBJECTS) {
      for (const minor of [true, false]) {
        for (const outcome of ['Godkänd', 'Avslagen'] as const) {
          let stage = firstStage(subject).stage;
          let steps = 0;
          for (;;) {
            const step = nextStep({ subject, stage, outcome, minor });
            if (step.kind === 'final') {
              expect(step.outcome).toBe(outcome);
              break;
            }
            expect(step.rule).toBe(ruleFor(step.stage));
            stage = step.stage;
            steps += 1;
            expect(steps).toBeLessThan(3);
          }
        }
      }
    }
  });
});

describe('the application chain and the insats lifecycle', () => {
  const facts: TransitionFacts = {
    applicationProblems: [],
    hasSignedAgreement: false,
    lastQuarterRequisitionRegistered: false,
    hasFinalReport: false,
    today: '2026-12-01',
  };
  const insats = (stage: 'Beredning' | 'Förslag till styrelsen') => ({
    id: '7',
    stage,
    projectLeaderAadId: null,
    endDate: '2029-12-31',
  });

  it('the chain may move an application to the board when the Styrelse stage starts (B5 via approval)', () => {
    const check = checkTransition({
      intervention: insats('Beredning'),
      to: 'Förslag till styrelsen',
      via: 'approval',
      actor: null,
      facts,
    });
    expect(check).toMatchObject({ ok: true, rule: { id: 'B5' } });
  });

  it('by hand, B5 is still the förbundschef’s alone', () => {
    const processledare = {
      aadObjectId: 'p',
      name: 'P',
      roles: [{ role: 'Processledare' as const, interventionId: null }],
    };
    const check = checkTransition({
      intervention: insats('Beredning'),
      to: 'Förslag till styrelsen',
      via: 'api',
      actor: processledare,
      facts,
    });
    expect(check).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });

  it.each(['Beviljad', 'Avslagen'] as const)('the board’s final answer moves the insats to %s (via approval)', (to) => {
    expect(
      checkTransition({ intervention: insats('Förslag till styrelsen'), to, via: 'approval', actor: null, facts }).ok,
    ).toBe(true);
  });
});
