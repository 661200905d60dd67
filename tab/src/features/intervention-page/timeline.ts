/**
 * The stage timeline, pure: the main path with the passed stages, the current one and those to
 * come. An insats off the path (Komplettering, or ended as Avslagen, Avbruten, Återtagen) shows
 * its stage where it left the path; an ended one shows nothing after it. Dates come from the
 * stage history when there is one: the demo data and rows typed in SharePoint may have none,
 * and a passed stage is still passed without a date.
 */
import type { Stage } from '../../../../src/domain/vocabulary.ts';
import { EXIT_STAGES, MAIN_PATH } from '../interventions/stage-order.ts';

export type StepState = 'passed' | 'current' | 'upcoming';

export type TimelineStep = {
  readonly stage: Stage;
  readonly state: StepState;
  /** when the insats last entered this stage (ISO instant), if the history says */
  readonly at: string | null;
};

type Change = { readonly at: string; readonly from: Stage; readonly to: Stage };

/** where an insats usually leaves the path for these stages, when the history does not say */
const USUAL_EXIT: Readonly<Partial<Record<Stage, Stage>>> = {
  Komplettering: 'Beredning',
  Avslagen: 'Förslag till styrelsen',
  Avbruten: 'Pågående',
  Återtagen: 'Inkommen',
};

function latestInto(history: readonly Change[], stage: Stage): Change | undefined {
  return history.filter((change) => change.to === stage).sort((a, b) => b.at.localeCompare(a.at))[0];
}

export function timelineOf(current: Stage, history: readonly Change[]): TimelineStep[] {
  const at = (stage: Stage) => latestInto(history, stage)?.at ?? null;
  const onPath = MAIN_PATH.indexOf(current);
  if (onPath !== -1) {
    return MAIN_PATH.map((stage, index) => ({
      stage,
      state: index < onPath ? 'passed' : index === onPath ? 'current' : 'upcoming',
      at: index <= onPath ? at(stage) : null,
    }));
  }
  const recordedFrom = latestInto(history, current)?.from;
  // from Komplettering (or another stage off the path) back to where that one left it
  const from =
    recordedFrom !== undefined && MAIN_PATH.includes(recordedFrom)
      ? recordedFrom
      : (USUAL_EXIT[current] ?? MAIN_PATH[0] ?? 'Idé');
  const exit = Math.max(0, MAIN_PATH.indexOf(from));
  const before: TimelineStep[] = MAIN_PATH.slice(0, exit + 1).map((stage) => ({
    stage,
    state: 'passed',
    at: at(stage),
  }));
  const here: TimelineStep = { stage: current, state: 'current', at: at(current) };
  const after: TimelineStep[] = EXIT_STAGES.includes(current)
    ? []
    : MAIN_PATH.slice(exit + 1).map((stage) => ({ stage, state: 'upcoming', at: null }));
  return [...before, here, ...after];
}
