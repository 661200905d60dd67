/**
 * The lifecycle's guard: may this actor move this insats to that stage, this way, given these
 * facts? Pure; the services gather the facts (agreements, documents, requisitions, the
 * application's problems) and act on the answer. Refusals are result values with Swedish reasons.
 */

import { isAllowed } from '../authorization/may.ts';
import type { Stage } from '../vocabulary.ts';
import type { Actor } from './actor.ts';
import {
  describeParties,
  findRule,
  type Party,
  type Requirement,
  type TransitionRule,
  type Via,
  type Way,
} from './transition-rules.ts';

/** What the guards need to know about the insats beyond its own fields. */
export type TransitionFacts = {
  /** what the application lacks, one Swedish line each (empty when complete) */
  readonly applicationProblems: readonly string[];
  readonly hasSignedAgreement: boolean;
  /** the requisition of the period's last quarter has come in (not Förväntad or Avvisad) */
  readonly lastQuarterRequisitionRegistered: boolean;
  readonly hasFinalReport: boolean;
  /** today in the förbund's time zone, YYYY-MM-DD */
  readonly today: string;
};

export type TransitionSubject = {
  readonly id: string;
  readonly stage: Stage;
  readonly projectLeaderAadId: string | null;
  readonly endDate: string | null;
};

export type TransitionRequest = {
  readonly intervention: TransitionSubject;
  readonly to: Stage;
  readonly via: Via;
  /** the person acting; required for `api`, ignored otherwise (the decision is the authority) */
  readonly actor: Actor | null;
  readonly comment?: string | null;
  readonly facts: TransitionFacts;
};

export type TransitionRefusal =
  /** no such edge in the state machine */
  | 'NO_SUCH_TRANSITION'
  /** the edge exists, but not this way (e.g. Beviljad through the API instead of an approval) */
  | 'WRONG_WAY'
  /** the actor does not hold a role that may make it */
  | 'FORBIDDEN'
  /** something that must exist first does not */
  | 'PRECONDITION';

export type TransitionCheck =
  | { readonly ok: true; readonly rule: TransitionRule }
  | { readonly ok: false; readonly refusal: TransitionRefusal; readonly reasons: readonly string[] };

export function checkTransition(request: TransitionRequest): TransitionCheck {
  const from = request.intervention.stage;
  const rule = findRule(from, request.to);
  if (rule === undefined) {
    return refuse('NO_SUCH_TRANSITION', `Det finns ingen övergång från ${from} till ${request.to}.`);
  }
  const way = rule.ways.find((candidate) => candidate.via === request.via);
  if (way === undefined) {
    return refuse('WRONG_WAY', wrongWayReason(rule, request.via));
  }
  if (way.via === 'api') {
    const allowed = request.actor !== null && mayAct(request.actor, way.who, request.intervention);
    if (!allowed) {
      return refuse(
        'FORBIDDEN',
        `Bara ${describeParties(way.who)} får flytta en insats från ${from} till ${request.to}.`,
      );
    }
  }
  const requirements = [...rule.requires, ...(way.via === 'api' ? [] : (way.requires ?? []))];
  const reasons = requirements.flatMap((requirement) => unmet(requirement, request));
  return reasons.length > 0 ? { ok: false, refusal: 'PRECONDITION', reasons } : { ok: true, rule };
}

function refuse(refusal: TransitionRefusal, reason: string): TransitionCheck {
  return { ok: false, refusal, reasons: [reason] };
}

/** the authorization matrix's `byta-skede`: a role whose party the rule names (sökande: of this insats) */
function mayAct(actor: Actor, who: readonly Party[], intervention: TransitionSubject): boolean {
  return isAllowed(actor, 'byta-skede', { intervention, transition: { who } });
}

function wrongWayReason(rule: TransitionRule, via: Via): string {
  const ways = rule.ways.map((way: Way) => way.via);
  if (ways.includes('approval') && !ways.includes('api')) {
    return `${rule.to} sätts när styrelsen har beslutat i ett beslutsärende.`;
  }
  if (ways.includes('agreement') && via !== 'api') {
    return `${rule.to} sätts när samarbetsavtalet har signerats.`;
  }
  return `Övergången från ${rule.from} till ${rule.to} görs inte på det här sättet.`;
}

/** the Swedish reasons a requirement is not met (none when it is) */
function unmet(requirement: Requirement, request: TransitionRequest): readonly string[] {
  const { facts, intervention } = request;
  switch (requirement) {
    case 'ansökan-komplett':
      return facts.applicationProblems;
    case 'kommentar':
      return (request.comment ?? '').trim() === '' ? ['Kommentar: skriv vad sökande behöver komplettera med.'] : [];
    case 'signerat-avtal':
      return facts.hasSignedAgreement ? [] : ['Samarbetsavtal: inget signerat samarbetsavtal finns för insatsen.'];
    case 'slutdatum-passerat':
      return intervention.endDate !== null && intervention.endDate < facts.today
        ? []
        : ['Slutdatum: insatsens slutdatum har inte passerat.'];
    case 'sista-rekvisition':
      return facts.lastQuarterRequisitionRegistered
        ? []
        : ['Rekvisition: sista kvartalets rekvisition är inte registrerad.'];
    case 'slutrapport':
      return facts.hasFinalReport ? [] : ['Slutrapport: ingen slutrapport finns bland insatsens dokument.'];
  }
}
