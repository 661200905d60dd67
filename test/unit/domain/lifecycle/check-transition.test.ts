import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/lifecycle/actor.ts';
import { checkTransition, type TransitionFacts } from '../../../../src/domain/lifecycle/check-transition.ts';
import { findRule, TRANSITION_RULES, type Via } from '../../../../src/domain/lifecycle/transition-rules.ts';
import { STAGES, type Stage } from '../../../../src/domain/vocabulary.ts';
import { ALL_MET, actors, subject } from './lifecycle-fixtures.ts';

/** someone who may make the rule's API transition, if it has one */
function allowedActor(from: Stage, to: Stage): Actor | null {
  const way = findRule(from, to)?.ways.find((candidate) => candidate.via === 'api');
  if (way === undefined || way.via !== 'api') {
    return null;
  }
  return way.who.includes('förbundschef')
    ? actors.förbundschef
    : way.who.includes('sökande')
      ? actors.projektledare
      : actors.processledare;
}

describe('the transition table', () => {
  it('has one rule per (from, to) pair', () => {
    const pairs = TRANSITION_RULES.map((rule) => `${rule.from}→${rule.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it.each(STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const)))(
    '%s → %s is in the table or refused with NO_SUCH_TRANSITION',
    (from, to) => {
      const rule = findRule(from, to);
      const vias: Via[] = ['api', 'approval', 'agreement', 'schedule'];
      for (const via of vias) {
        const check = checkTransition({
          intervention: subject(from),
          to,
          via,
          actor: actors.förbundschef,
          facts: ALL_MET,
          comment: 'x',
        });
        if (rule === undefined) {
          expect(check).toEqual({
            ok: false,
            refusal: 'NO_SUCH_TRANSITION',
            reasons: [`Det finns ingen övergång från ${from} till ${to}.`],
          });
        } else {
          expect(check.ok || check.refusal !== 'NO_SUCH_TRANSITION').toBe(true);
        }
      }
    },
  );
});

describe.each(TRANSITION_RULES.map((rule) => [rule.id, rule.from, rule.to] as const))(
  'rule %s: %s → %s',
  (_id, from, to) => {
    const rule = findRule(from, to);
    const apiWay = rule?.ways.find((way) => way.via === 'api');

    it('is allowed for the right actor (or way) when every requirement is met', () => {
      const actor = allowedActor(from, to);
      const via: Via = actor === null ? (rule?.ways[0]?.via ?? 'approval') : 'api';
      const check = checkTransition({ intervention: subject(from), to, via, actor, facts: ALL_MET, comment: 'x' });
      expect(check.ok).toBe(true);
    });

    it('refuses a board member, a projektledare of another insats and someone with no role', () => {
      for (const actor of [actors.styrelseledamot, actors.annanProjektledare, actors.utanRoll]) {
        const check = checkTransition({
          intervention: subject(from),
          to,
          via: 'api',
          actor,
          facts: ALL_MET,
          comment: 'x',
        });
        expect(check.ok).toBe(false);
        if (!check.ok) {
          expect(check.refusal).toBe(apiWay === undefined ? 'WRONG_WAY' : 'FORBIDDEN');
        }
      }
    });

    it('refuses each unmet requirement with its Swedish reason', () => {
      const actor = allowedActor(from, to);
      const via: Via = actor === null ? (rule?.ways[0]?.via ?? 'approval') : 'api';
      const cases: Array<[Partial<TransitionFacts> & { comment?: string }, string, boolean]> = [
        [
          { applicationProblems: ['Syfte: rubriken är inte ifylld'] },
          'Syfte: rubriken är inte ifylld',
          rule?.requires.includes('ansökan-komplett') ?? false,
        ],
        [
          { hasSignedAgreement: false },
          'Samarbetsavtal: inget signerat samarbetsavtal finns för insatsen.',
          rule?.requires.includes('signerat-avtal') ?? false,
        ],
        [
          { lastQuarterRequisitionRegistered: false },
          'Rekvisition: sista kvartalets rekvisition är inte registrerad.',
          rule?.requires.includes('sista-rekvisition') ?? false,
        ],
        [
          { hasFinalReport: false },
          'Slutrapport: ingen slutrapport finns bland insatsens dokument.',
          rule?.requires.includes('slutrapport') ?? false,
        ],
        [
          { comment: '' },
          'Kommentar: skriv vad sökande behöver komplettera med.',
          rule?.requires.includes('kommentar') ?? false,
        ],
      ];
      for (const [change, reason, applies] of cases) {
        const { comment = 'x', ...facts } = change;
        const check = checkTransition({
          intervention: subject(from),
          to,
          via,
          actor,
          facts: { ...ALL_MET, ...facts },
          comment,
        });
        if (applies) {
          expect(check).toEqual({ ok: false, refusal: 'PRECONDITION', reasons: [reason] });
        } else {
          expect(check.ok).toBe(true);
        }
      }
    });
  },
);

describe('specific rules', () => {
  it('Beviljad through the API is refused with the reason', () => {
    const check = checkTransition({
      intervention: subject('Förslag till styrelsen'),
      to: 'Beviljad',
      via: 'api',
      actor: actors.förbundschef,
      facts: ALL_MET,
    });
    expect(check).toEqual({
      ok: false,
      refusal: 'WRONG_WAY',
      reasons: ['Beviljad sätts när styrelsen har beslutat i ett beslutsärende.'],
    });
  });

  it('Förslag till styrelsen needs the förbundschef, not any kansli', () => {
    const check = checkTransition({
      intervention: subject('Beredning'),
      to: 'Förslag till styrelsen',
      via: 'api',
      actor: actors.processledare,
      facts: ALL_MET,
    });
    expect(check).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });

  it('the projektledare named on the insats counts as an applicant without a role row', () => {
    const check = checkTransition({
      intervention: { ...subject('Ansökan'), projectLeaderAadId: 'PL2' },
      to: 'Inkommen',
      via: 'api',
      actor: actors.annanProjektledare,
      facts: ALL_MET,
    });
    expect(check.ok).toBe(true);
  });

  it('the sweep closes a running insats only after its end date', () => {
    const base = { to: 'Avslutas' as const, via: 'schedule' as const, actor: null, facts: ALL_MET };
    expect(checkTransition({ ...base, intervention: { ...subject('Pågående'), endDate: '2029-12-31' } }).ok).toBe(true);
    expect(checkTransition({ ...base, intervention: { ...subject('Pågående'), endDate: '2030-06-30' } })).toEqual({
      ok: false,
      refusal: 'PRECONDITION',
      reasons: ['Slutdatum: insatsens slutdatum har inte passerat.'],
    });
  });
});

describe('properties', () => {
  const step = fc.record({
    to: fc.constantFrom(...STAGES),
    via: fc.constantFrom<Via>('api', 'approval', 'agreement', 'schedule'),
    actor: fc.constantFrom<Actor | null>(null, ...Object.values(actors)),
    hasSignedAgreement: fc.boolean(),
    complete: fc.boolean(),
  });

  it('no sequence of checked transitions reaches Pågående without a signed agreement, or Beviljad/Avbruten without an approval', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let stage: Stage = 'Idé';
        for (const next of steps) {
          const facts = {
            ...ALL_MET,
            hasSignedAgreement: next.hasSignedAgreement,
            applicationProblems: next.complete ? [] : ['Syfte: rubriken är inte ifylld'],
          };
          const check = checkTransition({
            intervention: subject(stage),
            to: next.to,
            via: next.via,
            actor: next.actor,
            facts,
            comment: 'x',
          });
          if (!check.ok) {
            continue;
          }
          if (next.to === 'Pågående' || next.to === 'Uppstart') {
            expect(next.hasSignedAgreement).toBe(true);
          }
          if (next.to === 'Beviljad' || next.to === 'Avbruten' || next.to === 'Avslagen') {
            expect(next.via).toBe('approval');
          }
          if (next.to === 'Inkommen') {
            expect(next.complete).toBe(true);
          }
          stage = next.to;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
