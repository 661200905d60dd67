/**
 * The sentences of one approval, built from the server's view the way the card builds them: the
 * outcome, how a vote counts (ersättare), and what the viewer sees instead of the buttons.
 */
import type { z } from 'zod';
import type { approvalViewSchema } from '../../api/contracts.ts';
import type { Language } from '../../i18n/language.tsx';
import type { ApprovalsStrings } from './approvals-strings.ts';
import { dayOf, dayText, nameWithCode, timeText } from './inbox-text.ts';

export type ApprovalView = z.infer<typeof approvalViewSchema>;
export type ApprovalVote = ApprovalView['votes'][number];

/** the title with the insats's code in it, unless the title already names it */
export function titleWithCode(view: ApprovalView): string {
  if (view.intervention === null) {
    return view.title;
  }
  return nameWithCode(view.intervention.code, view.title);
}

/** the outcome in one line, for a closed approval; null while it is open */
export function outcomeText(
  view: ApprovalView,
  strings: ApprovalsStrings,
  term: (value: string) => string,
  language: Language,
): string | null {
  const on = dayOf(view.decidedAt);
  switch (view.status) {
    case 'Pågår':
      return null;
    case 'Godkänd':
    case 'Avslagen':
      return strings.outcomeDecided(term(view.status), on, decidedBy(view, strings));
    case 'Återkallad': {
      const reason = view.withdrawnReason?.trim() ?? '';
      return strings.outcomeWithdrawn(on, reason === '' ? null : reason);
    }
    case 'Utgången':
      return strings.outcomeExpired(on, view.dueDate === null ? null : dayText(view.dueDate, language));
  }
}

/** "5 av 7 organisationer godkände", or under 'Först svarande' who decided */
function decidedBy(view: ApprovalView, strings: ApprovalsStrings): string {
  if (view.rule === 'Först svarande') {
    const first = [...view.votes]
      .filter((vote) => vote.counted && vote.decision !== 'Avstår')
      .sort((a, b) => a.at.localeCompare(b.at))[0];
    if (first !== undefined) {
      return strings.firstDecided(first.name, first.decision);
    }
  }
  return strings.decidedBySentence(view.tally);
}

/** why a vote counts or not, in parentheses after it; null when it simply counts */
export function voteMarker(view: ApprovalView, vote: ApprovalVote, strings: ApprovalsStrings): string | null {
  if (vote.substitute) {
    if (!vote.counted) {
      return strings.substituteReplaced;
    }
    return view.status === 'Pågår' ? strings.substituteCounting : strings.substitute;
  }
  return vote.counted ? null : strings.notCounted;
}

/** what the viewer is told instead of the buttons; null when there is nothing to say */
export function viewerStateText(view: ApprovalView, strings: ApprovalsStrings, now: Date): string | null {
  const { viewer } = view;
  if (viewer.myVote !== null) {
    return strings.youVoted(viewer.myVote.decision, timeText(viewer.myVote.at, now));
  }
  if (view.status !== 'Pågår') {
    // the outcome above says it all to someone who had no vote here
    return viewer.approver === null ? null : strings.closedNoVote;
  }
  if (viewer.approver === null) {
    return strings.notApprover(view.stage);
  }
  if (viewer.approver.substitute && view.rule === 'En per medlemsorganisation') {
    return strings.substituteNotNeeded;
  }
  return strings.notAwaited;
}
