/**
 * The approval chains (issue 4, DESIGN.md §6): which body answers first for each subject, under
 * which rule, and what follows its answer.
 *
 * - Ansökan: Beredningsgrupp (Majoritet) gives a recommendation, then the Styrelse (En per
 *   medlemsorganisation) decides — the board decides even when the beredningsgrupp advises against.
 * - Budgetändring, Planändring: the insats's Styrgrupp (Alla) first; if it approves, a minor change
 *   goes to the Förbundschef (Först svarande, a delegationsbeslut), a larger one to the Styrelse.
 *   A Styrgrupp that says no ends the matter: the change was the insats's own proposal.
 * - Samarbetsavtal: the parties' Firmatecknare (Alla) sign off.
 * - Rekvisition: the Förbundschef attests (Först svarande).
 */
import type { ApprovalRule, ApprovalStage, ApprovalSubject } from './approval-model.ts';

export type StageAndRule = { readonly stage: ApprovalStage; readonly rule: ApprovalRule };

export type NextStep =
  | {
      readonly kind: 'next-stage';
      readonly stage: ApprovalStage;
      readonly rule: ApprovalRule;
      /** the stage before only advised: its outcome is shown to the next body, not binding */
      readonly recommendation: boolean;
    }
  | {
      readonly kind: 'final';
      readonly outcome: 'Godkänd' | 'Avslagen';
      /** decided by the förbundschef on delegation: listed for the board as a delegationsbeslut */
      readonly delegationDecision: boolean;
    };

const DEFAULT_RULES: Readonly<Record<ApprovalStage, ApprovalRule>> = {
  Styrelse: 'En per medlemsorganisation',
  Beredningsgrupp: 'Majoritet',
  Styrgrupp: 'Alla',
  Förbundschef: 'Först svarande',
  Firmatecknare: 'Alla',
};

/** the rule a stage decides by, for a row the kansli typed into SharePoint without a Rule */
export function ruleFor(stage: ApprovalStage): ApprovalRule {
  return DEFAULT_RULES[stage];
}

const FIRST_STAGES: Readonly<Record<ApprovalSubject, ApprovalStage>> = {
  Ansökan: 'Beredningsgrupp',
  Budgetändring: 'Styrgrupp',
  Planändring: 'Styrgrupp',
  Samarbetsavtal: 'Firmatecknare',
  Rekvisition: 'Förbundschef',
};

/** where a new matter starts */
export function firstStage(subject: ApprovalSubject): StageAndRule {
  const stage = FIRST_STAGES[subject];
  return { stage, rule: ruleFor(stage) };
}

function nextStage(stage: ApprovalStage, recommendation: boolean): NextStep {
  return { kind: 'next-stage', stage, rule: ruleFor(stage), recommendation };
}

function final(outcome: 'Godkänd' | 'Avslagen', delegationDecision = false): NextStep {
  return { kind: 'final', outcome, delegationDecision };
}

/**
 * What follows a stage's outcome. `minor` is the change's classification (budget-change.ts) and
 * matters only after a Styrgrupp approves a change. A stage that is not in the subject's chain (a
 * row typed by hand in SharePoint) ends the matter with its own outcome rather than guessing.
 */
export function nextStep(input: {
  readonly subject: ApprovalSubject;
  readonly stage: ApprovalStage;
  readonly outcome: 'Godkänd' | 'Avslagen';
  readonly minor: boolean;
}): NextStep {
  const { subject, stage, outcome, minor } = input;
  switch (subject) {
    case 'Ansökan':
      // the beredningsgrupp only prepares: its answer, yes or no, goes to the board as advice
      return stage === 'Beredningsgrupp' ? nextStage('Styrelse', true) : final(outcome);
    case 'Budgetändring':
    case 'Planändring':
      if (stage === 'Styrgrupp') {
        if (outcome === 'Avslagen') {
          return final(outcome);
        }
        return nextStage(minor ? 'Förbundschef' : 'Styrelse', false);
      }
      return final(outcome, stage === 'Förbundschef');
    case 'Samarbetsavtal':
    case 'Rekvisition':
      return final(outcome);
  }
}
